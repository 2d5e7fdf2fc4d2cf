"""Words for images: pixel sizes, megapixels and upscale factors, the same in every view."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from imagine_calc.core.catalog.records import UpscaleExample
from imagine_calc.core.language import _
from imagine_calc.core.numbers import PLAIN, NumberStyle, number, significant


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
    # TRANSLATORS: megapixels, as cameras write them
    return _("{mp} MP").format(mp=megapixels_number(value, style))


def scale(factor: int) -> str:
    """ "4×": the page writes scales this way."""
    return f"{factor}×"


def upscale_words(engine: str, factor: int) -> str:
    """ "Topaz 4×" """
    return f"{engine} {scale(factor)}"


#: An output this many times the area of the largest any source names is worth a warning; a
#: 4K photo at 2× (four times that area) is not. A choice of wording, not a limit: no source
#: states one.
LARGE_OUTPUT = 16


def size_limit_words(largest: tuple[int, int], named: UpscaleExample | None, batch: bool) -> str:
    """The one caveat every upscale carries: no source states a size limit. Calm for the sizes
    people upscale; naming the size, and how far beyond any named one, for an output that is not."""
    if named is None:
        return _("No source states a size limit for upscaling.")
    out_w, out_h = named.width * named.scale, named.height * named.scale
    source = pixels(named.width, named.height)
    times = Decimal(largest[0] * largest[1]) / Decimal(out_w * out_h)
    if times <= LARGE_OUTPUT:
        return _(
            "No source states a size limit for upscaling; the page's only example is a {size} image "
            "at {scale}."
        ).format(size=source, scale=scale(named.scale))
    area = Decimal(largest[0]) * Decimal(largest[1]) / Decimal(1_000_000)
    if batch:
        template = _(
            "The largest output here is {size} pixels ({mp}), {times} times the largest any source names "
            "({example}, a {source} image at {scale}); no source states a size limit: check that "
            "ImagineArt accepts it."
        )
    else:
        template = _(
            "This output is {size} pixels ({mp}), {times} times the largest any source names ({example}, "
            "a {source} image at {scale}); no source states a size limit: check that ImagineArt accepts it."
        )
    return template.format(
        size=pixels(*largest),
        mp=megapixels(area),
        times=number(times.to_integral_value(rounding=ROUND_HALF_UP)),
        example=pixels(out_w, out_h),
        source=source,
        scale=scale(named.scale),
    )
