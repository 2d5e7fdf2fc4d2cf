"""Money only at the user's own rate: a price per credit, or a plan's price over its credits, each
as typed, refused with a message naming the field when it is not a number in bounds."""

from __future__ import annotations

from decimal import Decimal
from decimal import Decimal as D

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


def test_a_plans_rate_is_its_price_over_its_credits_exactly() -> None:
    rate = Rate.from_plan(D("29.99"), D(3000), "USD")
    assert rate.per_credit == D("29.99") / D(3000)
    assert rate.cost(D(3000)) == D("29.99")  # the whole plan costs what was typed
    assert rate.currency == "USD"


def test_a_cost_is_exact_at_any_count() -> None:
    assert Rate(D("0.012"), "EUR").cost(D("41.472")) == D("0.497664")
    assert Rate(D("0.012"), "EUR").cost(D(0)) == 0


@pytest.mark.parametrize(
    ("price", "credits", "message"),
    [
        (D(10), D(0), "a plan's credits must be more than 0"),
        (D(10), D(-5), "a plan's credits must be more than 0"),
        (D(10), D(MAX_BALANCE + 1), "at most 100,000,000"),
        (D(10), D("NaN"), "a plan's credits must be more than 0"),
        (D(-1), D(3000), "a plan's price must be from 0 to 1,000,000,000"),
        (D("Infinity"), D(3000), "a plan's price must be from 0"),
    ],
)
def test_a_plan_that_cannot_be_is_refused_naming_the_part(price: D, credits: D, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Rate.from_plan(price, credits, "EUR")


def test_a_free_plan_costs_nothing_per_credit() -> None:
    assert Rate.from_plan(D(0), D(100), "EUR").per_credit == 0


def test_a_typed_rate_is_read_as_people_write_it_and_an_empty_field_is_no_rate() -> None:
    assert parse_rate(" 0,012 ", " EUR ") == Rate(D("0.012"), "EUR")
    assert parse_rate("0.012", "") == Rate(D("0.012"), "")
    assert parse_rate("   ", "EUR") is None


def test_a_typed_rate_that_is_no_number_is_refused_with_what_was_typed() -> None:
    with pytest.raises(LimitError, match="a price per credit must be a number, got 'cheap'"):
        parse_rate("cheap", "EUR")


def test_a_typed_plan_groups_thousands_in_its_credits_and_may_use_a_decimal_comma_in_its_price() -> None:
    assert parse_plan("29,99", "3,000", "USD") == Rate(D("29.99") / D(3000), "USD")
    assert parse_plan("29.99", "3000", "USD") == parse_plan("29,99", "3,000", "USD")


def test_a_typed_plan_needs_both_parts() -> None:
    assert parse_plan(" ", "", "EUR") is None  # nothing typed: no rate
    with pytest.raises(LimitError, match="a plan's price must be a number, got ''"):
        parse_plan("", "3000", "EUR")
    with pytest.raises(LimitError, match="a plan's credits must be a number, got ''"):
        parse_plan("29.99", "", "EUR")


def test_a_typed_plan_out_of_bounds_is_a_limit_error_not_a_crash() -> None:
    with pytest.raises(LimitError, match="a plan's credits must be more than 0"):
        parse_plan("29.99", "0", "EUR")
    with pytest.raises(LimitError, match="a plan's credits must be a number from 0 to 100,000,000"):
        parse_plan("29.99", "200,000,000", "EUR")
