"""Rich text about a model, shared by the list's tooltip and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from imagine_calc.core.catalog.records import Catalog, Model
from imagine_calc.core.estimates.budget import Balances, images_for
from imagine_calc.core.language import _, language
from imagine_calc.core.pricing.findings import NotAvailable
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.observations import disagreement
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text.catalog import (
    catalog_note,
    described,
    origin_words,
    pointed_at_words,
    price_unknown,
    price_words,
    pro_model_words,
    recorded_settings,
)
from imagine_calc.core.text.findings import caveat_words, not_available_words
from imagine_calc.core.text.sharing import more_recordings_words, observed_by
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import Html, escape, fill, join


def _unknown(model: Model, field: str) -> Html:
    why = catalog_note(model.unknown.get(field, ""))
    if why:
        return fill("<i>{}</i> <small>({})</small>", _("unknown"), why)
    return fill("<i>{}</i>", _("unknown"))


def model_html(
    model: Model,
    current: Quote | NotAvailable | None = None,
    *,
    catalog: Catalog | None = None,
    locale: QLocale | None = None,
    affordable: str | None = None,
    pointed_at_instead_of: str | None = None,
) -> Html:
    """Name, description, price per tier, max resolution, aspect ratios; unknowns said so.
    `pointed_at_instead_of` names the selected model when these are a hovered one's."""
    loc = locale or QLocale()
    price = price_words(model, locale_numbers.style(loc))
    price_html = _unknown(model, "price") if price_unknown(model) else escape(price)
    max_res = escape(model.max_resolution) if model.max_resolution else _unknown(model, "max_resolution")
    row = "<tr><td>{}:&nbsp;</td><td>{}</td></tr>"
    table = [
        fill(row, _("Credits"), price_html),
        fill(row, _("Max resolution"), max_res),
        fill(row, _("Aspect ratios"), ", ".join(model.aspect_ratios)),
    ]
    if current is not None and not isinstance(current, Quote):
        why = fill("<i>{}</i>", not_available_words(current))
        table.append(fill(row, _("Now"), why))
    elif current is not None:
        table.append(fill(row, _("Now"), locale_numbers.total(current, loc)))
    if model.requires_subscription:
        table.append(fill(row, _("Plan"), pro_model_words("requires_subscription" in model.inferred)))
    if affordable is not None:
        table.append(fill(row, _("Your balance"), affordable))
    parts = []
    if pointed_at_instead_of is not None:
        parts.append(fill("<p><i>{}</i></p>", pointed_at_words(pointed_at_instead_of)))
    parts += [
        fill("<p style='white-space:pre-wrap'><b>{}</b><br>{}</p>", model.name, described(model.description)),
        fill("<table cellspacing=0 cellpadding=1>{}</table>", join("", table)),
    ]
    if model.origin != "bundled":
        parts.append(fill("<small>{}</small>", origin_words(model.origin)))
    if catalog is not None and catalog.observations_of(model.id):
        parts.append(recordings_html(catalog, model, loc))
    if catalog is not None:
        source = model.source or catalog.source
        parts.append(
            fill(
                _("<small>Source: <a href='{}'>{}</a>, as of {}</small>"),
                source.url,
                source.title,
                locale_numbers.date(catalog.as_of, loc),
            )
        )
    return join("", parts)


def affordable_text(view: GenerateView, model: Model, balances: Balances) -> str | None:
    """ "buys 68 images at these settings", once the user has typed a balance."""
    if not (balances.subscribed or balances.total):
        return None
    # Here, not at import: a start with no balance to spend reads no budget words (3 records).
    from imagine_calc.core.text.budget import affordable_words

    images = images_for(view, model, balances)
    return affordable_words(images, model.requires_subscription, balances.subscribed, locale_numbers.style())


#: Link target of "remove" beside a recording in the detail pane; the index into
#: `catalog.observations` follows the colon.
REMOVE_RECORDING = "remove-recording:"


#: The most recordings of one model the detail pane lists (the newest): a team's folder may hold
#: thousands, and the pane is made again at every settings change.
MAX_RECORDINGS_SHOWN = 20


def recordings_html(catalog: Catalog, model: Model, loc: QLocale) -> Html:
    """The newest totals recorded for `model`, the user's own each with a link to remove it:
    made once per catalog, model, language and locale, since the pane is made again at every
    settings change and they do not change with the settings."""
    key = ("recordings html", model.id, language(), loc.name(), locale_numbers.style(loc))
    return catalog.remembered(key, lambda: _recordings_html(catalog, model, loc))


def _recordings_html(catalog: Catalog, model: Model, loc: QLocale) -> Html:
    rows = []
    places = catalog.places_of(model.id)
    older = max(0, len(places) - MAX_RECORDINGS_SHOWN)
    if older:
        rows.append(fill("<small>{}</small>", more_recordings_words(older, locale_numbers.style(loc))))
    for index in places[older:]:
        o = catalog.observations[index]
        if o.by is not None:  # a teammate's, from the shared folder: theirs to remove
            rows.append(
                fill(
                    _("{}: <b>{}</b>, {}"),
                    recorded_settings(o, with_model=False, style=locale_numbers.style(loc)),
                    locale_numbers.credits(o.credits, loc),
                    observed_by(o, locale_numbers.style(loc)),
                )
            )
            continue
        rows.append(
            fill(
                _("{}: <b>{}</b> on {} &nbsp;<a href='{}'>remove</a>"),
                recorded_settings(o, with_model=False, style=locale_numbers.style(loc)),
                locale_numbers.credits(o.credits, loc),
                locale_numbers.date(o.date, loc),
                f"{REMOVE_RECORDING}{index}",
            )
        )
        rows += [
            fill("<small>{}</small>", caveat_words(n, locale_numbers.style(loc)))
            for n in disagreement(model, o)
        ]
    team = any(o.by is not None for o in catalog.observations_of(model.id))
    heading = (
        _(
            "<p><b>Recorded by your team</b> <small>(what ImagineArt's Create button showed; the "
            "newest is used before the page's figures)</small><br>{}</p>"
        )
        if team  # a teammate's among them: "by you" would not be true
        else _(
            "<p><b>Recorded by you</b> <small>(what ImagineArt's Create button showed; used before "
            "the page's figures)</small><br>{}</p>"
        )
    )
    return fill(heading, join("<br>", rows))
