"""The user's locale as a number style for core/text: the window's only formatting code.

Every figure is worded by core/text (one table of quote states for every view); this module
only tells it how the locale writes a whole number, the decimal point, the signs and a date.
Qt formats integers as 64-bit, so larger ones are grouped by core/text itself. Every date the
window shows, in a sentence or in a date field, is written by `date_format` alone.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

from imagine_calc.core.numbers import NumberStyle, group_thousands, number, whole
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes

if TYPE_CHECKING:
    from decimal import Decimal

_QT_SAFE = 2**53


def use_a_readable_default() -> None:
    """Under LANG=C (a server's, a container's, a minimal desktop's) Qt's locale writes 12800
    without a separator: that is no locale chosen, not a wish for unreadable numbers. Use US
    English there, which writes the same decimal point as C, for figures and fields alike."""
    if QLocale.system().language() == QLocale.Language.C:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        forget_default_style()


def style(locale: QLocale | None = None) -> NumberStyle:
    """The number style of `locale`, or of the default locale (made once: a QLocale is built
    for every figure otherwise, thousands of times a second while settings change)."""
    global _default
    if locale is None:
        if _default is None:
            _default = style(QLocale())
        return _default
    return _style(locale.name(), int(locale.numberOptions().value))


def forget_default_style() -> None:
    """The default locale changed (QLocale.setDefault): the next figure uses the new one."""
    global _default
    _default = None


_default: NumberStyle | None = None


@lru_cache(maxsize=8)
def _style(name: str, options: int) -> NumberStyle:
    loc = QLocale(name)
    loc.setNumberOptions(QLocale.NumberOption(options))
    omit = bool(loc.numberOptions() & QLocale.NumberOption.OmitGroupSeparator)
    group = "" if omit else loc.groupSeparator()

    def integer(n: int) -> str:
        return loc.toString(n) if abs(n) < _QT_SAFE else group_thousands(n, group)

    pattern = date_format(loc)

    def day(d: dt.date) -> str:
        return loc.toString(QDate(d.year, d.month, d.day), pattern)

    return NumberStyle(integer, loc.decimalPoint(), loc.negativeSign(), loc.positiveSign(), day)


#: A two-digit year in a Qt date pattern (not part of "yyyy").
_SHORT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def date_format(locale: QLocale | None = None) -> str:
    """The one date format of the window, as a Qt pattern: the locale's short date with all four
    digits of the year ("M/d/yyyy" in the US, "dd.MM.yyyy" in Germany, "yyyy-MM-dd" in Sweden).
    The short format's own "1/1/27" leaves the century to guess. A date field shows it too."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return _SHORT_YEAR.sub("yyyy", pattern)


def date(d: dt.date, locale: QLocale | None = None) -> str:
    """ "1/1/2027", "01.01.2027": a day as every sentence of the window writes it."""
    return style(locale).date(d)


def date_time(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """ "1/1/2027 6:36 PM": the day as `date` writes it, and the locale's short time."""
    loc = locale or QLocale()
    time = loc.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{date(moment.date(), locale)} {time}"


def credits(value: Decimal, locale: QLocale | None = None) -> str:
    """1,040 / 73.5 / 41.472 in the user's locale, every digit kept, however large."""
    return number(value, style(locale))


def count(n: int, locale: QLocale | None = None) -> str:
    return whole(n, style(locale))


def total(quote: Quote, locale: QLocale | None = None) -> str:
    """The long form of core/text/quotes.py's table, in the user's locale."""
    return quotes.long(quote, style(locale))


def short(quote: Quote, locale: QLocale | None = None) -> str:
    """The short form of core/text/quotes.py's table, in the user's locale."""
    return quotes.short(quote, style(locale))
