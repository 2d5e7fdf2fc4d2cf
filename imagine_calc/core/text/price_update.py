"""Words for a price update from a saved page (core/catalog/update_findings.py): what each
change shows before and after, why it is worth a second look, and the notes. The review dialog
and `imagine-calc catalog --update-from` say the same."""

from __future__ import annotations

from imagine_calc.core.catalog.price_update import Change
from imagine_calc.core.catalog.update_findings import (
    AddedShown,
    EngineUnreadable,
    GoneFromPage,
    LeftAsItWas,
    NewEngine,
    Note,
    NotOnPage,
    OwnPriceKept,
    PriceNamesOthers,
    PriceShown,
    RatiosUnreadable,
    ResolutionsLeaveOut,
    ResolutionsShown,
    ScalesShown,
    Shown,
    Tenfold,
)
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.text.catalog import resolution_words, tiered
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sizes import scale

#: A change's kind as the review names it.
KIND_WORDS = {
    "added": "New model",
    "removed": "Removed",
    "renamed": "Renamed",
    "price": "Price",
    "max_resolution": "Max resolution",
    "aspect_ratios": "Aspect ratios",
    "upscale": "Upscale price",
}


def price_words(price: PriceShown, style: NumberStyle = PLAIN) -> str:
    """ "25", "49 (1K) / 73.5 (2K) / 98 (4K)" or "unknown"."""
    if not price.prices:
        return "unknown"
    if price.flat:
        value = price.prices[0][1]
        return "unknown" if value is None else number(value, style)
    return tiered(dict(price.prices), style)


def shown_words(shown: Shown, style: NumberStyle = PLAIN) -> str:
    """What a change shows on one side: a price, resolutions, ratios, scales, a name; "" for
    nothing (a new model had none before)."""
    match shown:
        case None:
            return ""
        case str():
            return shown
        case tuple():
            return ", ".join(shown)
        case PriceShown():
            return price_words(shown, style)
        case ResolutionsShown(maximum, listed):
            return resolution_words(maximum, listed)
        case AddedShown(price, resolutions):
            return f"{price_words(price, style)}; {shown_words(resolutions)}"
        case ScalesShown(scales):
            return ", ".join(f"{scale(s)}: {number(v, style)}" for s, v in scales)
        case NotOnPage():
            return "not on the page"


def kind_words(change: Change) -> str:
    return KIND_WORDS.get(change.kind, change.kind)


def note_words(note: Note, style: NumberStyle = PLAIN) -> str:
    """A note of the review, a sentence each."""
    match note:
        case str():
            return note
        case Tenfold(name, page, in_use, more):
            how = "more than ten times" if more else "under a tenth of"
            return (
                f"{name}: {price_words(page, style)} is {how} the price in use "
                f"({price_words(in_use, style)}). Check the page before applying: it is applied with "
                "the rest."
            )
        case RatiosUnreadable(name):
            return f"{name} is new on the page but its aspect ratios cannot be read: not added."
        case GoneFromPage(name):
            return (
                f"{name} is no longer on the page; it stays in the catalog (an override cannot remove a "
                "model): check ImagineArt's tooltip before you budget with it."
            )
        case LeftAsItWas(name, field, why):
            return f"{name}: {unreadable_words(why, style)} Its {field.replace('_', ' ')} is left as it was."
        case OwnPriceKept(name):
            return f"{name}: the page gives no price; your own price is kept."
        case NewEngine(name):
            return f"Upscale engine {name} is new on the page; add it to your override by hand."
        case EngineUnreadable(name, why):
            return f"{name}: {why} Its prices are left as they were."


def unreadable_words(why: str | ResolutionsLeaveOut | PriceNamesOthers, style: NumberStyle = PLAIN) -> str:
    match why:
        case str():
            return why
        case ResolutionsLeaveOut(page, price):
            return (
                f"The page's max resolution ({shown_words(page)}) leaves out tiers of the price that "
                f"stays ({price_words(price, style)})."
            )
        case PriceNamesOthers(price, resolutions):
            return (
                f"The page's price ({price_words(price, style)}) names tiers the max resolution that "
                f"stays ({shown_words(resolutions)}) leaves out."
            )


def change_record(change: Change) -> dict[str, str]:
    """A change in the command line's JSON: its words, in English whatever the language."""
    return {
        "kind": change.kind,
        "name": change.name,
        "before": shown_words(change.before),
        "after": shown_words(change.after),
        "check": note_words(change.check) if change.check is not None else "",
    }


def review_intro(changes: int, left_out: int, as_of: str, url: str, style: NumberStyle = PLAIN) -> str:
    """After the page's name in the review: "(prices as of 2026-12-01; the page says it is from
    https://...) differs from the catalog in use in 3 places. Apply writes ..." """
    cannot = (
        f" {plural(left_out, 'change', style)} cannot be applied: an override cannot remove a model."
        if left_out
        else ""
    )
    source = f"; the page says it is from {url}" if url else ""
    places = plural(changes, "place", style)
    return (
        f"(prices as of {as_of}{source}) differs from the catalog in use in {places}. "
        f"Apply writes its prices to your override file (the previous one is kept as a backup).{cannot}"
    )
