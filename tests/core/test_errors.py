"""The core's errors say where and what: a catalog problem by file, line and key, every problem
of a file at once, and a refused quote with what would be allowed."""

from __future__ import annotations

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
