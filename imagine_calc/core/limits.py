"""One set of bounds for every number a user types, a file holds or a header claims.

Far above real use, far below what breaks Decimal contexts or Qt's 64-bit number formatting,
so a typo of 1e30 gets a clear message instead of a crash.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

#: The most credits one price may be (the dearest price on the page is 1,040).
MAX_CREDITS = 1_000_000


class LimitError(ValueError):
    """A number outside its bounds or not a number; the message names the value."""


def parse_credits(text: str, what: str = "credits") -> Decimal:
    """A price as typed: a plain decimal number ("73.5", "73,5"), 0 to MAX_CREDITS."""
    cleaned = text.strip().replace(",", ".")
    if len(cleaned) > 40:
        raise LimitError(f"{what} must be a number from 0 to {MAX_CREDITS:,}, got {text[:20]!r}…")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise LimitError(f"{what} must be a number, got {text!r}") from None
    if not value.is_finite() or not 0 <= value <= MAX_CREDITS:
        raise LimitError(f"{what} must be a number from 0 to {MAX_CREDITS:,}, got {text!r}")
    return value
