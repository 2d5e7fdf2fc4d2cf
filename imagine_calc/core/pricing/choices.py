"""What the settings can be for a model: which tiers it offers (and why not the others), and
how to fall back when a model lacks the current setting. What each choice would change is in
generate_view.py."""

from __future__ import annotations

from dataclasses import replace

from imagine_calc.core.catalog.records import TIERS, Catalog, Model
from imagine_calc.core.pricing.findings import (
    AboveMaximum,
    Fitted,
    NotAvailable,
    RatioNotOffered,
    TierNotNamed,
)
from imagine_calc.core.pricing.quotes import check_generation
from imagine_calc.core.pricing.requests import GenerationRequest

#: The ratio to fall back to first, when a model lacks the current one.
PREFERRED_RATIO = "1:1"


def tier_refusal(model: Model, tier: str) -> NotAvailable | None:
    """Why `model` cannot be quoted at `tier`, or None if it can."""
    if tier in model.tier_prices:
        return None
    if model.max_resolution is not None and TIERS.index(tier) > TIERS.index(model.max_resolution):
        return AboveMaximum(model.name, model.max_resolution)
    return TierNotNamed(model.name, tier)


def availability(model: Model, resolution: str, aspect_ratio: str | None) -> NotAvailable | None:
    """Why `model` cannot make this resolution and ratio, or None if it can."""
    why = tier_refusal(model, resolution)
    if why is None and aspect_ratio is not None and aspect_ratio not in model.aspect_ratios:
        why = RatioNotOffered(model.name, aspect_ratio)
    return why


def fit_request(catalog: Catalog, req: GenerationRequest) -> tuple[GenerationRequest, tuple[Fitted, ...]]:
    """The nearest valid request for `req.model_id`, and what changed for each setting."""
    model = catalog.model(req.model_id)
    notices: list[Fitted] = []
    resolution = req.resolution
    refused = tier_refusal(model, resolution)
    if refused is not None:
        lower = [t for t in model.tiers if TIERS.index(t) <= TIERS.index(resolution)]
        resolution = (lower or list(model.tiers))[-1 if lower else 0]
        notices.append(Fitted(refused, resolution))
    ratio = req.aspect_ratio
    if ratio is None or ratio not in model.aspect_ratios:
        fallback = PREFERRED_RATIO if PREFERRED_RATIO in model.aspect_ratios else model.aspect_ratios[0]
        if ratio is not None:
            notices.append(Fitted(RatioNotOffered(model.name, ratio), fallback))
        ratio = fallback
    images = min(max(req.images, catalog.images_min), catalog.images_max)
    fitted = replace(req, resolution=resolution, aspect_ratio=ratio, images=images)
    check_generation(catalog, fitted)
    return fitted, tuple(notices)
