"""How numbers are written (figures, not words): one style per audience, the same rules for
every figure. At the bottom of the core: bounds, files and every layer above use it.

The files and the English command line use PLAIN ("12,800", "73.5", dates as 2027-01-01); the
command line in another language passes `locale_style` (CLDR's data, as Babel gives it, kept
beside the catalogs: the machine may have no locales, so Python's `locale` cannot), the window a
style made from Qt's locale
(gui/shared/locale_numbers.py). Each writes dates too: every sentence that holds a figure or a
date takes the style, so one object says how the locale writes both. Every figure keeps all its
digits unless it is itself an estimate, which reads as a whole number (or two significant digits
when below 10).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import figures, minimum_grouping


def group_thousands(n: int, separator: str = ",", minimum: int = 1) -> str:
    """1234567 -> "1,234,567", for any size of integer; with `minimum` 2 (CLDR's minimum
    grouping digits) a four-digit number stays whole: "1234", "12,345"."""
    digits = str(abs(n))
    if len(digits) < 3 + minimum:
        return ("-" if n < 0 else "") + digits
    head = len(digits) % 3 or 3
    groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return ("-" if n < 0 else "") + separator.join(groups)


@record
class NumberStyle(Frozen):
    """The locale's ways of writing a whole number, the decimal point, the signs and a date."""

    integer: Callable[[int], str] = group_thousands
    point: str = "."
    minus: str = "-"
    plus: str = "+"
    #: A day as the locale writes it; ISO 8601 ("2027-01-01") for the CLI and the files.
    date: Callable[[dt.date], str] = dt.date.isoformat


PLAIN = NumberStyle()


@lru_cache(maxsize=4)
def locale_style(locale: str) -> NumberStyle:
    """How `locale` ("de_DE", "fr", "pt_BR") writes figures and days, from CLDR's data (Babel's,
    kept beside the catalogs: core/language.figures): "1.234,5" and "01.01.2027" in German.
    PLAIN for "" (English) and any locale of a language without a catalog."""
    found = figures(locale)
    if found is None:
        return PLAIN
    point, group, minus, plus, pattern = found
    least = minimum_grouping(locale)

    def integer(n: int) -> str:
        return group_thousands(n, group, least)

    def day(d: dt.date) -> str:
        return cldr_date(d, pattern)

    return NumberStyle(integer, point, minus, plus, day)


#: The fields of a CLDR date pattern, or a quoted literal.
_DATE_FIELD = re.compile(r"'(?:[^']|'')*'|d+|M+|y+|[A-Za-z]+")


def cldr_date(d: dt.date, pattern: str) -> str:
    """`d` in a CLDR short-date pattern ("dd.MM.yy", "M/d/y"), always with the whole year (the
    window's date_format does the same: "1/1/27" leaves the century to guess); ISO 8601 for a
    pattern with fields a short date should not have."""

    def field(m: re.Match[str]) -> str:
        token = m.group()
        if token.startswith("'"):
            return token[1:-1].replace("''", "'") if token != "''" else "'"
        letter, width = token[0], len(token)
        if letter == "d":
            return f"{d.day:0{width}d}"
        if letter == "M" and width <= 2:
            return f"{d.month:0{width}d}"
        if letter == "y":
            return f"{d.year:04d}"
        raise ValueError(token)

    try:
        return _DATE_FIELD.sub(field, pattern)
    except ValueError:
        return d.isoformat()


def number(value: Decimal, style: NumberStyle = PLAIN) -> str:
    """Exact, grouped, no trailing zeros: 1,040 / 73.5 / 41.472 / -24.5."""
    if not value.is_finite():
        return "?"
    if value.adjusted() > 30:  # beyond every bound: never a million-digit string
        return f"{value:.3E}"
    text = f"{abs(value).normalize():f}"
    whole, _, fraction = text.partition(".")
    out = style.integer(int(whole)) + (style.point + fraction if fraction else "")
    return (style.minus if value < 0 else "") + out


def whole(n: int, style: NumberStyle = PLAIN) -> str:
    return number(Decimal(n), style)


def signed(value: Decimal, style: NumberStyle = PLAIN) -> str:
    """+49 / -24.5 / ±0: what choosing an option would change."""
    if value == 0:
        return "±0"
    return (style.plus if value > 0 else "") + number(value, style)


def rounded(value: Decimal) -> Decimal:
    """An estimate as a person reads it: whole credits from 10 up, else two significant digits
    (Topaz's 41.472 is "41", 4.608 is "4.6", a 16 px icon's 0.00512 is "0.0051")."""
    if value == 0 or abs(value) >= 10:
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    step = Decimal(1).scaleb(value.adjusted() - 1)
    return value.quantize(step, rounding=ROUND_HALF_UP)


def approx(value: Decimal, style: NumberStyle = PLAIN) -> str:
    return number(rounded(value), style)


def significant(value: Decimal, digits: int = 4) -> Decimal:
    """`value` to `digits` significant digits (a money rate: 0.009997, not 0.0099966666…)."""
    if value == 0:
        return value
    return value.quantize(Decimal(1).scaleb(value.adjusted() - digits + 1), rounding=ROUND_HALF_UP)


def plain_decimal(value: Decimal) -> str:
    """Exact and machine-readable, for files: "12800", "629.1456", never "1.28E+4"."""
    return format(value.normalize(), "f") if value else "0"


def json_number(value: Decimal | None) -> int | float | None:
    """A JSON-ready number: int when whole, else the float whose repr is the exact decimal."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
