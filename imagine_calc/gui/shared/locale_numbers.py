"""The user's locale as a number style for core/text: the window's only formatting code.

Every figure is worded by core/text (one table of quote states for every view); this module
only tells it how the locale writes a whole number, the decimal point and the signs. Qt
formats integers as 64-bit, so larger ones are grouped by core/text itself.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

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

    return NumberStyle(integer, loc.decimalPoint(), loc.negativeSign(), loc.positiveSign())


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
