"""Money only at the user's own rate: a price per credit, or a plan's price over its credits, each
as typed, refused with a message naming the field when it is not a number in bounds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from imagine_calc.core.estimates.money import Rate, parse_plan, parse_rate
from imagine_calc.core.limits import MAX_BALANCE, MAX_MONEY, LimitError


def test_a_plan_is_its_price_over_its_credits_in_the_named_currency() -> None:
    rate = parse_plan("29.99", "3,000", " EUR ")
    assert rate == Rate(Decimal("29.99") / Decimal(3000), "EUR")
    assert rate is not None and rate.cost(Decimal(3000)) == Decimal("29.99")


def test_a_plans_price_may_have_a_decimal_comma_its_credits_group_thousands() -> None:
    assert parse_plan("29,99", "3000", "EUR") == parse_plan("29.99", "3,000", "EUR")
    assert parse_plan("12", "1,000,000", "EUR") == Rate(Decimal("0.000012"), "EUR")


def test_an_empty_plan_is_no_rate_but_half_a_plan_is_refused() -> None:
    assert parse_plan(" ", "", "EUR") is None
    with pytest.raises(LimitError, match="a plan's credits must be a number, got ''"):
        parse_plan("29.99", "", "EUR")
    with pytest.raises(LimitError, match="a plan's price must be a number, got ''"):
        parse_plan("", "3000", "EUR")


def test_each_part_of_a_plan_is_named_when_it_is_wrong() -> None:
    with pytest.raises(LimitError, match="a plan's price must be a number from 0 to 1,000,000,000"):
        parse_plan("-5", "3000", "EUR")
    with pytest.raises(LimitError, match="a plan's credits must be a number from 0 to 100,000,000"):
        parse_plan("5", "100,000,001", "EUR")
    with pytest.raises(LimitError, match="a plan's credits must be more than 0 and at most 100,000,000"):
        parse_plan("5", "0", "EUR")


def test_a_free_plan_and_the_largest_plan_are_rates() -> None:
    assert Rate.from_plan(Decimal(0), Decimal(100), "EUR") == Rate(Decimal(0), "EUR")
    largest = Rate.from_plan(Decimal(MAX_MONEY), Decimal(MAX_BALANCE), "EUR")
    assert largest.per_credit == Decimal(MAX_MONEY) / Decimal(MAX_BALANCE)
    assert Rate.from_plan(Decimal(1), Decimal("0.5"), "EUR").per_credit == 2
    assert Rate.from_plan(Decimal(3), Decimal(1), "EUR").per_credit == 3


@pytest.mark.parametrize("price", ["-0.01", "1000000000.01", "NaN", "Infinity"])
def test_a_plans_price_out_of_bounds_is_refused(price: str) -> None:
    with pytest.raises(ValueError, match=r"^a plan's price must be from 0 to 1,000,000,000$"):
        Rate.from_plan(Decimal(price), Decimal(1000), "EUR")


@pytest.mark.parametrize("credits", ["0", "-1", "100000000.5", "NaN", "-Infinity"])
def test_a_plans_credits_out_of_bounds_are_refused(credits: str) -> None:
    with pytest.raises(ValueError, match=r"^a plan's credits must be more than 0 and at most 100,000,000$"):
        Rate.from_plan(Decimal(10), Decimal(credits), "EUR")


def test_a_rate_per_credit_as_typed() -> None:
    assert parse_rate(" 0,012 ", " EUR ") == Rate(Decimal("0.012"), "EUR")
    assert parse_rate("  ", "EUR") is None
    with pytest.raises(LimitError, match="a price per credit must be a number, got 'ten'"):
        parse_rate("ten", "EUR")


def test_the_cost_is_exact() -> None:
    assert Rate(Decimal("0.012"), "EUR").cost(Decimal("12800.5")) == Decimal("153.606")
