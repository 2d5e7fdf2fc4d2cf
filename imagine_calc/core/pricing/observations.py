"""Totals the user read off ImagineArt's Create button, and what they say about other settings.

ImagineArt's page calls the Create button's hover "the definitive cost". A recording is the
price for exactly its settings. Used further, with the page's own rules only:
- n images cost n times one (the page), so a recording without the prompt enhancer gives the
  per-image price at its resolution for any number of images;
- two recordings that differ only in the enhancer give its surcharge for those settings.
Only a recording used as it was made is observed. A figure worked out from one (a per-image
price for another number of images, a surcharge as the difference of two totals) is inferred
from it, and says from what; the enhancer's surcharge used at other settings is an assumption
on top, and says that too.
The aspect ratio is not part of the match (the page gives no price per ratio), but a recording
made at the requested ratio is preferred.
Recordings come from the user's override and from teammates' files in a shared folder
(`catalog.shared_recordings`); for the same settings the newest is used, and when others
differ the quote says so (`conflicts`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Context, Decimal, Inexact

from imagine_calc.core.catalog.records import Basis, Catalog, Model, Observation
from imagine_calc.core.language import _
from imagine_calc.core.limits import LimitError, parse_credits, shown
from imagine_calc.core.pricing.findings import PageSays, RecordingDisagrees, RecordingsConflict
from imagine_calc.core.pricing.requests import GenerationRequest


def parse_observed(text: str, what: str | None = None) -> Decimal:
    """What the Create button showed, as typed: a price (limits.parse_credits) above 0, since
    the button shows what a generation costs and the page prices none at 0."""
    what = _("credits") if what is None else what
    value = parse_credits(text, what)
    if value == 0:
        raise LimitError(
            # TRANSLATORS: {what} names the value, already translated ("credits").
            _("{what} must be more than 0 (the cost the Create button showed), got {value}").format(
                what=what, value=shown(text)
            )
        )
    return value


def _best(found: list[Observation], aspect_ratio: str | None) -> Observation | None:
    """The one recorded at the requested ratio if any, else the newest."""
    if not found:
        return None
    # A tie to the later one by place (enumerate: `found.index` made a team's thousands quadratic).
    return max(enumerate(found), key=lambda io: (io[1].aspect_ratio == aspect_ratio, io[1].date, io[0]))[1]


def recorded_total(catalog: Catalog, req: GenerationRequest) -> Observation | None:
    """A recording for exactly these settings (any ratio), if there is one."""
    key = ("total", req.model_id, req.resolution, req.images, req.prompt_enhancer, req.aspect_ratio)
    return catalog.remembered(key, lambda: _recorded_total(catalog, req))


def _recorded_total(catalog: Catalog, req: GenerationRequest) -> Observation | None:
    found = [
        o
        for o in catalog.recorded_in(req.model_id, req.resolution)
        if (o.images, o.prompt_enhancer) == (req.images, req.prompt_enhancer)
    ]
    return _best(found, req.aspect_ratio)


def per_image(catalog: Catalog, req: GenerationRequest) -> tuple[Decimal, Observation] | None:
    """The per-image price at this resolution from a recording without the enhancer, when it
    divides exactly (100 credits for 3 images gives no exact per-image price)."""
    key = ("per image", req.model_id, req.resolution, req.aspect_ratio)
    return catalog.remembered(key, lambda: _per_image(catalog, req))


def _per_image(catalog: Catalog, req: GenerationRequest) -> tuple[Decimal, Observation] | None:
    found = []
    for o in catalog.recorded_in(req.model_id, req.resolution):
        if not o.prompt_enhancer and _exact(o) is not None:
            found.append(o)
    best = _best(found, req.aspect_ratio)
    if best is None:
        return None
    price = _exact(best)
    assert price is not None
    return price, best


def _exact(o: Observation) -> Decimal | None:
    context = Context(prec=34, traps=[Inexact])
    try:
        return context.divide(o.credits, Decimal(o.images))
    except Inexact:
        return None


def enhancer_pair(catalog: Catalog, req: GenerationRequest) -> tuple[Observation, Observation] | None:
    """Two recordings for one image that differ only in the enhancer: (on, off), this model's
    first. (A pair at the request's own settings is never needed: its "on" recording is the
    total for those settings, recorded_total.) Worked out once per model and catalog."""
    return catalog.remembered(("enhancer pair", req.model_id), lambda: _enhancer_pair(catalog, req.model_id))


def _enhancer_pair(catalog: Catalog, model_id: str) -> tuple[Observation, Observation] | None:
    # By setting, not by recording: a team's folder holds thousands. The partner is the last
    # recording without the enhancer; of pairs alike, the newest, a tie to the last.
    best: tuple[tuple[bool, dt.date, int], tuple[Observation, Observation]] | None = None
    for model, resolution, ratio, images, enhancer in catalog.recorded_settings():
        if images != 1 or not enhancer:
            continue
        offs = catalog.recorded_at((model, resolution, ratio, images, False))
        if not offs:
            continue
        partner = offs[-1][1]
        for place, on in catalog.recorded_at((model, resolution, ratio, images, True)):
            key = (on.model_id == model_id, on.date, place)
            if on.credits >= partner.credits and (best is None or key > best[0]):
                best = (key, (on, partner))
    return None if best is None else best[1]


def disagreement(model: Model, o: Observation) -> list[RecordingDisagrees]:
    """When a recording without the enhancer contradicts the page's figure: stated (or the
    base price at 1K) but different, or below the base price it cannot go under."""
    page = model.tier_prices.get(o.resolution)
    if o.prompt_enhancer or page is None:
        return []
    price = _exact(o)
    if price is None:
        return []
    if model.lower_bound_at(o.resolution):
        if price >= page:
            return []
        says = PageSays.BASE_BELOW
    elif price == page:
        return []
    elif model.basis_at(o.resolution) is Basis.BASE:
        says = PageSays.BASE
    else:
        says = PageSays.STATED
    return [
        RecordingDisagrees(
            model.name, price, o.resolution, o.date, page, says, model.origin != "bundled", o.by
        )
    ]


def conflicts(catalog: Catalog, o: Observation) -> list[RecordingsConflict]:
    """When recordings for `o`'s exact settings give different totals (at most one finding,
    naming the one used: the newest, a tie to the last in the catalog's order), so two
    people's figures are never merged silently. Worked out once per setting and catalog: every
    quote made from a recording asks it again."""
    found = catalog.remembered(("conflicts", o.settings()), lambda: _conflicts(catalog, o))
    return list(found)


def _conflicts(catalog: Catalog, o: Observation) -> tuple[RecordingsConflict, ...]:
    group = [seen for _place, seen in catalog.recorded_at(o.settings())]
    used = max(enumerate(group), key=lambda iseen: (iseen[1].date, iseen[0]), default=(0, o))[1]
    others = tuple(seen for seen in group if seen.credits != used.credits)
    if not others:
        return ()
    tie = any(seen.date == used.date for seen in others)
    return (RecordingsConflict(catalog.model(used.model_id).name, used, others, tie),)
