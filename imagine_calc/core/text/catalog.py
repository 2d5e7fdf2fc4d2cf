"""Words for what the catalog says: a model's prices, a set of settings, the prices' age."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from imagine_calc.core.catalog.records import BASE_TIER, Catalog, Model, Observation
from imagine_calc.core.language import N_, _, pgettext
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.text.plurals import plural

#: The catalog's own texts the window shows, by context (packaging/translations.py extracts the
#: bundled catalog's under these): a model's or an engine's description, and why a figure is
#: unknown, and the name of a feature (the prompt enhancer; a model's or engine's name is its
#: own). A text from an override or a page update is not in the catalog and shows as written.
DESCRIPTION = "model description"
CATALOG_NOTE = "catalog note"
CATALOG_NAME = "catalog name"


def described(text: str) -> str:
    """A model's or engine's description from the catalog, in the language in use."""
    return pgettext(DESCRIPTION, text) if text else text


def catalog_name(text: str) -> str:
    """The prompt enhancer's name from the catalog ("Prompt enhancer"), in the language in use."""
    return pgettext(CATALOG_NAME, text) if text else text


def catalog_note(text: str) -> str:
    """Why the catalog gives no figure ("The credits page says ..."), in the language in use."""
    return pgettext(CATALOG_NOTE, text) if text else text


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
        f"{_('unknown') if p is None else number(p, style)} ({'/'.join(tiers)})" for p, tiers in groups
    )


def price_summary(model: Model, style: NumberStyle = PLAIN) -> str:
    """ "25", "49 (1K) / 73.5 (2K) / 98 (4K)", "80 (1K/2K) / 160 (4K)" or "unknown"."""
    if model.flat:
        price = next(iter(model.tier_prices.values()))
        return _("unknown") if price is None else number(price, style)
    return tiered(model.tier_prices, style)


def price_unknown(model: Model) -> bool:
    """Nothing of the model's price is known (its words are then "unknown")."""
    return model.flat and next(iter(model.tier_prices.values())) is None


def price_words(model: Model, style: NumberStyle = PLAIN) -> str:
    """A model's price as the page gives it, with how far it holds: "49 (1K) / 73.5 (2K) /
    98 (4K) per image", "25 per image at 1K, the page's base price; 2K and 4K cost more (not
    published)", "5 per image, the page's base price; larger output dimensions cost more", or
    "unknown"."""
    summary = price_summary(model, style)
    if price_unknown(model):
        return summary
    if not model.flat:
        return _("{prices} per image").format(prices=summary)
    above = [t for t in model.tiers if model.lower_bound_at(t)]
    if not above:  # 1K only: exact at 1K, with the page's caveat on output size
        return _("{price} per image, the page's base price; larger output dimensions cost more").format(
            price=summary
        )
    return _(
        "{price} per image at {base_tier}, the page's base price; {tiers} cost more (not published)"
    ).format(price=summary, base_tier=BASE_TIER, tiers=and_words(above))


def and_words(parts: list[str]) -> str:
    """ "2K and 4K", "a, b and c": a list as a sentence joins it."""
    if len(parts) < 2:
        return "".join(parts)
    # TRANSLATORS: the end of a list: "2 SVG drawings, 1 PDF document and 14 other files"
    return _("{list} and {last}").format(list=", ".join(parts[:-1]), last=parts[-1])


def resolution_words(max_resolution: str | None, listed: tuple[str, ...] | None) -> str:
    """ "1K, 2K, 4K" where the tiers are listed, else "up to 4K" or "max resolution unknown"."""
    if listed:
        return ", ".join(listed)
    return (
        _("up to {resolution}").format(resolution=max_resolution)
        if max_resolution
        else _("max resolution unknown")
    )


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
    parts.append(plural(images, "{n} image", "{n} images", style))
    if prompt_enhancer:
        parts.append(_("prompt enhancer"))
    return " · ".join(parts)


def age(days: int, style: NumberStyle = PLAIN) -> str:
    """How old the prices are: "from today", "1 day old", "45 days old", or, for a date ahead
    of this computer's clock, "dated 3 days ahead of this computer's date" (never "-3 days")."""
    if days < 0:
        return plural(
            -days,
            "dated {n} day ahead of this computer's date",
            "dated {n} days ahead of this computer's date",
            style,
        )
    if days == 0:
        return _("from today")
    return plural(days, "{n} day old", "{n} days old", style)


def saved_settings_words(notice: str) -> str:
    """A saved setting the prices in use no longer allow (a page update took a tier away)."""
    return _("Your last settings do not fit the prices in use. {notice}").format(notice=notice)


def missing_model_words(model_id: str, used: str) -> str:
    """The saved model is gone from the catalog (an override that added it was removed)."""
    return _("The model you last used ({id}) is not in the prices in use: using {used}.").format(
        id=model_id, used=used
    )


def recorded_settings(
    o: Observation, catalog: Catalog | None = None, *, with_model: bool = True, style: NumberStyle = PLAIN
) -> str:
    """A recording's settings: "Nano Banana 2 · 2K · 16:9 · 1 image · prompt enhancer"."""
    model = catalog.find_model(o.model_id) if catalog is not None else None
    name = (model.name if model is not None else o.model_id) if with_model else ""
    return settings_words(name, o.resolution, o.aspect_ratio, o.images, o.prompt_enhancer, style)


#: Why a model is taken to need a subscription: no source lists ImagineArt's "Pro" models.
PRO_INFERRED = N_("inferred from the name")


def pointed_at_words(selected: str) -> str:
    """Above the details of a model the pointer rests on, so no one reads them as the total's."""
    return _("Under the pointer in the list. The total above is for {model}, the selected model.").format(
        model=selected
    )


def pro_model_words(inferred: bool) -> str:
    """ "Pro model: needs a subscription (inferred from the name)", the one way it is said."""
    if inferred:
        return _("Pro model: needs a subscription ({why})").format(why=_(PRO_INFERRED))
    return _("Pro model: needs a subscription")


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
    out = _("Prices as of {date} ({age})").format(date=style.date(as_of), age=age(days, style))
    out += _(" + your override") if override else ""
    return out + (_(" · may be stale: File > Update prices") if stale else "")


def origin_words(origin: str) -> str:
    """Where a model's figures come from when not the bundled catalog: "Price from your
    override /home/me/.config/imagine-calc/override.yaml"."""
    return _("Price from your override {file}").format(file=origin.removeprefix("override "))


def subscription_reason(model: Model) -> str:
    """Why the model is taken to need a subscription, or not: the catalog's own reason, or
    where a flag was set without one."""
    _basis, reason = model.subscription_basis()
    if reason:
        return reason
    if model.origin == "bundled":
        return _("Set in the bundled catalog, without a reason.")
    return _("Set in your override file, without a reason.")
