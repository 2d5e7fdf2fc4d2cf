"""Words for images: pixel sizes, megapixels and upscale factors, the same in every view."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from imagine_calc.core.text.numbers import PLAIN, NumberStyle, number, significant


def pixels(width: int, height: int) -> str:
    """ "1920 × 1080": pixel sizes are read as dimensions, never grouped like amounts."""
    return f"{width} × {height}"


def megapixels_number(value: Decimal, style: NumberStyle = PLAIN) -> str:
    """ "2.07", "16.78": two decimals at most, as cameras write them (the exact value prices);
    "0.0034" for an icon, whose area two decimals would round to 0."""
    if 0 < value < Decimal("0.01"):
        return number(significant(value, 2), style)
    return number(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), style)


def megapixels(value: Decimal, style: NumberStyle = PLAIN) -> str:
    """ "2.07 MP", "16.78 MP" """
    return f"{megapixels_number(value, style)} MP"


def scale(factor: int) -> str:
    """ "4×": the page writes scales this way."""
    return f"{factor}×"


def upscale_words(engine: str, factor: int) -> str:
    """ "Topaz 4×" """
    return f"{engine} {scale(factor)}"
