"""Quotes: exact Decimal totals with a line-by-line breakdown and honest unknowns.

A quote holds what was found as data (pricing/findings.py): each line's label and how its
figure was found, why a part is unknown, what is worth knowing. core/text words them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from imagine_calc.core.catalog.records import BASE_TIER, Basis, Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.frozen import Frozen, hot_record
from imagine_calc.core.language import _, ngettext
from imagine_calc.core.pricing import observations
from imagine_calc.core.pricing.findings import (
    BaseOnlyAbove,
    BasePriceReach,
    Caveat,
    Detail,
    EnhancerLabel,
    EnhancerNotPublished,
    EnhancerPerImageUnknown,
    GenerationLabel,
    Label,
    MaxResolutionUnknown,
    PriceKind,
    PriceNotPublished,
    Recorded,
    Surcharge,
    SurchargeUnknown,
    Times,
    Unknown,
    WorkedOutSurcharge,
)
from imagine_calc.core.pricing.requests import GenerationRequest

MEGAPIXEL = Decimal(1_000_000)


@hot_record
class Line(Frozen):
    """One part of a quote. `credits` is None when nothing of it is known."""

    label: Label
    credits: Decimal | None
    detail: Detail
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

    @property
    def estimated(self) -> bool:
        """The figure rests on an inferred value: every figure built on it reads "about"."""
        return self in (QuoteState.APPROXIMATE, QuoteState.APPROXIMATE_LOWER_BOUND)


@hot_record
class Quote(Frozen):
    """A total that is exact when `complete`, else a lower bound ("at least N")."""

    lines: tuple[Line, ...]
    #: Sum of the known parts; the whole total when `complete`.
    known_total: Decimal
    #: Why each unknown part is unknown (or only a lower bound).
    unknown_reasons: tuple[Unknown, ...] = ()
    #: Things worth knowing that do not change the figure (a max resolution nobody states).
    caveats: tuple[Caveat, ...] = ()
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


def make_quote(
    lines: Sequence[Line], unknown: Sequence[Unknown] = (), caveats: Sequence[Caveat] = ()
) -> Quote:
    known = sum((line.credits for line in lines if line.credits is not None), Decimal(0))
    return Quote(tuple(lines), known, tuple(unknown), tuple(caveats), frozenset(line.basis for line in lines))


def sum_quotes(quotes: Iterable[Quote], lines: Sequence[Line] = ()) -> Quote:
    """Known parts added exactly; every unknown reason and caveat kept once, in order."""
    known = Decimal(0)
    unknown: dict[Unknown, None] = {}
    caveats: dict[Caveat, None] = {}
    bases: set[Basis] = set()
    for q in quotes:
        known += q.known_total
        unknown.update(dict.fromkeys(q.unknown_reasons))
        caveats.update(dict.fromkeys(q.caveats))
        bases |= q.bases
    return Quote(tuple(lines), known, tuple(unknown), tuple(caveats), frozenset(bases))


def times(quote: Quote, count: int) -> Quote:
    return replace(quote, known_total=quote.known_total * count)


def _check_images(catalog: Catalog, images: int) -> None:
    if (
        isinstance(images, bool)
        or not isinstance(images, int)
        or not (catalog.images_min <= images <= catalog.images_max)
    ):
        allowed = [str(n) for n in range(catalog.images_min, catalog.images_max + 1)]
        if "max" in catalog.images_inferred:
            raise QuoteError(
                ngettext(
                    "cannot make {n} image in one generation; the most, {most}, is inferred: "
                    "ImagineArt's page names no larger count (an override can change it)",
                    "cannot make {n} images in one generation; the most, {most}, is inferred: "
                    "ImagineArt's page names no larger count (an override can change it)",
                    images if isinstance(images, int) else 0,
                ).format(n=images, most=catalog.images_max),
                allowed,
            )
        raise QuoteError(
            ngettext(
                "cannot make {n} image in one generation",
                "cannot make {n} images in one generation",
                images if isinstance(images, int) else 0,
            ).format(n=images),
            allowed,
        )


def check_generation(catalog: Catalog, req: GenerationRequest) -> Model:
    """The model of a valid request; a QuoteError listing what is allowed otherwise."""
    try:
        model = catalog.model(req.model_id)
    except KeyError:
        raise QuoteError(
            _("no model '{name}'").format(name=req.model_id), [m.id for m in catalog.models]
        ) from None
    if req.resolution not in model.tier_prices:
        raise QuoteError(
            _("{model} does not offer {resolution}").format(model=model.name, resolution=req.resolution),
            model.tiers,
        )
    if req.aspect_ratio is not None and req.aspect_ratio not in model.aspect_ratios:
        raise QuoteError(
            _("{model} does not offer aspect ratio {ratio}").format(model=model.name, ratio=req.aspect_ratio),
            model.aspect_ratios,
        )
    _check_images(catalog, req.images)
    return model


def quote_generation(catalog: Catalog, req: GenerationRequest) -> Quote:
    """Credits for one generation: per-image price x images, plus the enhancer if on.

    A total the user recorded for these settings is the total. Otherwise the per-image price
    is one the user recorded at this resolution, else the page's: stated per tier, or its base
    price, which above 1K is only the least it costs.
    """
    model = check_generation(catalog, req)
    caveats: list[Caveat] = []
    offered_seen = bool(catalog.recorded_in(model.id, req.resolution))
    if model.max_resolution is None and req.resolution != BASE_TIER and not offered_seen:
        caveats.append(MaxResolutionUnknown(model.name, req.resolution))
    seen = observations.recorded_total(catalog, req)
    if seen is not None:
        label = GenerationLabel(model.name, req.resolution, req.aspect_ratio, req.prompt_enhancer)
        caveats += [*observations.disagreement(model, seen), *observations.conflicts(catalog, seen)]
        return make_quote([Line(label, seen.credits, Recorded(seen), Basis.OBSERVED)], (), caveats)
    unknown: list[Unknown] = []
    lines = [_image_line(catalog, model, req, unknown, caveats)]
    if req.prompt_enhancer:
        lines.append(_enhancer_line(catalog, req, unknown))
    return make_quote(lines, unknown, caveats)


def _image_line(
    catalog: Catalog, model: Model, req: GenerationRequest, unknown: list[Unknown], caveats: list[Caveat]
) -> Line:
    n = req.images
    label = GenerationLabel(model.name, req.resolution, req.aspect_ratio)
    seen = observations.per_image(catalog, req)
    if seen is not None:
        observed, obs = seen
        caveats += [*observations.disagreement(model, obs), *observations.conflicts(catalog, obs)]
        if obs.images == n:  # the recording itself, as it was made
            return Line(label, obs.credits, Recorded(obs, n, observed), Basis.OBSERVED)
        return Line(label, observed * n, Recorded(obs, n, observed, derived=True), Basis.INFERRED)
    per_image = model.price_at(req.resolution)
    basis = model.basis_at(req.resolution)
    if per_image is None:
        unknown.append(PriceNotPublished(model.name, model.unknown.get("price", "")))
        return Line(label, None, Times(n, None), basis)
    if model.lower_bound_at(req.resolution):
        unknown.append(BaseOnlyAbove(model.name, per_image, req.resolution))
        detail = Times(n, per_image, PriceKind.BASE_LOWER, req.resolution)
        return Line(label, per_image * n, detail, basis, True)
    if basis is Basis.BASE:
        # Exact at 1K as the page gives it, but the page's own caveat goes with it.
        caveats.append(BasePriceReach())
        return Line(label, per_image * n, Times(n, per_image, PriceKind.BASE), basis)
    return Line(label, per_image * n, Times(n, per_image), basis)


def _enhancer_line(catalog: Catalog, req: GenerationRequest, unknown: list[Unknown]) -> Line:
    pe = catalog.prompt_enhancer
    label = EnhancerLabel(pe.name)
    if pe.surcharge is not None:
        per_image = pe.applies == "per_image"
        credits = pe.surcharge * req.images if per_image else pe.surcharge
        return Line(label, credits, Surcharge(req.images, pe.surcharge, per_image))
    pair = observations.enhancer_pair(catalog, req)
    if pair is not None:
        on, off = pair
        model = catalog.find_model(off.model_id)
        detail = WorkedOutSurcharge(on, off, model.name if model is not None else off.model_id)
        if req.images > 1:
            unknown.append(EnhancerPerImageUnknown(pe.name, req.images))
            return Line(label, on.credits - off.credits, detail, Basis.INFERRED, True)
        return Line(label, on.credits - off.credits, detail, Basis.INFERRED)
    unknown.append(EnhancerNotPublished(pe.name, pe.unknown.get("surcharge", "")))
    return Line(label, None, SurchargeUnknown(), Basis.UNKNOWN)
