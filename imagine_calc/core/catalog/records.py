"""Frozen records of the price catalog, built once by the loader and shared read-only.

No `from __future__ import annotations` here: the catalog cache decodes records by their field
types, which are then real objects rather than strings to evaluate at every start.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar, cast

from imagine_calc.core.frozen import Frozen, record

_T = TypeVar("_T")

#: Resolution tiers in ascending order; a model's max resolution is one of these.
TIERS: tuple[str, ...] = ("1K", "2K", "3K", "4K")
#: The tier a one-figure ("base") price is for: the page says 2K and 4K cost more than 1K.
BASE_TIER = "1K"


class Basis(StrEnum):
    """Where a figure comes from, and so how far it can be trusted."""

    #: The source gives this figure for these settings.
    STATED = "stated"
    #: The page's one base price: the price at 1K, only the least it costs above.
    BASE = "base"
    #: Worked out by us, with the reasoning in the catalog.
    INFERRED = "inferred"
    #: Read off ImagineArt's Create button by the user, on a date.
    OBSERVED = "observed"
    #: Not published.
    UNKNOWN = "unknown"


#: The catalog's rule for "Pro" models (catalog/10-models.yaml), also applied to models a page adds.
PRO_REASON = (
    'Inferred from "Pro" in the name: ImagineArt says models labelled Pro need a subscription, '
    "but no source lists which models carry the label."
)
NOT_PRO_REASON = (
    'Inferred from the name, which does not carry "Pro": ImagineArt says models labelled Pro '
    "need a subscription, but no source lists which models carry the label."
)


def flat_price_tiers(max_resolution: str | None, listed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The tiers a model with one base price offers: exactly those the page lists where it
    lists them ("1K, 2K, 4K"), else 1K, 2K and 4K up to its maximum, and 3K only where the page
    names it (as a maximum). An unknown maximum offers 1K, 2K and 4K."""
    if listed is not None:
        return tuple(t for t in TIERS if t in listed)
    if max_resolution == "3K":
        return ("1K", "2K", "3K")
    top = TIERS.index(max_resolution) if max_resolution else len(TIERS) - 1
    return tuple(t for t in TIERS[: top + 1] if t != "3K")


@record
class Source(Frozen):
    """Where a figure comes from, so every price shown can be traced."""

    title: str
    url: str
    note: str = ""


@record
class Observation(Frozen):
    """A total the user read off ImagineArt's Create button for exactly these settings."""

    model_id: str
    resolution: str
    #: The ratio it was read at; None when the user did not say.
    aspect_ratio: str | None
    images: int
    prompt_enhancer: bool
    credits: Decimal
    date: dt.date
    #: Who recorded it, as their file in the team's shared folder names them; None: this user.
    by: str | None = None

    def settings(self) -> tuple[str, str, str | None, int, bool]:
        return (self.model_id, self.resolution, self.aspect_ratio, self.images, self.prompt_enhancer)


@record
class Model(Frozen):
    """An image model; `None` marks a figure the catalog does not know (see `unknown`)."""

    id: str
    name: str
    description: str
    #: tier -> credits per image. A one-figure price (`flat`) is the page's base price, stored
    #: under every tier the model offers: the price at 1K, the least it costs above (`basis_at`).
    tier_prices: Mapping[str, Decimal | None]
    flat: bool
    max_resolution: str | None
    aspect_ratios: tuple[str, ...]
    #: The tiers the source lists as offered ("1K, 2K, 4K"), ascending; None where it gives only
    #: a maximum (the tiers offered then follow `flat_price_tiers`). Never a tier it did not list.
    resolutions: tuple[str, ...] | None = None
    #: "Pro" models: free daily credits cannot pay for them and they need a subscription.
    requires_subscription: bool = False
    unknown: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    inferred: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source: Source | None = None
    origin: str = "bundled"

    @property
    def tiers(self) -> tuple[str, ...]:
        """The resolution tiers this model can be quoted at, ascending."""
        return tuple(t for t in TIERS if t in self.tier_prices)

    @property
    def price_known(self) -> bool:
        return all(p is not None for p in self.tier_prices.values())

    def price_at(self, tier: str) -> Decimal | None:
        return self.tier_prices[tier]

    def basis_at(self, tier: str) -> Basis:
        """STATED for a price per tier, BASE for the one base price, UNKNOWN for none."""
        if self.tier_prices.get(tier) is None:
            return Basis.UNKNOWN
        return Basis.BASE if self.flat else Basis.STATED

    def subscription_basis(self) -> tuple[Basis, str]:
        """Whether it needs a subscription is never published per model: the catalog's reason
        for a flag, or "" for a flag set without one (core/text/catalog.py says where); no flag
        is inferred from the name lacking "Pro"."""
        reason = self.inferred.get("requires_subscription")
        if reason:
            return Basis.INFERRED, reason
        if self.requires_subscription:
            return Basis.STATED, ""
        return Basis.INFERRED, NOT_PRO_REASON

    def lower_bound_at(self, tier: str) -> bool:
        """True where the figure is only the least it costs: a base price above 1K."""
        return self.basis_at(tier) is Basis.BASE and tier != BASE_TIER


@record
class UpscaleExample(Frozen):
    """An input size and scale a source names for an engine, with its words: the only output
    size any source gives, against which a larger output is measured."""

    width: int
    height: int
    scale: int
    says: str


@record
class UpscaleEngine(Frozen):
    """An upscaler: either per megapixel (Topaz) or a fixed price per scale (Magnific)."""

    id: str
    name: str
    description: str
    pricing: str  # "per_megapixel" or "fixed"
    #: scale -> multiplier (per_megapixel) or credits per image (fixed)
    scales: Mapping[int, Decimal]
    base_credits_per_megapixel: Decimal | None = None
    max_input_megapixels: Decimal | None = None
    unknown: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    inferred: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    origin: str = "bundled"
    example: UpscaleExample | None = None


@record
class PromptEnhancer(Frozen):
    """The optional prompt enhancer, whose surcharge the source does not state."""

    name: str
    surcharge: Decimal | None
    applies: str | None  # "per_generation", "per_image" or None when unknown
    unknown: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    origin: str = "bundled"


@record
class Catalog(Frozen):
    """Everything the pricing core needs, merged from the bundled files and any override."""

    version: str
    as_of: dt.date
    source: Source
    models: tuple[Model, ...]
    engines: tuple[UpscaleEngine, ...]
    prompt_enhancer: PromptEnhancer
    images_min: int
    images_max: int
    images_inferred: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    files: tuple[str, ...] = ()
    #: What the user recorded from ImagineArt's Create button, oldest first.
    observations: tuple[Observation, ...] = ()
    # Lookups made once from the fields above (not arguments, not compared, not cached).
    _by_id: Mapping[str, Model] = field(init=False, repr=False, compare=False)
    _engines_by_id: Mapping[str, UpscaleEngine] = field(init=False, repr=False, compare=False)
    _observed: Mapping[str, tuple[Observation, ...]] = field(init=False, repr=False, compare=False)
    #: Each model -> the places of its recordings in `observations`, in that order.
    _places: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    #: Each recording's settings -> its places in `observations`, in that order: a team's
    #: folder holds thousands, and pricing asks for one setting's. (Places, not pairs: a pair
    #: per recording is one more object for the window's collector to scan.)
    _at: Mapping[tuple[str, str, str | None, int, bool], tuple[int, ...]] = field(
        init=False, repr=False, compare=False
    )
    #: Each (model, tier) -> its recordings, oldest first.
    _by_tier: Mapping[tuple[str, str], tuple[Observation, ...]] = field(init=False, repr=False, compare=False)
    #: What pricing worked out from the recordings, per question (`remembered`).
    _memo: dict[tuple[object, ...], object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {m.id: m for m in self.models})
        object.__setattr__(self, "_engines_by_id", {e.id: e for e in self.engines})
        seen: dict[str, list[Observation]] = {}
        places: dict[str, list[int]] = {}
        at: dict[tuple[str, str, str | None, int, bool], list[int]] = {}
        tiers: dict[tuple[str, str], list[Observation]] = {}
        for place, o in enumerate(self.observations):
            seen.setdefault(o.model_id, []).append(o)
            places.setdefault(o.model_id, []).append(place)
            at.setdefault(o.settings(), []).append(place)
            tiers.setdefault((o.model_id, o.resolution), []).append(o)
        object.__setattr__(self, "_observed", {k: tuple(v) for k, v in seen.items()})
        object.__setattr__(self, "_places", {k: tuple(v) for k, v in places.items()})
        object.__setattr__(self, "_at", {k: tuple(v) for k, v in at.items()})
        object.__setattr__(self, "_by_tier", {k: tuple(v) for k, v in tiers.items()})
        object.__setattr__(self, "_memo", {})

    def model(self, model_id: str) -> Model:
        return self._by_id[model_id]

    def engine(self, engine_id: str) -> UpscaleEngine:
        return self._engines_by_id[engine_id]

    def find_model(self, text: str) -> Model | None:
        """A model by id or display name, case-insensitively."""
        key = text.strip().casefold()
        for m in self.models:
            if key in (m.id.casefold(), m.name.casefold()):
                return m
        return None

    def suggest_models(self, text: str) -> list["Model"]:
        """Models a mistyped name probably meant ("GPT Image 1.5" -> ChatGPT 1.5): the most
        words in common (a version number counts double, "gpt" matches "chatgpt"), else
        similar spelling."""
        import difflib

        words = text.casefold().replace("-", " ").split()

        def score(model: Model) -> int:
            theirs = model.name.casefold().split()
            return sum(
                (2 if any(c.isdigit() for c in w) else 1)
                for w in words
                if any(w == t or (not w[0].isdigit() and w in t) for t in theirs)
            )

        scored = sorted(((score(m), i, m) for i, m in enumerate(self.models)), key=lambda s: (-s[0], s[1]))
        best = [m for points, _, m in scored if points == scored[0][0]] if scored and scored[0][0] else []
        if best and (scored[0][0] >= 2 or len(best) == 1):
            return best[:3]
        names = {m.name.casefold(): m for m in self.models} | {m.id: m for m in self.models}
        found: list[Model] = []
        for name in difflib.get_close_matches(text.strip().casefold(), list(names), n=3, cutoff=0.6):
            if names[name] not in found:
                found.append(names[name])
        return found

    def observations_of(self, model_id: str) -> tuple[Observation, ...]:
        return self._observed.get(model_id, ())

    def places_of(self, model_id: str) -> tuple[int, ...]:
        """Where one model's recordings are in `observations`, in that order (the detail pane
        lists the last few at every settings change, of a team's thousands)."""
        return self._places.get(model_id, ())

    def recorded_in(self, model_id: str, resolution: str) -> tuple[Observation, ...]:
        """The recordings of one model at one tier, oldest first."""
        return self._by_tier.get((model_id, resolution), ())

    def remembered(self, key: tuple[object, ...], make: Callable[[], _T]) -> _T:
        """What `make` gives for `key`, worked out once for this catalog (which never changes):
        a team's folder holds thousands of recordings, and every settings change asks the same
        few questions of them again."""
        try:
            return cast(_T, self._memo[key])
        except KeyError:
            value = self._memo[key] = make()
            return value

    def recorded_at(
        self, settings: tuple[str, str, str | None, int, bool]
    ) -> tuple[tuple[int, Observation], ...]:
        """The recordings for exactly `settings` (Observation.settings()), each with its place."""
        return tuple((place, self.observations[place]) for place in self._at.get(settings, ()))

    def recorded_settings(self) -> Iterable[tuple[str, str, str | None, int, bool]]:
        """Every setting something was recorded for, once each."""
        return self._at.keys()

    def find_engine(self, text: str) -> UpscaleEngine | None:
        key = text.strip().casefold()
        for e in self.engines:
            if key in (e.id.casefold(), e.name.casefold()):
                return e
        return None

    def age_days(self, today: dt.date | None = None) -> int:
        return ((today or dt.date.today()) - self.as_of).days
