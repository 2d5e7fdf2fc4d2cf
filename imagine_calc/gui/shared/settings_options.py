"""The kinds of setting: how each reads a stored value, checks it and writes it.

A declaration (`settings_keys.py`) is one of these with its key, default and bounds, as Picard's
`TextOption("setting", "name", default)`: the store reads, bounds, defaults and writes any of them
the same way, so a new setting needs no code of its own. `parse` gets whatever QSettings handed
back (a string from the INI file, the value itself before the file is written again, a list where
the file holds commas, a QByteArray) and either returns a value of the setting's type or raises
`Unfit` with the words the banner shows ("not one of 1K, 2K, 3K, 4K").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _
from imagine_calc.core.numbers import whole

T = TypeVar("T")

#: Typed text is kept as typed, up to this many characters (a typed rate, a saved path's name).
MAX_TYPED = 40
#: The most characters of a whole number read (int() of 5,000 digits is slow, then refused).
_MAX_DIGITS = 20
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


class Unfit(ValueError):
    """A stored value the setting does not take; the message says why, as the banner shows it."""


@record
class Option(Frozen, Generic[T]):
    """One setting: its key in the file and its default, used when it is missing or unfit."""

    key: str
    default: T

    def parse(self, raw: object) -> T:
        """`raw` (never None: a missing value is the default) as this setting's value, or Unfit."""
        raise NotImplementedError

    def stored(self, value: T) -> object:
        """What QSettings is given to keep `value`: something `parse` reads back as `value`."""
        return value

    def shown(self, value: T) -> str:
        """`value` as the banner names it ("using '1K'")."""
        return repr(value)


@record
class TextOption(Option[str]):
    """Text of at most `limit` characters, matching `pattern` if there is one."""

    pattern: re.Pattern[str] | None = None
    limit: int = MAX_TYPED

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str) or len(raw) > self.limit:
            raise Unfit(_("not a value this setting takes"))
        if self.pattern is not None and not self.pattern.match(raw):
            raise Unfit(_("not a value this setting takes"))
        return raw

    def stored(self, value: str) -> object:
        return value[: self.limit]


@record
class ChoiceOption(Option[str]):
    """One of a few fixed words (a resolution tier)."""

    choices: tuple[str, ...]

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str) or raw not in self.choices:
            raise Unfit(_("not one of {choices}").format(choices=", ".join(self.choices)))
        return raw


@record
class FlagOption(Option[bool]):
    """True or false, as QSettings writes a bool ("true") or a hand-edited file says it ("1")."""

    def parse(self, raw: object) -> bool:
        if raw in (True, "true", "1", 1):
            return True
        if raw in (False, "false", "0", 0):
            return False
        raise Unfit(_("not true or false"))


@record
class WholeOption(Option[int]):
    """A whole number from `least` to `most` (bounds from core/limits)."""

    least: int
    most: int

    def parse(self, raw: object) -> int:
        text = str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
        try:
            number = int(text) if 0 < len(text) <= _MAX_DIGITS else None
        except ValueError:
            number = None
        if number is None or not self.least <= number <= self.most:
            raise Unfit(
                _("not a whole number from {least} to {most}").format(
                    least=whole(self.least), most=whole(self.most)
                )
            )
        return number


@record
class DateOption(Option[dt.date | None]):
    """A day as YYYY-MM-DD, or none (stored as an empty text)."""

    def parse(self, raw: object) -> dt.date | None:
        if raw == "":
            return None
        if not isinstance(raw, str) or not _DATE.match(raw):
            raise Unfit(_("not a date as YYYY-MM-DD"))
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise Unfit(_("not a date")) from None

    def stored(self, value: dt.date | None) -> object:
        return value.isoformat() if value else ""

    def shown(self, value: dt.date | None) -> str:
        return repr(self.stored(value))


@record
class BytesOption(Option[QByteArray | None]):
    """Bytes Qt saved and checks itself when restoring them (a window's geometry)."""

    def parse(self, raw: object) -> QByteArray | None:
        if not isinstance(raw, QByteArray):
            raise Unfit(_("not what Qt saves for it"))
        return raw

    def shown(self, value: QByteArray | None) -> str:
        return _("nothing") if value is None else _("{n} bytes").format(n=value.size())
