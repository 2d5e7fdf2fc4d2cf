"""What the settings can be for a model, and what each choice would change.

The window asks these instead of knowing catalog rules itself: which tiers a
model offers (and why not the others), how to fall back when a model lacks the
current setting, and the difference in credits each option would make.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from imagine_calc.core.catalog.records import TIERS, Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing.quotes import GenerationRequest, Quote, check_generation, quote_generation

#: The ratio to fall back to first, when a model lacks the current one.
PREFERRED_RATIO = "1:1"


@dataclass(frozen=True)
class Option:
    """One choice in a settings control: whether it is offered, and what it would change."""

    value: str
    offered: bool
    #: Why it is not offered (empty when offered).
    reason: str = ""
    #: Change of the total if chosen: None when unknown, 0 for the current choice.
    delta: Decimal | None = Decimal(0)


def tier_refusal(model: Model, tier: str) -> str:
    """Why `model` cannot be quoted at `tier`, or "" if it can."""
    if tier in model.tier_prices:
        return ""
    if model.max_resolution is not None and TIERS.index(tier) > TIERS.index(model.max_resolution):
        return f"{model.name} goes up to {model.max_resolution}"
    return f"ImagineArt gives no {tier} price for {model.name}"


def availability(model: Model, resolution: str, aspect_ratio: str | None) -> str:
    """Why `model` cannot make this resolution and ratio, or "" if it can."""
    why = tier_refusal(model, resolution)
    if not why and aspect_ratio is not None and aspect_ratio not in model.aspect_ratios:
        why = f"{model.name} has no {aspect_ratio} aspect ratio"
    return why


def fit_request(catalog: Catalog, req: GenerationRequest) -> tuple[GenerationRequest, tuple[str, ...]]:
    """The nearest valid request for `req.model_id`, and a sentence per setting that changed."""
    model = catalog.model(req.model_id)
    notices: list[str] = []
    resolution = req.resolution
    if resolution not in model.tier_prices:
        lower = [t for t in model.tiers if TIERS.index(t) <= TIERS.index(resolution)]
        resolution = (lower or list(model.tiers))[-1 if lower else 0]
        notices.append(f"{tier_refusal(model, req.resolution)}: using {resolution}.")
    ratio = req.aspect_ratio
    if ratio is None or ratio not in model.aspect_ratios:
        fallback = PREFERRED_RATIO if PREFERRED_RATIO in model.aspect_ratios else model.aspect_ratios[0]
        if ratio is not None:
            notices.append(f"{model.name} has no {ratio} aspect ratio: using {fallback}.")
        ratio = fallback
    images = min(max(req.images, catalog.images_min), catalog.images_max)
    fitted = replace(req, resolution=resolution, aspect_ratio=ratio, images=images)
    check_generation(catalog, fitted)
    return fitted, tuple(notices)


def _delta(current: Quote, other: Quote) -> Decimal | None:
    # Unknown parts cancel out only if both quotes have the same ones.
    if current.unknown_reasons != other.unknown_reasons:
        return None
    return other.known_total - current.known_total


def resolution_options(catalog: Catalog, req: GenerationRequest) -> list[Option]:
    """Every tier, offered or not, with the change of the total were it chosen."""
    model = catalog.model(req.model_id)
    current = quote_generation(catalog, req)
    options = []
    for tier in TIERS:
        why = tier_refusal(model, tier)
        if why:
            options.append(Option(tier, False, why, None))
        else:
            other = quote_generation(catalog, replace(req, resolution=tier))
            options.append(Option(tier, True, "", _delta(current, other)))
    return options


def images_options(catalog: Catalog, req: GenerationRequest) -> list[Option]:
    current = quote_generation(catalog, req)
    return [
        Option(str(n), True, "", _delta(current, quote_generation(catalog, replace(req, images=n))))
        for n in range(catalog.images_min, catalog.images_max + 1)
    ]


def enhancer_delta(catalog: Catalog, req: GenerationRequest) -> Decimal | None:
    """What switching the prompt enhancer would change (negative when switching it off)."""
    current = quote_generation(catalog, req)
    other = quote_generation(catalog, replace(req, prompt_enhancer=not req.prompt_enhancer))
    return _delta(current, other)


def quote_or_reason(catalog: Catalog, req: GenerationRequest) -> Quote | str:
    """A model's quote for the current settings, or why it cannot make them (for the model list)."""
    why = availability(catalog.model(req.model_id), req.resolution, req.aspect_ratio)
    if why:
        return why
    try:
        return quote_generation(catalog, req)
    except QuoteError as exc:
        return str(exc)
