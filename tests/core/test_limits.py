"""One set of bounds: typed numbers out of them get a message naming the value, never an error."""

from __future__ import annotations

from decimal import Decimal

import pytest

from imagine_calc.core.limits import MAX_CREDITS, LimitError, check_whole, parse_credits, parse_decimal, shown


@pytest.mark.parametrize(
    ("typed", "value"), [("73.5", "73.5"), ("73,5", "73.5"), (" 1040 ", "1040"), ("0", "0")]
)
def test_a_typed_price_is_read_as_people_write_it(typed: str, value: str) -> None:
    assert parse_credits(typed) == Decimal(value)


@pytest.mark.parametrize(
    "typed",
    ["99999999999999999999", "1e999999", "123456789012345678901234567890", "NaN", "-inf", "-1", "lots", ""],
)
def test_a_typed_price_out_of_bounds_is_refused_with_its_value(typed: str) -> None:
    with pytest.raises(LimitError) as caught:
        parse_credits(typed, "The credits")
    assert str(caught.value).startswith("The credits must be a number")
    assert len(str(caught.value)) < 120


def test_whole_numbers_are_checked_against_their_bounds() -> None:
    assert check_whole(3, "images", 1, 4) == 3
    for bad in (0, 5, True, 2.0, "3", 10**5000):
        with pytest.raises(LimitError, match="images must be a whole number from 1 to 4"):
            check_whole(bad, "images", 1, 4)
    assert MAX_CREDITS == 1_000_000


def test_a_value_in_a_message_is_quoted_whole_up_to_thirty_characters() -> None:
    assert shown("x" * 30) == repr("x" * 30)
    assert shown("x" * 31) == repr("x" * 27 + "...")
    assert shown(12) == "'12'"


def test_a_number_too_long_to_write_is_described_not_written() -> None:
    assert shown(2**96 - 1) == repr(str(2**96 - 1))  # 29 digits: written (cut short)
    assert shown(2**96) == "a number of more than 28 digits"
    assert shown(10**5000) == "a number of more than 28 digits"  # str() would refuse it


def test_a_typed_number_may_use_a_decimal_comma_unless_told_not_to() -> None:
    assert parse_decimal(" 1,5 ", "a price", 10) == Decimal("1.5")
    assert parse_decimal("1\u00a0000", "a balance", 10_000) == 1000
    with pytest.raises(LimitError, match=r"^credits must be a number, got '1,5'$"):
        parse_decimal("1,5", "credits", 10, decimal_comma=False)


def test_a_typed_number_may_be_its_bound_but_not_more() -> None:
    assert parse_decimal("10", "a price", 10) == 10
    with pytest.raises(LimitError, match=r"^a price must be a number from 0 to 10, got '10\.01'$"):
        parse_decimal("10.01", "a price", 10)
