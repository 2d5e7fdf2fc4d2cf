"""What the settings can be for a model: which tiers it offers (and why not the others), and
how to fall back when a model lacks the current setting. What each choice would change is in
generate_view.py."""

from __future__ import annotations

from dataclasses import replace

from imagine_calc.core.catalog.records import TIERS, Catalog, Model
from imagine_calc.core.pricing.quotes import GenerationRequest, check_generation

#: The ratio to fall back to first, when a model lacks the current one.
PREFERRED_RATIO = "1:1"


def tier_refusal(model: Model, tier: str) -> str:
    """Why `model` cannot be quoted at `tier`, or "" if it can."""
    if tier in model.tier_prices:
        return ""
    if model.max_resolution is not None and TIERS.index(tier) > TIERS.index(model.max_resolution):
        return f"{model.name} goes up to {model.max_resolution}"
    return f"ImagineArt's page names no {tier} option for {model.name}"


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
