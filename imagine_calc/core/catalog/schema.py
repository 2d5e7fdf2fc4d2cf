"""Checks one catalog file against the schema and normalises its values (prices to Decimal).

Every problem is collected with its file, line and key path, so a user fixing an
override file sees all of them at once rather than one per run.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.catalog.yaml_source import KeyPath, YamlDocument
from imagine_calc.core.errors import Problem
from imagine_calc.core.limits import MAX_CREDITS, MAX_IMAGES, MAX_PIXEL_SIDE
from imagine_calc.core.numbers import whole

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_RATIO = re.compile(r"^[1-9][0-9]{0,2}:[1-9][0-9]{0,2}$")
PRICINGS = ("per_megapixel", "fixed")
APPLIES = ("per_generation", "per_image")

Check = Callable[[Any, KeyPath, "Checker"], Any]


class _Invalid:
    """Marks a value that failed its check, so later checks skip it quietly."""


INVALID = _Invalid()


@dataclass
class Checker:
    """Collects problems against one document."""

    doc: YamlDocument
    problems: list[Problem] = field(default_factory=list)

    def fail(self, path: KeyPath, message: str) -> _Invalid:
        self.problems.append(self.doc.problem(path, message))
        return INVALID


# --- leaf checks -------------------------------------------------------------------------


def text(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, str) or not value.strip():
        return ck.fail(path, f"expected non-empty text, got {_shown(value)}")
    return value.strip()


def slug(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, str) or not _SLUG.match(value):
        return ck.fail(path, f"expected an id of a-z, 0-9 and '-', got {_shown(value)}")
    return value


def credits(value: Any, path: KeyPath, ck: Checker) -> Any:
    """A price: a non-negative number; never a bool or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ck.fail(path, f"expected a number of credits, got {_shown(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        return ck.fail(path, f"expected a finite number of credits, got {value}")
    if value < 0:
        return ck.fail(path, f"a price cannot be negative, got {value}")
    if value > MAX_CREDITS:
        return ck.fail(path, f"a price is at most {whole(MAX_CREDITS)} credits, got {_shown(value)}")
    return Decimal(str(value))


def credits_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    return None if value is None else credits(value, path, ck)


def tier(value: Any, path: KeyPath, ck: Checker) -> Any:
    if value not in TIERS:
        return ck.fail(path, f"unknown resolution tier {_shown(value)} (tiers: {', '.join(TIERS)})")
    return value


def tier_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    return None if value is None else tier(value, path, ck)


def tiers_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    """The tiers a source lists as offered ("1K, 2K, 4K"), ascending; null for none listed."""
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        return ck.fail(path, f"expected a list of resolution tiers such as [1K, 2K, 4K], got {_shown(value)}")
    for i, item in enumerate(value):
        if tier(item, [*path, i], ck) is not INVALID and item in value[:i]:
            ck.fail([*path, i], f"resolution {item} is listed twice")
    return tuple(t for t in TIERS if t in value)


def price(value: Any, path: KeyPath, ck: Checker) -> Any:
    """Flat (a number), unknown (null) or per tier (a mapping of tier to number or null)."""
    if isinstance(value, dict):
        if not value:
            return ck.fail(path, "a price per tier needs at least one tier")
        out: dict[str, Decimal | None] = {}
        for key, amount in value.items():
            if tier(key, [*path, str(key)], ck) is INVALID:
                continue
            checked = credits_or_null(amount, [*path, key], ck)
            if checked is not INVALID:
                out[key] = checked
        return out
    return credits_or_null(value, path, ck)


def aspect_ratios(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, list) or not value:
        return ck.fail(path, f'expected a list of aspect ratios such as "16:9", got {_shown(value)}')
    out: list[str] = []
    for i, ratio in enumerate(value):
        if not isinstance(ratio, str) or not _RATIO.match(ratio):
            ck.fail([*path, i], f'malformed aspect ratio {_shown(ratio)}: expected W:H, as "16:9"')
        elif ratio in out:
            ck.fail([*path, i], f"aspect ratio {ratio} is listed twice")
        else:
            out.append(ratio)
    return tuple(out)


def ratio_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    if value is None:
        return None
    if not isinstance(value, str) or not _RATIO.match(value):
        return ck.fail(path, f'malformed aspect ratio {_shown(value)}: expected W:H, as "16:9"')
    return value


def date(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        return ck.fail(path, f"expected a date as YYYY-MM-DD, got {_shown(value)}")
    return value


def count(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_IMAGES:
        return ck.fail(path, f"expected a whole number from 1 to {MAX_IMAGES}, got {_shown(value)}")
    return value


def boolean(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, bool):
        return ck.fail(path, f"expected true or false, got {_shown(value)}")
    return value


def one_of(*choices: str | None) -> Check:
    def check(value: Any, path: KeyPath, ck: Checker) -> Any:
        if value not in choices:
            allowed = ", ".join("null" if c is None else c for c in choices)
            return ck.fail(path, f"expected one of {allowed}, got {_shown(value)}")
        return value

    return check


def scale_factor(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 64:
        return ck.fail(path, f"a scale is a whole number from 2 to 64, got {_shown(value)}")
    return value


def scales(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, dict) or not value:
        return ck.fail(path, f"expected a mapping of scale to number, got {_shown(value)}")
    out: dict[int, Decimal] = {}
    for key, amount in value.items():
        if scale_factor(key, [*path, str(key)], ck) is INVALID:
            continue
        checked = credits(amount, [*path, key], ck)
        if checked is not INVALID:
            out[key] = checked
    return out


def reasons(allowed_fields: tuple[str, ...]) -> Check:
    """`unknown:` / `inferred:` mappings: field name -> the reasoning, in words."""

    def check(value: Any, path: KeyPath, ck: Checker) -> Any:
        if not isinstance(value, dict):
            return ck.fail(path, f"expected a mapping of field to reason, got {_shown(value)}")
        out: dict[str, str] = {}
        for key, why in value.items():
            if key not in allowed_fields:
                ck.fail(
                    [*path, str(key)], f"unknown field {_shown(key)} (fields: {', '.join(allowed_fields)})"
                )
            elif text(why, [*path, key], ck) is not INVALID:
                out[key] = why.strip()
        return out

    return check


def record(fields: dict[str, tuple[Check, bool]]) -> Callable[..., Any]:
    """A mapping with known keys; `required` applies only to complete records."""

    def check(value: Any, path: KeyPath, ck: Checker, complete: bool = True) -> Any:
        if not isinstance(value, dict):
            return ck.fail(path, f"expected a mapping, got {_shown(value)}")
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key not in fields:
                ck.fail([*path, str(key)], f"unknown key {_shown(key)} (keys: {', '.join(fields)})")
                continue
            checked = fields[key][0](item, [*path, key], ck)
            if checked is not INVALID:
                out[key] = checked
        if complete:
            for key, (_, required) in fields.items():
                if required and key not in value:
                    ck.fail(path, f"missing required key '{key}'")
        return out

    return check


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) < 60 else repr(value[:57] + "...")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and value.bit_length() > 96:
        return f"a number of {whole(len(hex(value)) * 6 // 5)}-odd digits"
    if isinstance(value, int | float):
        return str(value)
    return f"a {type(value).__name__}"


# --- the catalog's records -----------------------------------------------------------------

SOURCE = record({"title": (text, True), "url": (text, True), "note": (text, False)})

MODEL_FIELDS = ("price", "max_resolution")
MODEL = record(
    {
        "id": (slug, True),
        "name": (text, True),
        "description": (text, True),
        "price": (price, True),
        "max_resolution": (tier_or_null, True),
        "resolutions": (tiers_or_null, False),
        "aspect_ratios": (aspect_ratios, True),
        "requires_subscription": (boolean, False),
        "unknown": (reasons(MODEL_FIELDS), False),
        "inferred": (reasons((*MODEL_FIELDS, "aspect_ratios", "requires_subscription")), False),
        "source": (SOURCE, False),
    }
)


def pixel_side(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PIXEL_SIDE:
        return ck.fail(
            path, f"expected a whole number of pixels from 1 to {MAX_PIXEL_SIDE}, got {_shown(value)}"
        )
    return value


#: An example a source gives: "A 1920×1080 image at 2× costs approximately 41 credits".
EXAMPLE = record(
    {
        "width": (pixel_side, True),
        "height": (pixel_side, True),
        "scale": (scale_factor, True),
        "says": (text, True),
    }
)
ENGINE_FIELDS = ("base_credits_per_megapixel", "max_input_megapixels", "scales")
ENGINE = record(
    {
        "example": (EXAMPLE, False),
        "id": (slug, True),
        "name": (text, True),
        "description": (text, True),
        "pricing": (one_of(*PRICINGS), True),
        "scales": (scales, True),
        "base_credits_per_megapixel": (credits_or_null, False),
        "max_input_megapixels": (credits_or_null, False),
        "unknown": (reasons(ENGINE_FIELDS), False),
        "inferred": (reasons(ENGINE_FIELDS), False),
    }
)

META = record(
    {"version": (text, True), "as_of": (date, True), "source": (SOURCE, True), "note": (text, False)}
)
IMAGES = record({"min": (count, True), "max": (count, True), "inferred": (reasons(("min", "max")), False)})
PROMPT_ENHANCER = record(
    {
        "name": (text, True),
        "surcharge": (credits_or_null, True),
        "applies": (one_of(*APPLIES, None), True),
        "unknown": (reasons(("surcharge", "applies")), False),
    }
)

#: A total read off ImagineArt's Create button (`imagine-calc record`); checked against the
#: models and settings it names once every file is merged.
OBSERVATION = record(
    {
        "model": (slug, True),
        "resolution": (tier, True),
        "aspect_ratio": (ratio_or_null, False),
        "images": (count, False),
        "prompt_enhancer": (boolean, False),
        "credits": (credits, True),
        "date": (date, True),
    }
)

SECTIONS = ("meta", "images", "prompt_enhancer", "models", "upscale_engines", "observed")


@dataclass
class Fragment:
    """One checked catalog file: its sections, normalised, records keyed by id in file order."""

    doc: YamlDocument
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    models: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    engines: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    #: (index in the file, checked record) of each recorded price
    observed: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def check_fragment(
    doc: YamlDocument,
    *,
    partial: bool,
    known_models: frozenset[str] = frozenset(),
    known_engines: frozenset[str] = frozenset(),
) -> tuple[Fragment, list[Problem]]:
    """Check one file. `partial` (an override) lets records name only what they change."""
    ck = Checker(doc)
    frag = Fragment(doc)
    data = doc.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        ck.fail([], f"expected a mapping with sections {', '.join(SECTIONS)}, got {_shown(data)}")
        return frag, ck.problems
    for key in data:
        if key not in SECTIONS:
            ck.fail([str(key)], f"unknown section {_shown(key)} (sections: {', '.join(SECTIONS)})")
    for name, spec in (("meta", META), ("images", IMAGES), ("prompt_enhancer", PROMPT_ENHANCER)):
        if name in data:
            checked = spec(data[name], [name], ck, complete=not partial)
            if checked is not INVALID:
                frag.sections[name] = checked
    for name, spec, known, target in (
        ("models", MODEL, known_models, frag.models),
        ("upscale_engines", ENGINE, known_engines, frag.engines),
    ):
        if name not in data:
            continue
        items = data[name]
        if not isinstance(items, list):
            ck.fail([name], f"expected a list of records, got {_shown(items)}")
            continue
        for i, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            ident = ident if isinstance(ident, str) else None
            complete = not (partial and ident in known)
            checked = spec(item, [name, i], ck, complete=complete)
            if checked is INVALID or "id" not in checked:
                continue
            if checked["id"] in target:
                ck.fail([name, i, "id"], f"duplicate id '{checked['id']}'")
                continue
            target[checked["id"]] = (i, checked)
    if "observed" in data:
        items = data["observed"]
        if not isinstance(items, list):
            ck.fail(["observed"], f"expected a list of recorded prices, got {_shown(items)}")
        else:
            for i, item in enumerate(items):
                checked = OBSERVATION(item, ["observed", i], ck)
                if checked is not INVALID and {"model", "resolution", "credits", "date"} <= set(checked):
                    frag.observed.append((i, checked))
    return frag, ck.problems
