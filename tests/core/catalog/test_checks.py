"""The checks of one value: what is wrong is named by its key path and line, with the value as
the file wrote it, in the language in use."""

from __future__ import annotations

from typing import Any

from imagine_calc.core import language
from imagine_calc.core.catalog.checks import INVALID, Checker, credits, described, tier
from imagine_calc.core.catalog.yaml_source import parse_yaml


def problems_of(check: Any, yaml_text: str) -> tuple[Any, list[str]]:
    doc = parse_yaml(yaml_text, "override.yaml")
    ck = Checker(doc)
    return check(doc.data["price"], ["price"], ck), [str(p) for p in ck.problems]


def test_a_negative_price_is_refused_and_named_at_its_line() -> None:
    assert problems_of(credits, "name: x\nprice: -3\n") == (
        INVALID,
        ["override.yaml:2: price: a price cannot be negative, got -3"],
    )


def test_a_value_that_is_not_a_tier_lists_the_tiers() -> None:
    assert problems_of(tier, "price: 8K\n")[1] == [
        "override.yaml:1: price: unknown resolution tier '8K' (tiers: 1K, 2K, 3K, 4K)"
    ]


def test_the_problem_is_said_in_the_language_in_use() -> None:
    language.set_language("de")
    assert problems_of(credits, "price: -3\n")[1] == [
        "override.yaml:1: price: ein Preis kann nicht negativ sein, erhalten: -3"
    ]
    assert described([1, 2]) == "ein Wert vom Typ list"


def test_a_huge_number_is_described_by_its_length_not_written_out() -> None:
    assert described(10**200) == "a number of 202-odd digits"
