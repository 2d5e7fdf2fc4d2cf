"""The schema's building blocks, built here as the catalog's records are: a record of known keys,
a choice among values, and a mapping of field to reason; each keeps what is valid and names, by
key path, everything that is not."""

from __future__ import annotations

from typing import Any

from imagine_calc.core.catalog.schema import INVALID, Checker, count, one_of, reasons, record, text
from imagine_calc.core.catalog.yaml_source import YamlDocument, parse_yaml


def check(build: Any, yaml_text: str, *args: Any) -> tuple[Any, list[str]]:
    """`build`'s check run on the YAML document, and its problems as the user reads them."""
    doc = parse_yaml(yaml_text, "override.yaml")
    ck = Checker(doc)
    return build(doc.data, [], ck, *args), [str(p) for p in ck.problems]


def test_a_record_keeps_its_checked_values() -> None:
    assert check(record({"name": (text, True), "age": (count, False)}), "name: ' Ada '\nage: 36\n") == (
        {"name": "Ada", "age": 36},
        [],
    )


def test_a_record_names_each_unknown_key_and_keeps_the_rest() -> None:
    checked, problems = check(record({"name": (text, True), "age": (count, False)}), "name: Ada\nhair: red\n")
    assert checked == {"name": "Ada"}
    assert problems == ["override.yaml:2: hair: unknown key 'hair' (keys: name, age)"]


def test_a_record_leaves_out_an_invalid_value_and_says_why() -> None:
    checked, problems = check(record({"name": (text, True), "age": (count, False)}), "name: Ada\nage: old\n")
    assert checked == {"name": "Ada"}
    assert len(problems) == 1 and problems[0].startswith("override.yaml:2: age: ")


def test_a_complete_record_needs_its_required_keys_a_partial_one_does_not() -> None:
    people = record({"name": (text, True), "age": (count, False)})
    assert check(people, "age: 36\n") == ({"age": 36}, ["override.yaml:1: missing required key 'name'"])
    assert check(people, "age: 36\n", False) == ({"age": 36}, [])


def test_a_record_is_a_mapping() -> None:
    checked, problems = check(record({"name": (text, True)}), "- Ada\n")
    assert checked is INVALID and problems == ["override.yaml:1: expected a mapping, got a list"]


def test_a_choice_keeps_an_allowed_value_and_lists_the_choices_otherwise() -> None:
    applies = one_of("per_generation", "per_image", None)
    assert check(applies, "per_image\n") == ("per_image", [])
    assert check(applies, "null\n") == (None, [])
    checked, problems = check(applies, "per_month\n")
    assert checked is INVALID
    assert problems == ["override.yaml:1: expected one of per_generation, per_image, null, got 'per_month'"]


def test_reasons_keep_each_allowed_fields_words_trimmed() -> None:
    why = reasons(("price", "max_resolution"))
    assert check(why, "price: ' Not on the page. '\n") == ({"price": "Not on the page."}, [])


def test_reasons_name_an_unknown_field_and_an_empty_reason() -> None:
    checked, problems = check(
        reasons(("price", "max_resolution")), "colour: red\nprice: ''\nmax_resolution: tooltip\n"
    )
    assert checked == {"max_resolution": "tooltip"}
    assert problems == [
        "override.yaml:1: colour: unknown field 'colour' (fields: price, max_resolution)",
        "override.yaml:2: price: expected non-empty text, got ''",
    ]


def test_reasons_are_a_mapping() -> None:
    checked, problems = check(reasons(("price",)), "just because\n")
    assert checked is INVALID
    assert problems == ["override.yaml:1: expected a mapping of field to reason, got 'just because'"]


def test_an_empty_document_has_no_lines_to_name() -> None:
    ck = Checker(YamlDocument("override.yaml", None, None))
    assert record({"name": (text, True)})(None, [], ck) is INVALID
    assert [str(p) for p in ck.problems] == ["override.yaml: expected a mapping, got null"]
