"""Quotes: exact Decimal totals with a line-by-line breakdown and honest unknowns."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from imagine_calc.core.errors import QuoteError
from imagine_calc.core.records import Catalog, Model, UpscaleEngine

MEGAPIXEL = Decimal(1_000_000)


@dataclass(frozen=True)
class Line:
    """One part of a quote. `credits` is None when the catalog does not know it."""

    label: str
    credits: Decimal | None
    detail: str = ""


@dataclass(frozen=True)
class Quote:
    """A total that is exact when `complete`, else a lower bound ("at least N")."""

    lines: tuple[Line, ...]
    #: Sum of the known parts; the whole total when `complete`.
    known_total: Decimal
    #: Why each unknown part is unknown, in catalog words.
    unknown_reasons: tuple[str, ...] = ()
    #: Things worth knowing that do not change the figure (a max resolution nobody states).
    caveats: tuple[str, ...] = ()
    #: True when the figure rests on an inferred catalog value: show it as "about N".
    estimated: bool = False

    @property
    def complete(self) -> bool:
        return not self.unknown_reasons

    @property
    def total(self) -> Decimal | None:
        """The total, or None when any part is unknown (then see `known_total`)."""
        return self.known_total if self.complete else None


@dataclass(frozen=True)
class GenerationRequest:
    """The settings of one generation, as the window and the CLI collect them."""

    model_id: str
    resolution: str = "1K"
    aspect_ratio: str | None = None
    images: int = 1
    prompt_enhancer: bool = False


def _check_images(catalog: Catalog, images: int) -> None:
    if (
        isinstance(images, bool)
        or not isinstance(images, int)
        or not (catalog.images_min <= images <= catalog.images_max)
    ):
        allowed = [str(n) for n in range(catalog.images_min, catalog.images_max + 1)]
        raise QuoteError(f"cannot make {images} images in one generation", allowed)


def check_generation(catalog: Catalog, req: GenerationRequest) -> Model:
    """The model of a valid request; a QuoteError listing what is allowed otherwise."""
    try:
        model = catalog.model(req.model_id)
    except KeyError:
        raise QuoteError(f"no model '{req.model_id}'", [m.id for m in catalog.models]) from None
    if req.resolution not in model.tier_prices:
        raise QuoteError(f"{model.name} does not offer {req.resolution}", model.tiers)
    if req.aspect_ratio is not None and req.aspect_ratio not in model.aspect_ratios:
        raise QuoteError(f"{model.name} does not offer aspect ratio {req.aspect_ratio}", model.aspect_ratios)
    _check_images(catalog, req.images)
    return model


def quote_generation(catalog: Catalog, req: GenerationRequest) -> Quote:
    """Credits for one generation: per-image price x images, plus the enhancer if on."""
    model = check_generation(catalog, req)
    per_image = model.price_at(req.resolution)
    n = Decimal(req.images)
    unknown: list[str] = []
    caveats: list[str] = []
    label = f"{model.name}, {req.resolution}" + (f", {req.aspect_ratio}" if req.aspect_ratio else "")
    if per_image is None:
        unknown.append(f"{model.name}: {model.unknown.get('price', 'price unknown')}")
        lines = [Line(label, None, f"{req.images} x unknown")]
    else:
        lines = [Line(label, per_image * n, f"{req.images} x {per_image}")]
    if model.max_resolution is None and req.resolution != "1K":
        caveats.append(f"{model.name}'s max resolution is unknown: check that {req.resolution} is offered.")
    if req.prompt_enhancer:
        lines.append(_enhancer_line(catalog, req.images, unknown))
    known = sum((line.credits for line in lines if line.credits is not None), Decimal(0))
    return Quote(tuple(lines), known, tuple(unknown), tuple(caveats))


def _enhancer_line(catalog: Catalog, images: int, unknown: list[str]) -> Line:
    pe = catalog.prompt_enhancer
    if pe.surcharge is None:
        unknown.append(f"{pe.name}: {pe.unknown.get('surcharge', 'surcharge unknown')}")
        return Line(pe.name, None, "surcharge unknown")
    if pe.applies == "per_image":
        return Line(pe.name, pe.surcharge * images, f"{images} x {pe.surcharge}")
    return Line(pe.name, pe.surcharge, "once per generation")


def megapixels(width: int, height: int) -> Decimal:
    """Millions of pixels, exactly (1920 x 1080 is 2.0736)."""
    return Decimal(width) * Decimal(height) / MEGAPIXEL


def check_upscale(catalog: Catalog, engine_id: str, scale: int) -> UpscaleEngine:
    try:
        engine = catalog.engine(engine_id)
    except KeyError:
        raise QuoteError(f"no upscale engine '{engine_id}'", [e.id for e in catalog.engines]) from None
    if scale not in engine.scales:
        raise QuoteError(f"{engine.name} does not offer {scale}x", [f"{s}x" for s in engine.scales])
    return engine


def quote_upscale(catalog: Catalog, engine_id: str, scale: int, width: int, height: int) -> Quote:
    """Credits to upscale one image of width x height pixels by `scale`."""
    engine = check_upscale(catalog, engine_id, scale)
    if width <= 0 or height <= 0:
        raise QuoteError(f"an image of {width} x {height} pixels has no area")
    mp = megapixels(width, height)
    label = f"{engine.name} {scale}x"
    unknown: list[str] = []
    caveats: list[str] = []
    limit = engine.max_input_megapixels
    if limit is not None and mp > limit:
        raise QuoteError(f"{engine.name} takes images up to {limit} MP; this one is {mp} MP")
    if engine.pricing == "fixed":
        line = Line(label, engine.scales[scale], "fixed price, any input size")
    elif engine.base_credits_per_megapixel is None:
        unknown.append(f"{engine.name}: {engine.unknown.get('base_credits_per_megapixel', '')}")
        line = Line(label, None, "base cost unknown")
    else:
        base, factor = engine.base_credits_per_megapixel, engine.scales[scale]
        line = Line(label, base * mp * factor, f"{base} x {mp} MP x {factor}")
        if "base_credits_per_megapixel" in engine.inferred:
            caveats.append(
                f"{engine.name}'s base cost of {base} credits per megapixel is inferred "
                "from ImagineArt's example, not stated."
            )
    known = line.credits if line.credits is not None else Decimal(0)
    return Quote((line,), known, tuple(unknown), tuple(caveats), estimated=bool(caveats))


def output_size(width: int, height: int, scale: int) -> tuple[int, int]:
    return width * scale, height * scale


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
