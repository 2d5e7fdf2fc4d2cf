"""The schema's building blocks: a Checker that collects problems, the checks of one value
(text, credits, a tier, a date...) and of a record of known keys. Each keeps what is valid and
names, by key path and in the user's language, everything that is not (core/catalog/schema.py
builds the catalog's records from them)."""

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
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_CREDITS, MAX_IMAGES
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

    def fail(self, path: KeyPath, message: str, **values: object) -> _Invalid:
        self.problems.append(self.doc.problem(path, message, **values))
        return INVALID


# --- leaf checks -------------------------------------------------------------------------


def text(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, str) or not value.strip():
        return ck.fail(path, _("expected non-empty text, got {value}"), value=described(value))
    return value.strip()


def slug(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, str) or not _SLUG.match(value):
        return ck.fail(path, _("expected an id of a-z, 0-9 and '-', got {value}"), value=described(value))
    return value


def credits(value: Any, path: KeyPath, ck: Checker) -> Any:
    """A price: a non-negative number; never a bool or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ck.fail(path, _("expected a number of credits, got {value}"), value=described(value))
    if isinstance(value, float) and not math.isfinite(value):
        return ck.fail(path, _("expected a finite number of credits, got {value}"), value=value)
    if value < 0:
        return ck.fail(path, _("a price cannot be negative, got {value}"), value=value)
    if value > MAX_CREDITS:
        return ck.fail(
            path,
            _("a price is at most {most} credits, got {value}"),
            most=whole(MAX_CREDITS),
            value=described(value),
        )
    return Decimal(str(value))


def credits_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    return None if value is None else credits(value, path, ck)


def tier(value: Any, path: KeyPath, ck: Checker) -> Any:
    if value not in TIERS:
        return ck.fail(
            path,
            _("unknown resolution tier {value} (tiers: {tiers})"),
            value=described(value),
            tiers=", ".join(TIERS),
        )
    return value


def tier_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    return None if value is None else tier(value, path, ck)


def tiers_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    """The tiers a source lists as offered ("1K, 2K, 4K"), ascending; null for none listed."""
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        return ck.fail(
            path,
            _("expected a list of resolution tiers such as [1K, 2K, 4K], got {value}"),
            value=described(value),
        )
    for i, item in enumerate(value):
        if tier(item, [*path, i], ck) is not INVALID and item in value[:i]:
            ck.fail([*path, i], _("resolution {item} is listed twice"), item=item)
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
        return ck.fail(path, f'expected a list of aspect ratios such as "16:9", got {described(value)}')
    out: list[str] = []
    for i, ratio in enumerate(value):
        if not isinstance(ratio, str) or not _RATIO.match(ratio):
            ck.fail([*path, i], f'malformed aspect ratio {described(ratio)}: expected W:H, as "16:9"')
        elif ratio in out:
            ck.fail([*path, i], _("aspect ratio {ratio} is listed twice"), ratio=ratio)
        else:
            out.append(ratio)
    return tuple(out)


def ratio_or_null(value: Any, path: KeyPath, ck: Checker) -> Any:
    if value is None:
        return None
    if not isinstance(value, str) or not _RATIO.match(value):
        return ck.fail(path, f'malformed aspect ratio {described(value)}: expected W:H, as "16:9"')
    return value


def date(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        return ck.fail(path, _("expected a date as YYYY-MM-DD, got {value}"), value=described(value))
    return value


def count(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_IMAGES:
        return ck.fail(
            path,
            _("expected a whole number from 1 to {most}, got {value}"),
            most=MAX_IMAGES,
            value=described(value),
        )
    return value


def boolean(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, bool):
        return ck.fail(path, _("expected true or false, got {value}"), value=described(value))
    return value


def one_of(*choices: str | None) -> Check:
    def check(value: Any, path: KeyPath, ck: Checker) -> Any:
        if value not in choices:
            allowed = ", ".join("null" if c is None else c for c in choices)
            return ck.fail(
                path, _("expected one of {allowed}, got {value}"), allowed=allowed, value=described(value)
            )
        return value

    return check


def scale_factor(value: Any, path: KeyPath, ck: Checker) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 64:
        return ck.fail(path, _("a scale is a whole number from 2 to 64, got {value}"), value=described(value))
    return value


def scales(value: Any, path: KeyPath, ck: Checker) -> Any:
    if not isinstance(value, dict) or not value:
        return ck.fail(path, _("expected a mapping of scale to number, got {value}"), value=described(value))
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
            return ck.fail(
                path, _("expected a mapping of field to reason, got {value}"), value=described(value)
            )
        out: dict[str, str] = {}
        for key, why in value.items():
            if key not in allowed_fields:
                ck.fail(
                    [*path, str(key)],
                    _("unknown field {key} (fields: {fields})"),
                    key=described(key),
                    fields=", ".join(allowed_fields),
                )
            elif text(why, [*path, key], ck) is not INVALID:
                out[key] = why.strip()
        return out

    return check


def record(fields: dict[str, tuple[Check, bool]]) -> Callable[..., Any]:
    """A mapping with known keys; `required` applies only to complete records."""

    def check(value: Any, path: KeyPath, ck: Checker, complete: bool = True) -> Any:
        if not isinstance(value, dict):
            return ck.fail(path, _("expected a mapping, got {value}"), value=described(value))
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key not in fields:
                ck.fail(
                    [*path, str(key)],
                    _("unknown key {key} (keys: {keys})"),
                    key=described(key),
                    keys=", ".join(fields),
                )
                continue
            checked = fields[key][0](item, [*path, key], ck)
            if checked is not INVALID:
                out[key] = checked
        if complete:
            for key, (_check, required) in fields.items():
                if required and key not in value:
                    ck.fail(path, _("missing required key '{key}'"), key=key)
        return out

    return check


def described(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) < 60 else repr(value[:57] + "...")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and value.bit_length() > 96:
        return _("a number of {n}-odd digits").format(n=whole(len(hex(value)) * 6 // 5))
    if isinstance(value, int | float):
        return str(value)
    # TRANSLATORS: {kind} is Python's name of a type the file holds: list, dict, float.
    return _("a {kind}").format(kind=type(value).__name__)
