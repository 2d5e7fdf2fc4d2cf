"""The catalog's YAML reader: only plain data, every value's line kept so a problem points into
the file, two equal keys refused rather than one silently kept, and anything that is not YAML a
problem naming its file and line, never an exception of another kind."""

from __future__ import annotations

import pytest

from imagine_calc.core.catalog.yaml_source import format_path, parse_yaml
from imagine_calc.core.errors import CatalogError, Problem
from tests.core.catalog.overrides import GOOD_MODEL, override_problems


def refused(text: str) -> list[Problem]:
    with pytest.raises(CatalogError) as info:
        parse_yaml(text, "f.yaml")
    return list(info.value.problems)


def test_broken_yaml_names_file_and_line() -> None:
    problems = override_problems("models:\n  - id: x\n    name: [unclosed\n")
    assert problems[0].startswith("override.yaml:4:")
    assert "not valid YAML" in problems[0]


def test_duplicate_keys_are_rejected_not_silently_overwritten() -> None:
    problems = override_problems(GOOD_MODEL + "    price: 99\n")
    assert any("duplicate key" in p and ":9:" in p for p in problems), problems


def test_python_tags_are_refused_by_the_safe_loader() -> None:
    problems = override_problems("models: !!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in problems[0]


def test_a_key_path_reads_as_it_would_be_written_in_code() -> None:
    assert format_path(["models", 3, "price", "2K"]) == "models[3].price.2K"
    assert format_path(["observed", 0]) == "observed[0]"
    assert format_path([]) == ""


def test_a_problem_points_at_the_line_of_the_deepest_value_it_can_reach() -> None:
    doc = parse_yaml("meta:\n  version: x\nmodels:\n  - id: a\n    price: 5\n", "f.yaml")
    assert doc.line_of(["models", 0, "price"]) == 5
    assert doc.line_of(["models", 0, "colour"]) == 4  # no such key: the record's own line
    assert doc.line_of(["models", 7]) == 4  # no such record: the list's line
    assert doc.line_of([]) == 1
    assert doc.problem(["models", 0, "price"], "too dear") == Problem(
        "f.yaml", 5, "models[0].price", "too dear"
    )


def test_an_empty_file_is_no_data_and_no_line() -> None:
    for text in ("", "# only a comment\n"):
        doc = parse_yaml(text, "empty.yaml")
        assert doc.data is None and doc.line_of(["models"]) is None


def test_two_equal_keys_deep_in_a_list_are_found_at_the_second_ones_line() -> None:
    text = "models:\n  - id: a\n    source:\n      url: x\n      url: y\n"
    assert refused(text) == [Problem("f.yaml", 5, "url", "duplicate key")]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("[" * 100_000, 1, "exceeded maximum nesting depth"),  # a bomb of nesting
        ("a: b: c", 1, "mapping values are not allowed"),
        ("meta:\n\tversion: 1\n", 2, "cannot start any token"),  # a tab indents nothing in YAML
        ("x: !!binary zzz", 1, "base64"),
    ],
)
def test_anything_that_is_not_plain_yaml_is_one_problem_naming_the_line(
    text: str, line: int, reason: str
) -> None:
    [problem] = refused(text)
    assert problem.file == "f.yaml" and problem.line == line
    assert problem.message.startswith("not valid YAML:") and reason in problem.message


def test_dates_and_numbers_come_back_as_yaml_reads_them() -> None:
    doc = parse_yaml("as_of: 2026-11-26\nprice: 73.5\nratio: '16:9'\n", "f.yaml")
    assert (
        str(doc.data["as_of"]) == "2026-11-26" and doc.data["price"] == 73.5 and doc.data["ratio"] == "16:9"
    )


def test_a_date_that_cannot_be_is_a_problem_of_the_file_not_a_crash() -> None:
    # YAML reads 2026-13-01 as a date, which Python cannot make: said, with the file and line.
    [problem] = refused("notes: fine\nas_of: 2026-13-01\n")
    assert (problem.file, problem.line) == ("f.yaml", 2) and "month must be in 1..12" in problem.message


def test_a_date_tag_on_a_list_is_refused_at_its_line() -> None:
    [problem] = refused("notes: fine\nas_of: !!timestamp [1]\n")
    assert (problem.line, problem.message) == (
        2,
        "not valid YAML: expected a date, found a list or a mapping",
    )
