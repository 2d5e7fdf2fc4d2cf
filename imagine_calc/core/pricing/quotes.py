"""Quotes: exact Decimal totals with a line-by-line breakdown and honest unknowns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from imagine_calc.core.catalog.records import BASE_TIER, Basis, Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing import observations

MEGAPIXEL = Decimal(1_000_000)


@dataclass(frozen=True)
class Line:
    """One part of a quote. `credits` is None when nothing of it is known."""

    label: str
    credits: Decimal | None
    detail: str = ""
    basis: Basis = Basis.STATED
    #: True when `credits` is only the least this part costs (a base price above 1K).
    lower_bound: bool = False


class QuoteState(StrEnum):
    """How much of a total is known, and how well: every view words each state the same way."""

    #: Every figure stated (or the base price at 1K): "147 credits".
    EXACT = "exact"
    #: Every figure read off ImagineArt by the user: "51 credits, observed".
    OBSERVED = "observed"
    #: Rests on an inferred figure (Topaz's base cost): "about 41 credits".
    APPROXIMATE = "approximate"
    #: A part is unknown or only a base price: "at least 25 credits".
    LOWER_BOUND = "lower_bound"
    #: Both: "at least about 41 credits".
    APPROXIMATE_LOWER_BOUND = "approximate_lower_bound"
    #: Nothing known: "unknown".
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Quote:
    """A total that is exact when `complete`, else a lower bound ("at least N")."""

    lines: tuple[Line, ...]
    #: Sum of the known parts; the whole total when `complete`.
    known_total: Decimal
    #: Why each unknown part is unknown (or only a lower bound), in catalog words.
    unknown_reasons: tuple[str, ...] = ()
    #: Things worth knowing that do not change the figure (a max resolution nobody states).
    caveats: tuple[str, ...] = ()
    #: The basis of every figure the total rests on.
    bases: frozenset[Basis] = frozenset()

    @property
    def complete(self) -> bool:
        return not self.unknown_reasons

    @property
    def total(self) -> Decimal | None:
        """The total, or None when any part is unknown (then see `known_total`)."""
        return self.known_total if self.complete else None

    @property
    def estimated(self) -> bool:
        """True when the figure rests on an inferred value: show it as "about N"."""
        return Basis.INFERRED in self.bases

    @property
    def observed(self) -> bool:
        """True when every figure was read off ImagineArt by the user."""
        return self.bases == {Basis.OBSERVED}

    @cached_property
    def state(self) -> QuoteState:
        if not self.complete:
            if self.known_total == 0 and not any(line.lower_bound for line in self.lines):
                return QuoteState.UNKNOWN
            return QuoteState.APPROXIMATE_LOWER_BOUND if self.estimated else QuoteState.LOWER_BOUND
        if self.estimated:
            return QuoteState.APPROXIMATE
        return QuoteState.OBSERVED if self.observed else QuoteState.EXACT

    @property
    def basis(self) -> str:
        """The one basis of every figure, or "mixed"."""
        return next(iter(self.bases)).value if len(self.bases) == 1 else "mixed"


def make_quote(lines: Sequence[Line], unknown: Sequence[str] = (), caveats: Sequence[str] = ()) -> Quote:
    known = sum((line.credits for line in lines if line.credits is not None), Decimal(0))
    return Quote(tuple(lines), known, tuple(unknown), tuple(caveats), frozenset(line.basis for line in lines))


def sum_quotes(quotes: Iterable[Quote], lines: Sequence[Line] = ()) -> Quote:
    """Known parts added exactly; every unknown reason and caveat kept once, in order."""
    known = Decimal(0)
    unknown: dict[str, None] = {}
    caveats: dict[str, None] = {}
    bases: set[Basis] = set()
    for q in quotes:
        known += q.known_total
        unknown.update(dict.fromkeys(q.unknown_reasons))
        caveats.update(dict.fromkeys(q.caveats))
        bases |= q.bases
    return Quote(tuple(lines), known, tuple(unknown), tuple(caveats), frozenset(bases))


def times(quote: Quote, count: int) -> Quote:
    return replace(quote, known_total=quote.known_total * count)


@dataclass(frozen=True)
class GenerationRequest:
    """The settings of one generation, as the window and the CLI collect them."""

    model_id: str
    resolution: str = "1K"
    aspect_ratio: str | None = None
    images: int = 1
    prompt_enhancer: bool = False


#: ImagineArt's page, under "Image size and aspect ratio", on a base price's reach.
BASE_PRICE_CAVEAT = (
    "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more."
)


def _check_images(catalog: Catalog, images: int) -> None:
    if (
        isinstance(images, bool)
        or not isinstance(images, int)
        or not (catalog.images_min <= images <= catalog.images_max)
    ):
        allowed = [str(n) for n in range(catalog.images_min, catalog.images_max + 1)]
        why = ""
        if "max" in catalog.images_inferred:
            why = (
                f"; the most, {catalog.images_max}, is inferred: ImagineArt's page names no larger "
                "count (an override can change it)"
            )
        raise QuoteError(f"cannot make {images} images in one generation{why}", allowed)


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
    """Credits for one generation: per-image price x images, plus the enhancer if on.

    A total the user recorded for these settings is the total. Otherwise the per-image price
    is one the user recorded at this resolution, else the page's: stated per tier, or its base
    price, which above 1K is only the least it costs.
    """
    model = check_generation(catalog, req)
    label = f"{model.name}, {req.resolution}" + (f", {req.aspect_ratio}" if req.aspect_ratio else "")
    caveats: list[str] = []
    offered_seen = any(o.resolution == req.resolution for o in catalog.observations_of(model.id))
    if model.max_resolution is None and req.resolution != BASE_TIER and not offered_seen:
        caveats.append(f"{model.name}'s max resolution is unknown: check that {req.resolution} is offered.")
    seen = observations.recorded_total(catalog, req)
    if seen is not None:
        if req.prompt_enhancer:
            label += ", prompt enhancer"
        caveats += observations.disagreement(model, seen)
        return make_quote(
            [Line(label, seen.credits, observations.seen_text(seen), Basis.OBSERVED)], (), caveats
        )
    unknown: list[str] = []
    lines = [_image_line(catalog, model, req, label, unknown, caveats)]
    if req.prompt_enhancer:
        lines.append(_enhancer_line(catalog, req, unknown))
    return make_quote(lines, unknown, caveats)


def _image_line(
    catalog: Catalog, model: Model, req: GenerationRequest, label: str, unknown: list[str], caveats: list[str]
) -> Line:
    n = req.images
    seen = observations.per_image(catalog, req)
    if seen is not None:
        observed, obs = seen
        caveats += observations.disagreement(model, obs)
        if obs.images == n:  # the recording itself, as it was made
            return Line(
                label, obs.credits, f"{n} × {observed}, {observations.seen_text(obs)}", Basis.OBSERVED
            )
        detail = f"{n} × {observed}, {observations.derived_text(obs)}"
        return Line(label, observed * n, detail, Basis.INFERRED)
    per_image = model.price_at(req.resolution)
    basis = model.basis_at(req.resolution)
    if per_image is None:
        unknown.append(f"{model.name}: {model.unknown.get('price', 'price unknown')}")
        return Line(label, None, f"{n} × unknown", basis)
    if model.lower_bound_at(req.resolution):
        unknown.append(
            f"{model.name} at {req.resolution}: ImagineArt's page gives one base price "
            f"({per_image} credits, the {BASE_TIER} price) and says higher resolutions cost more; "
            f"the {req.resolution} price is not published. Record what ImagineArt shows to make it exact."
        )
        return Line(
            label, per_image * n, f"{n} × {per_image} base price, {req.resolution} costs more", basis, True
        )
    if basis is Basis.BASE:
        # Exact at 1K as the page gives it, but the page's own caveat goes with it: the same
        # words for every model, so an estimate of several says it once.
        caveats.append(BASE_PRICE_CAVEAT)
        return Line(label, per_image * n, f"{n} × {per_image} base price", basis)
    return Line(label, per_image * n, f"{n} × {per_image}", basis)


def _enhancer_line(catalog: Catalog, req: GenerationRequest, unknown: list[str]) -> Line:
    pe = catalog.prompt_enhancer
    if pe.surcharge is not None:
        if pe.applies == "per_image":
            return Line(pe.name, pe.surcharge * req.images, f"{req.images} × {pe.surcharge}")
        return Line(pe.name, pe.surcharge, "once per generation")
    pair = observations.enhancer_pair(catalog, req)
    if pair is not None:
        on, off = pair
        detail = observations.pair_text(on, off, catalog) + "; assumed the same here"
        if req.images > 1:
            unknown.append(
                f"{pe.name}: your recordings show its surcharge for one image; whether it is charged "
                f"once per generation or once per image is not known, so {req.images} images may cost more."
            )
            return Line(pe.name, on.credits - off.credits, detail, Basis.INFERRED, True)
        return Line(pe.name, on.credits - off.credits, detail, Basis.INFERRED)
    unknown.append(f"{pe.name}: {pe.unknown.get('surcharge', 'surcharge unknown')}")
    return Line(pe.name, None, "surcharge unknown", Basis.UNKNOWN)
