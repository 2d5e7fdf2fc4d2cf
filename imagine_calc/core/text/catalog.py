"""Words for what the catalog says: a model's prices, a set of settings, the prices' age."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from imagine_calc.core.catalog.records import BASE_TIER, Catalog, Model, Observation
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.text.plurals import plural


def tiered(prices: Mapping[str, Decimal | None], style: NumberStyle = PLAIN) -> str:
    """Tier prices as ImagineArt's table writes them, equal neighbouring tiers grouped:
    "49 (1K) / 73.5 (2K) / 98 (4K)", "80 (1K/2K) / 160 (4K)"."""
    groups: list[tuple[Decimal | None, list[str]]] = []
    for tier, price in prices.items():
        if groups and groups[-1][0] == price:
            groups[-1][1].append(tier)
        else:
            groups.append((price, [tier]))
    return " / ".join(
        f"{'unknown' if p is None else number(p, style)} ({'/'.join(tiers)})" for p, tiers in groups
    )


def price_summary(model: Model, style: NumberStyle = PLAIN) -> str:
    """ "25", "49 (1K) / 73.5 (2K) / 98 (4K)", "80 (1K/2K) / 160 (4K)" or "unknown"."""
    if model.flat:
        price = next(iter(model.tier_prices.values()))
        return "unknown" if price is None else number(price, style)
    return tiered(model.tier_prices, style)


def price_words(model: Model, style: NumberStyle = PLAIN) -> str:
    """A model's price as the page gives it, with how far it holds: "49 (1K) / 73.5 (2K) /
    98 (4K) per image", "25 per image at 1K, the page's base price; 2K and 4K cost more (not
    published)", "5 per image, the page's base price; larger output dimensions cost more", or
    "unknown"."""
    summary = price_summary(model, style)
    if summary == "unknown":
        return summary
    if not model.flat:
        return f"{summary} per image"
    above = [t for t in model.tiers if model.lower_bound_at(t)]
    if not above:  # 1K only: exact at 1K, with the page's caveat on output size
        return f"{summary} per image, the page's base price; larger output dimensions cost more"
    return (
        f"{summary} per image at {BASE_TIER}, the page's base price; "
        f"{' and '.join(above)} cost more (not published)"
    )


def resolution_words(max_resolution: str | None, listed: tuple[str, ...] | None) -> str:
    """ "1K, 2K, 4K" where the tiers are listed, else "up to 4K" or "max resolution unknown"."""
    if listed:
        return ", ".join(listed)
    return f"up to {max_resolution}" if max_resolution else "max resolution unknown"


def settings_words(
    name: str,
    resolution: str,
    aspect_ratio: str | None,
    images: int,
    prompt_enhancer: bool,
    style: NumberStyle = PLAIN,
) -> str:
    """ "Nano Banana 2 · 2K · 16:9 · 4 images · prompt enhancer" (the name may be empty)."""
    parts = [p for p in (name, resolution, aspect_ratio) if p]
    parts.append(plural(images, "image", style))
    if prompt_enhancer:
        parts.append("prompt enhancer")
    return " · ".join(parts)


def age(days: int) -> str:
    """How old the prices are: "from today", "1 day old", "45 days old", or, for a date ahead
    of this computer's clock, "dated 3 days ahead of this computer's date" (never "-3 days")."""
    if days < 0:
        return f"dated {plural(-days, 'day')} ahead of this computer's date"
    if days == 0:
        return "from today"
    return f"{plural(days, 'day')} old"


def saved_settings_words(notice: str) -> str:
    """A saved setting the prices in use no longer allow (a page update took a tier away)."""
    return f"Your last settings do not fit the prices in use. {notice}"


def missing_model_words(model_id: str, used: str) -> str:
    """The saved model is gone from the catalog (an override that added it was removed)."""
    return f"The model you last used ({model_id}) is not in the prices in use: using {used}."


def recorded_settings(o: Observation, catalog: Catalog | None = None, *, with_model: bool = True) -> str:
    """A recording's settings: "Nano Banana 2 · 2K · 16:9 · 1 image · prompt enhancer"."""
    model = catalog.find_model(o.model_id) if catalog is not None else None
    name = (model.name if model is not None else o.model_id) if with_model else ""
    return settings_words(name, o.resolution, o.aspect_ratio, o.images, o.prompt_enhancer)


#: Why a model is taken to need a subscription: no source lists ImagineArt's "Pro" models.
PRO_INFERRED = "inferred from the name"


def pointed_at_words(selected: str) -> str:
    """Above the details of a model the pointer rests on, so no one reads them as the total's."""
    return f"Under the pointer in the list. The total above is for {selected}, the selected model."


def pro_model_words(inferred: bool) -> str:
    """ "Pro model: needs a subscription (inferred from the name)", the one way it is said."""
    return f"Pro model: needs a subscription{f' ({PRO_INFERRED})' if inferred else ''}"


def pro_inferred(model: Model) -> bool:
    """True where the catalog flags the model as Pro because of its name, not a source."""
    return "requires_subscription" in model.inferred


def pro_mark(model: Model) -> str:
    """A Pro model's mark in a list of models: "Pro", "Pro*" where inferred from the name
    (the star is explained beside the list), "" for a model that needs no subscription."""
    if not model.requires_subscription:
        return ""
    return "Pro*" if pro_inferred(model) else "Pro"


def prices_in_use(as_of: dt.date, days: int, override: bool, stale: bool, style: NumberStyle = PLAIN) -> str:
    """The status bar's "Prices as of 2026-11-26 (7 days old) + your override"."""
    out = f"Prices as of {style.date(as_of)} ({age(days)})"
    out += " + your override" if override else ""
    return out + (" · may be stale: File > Update prices" if stale else "")


def subscription_reason(model: Model) -> str:
    """Why the model is taken to need a subscription, or not: the catalog's own reason, or
    where a flag was set without one."""
    _, reason = model.subscription_basis()
    if reason:
        return reason
    where = "the bundled catalog" if model.origin == "bundled" else "your override file"
    return f"Set in {where}, without a reason."
