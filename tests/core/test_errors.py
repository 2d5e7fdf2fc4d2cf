"""The core's errors say where and what: a catalog problem by file, line and key, every problem
of a file at once, and a refused quote with what would be allowed."""

from __future__ import annotations

import pytest

from imagine_calc.core.errors import CatalogError, Problem, QuoteError


def test_a_problem_reads_file_line_key_then_message() -> None:
    assert str(Problem("override.yaml", 7, "models[2].price", "must be a number")) == (
        "override.yaml:7: models[2].price: must be a number"
    )


def test_a_problem_without_a_line_or_a_key_leaves_them_out() -> None:
    assert str(Problem("page.md", None, "", "no table")) == "page.md: no table"
    assert str(Problem("page.md", 0, "", "empty")) == "page.md:0: empty"


def test_a_catalog_error_carries_every_problem_first_one_first() -> None:
    problems = [Problem("a.yaml", 1, "id", "missing"), Problem("a.yaml", 9, "price", "negative")]
    error = CatalogError(problems)
    assert error.problems == tuple(problems)
    assert error.first == problems[0]
    assert str(error) == "a.yaml:1: id: missing\na.yaml:9: price: negative"


def test_a_refused_quote_lists_what_is_allowed() -> None:
    error = QuoteError("Flux does not offer 4K", ["1K", "2K"])
    assert error.allowed == ("1K", "2K")
    assert str(error) == "Flux does not offer 4K (allowed: 1K, 2K)"
    assert isinstance(error, ValueError)


def test_a_refused_quote_with_nothing_allowed_says_only_why() -> None:
    error = QuoteError("no model 'x'")
    assert error.allowed == ()
    assert str(error) == "no model 'x'"


@pytest.mark.parametrize(
    ("problem", "said"),
    [
        (
            Problem("override.yaml", 7, "models[2].price", "a price cannot be negative, got -3"),
            "override.yaml:7: models[2].price: a price cannot be negative, got -3",
        ),
        (Problem("override.yaml", None, "images", "missing"), "override.yaml: images: missing"),
        (Problem("page.yaml", 3, "", "not valid YAML"), "page.yaml:3: not valid YAML"),
        (Problem("/tmp/o.yaml", None, "", "is a folder"), "/tmp/o.yaml: is a folder"),
    ],
)
def test_a_problem_reads_file_line_key_then_message_leaving_out_what_is_not_known(
    problem: Problem, said: str
) -> None:
    assert str(problem) == said


def test_a_catalog_error_carries_every_problem_first_one_first_a_line_each() -> None:
    problems = [
        Problem("o.yaml", 4, "models[0].price", "a price cannot be negative, got -1"),
        Problem("o.yaml", 9, "models[1].aspect_ratios[0]", "malformed aspect ratio 'wide'"),
    ]
    error = CatalogError(problems)
    assert error.problems == tuple(problems) and error.first == problems[0]
    assert str(error).splitlines() == [str(p) for p in problems]
    problems.clear()  # the error keeps its own copy
    assert len(error.problems) == 2


def test_a_quote_error_names_what_would_be_allowed() -> None:
    error = QuoteError("Flux 2 Pro does not offer 4K", ["1K", "2K"])
    assert str(error) == "Flux 2 Pro does not offer 4K (allowed: 1K, 2K)"
    assert error.allowed == ("1K", "2K")


def test_a_quote_error_with_nothing_to_allow_is_the_message_alone() -> None:
    error = QuoteError("no model 'dall-e'")
    assert str(error) == "no model 'dall-e'" and error.allowed == ()


def test_a_quote_error_is_a_value_error_so_a_caller_of_bad_values_catches_it() -> None:
    with pytest.raises(ValueError, match="allowed: 2×, 4×"):
        raise QuoteError("Topaz has no 8× scale", ("2×", "4×"))
