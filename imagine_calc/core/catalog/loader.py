"""Loads the bundled catalog, merges the user's override over it, and builds frozen records.

PyYAML and the schema are imported only when files are really parsed: a start whose files
have not changed takes the checked catalog from `catalog_cache` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from imagine_calc.core.catalog import cache as catalog_cache
from imagine_calc.core.catalog.recorded import checked_observations
from imagine_calc.core.catalog.records import (
    TIERS,
    Catalog,
    Model,
    PromptEnhancer,
    Source,
    UpscaleEngine,
    UpscaleExample,
    flat_price_tiers,
)
from imagine_calc.core.catalog.shared_recordings import SharedReading, layer, read_shared
from imagine_calc.core.errors import CatalogError, Problem
from imagine_calc.core.files import FileProblem, read_text
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_OVERRIDE_BYTES
from imagine_calc.core.paths import override_path, package_dir

if TYPE_CHECKING:
    from imagine_calc.core.catalog.schema import Fragment
    from imagine_calc.core.catalog.yaml_source import YamlDocument


@record
class LoadedCatalog(Frozen):
    """The catalog in use, and what became of the user's override file."""

    catalog: Catalog
    override_path: Path
    override_active: bool
    override_error: CatalogError | None
    #: What was found wrong in the catalog cache and set aside (the catalog was read afresh).
    notes: tuple[str, ...] = ()
    #: The team's shared folder (none unless the user set one) and what it held when read.
    shared_folder: Path | None = None
    shared: SharedReading | None = None


def bundled_files() -> list[tuple[str, str]]:
    """(name, text) of every bundled catalog file, in name order."""
    files = sorted(package_dir("imagine_calc.catalog").glob("*.yaml"), key=lambda p: p.name)
    return [(f"catalog/{p.name}", p.read_text(encoding="utf-8")) for p in files]


def read_file(path: Path) -> str:
    """A catalog file's text, or a CatalogError that says why it cannot be read (a FIFO or a
    device at the path is refused unopened, a file over MAX_OVERRIDE_BYTES unread)."""
    try:
        return read_text(path, MAX_OVERRIDE_BYTES)
    except FileProblem as exc:
        raise CatalogError([Problem(str(path), None, "", str(exc))]) from None


def load_catalog(files: Iterable[tuple[str, str]] | None = None) -> Catalog:
    """The bundled catalog (or the given files, merged as one). Raises CatalogError."""
    from imagine_calc.core.catalog.schema import check_fragment
    from imagine_calc.core.catalog.yaml_source import parse_yaml

    merged = _Merge()
    problems: list[Problem] = []
    for name, text in files if files is not None else bundled_files():
        frag, found = check_fragment(parse_yaml(text, name), partial=False)
        problems += found
        problems += merged.add(frag, override=False)
    if problems:
        raise CatalogError(problems)
    return merged.build()


def load_with_override(path: Path | None = None, shared_folder: Path | None = None) -> LoadedCatalog:
    """The bundled catalog with the user's override merged over it, if it exists and is valid,
    and the team's recordings in `shared_folder` layered under the user's own.

    An invalid override never stops the program: the bundled catalog is returned
    with the error, for the caller to show.
    """
    if shared_folder is not None:
        loaded = load_with_override(path)
        catalog, reading = layer(loaded.catalog, read_shared(shared_folder))
        return replace(loaded, catalog=catalog, shared_folder=shared_folder, shared=reading)
    path = path if path is not None else override_path()
    bundled = list(bundled_files())
    notes: list[str] = []
    if not path.exists():
        catalog = _cached(bundled, lambda: load_catalog(bundled), notes)
        return LoadedCatalog(catalog, path, False, None, tuple(notes))
    try:
        text = read_file(path)
        files = [*bundled, (str(path), text)]
        catalog = _cached(files, lambda: load_override(bundled, text, str(path)), notes)
    except CatalogError as error:
        return LoadedCatalog(load_catalog(bundled), path, False, error, tuple(notes))
    return LoadedCatalog(catalog, path, True, None, tuple(notes))


def _cached(files: list[tuple[str, str]], load: Callable[[], Catalog], notes: list[str]) -> Catalog:
    """`load()`'s catalog, or the one it gave last time for exactly these files; what was set
    aside from the cache on the way goes to `notes`."""
    fingerprint = catalog_cache.key(files)
    catalog, note = catalog_cache.load(fingerprint)
    notes += [note] if note else []
    if catalog is None:
        catalog = load()  # raises CatalogError for a broken file: never cached
        notes += catalog_cache.store(fingerprint, catalog)
    return catalog


def load_override(bundled: list[tuple[str, str]], text: str, name: str) -> Catalog:
    from imagine_calc.core.catalog.schema import check_fragment
    from imagine_calc.core.catalog.yaml_source import parse_yaml

    merged = _Merge()
    for file, content in bundled:
        frag, problems = check_fragment(parse_yaml(content, file), partial=False)
        problems += merged.add(frag, override=False)
        if problems:
            raise CatalogError(problems)
    doc = parse_yaml(text, name)
    frag, problems = check_fragment(
        doc,
        partial=True,
        known_models=frozenset(merged.models),
        known_engines=frozenset(merged.engines),
    )
    if problems:
        raise CatalogError(problems)
    merged.add(frag, override=True)
    return merged.build()


class _Merge:
    """Accumulates fragments; later ones (the override) replace the fields they name."""

    def __init__(self) -> None:
        self.sections: dict[str, dict[str, Any]] = {}
        self.models: dict[str, dict[str, Any]] = {}
        self.engines: dict[str, dict[str, Any]] = {}
        self.where: dict[tuple[str, str], tuple[YamlDocument, list[Any]]] = {}
        self.files: list[str] = []
        self.observed: list[tuple[YamlDocument, int, dict[str, Any]]] = []

    def add(self, frag: Fragment, *, override: bool) -> list[Problem]:
        problems: list[Problem] = []
        self.files.append(frag.doc.file)
        origin = f"override {frag.doc.file}" if override else "bundled"
        for name, values in frag.sections.items():
            if name in self.sections and not override:
                problems.append(frag.doc.problem([name], _("section '{name}' is defined twice"), name=name))
                continue
            values = {**values, "origin": origin} if name == "prompt_enhancer" else values
            self.sections[name] = _overlay(self.sections.get(name, {}), values)
            self.where[("section", name)] = (frag.doc, [name])
        for kind, table, items in (
            ("models", self.models, frag.models),
            ("upscale_engines", self.engines, frag.engines),
        ):
            for ident, (index, values) in items.items():
                if ident in table and not override:
                    problems.append(frag.doc.problem([kind, index, "id"], _("duplicate id '{id}'"), id=ident))
                    continue
                table[ident] = _overlay(table.get(ident, {}), {**values, "origin": origin})
                self.where[(kind, ident)] = (frag.doc, [kind, index])
        self.observed += [(frag.doc, index, values) for index, values in frag.observed]
        return problems

    def _problem(self, kind: str, ident: str, key: str, message: str, **values: object) -> Problem:
        doc, path = self.where[(kind, ident)]
        return doc.problem([*path, key], message, **values)

    def build(self) -> Catalog:
        problems: list[Problem] = []
        for name in ("meta", "images", "prompt_enhancer"):
            if name not in self.sections:
                file = self.files[-1] if self.files else "catalog"
                problems.append(
                    Problem(file, None, name, _("the catalog has no '{name}' section").format(name=name))
                )
        models = [self._model(i, v, problems) for i, v in self.models.items()]
        engines = [self._engine(i, v, problems) for i, v in self.engines.items()]
        if not models:
            problems.append(
                Problem(
                    self.files[-1] if self.files else "catalog",
                    None,
                    "models",
                    _("the catalog has no models"),
                )
            )
        if not problems:
            images = self.sections["images"]
            if images["min"] > images["max"]:
                problems.append(
                    self._problem("section", "images", "min", _("images.min is larger than images.max"))
                )
        if problems:
            raise CatalogError(problems)
        meta, images, pe = self.sections["meta"], self.sections["images"], self.sections["prompt_enhancer"]
        known = {m.id: m for m in models if m is not None}
        observations = checked_observations(self.observed, known, images["min"], images["max"], problems)
        if problems:
            raise CatalogError(problems)
        return Catalog(
            version=meta["version"],
            as_of=meta["as_of"],
            source=Source(**meta["source"]),
            models=tuple(m for m in models if m is not None),
            engines=tuple(e for e in engines if e is not None),
            prompt_enhancer=PromptEnhancer(
                name=pe["name"],
                surcharge=pe["surcharge"],
                applies=pe["applies"],
                unknown=MappingProxyType(dict(pe.get("unknown", {}))),
                origin=pe["origin"],
            ),
            images_min=images["min"],
            images_max=images["max"],
            images_inferred=MappingProxyType(dict(images.get("inferred", {}))),
            files=tuple(self.files),
            observations=observations,
        )

    def _model(self, ident: str, v: dict[str, Any], problems: list[Problem]) -> Model | None:
        before = len(problems)
        _check_unknowns("models", ident, v, ("price", "max_resolution"), self, problems)
        max_res = v["max_resolution"]
        listed = v.get("resolutions")
        raw = v["price"]
        flat = not isinstance(raw, dict)
        if listed is not None and listed[-1] != max_res:
            problems.append(
                self._problem(
                    "models",
                    ident,
                    "resolutions",
                    _("resolutions go up to {highest} but max_resolution is {max_res}"),
                    highest=listed[-1],
                    max_res=max_res or "null",
                )
            )
        if flat:
            tier_prices: dict[str, Decimal | None] = dict.fromkeys(flat_price_tiers(max_res, listed), raw)
        else:
            tier_prices = {t: raw[t] for t in TIERS if t in raw}
            if listed is not None and tuple(tier_prices) != listed:
                problems.append(
                    self._problem(
                        "models",
                        ident,
                        "resolutions",
                        _("resolutions list {listed} but the price is for {priced}"),
                        listed=", ".join(listed),
                        priced=", ".join(tier_prices),
                    )
                )
            if max_res is not None:
                for t in tier_prices:
                    if TIERS.index(t) > TIERS.index(max_res):
                        problems.append(
                            self._problem(
                                "models",
                                ident,
                                "price",
                                _("tier {tier} is above the model's max resolution {max_res}"),
                                tier=t,
                                max_res=max_res,
                            )
                        )
        if len(problems) > before:
            return None
        return Model(
            id=ident,
            name=v["name"],
            description=v["description"],
            tier_prices=MappingProxyType(tier_prices),
            flat=flat,
            max_resolution=max_res,
            aspect_ratios=v["aspect_ratios"],
            resolutions=listed,
            requires_subscription=v.get("requires_subscription", False),
            unknown=MappingProxyType(dict(v.get("unknown", {}))),
            inferred=MappingProxyType(dict(v.get("inferred", {}))),
            source=Source(**v["source"]) if "source" in v else None,
            origin=v["origin"],
        )

    def _engine(self, ident: str, v: dict[str, Any], problems: list[Problem]) -> UpscaleEngine | None:
        before = len(problems)
        v = {"base_credits_per_megapixel": None, "max_input_megapixels": None, **v}
        _check_unknowns(
            "upscale_engines",
            ident,
            v,
            ("base_credits_per_megapixel", "max_input_megapixels"),
            self,
            problems,
            optional=("base_credits_per_megapixel",) if v["pricing"] == "fixed" else (),
        )
        if len(problems) > before:
            return None
        return UpscaleEngine(
            id=ident,
            name=v["name"],
            description=v["description"],
            pricing=v["pricing"],
            scales=MappingProxyType(dict(sorted(v["scales"].items()))),
            base_credits_per_megapixel=v["base_credits_per_megapixel"],
            max_input_megapixels=v["max_input_megapixels"],
            unknown=MappingProxyType(dict(v.get("unknown", {}))),
            inferred=MappingProxyType(dict(v.get("inferred", {}))),
            origin=v["origin"],
            example=UpscaleExample(**v["example"]) if v.get("example") else None,
        )


def _check_unknowns(
    kind: str,
    ident: str,
    v: dict[str, Any],
    fields: tuple[str, ...],
    merge: _Merge,
    problems: list[Problem],
    optional: tuple[str, ...] = (),
) -> None:
    """A null figure needs its reason in `unknown:`, and a reason needs a null figure."""
    unknown = v.get("unknown", {})
    for name in fields:
        value = v.get(name)
        is_null = value is None or (isinstance(value, dict) and None in value.values())
        if is_null and name not in unknown and name not in optional:
            problems.append(
                merge._problem(
                    kind, ident, name, _("'{name}' is null: say why under 'unknown: {name}:'"), name=name
                )
            )
        if not is_null and name in unknown:
            problems.append(
                merge._problem(
                    kind, ident, "unknown", _("'unknown: {name}' is given but '{name}' is known"), name=name
                )
            )


def _overlay(base: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`new` over `base`. A field that is newly given drops its stale unknown/inferred reason."""
    out = {**base, **new}
    for note in ("unknown", "inferred"):
        if note in base:
            kept = {k: r for k, r in base[note].items() if k not in new}
            out[note] = {**kept, **new.get(note, {})}
    return out
