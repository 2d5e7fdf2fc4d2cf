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
from imagine_calc.core.language import N_, _, english
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.text.catalog import resolution_words, tiered
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sizes import scale

#: A change's kind as the review names it.
KIND_WORDS = {
    "added": N_("New model"),
    "removed": N_("Removed"),
    "renamed": N_("Renamed"),
    "price": N_("Price"),
    "max_resolution": N_("Max resolution"),
    "aspect_ratios": N_("Aspect ratios"),
    "upscale": N_("Upscale price"),
}
#: A model's field a page leaves as it was, as a note names it.
FIELD_WORDS = {
    "price": N_("price"),
    "max_resolution": N_("max resolution"),
    "aspect_ratios": N_("aspect ratios"),
    "resolutions": N_("resolutions"),
}


def price_words(price: PriceShown, style: NumberStyle = PLAIN) -> str:
    """ "25", "49 (1K) / 73.5 (2K) / 98 (4K)" or "unknown"."""
    if not price.prices:
        return _("unknown")
    if price.flat:
        value = price.prices[0][1]
        return _("unknown") if value is None else number(value, style)
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
            return _("not on the page")


def kind_words(change: Change) -> str:
    return _(KIND_WORDS[change.kind]) if change.kind in KIND_WORDS else change.kind


def note_words(note: Note, style: NumberStyle = PLAIN) -> str:
    """A note of the review, a sentence each."""
    match note:
        case str():
            return note
        case Tenfold(name, page, in_use, more):
            if more:
                template = _(
                    "{name}: {page} is more than ten times the price in use ({in_use}). Check the page "
                    "before applying: it is applied with the rest."
                )
            else:
                template = _(
                    "{name}: {page} is under a tenth of the price in use ({in_use}). Check the page "
                    "before applying: it is applied with the rest."
                )
            return template.format(
                name=name, page=price_words(page, style), in_use=price_words(in_use, style)
            )
        case RatiosUnreadable(name):
            return _("{name} is new on the page but its aspect ratios cannot be read: not added.").format(
                name=name
            )
        case GoneFromPage(name):
            return _(
                "{name} is no longer on the page; it stays in the catalog (an override cannot remove a "
                "model): check ImagineArt's tooltip before you budget with it."
            ).format(name=name)
        case LeftAsItWas(name, field, why):
            shown = _(FIELD_WORDS[field]) if field in FIELD_WORDS else field.replace("_", " ")
            return _("{name}: {why} Its {field} is left as it was.").format(
                name=name, why=unreadable_words(why, style), field=shown
            )
        case OwnPriceKept(name):
            return _("{name}: the page gives no price; your own price is kept.").format(name=name)
        case NewEngine(name):
            return _("Upscale engine {name} is new on the page; add it to your override by hand.").format(
                name=name
            )
        case EngineUnreadable(name, why):
            return _("{name}: {why} Its prices are left as they were.").format(name=name, why=why)


def unreadable_words(why: str | ResolutionsLeaveOut | PriceNamesOthers, style: NumberStyle = PLAIN) -> str:
    match why:
        case str():
            return why
        case ResolutionsLeaveOut(page, price):
            return _(
                "The page's max resolution ({page}) leaves out tiers of the price that stays ({price})."
            ).format(page=shown_words(page), price=price_words(price, style))
        case PriceNamesOthers(price, resolutions):
            return _(
                "The page's price ({price}) names tiers the max resolution that stays ({resolutions}) "
                "leaves out."
            ).format(price=price_words(price, style), resolutions=shown_words(resolutions))


def change_record(change: Change) -> dict[str, str]:
    """A change in the command line's JSON: its words, in English whatever the language."""
    with english():
        return _change_record(change)


def _change_record(change: Change) -> dict[str, str]:
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
    if url:
        said = plural(
            changes,
            "(prices as of {as_of}; the page says it is from {url}) differs from the catalog in use in "
            "{n} place.",
            "(prices as of {as_of}; the page says it is from {url}) differs from the catalog in use in "
            "{n} places.",
            style,
            as_of=as_of,
            url=url,
        )
    else:
        said = plural(
            changes,
            "(prices as of {as_of}) differs from the catalog in use in {n} place.",
            "(prices as of {as_of}) differs from the catalog in use in {n} places.",
            style,
            as_of=as_of,
        )
    said += " " + _("Apply writes its prices to your override file (the previous one is kept as a backup).")
    if left_out:
        said += " " + plural(
            left_out,
            "{n} change cannot be applied: an override cannot remove a model.",
            "{n} changes cannot be applied: an override cannot remove a model.",
            style,
        )
    return said
