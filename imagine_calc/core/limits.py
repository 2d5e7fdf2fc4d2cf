"""One set of bounds for every number a user types, a file holds or a header claims.

Far above real use, far below what breaks Decimal arithmetic or a spin box. Every door that
takes a number (the catalog schema, a saved page, an estimate file, settings, a typed field,
an image header) checks it against these and says which value, from where, is out of bounds.
Totals can still be large products of bounded numbers; the window's number formatting groups
digits itself beyond what Qt's 64-bit integers hold (gui numbers.credits).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from imagine_calc.core.language import _
from imagine_calc.core.numbers import whole

#: The most credits one price may be (the dearest price on the page is 1,040).
MAX_CREDITS = 1_000_000
#: The most runs of one estimate line ("x 20 generations").
MAX_COUNT = 100_000
#: The most pixels on one side of an image (the largest real images are ~100,000 wide).
MAX_PIXEL_SIDE = 1_000_000
#: The most images in one upscale line of an estimate (a dropped folder of 10,000 is real).
MAX_SIZES_PER_LINE = 200_000
#: The most images one generation may ask for: what a catalog's `images: max` may say (ImagineArt
#: offers 4), what an estimate line or a remembered setting may hold.
MAX_IMAGES = 1_000
#: The most credits a balance may hold.
MAX_BALANCE = 100_000_000
#: The most money per credit, or for a plan, in whatever currency.
MAX_MONEY = 1_000_000_000
#: A team (ImagineArt Teams): the most members one plan holds (the largest published seat count
#: is 40; enterprise plans have none), the longest member name; a member's limit, the pool's
#: credits and an auto top-up are balances (MAX_BALANCE).
MAX_MEMBERS = 200
MAX_MEMBER_NAME = 100
#: The longest number anyone types (30 digits is a typo, not a price).
MAX_TYPED_DIGITS = 24

#: Files: a real override is a few KB, a saved page ~20 KB, an estimate of 10,000 images ~250 KB.
MAX_OVERRIDE_BYTES = 4_000_000
MAX_PAGE_BYTES = 4_000_000
MAX_ESTIMATE_BYTES = 20_000_000
MAX_SETTINGS_BYTES = 1_000_000
#: The most values the YAML aliases (*name) of one catalog file may repeat in all: a real
#: override repeats a few hundred; nine nested lines of nine aliases would repeat 490 million.
MAX_ALIAS_VALUES = 100_000
#: A team's shared folder of recordings: each person's file is a few KB (a recording is ~120
#: bytes: 256 KB hold 2,000); a studio is tens of people. Files past the count, or past
#: MAX_SHARED_BYTES read in all, are not read (parsing and checking a recordings file takes about
#: 3 s a MB here: a folder of 200 files of 1 MB took ten minutes), and the folder's listing stops
#: after MAX_SHARED_ENTRIES names (a folder of other things is not walked to its end).
MAX_SHARED_FILE_BYTES = 256_000
MAX_SHARED_BYTES = 2_000_000
MAX_SHARED_FILES = 200
MAX_SHARED_ENTRIES = 10_000
#: The longest name a teammate goes by.
MAX_NAME_CHARS = 60
#: The longest web address a saved page may give as its own (browsers handle ~2,000 safely).
MAX_ADDRESS_CHARS = 2_000


class LimitError(ValueError):
    """A number outside its bounds or not a number; the message names the value."""


def shown(text: object) -> str:
    """A value as a message quotes it: cut short when it is long."""
    if isinstance(text, int) and text.bit_length() > 96:  # str() refuses ints of 4,300+ digits
        return _("a number of more than 28 digits")
    value = str(text)
    return repr(value) if len(value) <= 30 else repr(value[:27] + "...")


def parse_decimal(text: str, what: str, most: int, *, decimal_comma: bool = True) -> Decimal:
    """A number as typed: "73.5" (or "73,5"), 0 to `most`; LimitError names `what` and the value."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if decimal_comma and "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    digits = sum(c.isdigit() for c in cleaned)
    if digits > MAX_TYPED_DIGITS:
        raise LimitError(
            # TRANSLATORS: {what} names the value, already translated ("a plan's price"); {value}
            # is what was typed, quoted.
            _("{what} must be a number from 0 to {most}, got {value}").format(
                what=what, most=whole(most), value=shown(text)
            )
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise LimitError(
            _("{what} must be a number, got {value}").format(what=what, value=shown(text))
        ) from None
    if not value.is_finite() or not 0 <= value <= most:
        raise LimitError(
            # TRANSLATORS: {what} names the value, already translated ("a plan's price"); {value}
            # is what was typed, quoted.
            _("{what} must be a number from 0 to {most}, got {value}").format(
                what=what, most=whole(most), value=shown(text)
            )
        )
    return value


def parse_credits(text: str, what: str | None = None) -> Decimal:
    """A price as typed: a plain decimal number ("73.5", "73,5"), 0 to MAX_CREDITS."""
    return parse_decimal(text, _("credits") if what is None else what, MAX_CREDITS)


def check_whole(value: object, what: str, least: int, most: int) -> int:
    """`value` if it is a whole number (not a bool) from `least` to `most`, else LimitError."""
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise LimitError(
            _("{what} must be a whole number from {least} to {most}, got {value}").format(
                what=what, least=whole(least), most=whole(most), value=shown(value)
            )
        )
    return value
