"""Rich text about a model, shared by the list's tooltip and the detail pane."""

from __future__ import annotations

from html import escape as _escape

from PySide6.QtCore import QLocale

from imagine_calc.core.catalog.records import Catalog, Model
from imagine_calc.core.estimates.budget import Balances, images_for
from imagine_calc.core.pricing.observations import disagreement, settings_text
from imagine_calc.core.pricing.quotes import GenerationRequest, Quote
from imagine_calc.core.text.budget import affordable_words
from imagine_calc.core.text.catalog import price_words
from imagine_calc.gui.shared import numbers


def escape(text: str) -> str:
    return _escape(text, quote=False)


UNKNOWN = "<i>unknown</i>"


def _unknown(model: Model, field: str) -> str:
    why = model.unknown.get(field, "")
    return f"{UNKNOWN}" + (f" <small>({escape(why)})</small>" if why else "")


def model_html(
    model: Model,
    current: Quote | str | None = None,
    *,
    catalog: Catalog | None = None,
    locale: QLocale | None = None,
    affordable: str | None = None,
) -> str:
    """Name, description, price per tier, max resolution, aspect ratios; unknowns said so."""
    loc = locale or QLocale()
    price = price_words(model, numbers.style(loc))
    price_html = _unknown(model, "price") if price == "unknown" else escape(price)
    max_res = escape(model.max_resolution) if model.max_resolution else _unknown(model, "max_resolution")
    rows = [
        f"<b>{escape(model.name)}</b>",
        f"{escape(model.description)}",
        f"<table cellspacing=0 cellpadding=1>"
        f"<tr><td>Credits:&nbsp;</td><td>{price_html}</td></tr>"
        f"<tr><td>Max resolution:&nbsp;</td><td>{max_res}</td></tr>"
        f"<tr><td>Aspect ratios:&nbsp;</td><td>{escape(', '.join(model.aspect_ratios))}</td></tr>",
    ]
    if isinstance(current, str):
        rows[-1] += f"<tr><td>Now:&nbsp;</td><td><i>not available: {escape(current)}</i></td></tr>"
    elif current is not None:
        rows[-1] += f"<tr><td>Now:&nbsp;</td><td>{escape(numbers.total(current, loc))}</td></tr>"
    if model.requires_subscription:
        why = " (inferred from the name)" if "requires_subscription" in model.inferred else ""
        rows[-1] += f"<tr><td>Plan:&nbsp;</td><td>Pro model: needs a subscription{why}</td></tr>"
    if affordable is not None:
        rows[-1] += f"<tr><td>Your balance:&nbsp;</td><td>{escape(affordable)}</td></tr>"
    rows[-1] += "</table>"
    if model.origin != "bundled":
        rows.append(f"<small>Price from your {escape(model.origin)}</small>")
    if catalog is not None and catalog.observations_of(model.id):
        rows.append(recordings_html(catalog, model, loc))
    if catalog is not None:
        source = model.source or catalog.source
        rows.append(
            f"<small>Source: <a href='{_escape(source.url)}'>{escape(source.title)}</a>, "
            f"as of {escape(loc.toString(catalog.as_of, QLocale.FormatType.LongFormat))}</small>"
        )
    return "<p style='white-space:pre-wrap'>" + "<br>".join(rows[:2]) + "</p>" + "".join(rows[2:])


def affordable_text(catalog: Catalog, request: GenerationRequest, balances: Balances) -> str | None:
    """ "buys 68 images at these settings", once the user has typed a balance."""
    if not (balances.subscribed or balances.total):
        return None
    model = catalog.model(request.model_id)
    images = images_for(catalog, request, balances)
    return affordable_words(images, model.requires_subscription, balances.subscribed, numbers.style())


#: Link target of "remove" beside a recording in the detail pane; the index into
#: `catalog.observations` follows the colon.
REMOVE_RECORDING = "remove-recording:"


def recordings_html(catalog: Catalog, model: Model, loc: QLocale) -> str:
    """The totals the user recorded for `model`, each with a link to remove it."""
    rows = []
    for index, o in enumerate(catalog.observations):
        if o.model_id != model.id:
            continue
        rows.append(
            f"{escape(settings_text(o, with_model=False))}: <b>{escape(numbers.credits(o.credits, loc))}</b>"
            f" on {escape(o.date.isoformat())} &nbsp;<a href='{REMOVE_RECORDING}{index}'>remove</a>"
        )
        rows += [f"<small>{escape(n)}</small>" for n in disagreement(model, o)]
    return (
        "<p><b>Recorded by you</b> <small>(what ImagineArt's Create button showed; used before "
        "the page's figures)</small><br>" + "<br>".join(rows) + "</p>"
    )
