"""Upscale quotes: one image, a batch at once, and a running total that grows as a folder is read.

Topaz costs base x megapixels x factor, which is linear in the pixels, so a batch is priced from
the sum of its images' areas: a folder of 100,000 images (or a change of engine or scale for all
of them) is one pass of integer additions and one multiplication, the same exact Decimal as
adding the images' own quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from imagine_calc.core.catalog.records import Basis, Catalog, UpscaleEngine, UpscaleExample
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_PIXEL_SIDE
from imagine_calc.core.numbers import whole
from imagine_calc.core.pricing.findings import (
    BaseCostUnknown,
    EngineBaseUnknown,
    FixedPrice,
    InferredBaseCost,
    NoSizeLimitStated,
    PerMegapixel,
    UpscaleLabel,
)
from imagine_calc.core.pricing.quotes import Line, Quote, make_quote

MEGAPIXEL = Decimal(1_000_000)


def megapixels(width: int, height: int) -> Decimal:
    """Millions of pixels, exactly (1920 x 1080 is 2.0736)."""
    return Decimal(width) * Decimal(height) / MEGAPIXEL


def output_size(width: int, height: int, scale: int) -> tuple[int, int]:
    return width * scale, height * scale


def check_upscale(catalog: Catalog, engine_id: str, scale: int) -> UpscaleEngine:
    try:
        engine = catalog.engine(engine_id)
    except KeyError:
        raise QuoteError(
            _("no upscale engine '{name}'").format(name=engine_id), [e.id for e in catalog.engines]
        ) from None
    if scale not in engine.scales:
        raise QuoteError(
            _("{engine} does not offer {scale}×").format(engine=engine.name, scale=scale),
            [f"{s}×" for s in engine.scales],
        )
    return engine


class UpscaleTotal:
    """Upscaling images at one engine and scale, added one by one as they are read.

    `add` and `quote` take constant time, so the window keeps its total current while a folder of
    10,000 images arrives, and re-prices them all for another engine by adding them again.
    """

    def __init__(self, catalog: Catalog, engine_id: str, scale: int) -> None:
        self.engine = check_upscale(catalog, engine_id, scale)
        self.scale = scale
        self.named = named_example(catalog)
        #: images added and quotable, and their pixels
        self.images = 0
        self.area = 0
        self._smallest: tuple[int, int] | None = None
        self._largest: tuple[int, int] | None = None
        limit = self.engine.max_input_megapixels
        self._limit_area = None if limit is None else limit * MEGAPIXEL

    def check(self, width: int, height: int) -> None:
        """QuoteError saying why an image of width x height cannot be quoted here."""
        if width <= 0 or height <= 0:
            raise QuoteError(
                _("an image of {width} × {height} pixels has no area").format(width=width, height=height)
            )
        if width > MAX_PIXEL_SIDE or height > MAX_PIXEL_SIDE:
            raise QuoteError(
                _("an image is at most {most} pixels on a side, got {width} × {height}").format(
                    most=whole(MAX_PIXEL_SIDE), width=width, height=height
                )
            )
        if self._limit_area is not None and width * height > self._limit_area:
            limit, mp = self.engine.max_input_megapixels, megapixels(width, height)
            raise QuoteError(
                _("{engine} takes images up to {limit} MP; this one is {mp} MP").format(
                    engine=self.engine.name, limit=limit, mp=mp
                )
            )

    def refusal(self, width: int, height: int) -> str:
        """Why an image of width x height cannot be quoted here (the QuoteError's words); ""
        when it can."""
        try:
            self.check(width, height)
        except QuoteError as exc:
            return str(exc)
        return ""

    def add(self, width: int, height: int) -> str:
        """Count the image in the total, or say why it cannot be (and leave the total as it was)."""
        reason = self.refusal(width, height)
        if not reason:
            self.images += 1
            self.area += width * height
            if self._smallest is None or width * height < self._smallest[0] * self._smallest[1]:
                self._smallest = (width, height)
            if self._largest is None or width * height > self._largest[0] * self._largest[1]:
                self._largest = (width, height)
        return reason

    def quote(self) -> Quote:
        """The total of every image added; one image reads as its own quote. It carries one
        caveat for the largest output: no source states a size limit."""
        quote = _priced(self.engine, self.scale, self.images, self.area)
        if self._largest is None:
            return quote
        largest = output_size(*self._largest, self.scale)
        caveat = NoSizeLimitStated(largest, self.named, batch=self.images > 1)
        return replace(quote, caveats=(*quote.caveats, caveat))

    def may_cost_more(self) -> bool:
        """Whether an image added is priced under one credit by an inferred formula (see
        `is_small_estimate`); the smallest image has the smallest quote."""
        if self._smallest is None:
            return False
        width, height = self._smallest
        return is_small_estimate(_priced(self.engine, self.scale, 1, width * height))


def named_example(catalog: Catalog) -> UpscaleExample | None:
    """The largest upscale output any source names (the page's 1920×1080 at 2×), if any."""
    examples = [e.example for e in catalog.engines if e.example is not None]
    return max(examples, key=lambda e: e.width * e.height * e.scale * e.scale, default=None)


def _priced(engine: UpscaleEngine, scale: int, n: int, area: int) -> Quote:
    """`n` images of `area` pixels in all, upscaled by `scale`."""
    if n == 0:
        return make_quote([])
    label = UpscaleLabel(engine.name, scale)
    if engine.pricing == "fixed":
        price = engine.scales[scale]
        return make_quote([Line(label, price * n, FixedPrice(n, price))])
    base = engine.base_credits_per_megapixel
    if base is None:
        why = EngineBaseUnknown(engine.name, engine.unknown.get("base_credits_per_megapixel", ""))
        return make_quote([Line(label, None, BaseCostUnknown(), Basis.UNKNOWN)], [why])
    factor = engine.scales[scale]
    mp = Decimal(area) / MEGAPIXEL
    inferred = "base_credits_per_megapixel" in engine.inferred
    line = Line(
        label,
        base * mp * factor,
        PerMegapixel(base, mp, n, factor),
        Basis.INFERRED if inferred else Basis.STATED,
    )
    if not inferred:
        return make_quote([line])
    return make_quote([line], [], [InferredBaseCost(engine.name, base)])


def quote_upscale(catalog: Catalog, engine_id: str, scale: int, width: int, height: int) -> Quote:
    """Credits to upscale one image of width x height pixels by `scale`."""
    total = UpscaleTotal(catalog, engine_id, scale)
    reason = total.add(width, height)
    if reason:
        raise QuoteError(reason)
    return total.quote()


def quote_upscale_batch(
    catalog: Catalog, engine_id: str, scale: int, sizes: Sequence[tuple[int, int]]
) -> Quote:
    """Credits to upscale every image in `sizes` by `scale`, as one line: the same sum as quoting
    each image. An image the engine cannot take fails the batch (QuoteError)."""
    total = UpscaleTotal(catalog, engine_id, scale)
    for width, height in sizes:
        reason = total.add(width, height)
        if reason:
            raise QuoteError(_("{reason} (in a batch of {n})").format(reason=reason, n=whole(len(sizes))))
    return total.quote()


def is_small_estimate(quote: Quote) -> bool:
    """Under one credit and resting on an inferred formula (Topaz for a tiny image): ImagineArt
    publishes no rounding or minimum charge, so the user should be told it may cost more."""
    return quote.estimated and quote.known_total < 1


def cheapest_upscale(
    catalog: Catalog, scale: int, width: int, height: int
) -> tuple[UpscaleEngine, Quote] | None:
    """The engine that upscales this image by `scale` for the fewest known credits, if any offers it."""
    best: tuple[UpscaleEngine, Quote] | None = None
    for engine in catalog.engines:
        if scale not in engine.scales:
            continue
        try:
            quote = quote_upscale(catalog, engine.id, scale, width, height)
        except QuoteError:
            continue
        if quote.complete and (best is None or quote.known_total < best[1].known_total):
            best = (engine, quote)
    return best


def cheaper_upscale(
    catalog: Catalog, engine_id: str, scale: int, width: int, height: int, than: Quote
) -> tuple[UpscaleEngine, Quote] | None:
    """Another engine that upscales this image by `scale` for fewer known credits than `than`."""
    best = cheapest_upscale(catalog, scale, width, height)
    if best is None or best[0].id == engine_id or best[1].known_total >= than.known_total:
        return None
    return best
