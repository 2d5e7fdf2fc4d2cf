"""A price update from a saved credits page: what differs from the catalog in use, and the
change to the override file that applies it (written by `override_file.edit`)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from imagine_calc.core.catalog.credits_page import CreditsPage, PageEngine, PageModel
from imagine_calc.core.catalog.override_file import Written, edit, yaml_number
from imagine_calc.core.catalog.records import (
    PRO_REASON,
    TIERS,
    Catalog,
    Model,
    UpscaleEngine,
    flat_price_tiers,
)
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

PAGE_TITLE = "ImagineArt documentation: Image Credits (a saved copy)"
#: The source recorded for a page that names no address of its own: the docs page, whose
#: Markdown version is what such a page usually is (catalog/00-meta.yaml gives the same).
DOCS_URL = "https://docs.imagine.art/image-tools/image-credits"


def page_url(page: CreditsPage) -> str:
    """The address recorded as the source of a page's prices: the page's own where it names a
    plain web address (checked by page_address), else the docs page's."""
    return page.url or DOCS_URL


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "renamed", "price", "max_resolution", "aspect_ratios", "upscale"
    name: str  # the model or engine, as the page names it (the catalog's name when removed)
    before: Shown
    after: Shown
    #: A reason to look twice before applying (a tenfold jump), or None.
    check: Tenfold | None = None


@dataclass(frozen=True)
class PriceUpdate:
    page: CreditsPage
    changes: tuple[Change, ...]
    #: What the page said that no change shows (the reader's own notes are text, as it read them).
    notes: tuple[Note, ...]
    #: catalog id -> page model, for every page model (new ones get a fresh id)
    matched: dict[str, PageModel]
    engines: dict[str, PageEngine]

    @property
    def applicable(self) -> tuple[Change, ...]:
        """The changes an override can make: all but a model gone from the page."""
        return tuple(c for c in self.changes if c.kind != "removed")

    @property
    def left_out(self) -> tuple[Change, ...]:
        """Changes applying leaves as they are (an override cannot remove a model)."""
        return tuple(c for c in self.changes if c.kind == "removed")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "model"


def page_price(model: PageModel) -> PriceShown:
    return PriceShown(tuple(model.price.items()), model.flat)


def model_price(model: Model) -> PriceShown:
    if model.flat:
        return PriceShown(tuple(list(model.tier_prices.items())[:1]), True)
    return PriceShown(tuple(model.tier_prices.items()), False)


def page_resolutions(pm: PageModel) -> ResolutionsShown:
    return ResolutionsShown(pm.max_resolution, pm.resolutions)


def _same_price(model: Model, page: PageModel) -> bool:
    if not page.price:
        return not model.price_known
    if page.flat:
        return model.flat and set(model.tier_prices.values()) == {page.price["*"]}
    return not model.flat and dict(model.tier_prices) == dict(page.price)


def _same_resolutions(model: Model, page: PageModel) -> bool:
    """The same maximum, and the same tiers offered: a list equal to what the model offers is
    no change, nor is a maximum alone where the model's listed tiers are the ones it implies."""
    if page.max_resolution != model.max_resolution:
        return False
    if page.resolutions is not None:
        return page.resolutions == model.tiers
    return model.resolutions is None or not model.flat or model.tiers == flat_price_tiers(page.max_resolution)


def _same_offer(model: Model, page: PageModel) -> bool:
    return _same_price(model, page) and set(model.aspect_ratios) == set(page.aspect_ratios)


def diff(catalog: Catalog, page: CreditsPage) -> PriceUpdate:
    """Models added, removed and renamed (same prices and ratios, close name), and each change
    of price, max resolution or aspect ratios; upscale prices per engine."""
    by_name = {_key(m.name): m for m in catalog.models}
    matched: dict[str, PageModel] = {}
    new: list[PageModel] = []
    for pm in page.models:
        model = by_name.pop(_key(pm.name), None)
        if model is None:
            new.append(pm)
        else:
            matched[model.id] = pm
    changes: list[Change] = []
    notes: list[Note] = []
    for pm in list(new):  # a renamed model keeps its offer and most of its name
        close = [m for m in by_name.values() if _same_offer(m, pm)]
        best = max(
            close,
            key=lambda m: difflib.SequenceMatcher(None, _key(m.name), _key(pm.name)).ratio(),
            default=None,
        )
        if best is not None and difflib.SequenceMatcher(None, _key(best.name), _key(pm.name)).ratio() >= 0.6:
            changes.append(Change("renamed", pm.name, best.name, pm.name))
            matched[best.id] = pm
            new.remove(pm)
            del by_name[_key(best.name)]
    taken = {m.id for m in catalog.models}
    for pm in list(new):
        if "aspect_ratios" in pm.unreadable:  # a model needs its ratios: not added on a guess
            new.remove(pm)
            notes.append(RatiosUnreadable(pm.name))
    for pm in new:
        ident = slug(pm.name)
        while ident in taken:
            ident += "-new"
        taken.add(ident)
        matched[ident] = pm
        changes.append(Change("added", pm.name, None, AddedShown(page_price(pm), page_resolutions(pm))))
    for model in by_name.values():
        changes.append(Change("removed", model.name, model_price(model), NotOnPage()))
        notes.append(GoneFromPage(model.name))
    current = {m.id: m for m in catalog.models}
    for ident, pm in matched.items():
        model = current.get(ident)
        if model is not None:
            pm = matched[ident] = _fit_to_what_stays(model, pm)
        for field, why in pm.unreadable.items():
            notes.append(LeftAsItWas(pm.name, field, why))
        if model is None:
            continue
        if "price" not in pm.unreadable and not _same_price(model, pm):
            if pm.price or not model.origin.startswith("override"):
                check = _outlandish(model, pm)
                changes.append(Change("price", pm.name, model_price(model), page_price(pm), check))
                notes += [check] if check else []
            else:
                notes.append(OwnPriceKept(pm.name))
        if "max_resolution" not in pm.unreadable and not _same_resolutions(model, pm):
            before = ResolutionsShown(model.max_resolution, model.resolutions)
            changes.append(Change("max_resolution", pm.name, before, page_resolutions(pm)))
        if "aspect_ratios" not in pm.unreadable and pm.aspect_ratios != model.aspect_ratios:
            changes.append(Change("aspect_ratios", pm.name, model.aspect_ratios, pm.aspect_ratios))
    engines = _engine_changes(catalog.engines, page.engines, changes, notes)
    return PriceUpdate(page, tuple(changes), (*page.notes, *notes), matched, engines)


def _fits(tiers: tuple[str, ...], top: str | None, listed: tuple[str, ...] | None) -> bool:
    """Whether a price for `tiers` fits a maximum `top` (None: unknown) and a list of tiers."""
    above = top is not None and any(TIERS.index(t) > TIERS.index(top) for t in tiers)
    return not above and (listed is None or listed == tiers)


def _fit_to_what_stays(model: Model, pm: PageModel) -> PageModel:
    """`pm`, with its price or its resolutions left alone too where the other stays as it is
    (its cell could not be read, or the page gives no price against your own) and they would
    not fit: applying one without the other would make a model priced at tiers it does not
    offer. A flat price fits any resolutions."""
    price_stays = not model.flat and (
        "price" in pm.unreadable or (not pm.price and model.origin.startswith("override"))
    )
    page_res_applies = "max_resolution" not in pm.unreadable
    if price_stays and page_res_applies and not _fits(model.tiers, pm.max_resolution, pm.resolutions):
        why = ResolutionsLeaveOut(page_resolutions(pm), model_price(model))
        return replace(pm, unreadable={**pm.unreadable, "max_resolution": why})
    page_price_applies = pm.price and not pm.flat and "price" not in pm.unreadable
    kept_res = (model.max_resolution, model.resolutions)
    if page_price_applies and not page_res_applies and not _fits(tuple(pm.price), *kept_res):
        names_others = PriceNamesOthers(page_price(pm), ResolutionsShown(*kept_res))
        return replace(pm, unreadable={**pm.unreadable, "price": names_others})
    return pm


def _outlandish(model: Model, pm: PageModel) -> Tenfold | None:
    """When a new price is ten times the one in use, or a tenth of it: a typo on the page or in
    the saved copy is likelier than such a change, so the user should look."""
    old = [p for p in model.tier_prices.values() if p]
    if not old or not pm.price:
        return None
    ratio = max(pm.price.values()) / max(old)
    if Decimal("0.1") < ratio < 10:
        return None
    return Tenfold(pm.name, page_price(pm), model_price(model), ratio >= 10)


def _engine_changes(
    engines: tuple[UpscaleEngine, ...], page: tuple[PageEngine, ...], changes: list[Change], notes: list[Note]
) -> dict[str, PageEngine]:
    by_name = {_key(e.name): e for e in engines}
    found: dict[str, PageEngine] = {}
    for pe in page:
        engine = by_name.get(_key(pe.name))
        if engine is None:
            notes.append(NewEngine(pe.name))
            continue
        if pe.unknown:
            notes.append(EngineUnreadable(pe.name, pe.unknown["scales"]))
            continue
        found[engine.id] = pe
        if pe.pricing != engine.pricing or dict(pe.scales) != dict(engine.scales):
            changes.append(Change("upscale", pe.name, _scales(engine.scales), _scales(pe.scales)))
    return found


def _scales(scales: Any) -> ScalesShown:
    return ScalesShown(tuple(sorted(scales.items())))


# --- apply ---------------------------------------------------------------------------------


def is_pro_name(name: str) -> bool:
    return re.search(r"\bPro\b", name) is not None


def _model_entry(ident: str, pm: PageModel, current: Model | None, source: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": ident}
    unknown = dict(pm.unknown)
    new = current is None
    if new:
        entry["name"] = pm.name
        entry["description"] = "Added from ImagineArt's credits page; no description yet."
        for field in ("price", "max_resolution"):  # a new model needs them: unknown, not guessed
            why = pm.unreadable.get(field)
            if why is not None:
                entry[field] = None
                # a new model is never fitted to what stays: what is left is the reader's words
                unknown[field] = why if isinstance(why, str) else "not read from the page"
    if "price" not in pm.unreadable:
        if not pm.price:
            entry["price"] = None
        elif pm.flat:
            entry["price"] = yaml_number(pm.price["*"])
        else:
            entry["price"] = {t: yaml_number(p) for t, p in pm.price.items()}
    if "max_resolution" not in pm.unreadable:
        entry["max_resolution"] = pm.max_resolution
        if pm.resolutions is not None:
            entry["resolutions"] = list(pm.resolutions)
        elif current is not None and current.resolutions is not None:
            entry["resolutions"] = None  # the page lists none now: its maximum decides
    if "aspect_ratios" not in pm.unreadable:
        entry["aspect_ratios"] = list(pm.aspect_ratios)
    if unknown:
        entry["unknown"] = unknown
    if new and is_pro_name(pm.name):
        entry["requires_subscription"] = True
        entry["inferred"] = {"requires_subscription": PRO_REASON}
    entry["source"] = dict(source)
    return entry


def apply_to(doc: Any, update: PriceUpdate, catalog: Catalog, as_of: dt.date, page_name: str) -> None:
    """Write `update` into the override document `doc`, in place: the user's own entries (and
    their comments) stay unless the page now states the same figures."""
    source = {"title": PAGE_TITLE, "url": page_url(update.page), "note": f"Applied from {page_name}."}
    meta = doc.get("meta")
    if not isinstance(meta, dict):
        meta = doc["meta"] = {}
    meta["as_of"] = as_of
    meta["source"] = dict(source)
    models = doc.get("models")
    if not isinstance(models, list):
        models = doc["models"] = []
    entries = {e["id"]: e for e in models if isinstance(e, dict) and "id" in e}
    known = {m.id: m for m in catalog.models}
    changed = {c.name for c in update.changes}
    for ident, pm in update.matched.items():
        if pm.name not in changed:
            continue
        entry = _model_entry(ident, pm, known.get(ident), source)
        mine = entries.get(ident)
        if entry.get("price", 0) is None and mine is not None and mine.get("price") is not None:
            del entry["price"]  # the page gives no price: the user's own stays
            entry.get("unknown", {}).pop("price", None)
        if mine is None:
            models.append(entry)
            continue
        stale = mine.get("unknown")
        mine.update(entry)
        if isinstance(stale, dict) and "unknown" not in entry:  # a figure the page now gives
            for field in [f for f in stale if entry.get(f) is not None]:
                del stale[field]
            if not stale:
                del mine["unknown"]
    engines = doc.get("upscale_engines")
    for ident, pe in update.engines.items():
        if not any(c.kind == "upscale" and c.name == pe.name for c in update.changes):
            continue
        if not isinstance(engines, list):
            engines = doc["upscale_engines"] = []
        scales = {s: yaml_number(v) for s, v in pe.scales.items()}
        mine = next((e for e in engines if isinstance(e, dict) and e.get("id") == ident), None)
        if mine is None:
            engines.append({"id": ident, "scales": scales})
        else:
            mine["scales"] = scales


def apply_update(
    update: PriceUpdate, catalog: Catalog, path: Path, as_of: dt.date, page_name: str
) -> Written:
    """Write `update` into the override at `path` (see override_file.edit: checked first,
    the file as it was kept as a dated backup, replaced in one rename)."""
    return edit(path, lambda doc: apply_to(doc, update, catalog, as_of, page_name))


def page_date(path: Path) -> dt.date:
    """The saved page's own date: the file's modification day."""
    return dt.date.fromtimestamp(path.stat().st_mtime)
