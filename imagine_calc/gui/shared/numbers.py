"""Locale-aware, exact rendering of Decimal credits (QLocale would round through float)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from imagine_calc.core.pricing.quotes import Quote

#: Qt formats integers as 64-bit; beyond this the digits are grouped here instead.
_QT_SAFE = 2**53


def credits(value: Decimal, locale: QLocale | None = None) -> str:
    """1,040 / 73.5 / 41.472 in the user's locale, every digit kept, however large."""
    loc = locale or QLocale()
    if not value.is_finite():
        return "?"
    if value.adjusted() > 30:  # far beyond any bound; a million digits would freeze the label
        return f"{value:.3E}"
    sign = "-" if value < 0 else ""
    text = f"{abs(value).normalize():f}"
    whole, _, frac = text.partition(".")
    if len(whole) < 16 and int(whole) < _QT_SAFE:
        out = loc.toString(int(whole))
    else:  # never hand Qt a number it cannot hold (it crashed the app on 1e25 credits)
        group = "" if loc.numberOptions() & QLocale.NumberOption.OmitGroupSeparator else loc.groupSeparator()
        head = len(whole) % 3 or 3
        out = group.join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    if frac:
        out += loc.decimalPoint() + frac
    return (loc.negativeSign() if sign else "") + out


def signed(value: Decimal, locale: QLocale | None = None) -> str:
    """+49 / −24.5, for what an option would change."""
    loc = locale or QLocale()
    return (loc.positiveSign() if value > 0 else "") + credits(value, loc)


def about(value: Decimal, locale: QLocale | None = None) -> str:
    return credits(value.quantize(Decimal(1)), locale)


def total(quote: Quote, locale: QLocale | None = None) -> str:
    """The headline figure: "294 credits", "about 41 credits", "at least 10 credits", "unknown"."""
    if not quote.complete:
        if quote.known_total == 0:
            return "Unknown"
        if quote.estimated:
            return f"at least about {about(quote.known_total, locale)} credits"
        return f"at least {credits(quote.known_total, locale)} credits"
    if quote.estimated:
        return f"about {about(quote.known_total, locale)} credits"
    unit = "credit" if quote.known_total == 1 else "credits"
    return f"{credits(quote.known_total, locale)} {unit}"


def short(quote: Quote | str, locale: QLocale | None = None) -> str:
    """The model list's cost cell: "294", "≥ 10 + ?", "unknown" or "—" (cannot)."""
    if isinstance(quote, str):
        return "—"
    if not quote.complete:
        return "unknown" if quote.known_total == 0 else f"≥ {credits(quote.known_total, locale)} + ?"
    return credits(quote.known_total, locale)


def count(n: int, locale: QLocale | None = None) -> str:
    return credits(Decimal(n), locale)
