"""Checks one catalog file against the schema and normalises its values (prices to Decimal).

Every problem is collected with its file, line and key path, so a user fixing an
override file sees all of them at once rather than one per run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from imagine_calc.core.catalog.checks import (
    APPLIES,
    INVALID,
    PRICINGS,
    Checker,
    aspect_ratios,
    boolean,
    count,
    credits,
    credits_or_null,
    date,
    described,
    one_of,
    price,
    ratio_or_null,
    reasons,
    record,
    scale_factor,
    scales,
    slug,
    text,
    tier,
    tier_or_null,
    tiers_or_null,
)
from imagine_calc.core.catalog.yaml_source import KeyPath, YamlDocument
from imagine_calc.core.errors import Problem
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_PIXEL_SIDE

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
            path,
            _("expected a whole number of pixels from 1 to {most}, got {value}"),
            most=MAX_PIXEL_SIDE,
            value=described(value),
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
        ck.fail(
            [],
            _("expected a mapping with sections {sections}, got {value}"),
            sections=", ".join(SECTIONS),
            value=described(data),
        )
        return frag, ck.problems
    for key in data:
        if key not in SECTIONS:
            ck.fail(
                [str(key)],
                _("unknown section {key} (sections: {sections})"),
                key=described(key),
                sections=", ".join(SECTIONS),
            )
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
            ck.fail([name], _("expected a list of records, got {value}"), value=described(items))
            continue
        for i, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            ident = ident if isinstance(ident, str) else None
            complete = not (partial and ident in known)
            checked = spec(item, [name, i], ck, complete=complete)
            if checked is INVALID or "id" not in checked:
                continue
            if checked["id"] in target:
                ck.fail([name, i, "id"], _("duplicate id '{id}'"), id=checked["id"])
                continue
            target[checked["id"]] = (i, checked)
    if "observed" in data:
        items = data["observed"]
        if not isinstance(items, list):
            ck.fail(
                ["observed"], _("expected a list of recorded prices, got {value}"), value=described(items)
            )
        else:
            for i, item in enumerate(items):
                checked = OBSERVATION(item, ["observed", i], ck)
                if checked is not INVALID and {"model", "resolution", "credits", "date"} <= set(checked):
                    frag.observed.append((i, checked))
    return frag, ck.problems
