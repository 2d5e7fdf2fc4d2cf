"""A price update from a saved credits page: what differs from the catalog in use, and the
override file that applies it (checked by the catalog's own validation, written atomically,
the previous file kept as a backup)."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from imagine_calc.core.catalog_loader import bundled_files, load_override
from imagine_calc.core.credits_page import CreditsPage, PageEngine, PageModel
from imagine_calc.core.formatting import credits_text, price_summary, tiered_text
from imagine_calc.core.records import Catalog, Model, UpscaleEngine

PAGE_TITLE = "ImagineArt documentation: Image Credits (a saved copy)"


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "renamed", "price", "max_resolution", "aspect_ratios", "upscale"
    name: str  # the model or engine, as the page names it (the catalog's name when removed)
    before: str
    after: str


@dataclass(frozen=True)
class PriceUpdate:
    page: CreditsPage
    changes: tuple[Change, ...]
    notes: tuple[str, ...]
    #: catalog id -> page model, for every page model (new ones get a fresh id)
    matched: dict[str, PageModel]
    engines: dict[str, PageEngine]


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "model"


def page_price_text(model: PageModel) -> str:
    if not model.price:
        return "unknown"
    if model.flat:
        return credits_text(model.price["*"])
    return tiered_text(model.price)


def _same_price(model: Model, page: PageModel) -> bool:
    if not page.price:
        return not model.price_known
    if page.flat:
        return model.flat and set(model.tier_prices.values()) == {page.price["*"]}
    return not model.flat and dict(model.tier_prices) == dict(page.price)


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
    notes: list[str] = []
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
    for pm in new:
        ident = slug(pm.name)
        while ident in taken:
            ident += "-new"
        taken.add(ident)
        matched[ident] = pm
        changes.append(Change("added", pm.name, "", f"{page_price_text(pm)}; {_res(pm.max_resolution)}"))
    for model in by_name.values():
        changes.append(Change("removed", model.name, price_summary(model), "not on the page"))
        notes.append(
            f"{model.name} is no longer on the page; it stays in the catalog (an override cannot "
            "remove a model): check ImagineArt's tooltip before you budget with it."
        )
    current = {m.id: m for m in catalog.models}
    for ident, pm in matched.items():
        for field, why in pm.unreadable.items():
            notes.append(f"{pm.name}: {why} Its {field.replace('_', ' ')} is left as it was.")
        model = current.get(ident)
        if model is None:
            continue
        if "price" not in pm.unreadable and not _same_price(model, pm):
            if pm.price or not model.origin.startswith("override"):
                changes.append(Change("price", pm.name, price_summary(model), page_price_text(pm)))
            else:
                notes.append(f"{pm.name}: the page gives no price; your own price is kept.")
        if "max_resolution" not in pm.unreadable and pm.max_resolution != model.max_resolution:
            changes.append(
                Change("max_resolution", pm.name, _res(model.max_resolution), _res(pm.max_resolution))
            )
        if "aspect_ratios" not in pm.unreadable and pm.aspect_ratios != model.aspect_ratios:
            changes.append(
                Change("aspect_ratios", pm.name, ", ".join(model.aspect_ratios), ", ".join(pm.aspect_ratios))
            )
    engines = _engine_changes(catalog.engines, page.engines, changes, notes)
    return PriceUpdate(page, tuple(changes), tuple(notes), matched, engines)


def _res(value: str | None) -> str:
    return f"up to {value}" if value else "max resolution unknown"


def _engine_changes(
    engines: tuple[UpscaleEngine, ...], page: tuple[PageEngine, ...], changes: list[Change], notes: list[str]
) -> dict[str, PageEngine]:
    by_name = {_key(e.name): e for e in engines}
    found: dict[str, PageEngine] = {}
    for pe in page:
        engine = by_name.get(_key(pe.name))
        if engine is None:
            notes.append(f"Upscale engine {pe.name} is new on the page; add it to your override by hand.")
            continue
        if pe.unknown:
            notes.append(f"{pe.name}: {pe.unknown['scales']} Its prices are left as they were.")
            continue
        found[engine.id] = pe
        if pe.pricing != engine.pricing or dict(pe.scales) != dict(engine.scales):
            changes.append(Change("upscale", pe.name, _scales(engine.scales), _scales(pe.scales)))
    return found


def _scales(scales: Any) -> str:
    return ", ".join(f"{s}x: {credits_text(v)}" for s, v in sorted(scales.items()))


# --- apply -----------------------------------------------------------------------------


def _yaml_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _model_entry(ident: str, pm: PageModel, new: bool, source: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": ident}
    if new:
        entry["name"] = pm.name
        entry["description"] = "Added from ImagineArt's credits page; no description yet."
    if "price" not in pm.unreadable:
        if not pm.price:
            entry["price"] = None
        elif pm.flat:
            entry["price"] = _yaml_number(pm.price["*"])
        else:
            entry["price"] = {t: _yaml_number(p) for t, p in pm.price.items()}
    if "max_resolution" not in pm.unreadable:
        entry["max_resolution"] = pm.max_resolution
    if "aspect_ratios" not in pm.unreadable:
        entry["aspect_ratios"] = list(pm.aspect_ratios)
    if pm.unknown:
        entry["unknown"] = dict(pm.unknown)
    entry["source"] = source
    return entry


def override_text(
    update: PriceUpdate, catalog: Catalog, existing: dict[str, Any] | None, as_of: dt.date, page_name: str
) -> str:
    """The user's override with the page applied over it: the user's own entries stay unless
    the page now states the same figures."""
    doc: dict[str, Any] = dict(existing or {})
    source = {"title": PAGE_TITLE, "url": catalog.source.url, "note": f"Applied from {page_name}."}
    doc["meta"] = {**doc.get("meta", {}), "as_of": as_of, "source": source}
    entries = {e["id"]: e for e in doc.get("models", []) if isinstance(e, dict) and "id" in e}
    known = {m.id: m for m in catalog.models}
    changed = {c.name for c in update.changes}
    for ident, pm in update.matched.items():
        if pm.name not in changed:
            continue
        mine = entries.get(ident, {})
        entry = _model_entry(ident, pm, ident not in known, source)
        if entry.get("price", 0) is None and mine.get("price") is not None:
            del entry["price"]  # the page gives no price: the user's own stays
            entry.get("unknown", {}).pop("price", None)
        entries[ident] = {**mine, **entry}
    doc["models"] = list(entries.values())
    engines = {e["id"]: e for e in doc.get("upscale_engines", []) if isinstance(e, dict) and "id" in e}
    for ident, pe in update.engines.items():
        if any(c.kind == "upscale" and c.name == pe.name for c in update.changes):
            engines[ident] = {
                **engines.get(ident, {}),
                "id": ident,
                "scales": {s: _yaml_number(v) for s, v in pe.scales.items()},
            }
    if engines:
        doc["upscale_engines"] = list(engines.values())
    header = f"# imagine-calc override, updated from {page_name} (prices as of {as_of.isoformat()}).\n"
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def apply_update(
    update: PriceUpdate, catalog: Catalog, path: Path, as_of: dt.date, page_name: str
) -> Catalog:
    """Write the override for `update` at `path`, keeping the previous file as `path`.bak.

    The text is validated as an override first (CatalogError, nothing written, if not); the
    new file replaces the old in one rename, so a kill mid-write leaves the old one intact.
    """
    existing = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    text = override_text(update, catalog, existing if isinstance(existing, dict) else None, as_of, page_name)
    result = load_override(list(bundled_files()), text, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        _atomic_write(path.with_name(path.name + ".bak"), path.read_bytes())
    _atomic_write(path, text.encode("utf-8"))
    return result


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def page_date(path: Path) -> dt.date:
    """The saved page's own date: the file's modification day."""
    return dt.date.fromtimestamp(path.stat().st_mtime)
