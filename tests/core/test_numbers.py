"""How figures are written: exact and grouped, estimates rounded as a person reads them, the locale's
signs where the window passes them, and plain digits for files and JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from decimal import Decimal as D

import pytest

from imagine_calc.core.numbers import (
    PLAIN,
    NumberStyle,
    approx,
    cldr_date,
    group_thousands,
    json_number,
    locale_style,
    number,
    plain_decimal,
    rounded,
    signed,
    significant,
    whole,
)

FRENCH = NumberStyle(integer=lambda n: group_thousands(n, "\u202f"), point=",", minus="−", plus="＋")


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1,000"),
        (12_800, "12,800"),
        (100_000, "100,000"),
        (1_234_567, "1,234,567"),
        (-1234, "-1,234"),
        (-999, "-999"),
        (10**24, "1,000,000,000,000,000,000,000,000"),
    ],
)
def test_whole_numbers_are_grouped_by_thousands(n: int, text: str) -> None:
    assert group_thousands(n) == text


def test_the_locale_chooses_the_thousands_separator() -> None:
    assert group_thousands(1_234_567, "\u202f") == "1\u202f234\u202f567"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("1040", "1,040"),
        ("73.50", "73.5"),
        ("41.472", "41.472"),
        ("-24.5", "-24.5"),
        ("0", "0"),
        ("0.000", "0"),
        ("1E+3", "1,000"),
        ("0.0051", "0.0051"),
    ],
)
def test_a_figure_is_exact_grouped_and_has_no_trailing_zeros(value: str, text: str) -> None:
    assert number(Decimal(value)) == text


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_what_is_not_a_figure_reads_as_a_question_mark(value: str) -> None:
    assert number(Decimal(value)) == "?"


def test_a_figure_beyond_every_bound_is_written_short_not_digit_by_digit() -> None:
    assert number(Decimal(10) ** 30) == group_thousands(10**30)  # the largest written in full
    assert number(Decimal(10) ** 31) == "1.000E+31"
    assert number(Decimal("1E+1000000")) == "1.000E+1000000"


def test_the_locale_writes_the_grouping_the_point_and_the_minus() -> None:
    assert number(Decimal("-1234.5"), FRENCH) == "−1\u202f234,5"
    assert number(Decimal("1234"), FRENCH) == "1\u202f234"  # no point without a fraction
    assert whole(-12_800, FRENCH) == "−12\u202f800"


@pytest.mark.parametrize(
    ("value", "text"), [("49", "+49"), ("-24.5", "-24.5"), ("0", "±0"), ("-0", "±0"), ("0.5", "+0.5")]
)
def test_a_change_is_signed_and_no_change_is_plus_minus_zero(value: str, text: str) -> None:
    assert signed(Decimal(value)) == text


def test_a_change_uses_the_locales_signs() -> None:
    assert signed(Decimal(49), FRENCH) == "＋49"
    assert signed(Decimal(-1500), FRENCH) == "−1\u202f500"


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("41.472", "41"),  # Topaz 1920×1080 at 2×: whole credits from 10 up
        ("10", "10"),
        ("10.5", "11"),  # halves round up, as a person rounds
        ("-41.5", "-42"),
        ("9.95", "10"),  # below 10: two significant digits
        ("4.608", "4.6"),
        ("4.65", "4.7"),
        ("0.00512", "0.0051"),  # a 16 px icon
        ("0.125", "0.13"),
        ("0", "0"),
    ],
)
def test_an_estimate_is_rounded_as_a_person_reads_it(value: str, read: str) -> None:
    assert rounded(Decimal(value)) == Decimal(read)


def test_an_approximate_figure_is_written_rounded() -> None:
    assert approx(Decimal("5497.2")) == "5,497"
    assert approx(Decimal("4.608"), FRENCH) == "4,6"


@pytest.mark.parametrize(
    ("value", "digits", "kept"),
    [
        ("0.0099966666", 4, "0.009997"),
        ("123456", 4, "1.235E+5"),
        ("123456", 2, "1.2E+5"),
        ("2.5", 1, "3"),
        ("0", 4, "0"),
    ],
)
def test_a_rate_keeps_a_few_significant_digits(value: str, digits: int, kept: str) -> None:
    assert str(significant(Decimal(value), digits)) == kept


def test_four_significant_digits_unless_told() -> None:
    assert str(significant(Decimal("3.14159265"))) == "3.142"


@pytest.mark.parametrize(
    ("value", "text"),
    [("1.28E+4", "12800"), ("629.14560", "629.1456"), ("0", "0"), ("0.00", "0"), ("-3.50", "-3.5")],
)
def test_files_get_plain_exact_digits(value: str, text: str) -> None:
    assert plain_decimal(Decimal(value)) == text


def test_json_numbers_are_whole_when_they_can_be_and_exact_otherwise() -> None:
    assert json_number(None) is None
    whole_number = json_number(Decimal("12800.0"))
    assert whole_number == 12800 and isinstance(whole_number, int)
    fraction = json_number(Decimal("73.5"))
    assert fraction == 73.5 and isinstance(fraction, float)
    assert repr(json_number(Decimal("629.1456"))) == "629.1456"


GERMAN = NumberStyle(lambda n: group_thousands(n, "."), ",", "\u2212", "+")


@pytest.mark.parametrize(
    ("n", "grouped"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (12800, "12,800"),
        (-1234567, "-1,234,567"),
        (10**21, "1,000,000,000,000,000,000,000"),
    ],
)
def test_thousands_are_grouped_in_threes_from_the_right(n: int, grouped: str) -> None:
    assert group_thousands(n) == grouped


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (D("73.50"), "73.5"),  # no trailing zero
        (D("1040"), "1,040"),  # Magnific 16×, as the page writes it
        (D("1E+3"), "1,000"),  # an exponent is written out
        (D("41.472"), "41.472"),  # every digit: Topaz's 20 × 2.0736
        (D("-24.5"), "-24.5"),
        (D("0.00512"), "0.00512"),
        (D("12800.000"), "12,800"),
    ],
)
def test_a_figure_keeps_every_digit_and_no_trailing_zero(value: D, written: str) -> None:
    assert number(value) == written


def test_a_figure_that_is_no_number_is_a_question_mark_and_a_huge_one_is_short() -> None:
    assert number(D("NaN")) == number(D("Infinity")) == "?"
    assert number(D("1e40")) == "1.000E+40"  # beyond every bound: never a 40-digit string


def test_a_locale_style_writes_its_own_groups_point_and_minus() -> None:
    assert number(D("-1234.5"), GERMAN) == "\u22121.234,5"
    assert whole(12800, GERMAN) == "12.800"
    assert signed(D("24.5"), GERMAN) == "+24,5" and signed(D("-49"), GERMAN) == "\u221249"


@pytest.mark.parametrize(
    ("value", "written"), [(D(49), "+49"), (D("-24.5"), "-24.5"), (D(0), "±0"), (D("-0.00"), "±0")]
)
def test_what_a_choice_would_change_carries_its_sign(value: D, written: str) -> None:
    assert signed(value) == written


@pytest.mark.parametrize(
    ("value", "read"),
    [
        (D("41.472"), D(41)),  # the page's "approximately 41"
        (D("10.5"), D(11)),  # half up, not to even
        (D("12.5"), D(13)),
        (D("9.96"), D("10.0")),  # two significant digits below 10
        (D("4.608"), D("4.6")),
        (D("0.00515"), D("0.0052")),
        (D("-41.5"), D(-42)),
        (D(0), D(0)),
    ],
)
def test_an_estimate_reads_whole_from_10_up_else_to_two_significant_digits(value: D, read: D) -> None:
    assert rounded(value) == read


def test_an_estimate_is_written_as_it_is_read() -> None:
    assert approx(D("5497.2")) == "5,497"
    assert approx(D("9.96")) == "10"  # not "10.0"
    assert approx(D("2816.5"), GERMAN) == "2.817"


@pytest.mark.parametrize(
    ("value", "digits", "kept"),
    [
        (D(1) / D(3), 4, D("0.3333")),
        (D("29.99") / D(3000), 4, D("0.009997")),  # a plan's rate: 29.99 for 3,000 credits
        (D(123456), 2, D("1.2E+5")),
        (D(0), 4, D(0)),
    ],
)
def test_significant_digits_round_half_up_at_any_scale(value: D, digits: int, kept: D) -> None:
    result = significant(value, digits)
    assert (result == kept and len(result.as_tuple().digits) == digits) or result == 0


@pytest.mark.parametrize(
    ("value", "written"),
    [(D("1.28E+4"), "12800"), (D("629.14560"), "629.1456"), (D("0.000"), "0"), (D("-7.50"), "-7.5")],
)
def test_a_file_gets_a_plain_exact_decimal_never_an_exponent(value: D, written: str) -> None:
    assert plain_decimal(value) == written
    assert D(written) == value


def test_json_gets_whole_numbers_as_integers_and_the_rest_as_their_exact_decimal() -> None:
    assert json_number(None) is None
    whole_credits = json_number(D("147.00"))
    assert whole_credits == 147 and isinstance(whole_credits, int)
    assert json.dumps(json_number(D("41.472"))) == "41.472"
    assert json.dumps(json_number(D("73.5"))) == "73.5"


def test_plain_is_the_command_lines_and_the_files_style() -> None:
    assert (PLAIN.point, PLAIN.minus, PLAIN.plus) == (".", "-", "+")
    assert PLAIN.integer(1234) == "1,234"


# --- a locale's own figures and days, from CLDR (figures.json beside the catalogs) ------------


def test_a_locale_writes_cldrs_figures_even_where_the_machine_has_no_locales() -> None:
    german, swiss = locale_style("de_DE"), locale_style("de_CH")
    assert number(D("-1234.5"), german) == "-1.234,5" and whole(12800, german) == "12.800"
    assert number(D("1234.5"), swiss) == "1'234.5"
    assert german.date(dt.date(2027, 1, 5)) == "05.01.2027"  # the whole year, as the window


def test_english_and_a_language_without_a_catalog_write_plain_figures() -> None:
    assert locale_style("") is PLAIN and locale_style("it_IT") is PLAIN and locale_style("pseudo") is PLAIN


@pytest.mark.parametrize(
    ("pattern", "day"),
    [
        ("dd.MM.yy", "05.01.2027"),
        ("M/d/yy", "1/5/2027"),
        ("dd/MM/y", "05/01/2027"),
        ("d/M/yy", "5/1/2027"),
        ("y-MM-dd", "2027-01-05"),
        ("d 'de' MMMM", "2027-01-05"),  # a month's name is no short date: ISO 8601 instead
        ("dd'.'MM'.'yy", "05.01.2027"),  # quoted literals
    ],
)
def test_a_cldr_short_date_is_written_with_the_whole_year(pattern: str, day: str) -> None:
    assert cldr_date(dt.date(2027, 1, 5), pattern) == day


def test_a_locale_that_groups_late_leaves_four_digits_whole() -> None:
    # CLDR's minimum grouping digits: 2 in Spanish ("2940", "12.940"), 1 in German.
    assert group_thousands(2940, ".", 2) == "2940"
    assert group_thousands(-12940, ".", 2) == "-12.940"
    assert group_thousands(2940, ".") == "2.940"
