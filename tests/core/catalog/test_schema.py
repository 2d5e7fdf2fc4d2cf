"""The schema's building blocks, built here as the catalog's records are: a record of known keys,
a choice among values, and a mapping of field to reason; each keeps what is valid and names, by
key path, everything that is not."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from imagine_calc.core.catalog.schema import (
    INVALID,
    Checker,
    Fragment,
    check_fragment,
    count,
    one_of,
    reasons,
    record,
    text,
)
from imagine_calc.core.catalog.yaml_source import YamlDocument, parse_yaml
from tests.core.catalog.overrides import GOOD_MODEL, override_problems


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


@pytest.mark.parametrize(
    ("bad_line", "line", "key_path", "message"),
    [
        ("    colour: red", 8, "models[0].colour", "unknown key 'colour'"),
        ("    price: -3", 5, "models[0].price", "cannot be negative"),
        ('    price: "12"', 5, "models[0].price", "expected a number"),
        ("    price: true", 5, "models[0].price", "expected a number"),
        ("    price: {1K: 10, 5K: 20}", 5, "models[0].price.5K", "unknown resolution tier '5K'"),
        ("    max_resolution: 8K", 6, "models[0].max_resolution", "unknown resolution tier"),
        ('    aspect_ratios: ["16x9"]', 7, "models[0].aspect_ratios[0]", "malformed aspect ratio"),
        ("    name: 12", 3, "models[0].name", "expected non-empty text"),
    ],
)
def test_schema_errors_name_line_and_key_path(bad_line: str, line: int, key_path: str, message: str) -> None:
    lines = GOOD_MODEL.strip("\n").split("\n")
    key = bad_line.split(":")[0]
    replaced = [bad_line if ln.split(":")[0] == key else ln for ln in lines]
    if replaced == lines:
        replaced.append(bad_line)
    problems = override_problems("\n".join(replaced) + "\n")
    assert any(p.startswith(f"override.yaml:{line}: {key_path}:") and message in p for p in problems), (
        problems
    )


def test_duplicate_ids_are_rejected() -> None:
    text = GOOD_MODEL + GOOD_MODEL.replace("models:\n", "")
    problems = override_problems(text)
    assert any("duplicate id 'test-model'" in p and "models[1].id" in p for p in problems)


def test_a_new_model_must_be_complete() -> None:
    problems = override_problems("models:\n  - id: half\n    name: Half\n")
    assert any("missing required key 'price'" in p for p in problems)


def test_unknown_section_and_wrong_top_level_type() -> None:
    assert "unknown section 'prices'" in override_problems("prices: {}\n")[0]
    assert "expected a mapping" in override_problems("- just a list\n")[0]


def test_all_problems_are_reported_at_once() -> None:
    text = GOOD_MODEL.replace("price: 10", "price: -1").replace('"16:9"', '"wide"')
    assert len(override_problems(text)) == 2


# --- one file checked on its own ------------------------------------------------------------


def checked(
    text: str, *, partial: bool = False, known: frozenset[str] = frozenset()
) -> tuple[Fragment, list[str]]:
    fragment, found = check_fragment(parse_yaml(text, "f.yaml"), partial=partial, known_models=known)
    return fragment, [str(p) for p in found]


MODEL = """models:
  - id: my-model
    name: "  My Model  "
    description: d
    price: {1K: 0.1, 2K: 73.5}
    max_resolution: 2K
    resolutions: [2K, 1K]
    aspect_ratios: ["16:9", "1:1"]
"""


def test_values_come_out_normalised_prices_as_the_decimals_written() -> None:
    fragment, found = checked(MODEL)
    assert found == []
    index, model = fragment.models["my-model"]
    assert index == 0
    assert model["price"] == {"1K": Decimal("0.1"), "2K": Decimal("73.5")}  # not 0.1000000000000000055
    assert model["name"] == "My Model"
    assert model["resolutions"] == ("1K", "2K")  # ascending, whatever order they were listed in
    assert model["aspect_ratios"] == ("16:9", "1:1")  # as the page lists them


def test_an_override_may_name_only_what_it_changes_of_a_model_it_knows() -> None:
    text = "models:\n  - id: flux-dev\n    price: 7\n"
    fragment, found = checked(text, partial=True, known=frozenset({"flux-dev"}))
    assert found == [] and fragment.models["flux-dev"][1] == {"id": "flux-dev", "price": Decimal(7)}
    _, found = checked(text, partial=True)  # a model it does not know is a new one: complete
    assert "f.yaml:2: models[0]: missing required key 'name'" in found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "models:\n  - id: Flux Dev\n",
            "f.yaml:2: models[0].id: expected an id of a-z, 0-9 and '-', got 'Flux Dev'",
        ),
        ("images: {min: 0, max: 4}\n", "f.yaml:1: images.min: expected a whole number from 1 to 1000, got 0"),
        (
            "images: {min: 1, max: true}\n",
            "f.yaml:1: images.max: expected a whole number from 1 to 1000, got true",
        ),
        (
            "prompt_enhancer: {name: P, surcharge: 2, applies: per_request}\n",
            "f.yaml:1: prompt_enhancer.applies: expected one of per_generation, per_image, null, "
            "got 'per_request'",
        ),
        (
            "prompt_enhancer: {name: P, surcharge: .nan, applies: null}\n",
            "f.yaml:1: prompt_enhancer.surcharge: expected a finite number of credits, got nan",
        ),
        (
            "meta: {version: '1', as_of: 2026-11-26 10:00:00, source: {title: t, url: u}}\n",
            "f.yaml:1: meta.as_of: expected a date as YYYY-MM-DD, got a datetime",
        ),
        (
            "meta: {version: '1', as_of: '2026-11-26', source: {title: t, url: u}}\n",
            "f.yaml:1: meta.as_of: expected a date as YYYY-MM-DD, got '2026-11-26'",  # text, not a date
        ),
        (
            "upscale_engines:\n  - {id: e, name: E, description: d, pricing: fixed, scales: {1: 5}}\n",
            "f.yaml:2: upscale_engines[0].scales.1: a scale is a whole number from 2 to 64, got 1",
        ),
        (
            "models:\n  - id: m\n    unknown: {colour: because}\n",
            "f.yaml:3: models[0].unknown.colour: unknown field 'colour' (fields: price, max_resolution)",
        ),
        (
            "models:\n  - id: m\n    resolutions: [1K, 2K, 1K]\n",
            "f.yaml:3: models[0].resolutions[2]: resolution 1K is listed twice",
        ),
        (
            "models:\n  - id: m\n    aspect_ratios: ['1:1', '1:1']\n",
            "f.yaml:3: models[0].aspect_ratios[1]: aspect ratio 1:1 is listed twice",
        ),
        ("models: {id: m}\n", "f.yaml:1: models: expected a list of records, got a dict"),
        ("observed: 5\n", "f.yaml:1: observed: expected a list of recorded prices, got 5"),
    ],
)
def test_each_check_names_the_value_it_refuses(text: str, said: str) -> None:
    _, found = checked(text, partial=True, known=frozenset({"m", "e"}))
    assert said in found, found


def test_a_price_above_the_bound_and_a_number_too_long_to_print_are_named_as_such() -> None:
    _, found = checked("models:\n  - id: m\n    price: 1000001\n", partial=True, known=frozenset({"m"}))
    assert found == ["f.yaml:3: models[0].price: a price is at most 1,000,000 credits, got 1000001"]
    _, found = checked(f"models:\n  - id: m\n    price: {'9' * 200}\n", partial=True, known=frozenset({"m"}))
    assert found[0].startswith(
        "f.yaml:3: models[0].price: a price is at most 1,000,000 credits, got a number of"
    )
    assert "9999" not in found[0]


def test_long_text_in_a_message_is_cut_short() -> None:
    _, found = checked(f"models:\n  - id: '{'x' * 300}'\n", partial=True)
    assert found[0].endswith("got '" + "x" * 57 + "...'")


def test_a_recorded_price_missing_a_part_is_named_and_left_out() -> None:
    text = "observed:\n  - {model: flux-dev, resolution: 1K, date: 2026-11-27}\n"
    fragment, found = checked(text, partial=True)
    assert found == ["f.yaml:2: observed[0]: missing required key 'credits'"]
    assert fragment.observed == []


@pytest.mark.parametrize(
    ("ratio", "shown"), [('"16x9"', "'16x9'"), ("16", "16"), ('"16:9 wide"', "'16:9 wide'")]
)
def test_a_recorded_price_with_a_malformed_ratio_is_refused_at_its_key(ratio: str, shown: str) -> None:
    problems = override_problems(
        "observed:\n  - model: flux-dev\n    resolution: 1K\n"
        f"    aspect_ratio: {ratio}\n    credits: 6\n    date: 2026-11-27\n"
    )
    assert problems == [
        f'override.yaml:4: observed[0].aspect_ratio: malformed aspect ratio {shown}: expected W:H, as "16:9"'
    ]
