"""The estimate file (`.icalc.json`): what to price, plus what it cost when it was saved.

Format, version 1 (UTF-8 JSON object):

    {
      "format": "imagine-calc-estimate",
      "format_version": 1,
      "title": "Spring campaign",
      "catalog": {"version": "2026.11.1", "as_of": "2026-11-26"},
      "items": [
        {"kind": "generation", "label": "Hero images", "count": 20,
         "model": "nano-banana-pro", "resolution": "4K", "aspect_ratio": "16:9",
         "images": 4, "prompt_enhancer": false,
         "credits": "12800", "complete": true},
        {"kind": "upscale", "label": "Winners", "count": 1,
         "engine": "topaz", "scale": 4, "sizes": [[1024, 1024], [2048, 1152]],
         "credits": "629.1456", "complete": true}
      ]
    }

Two keys plan a team (ImagineArt Teams: core/estimates/team.py), both optional: an item's
`"member": "Ana"` (left out when the line is unassigned), and a top-level `"team"` object (the
month planned, the shared pool, the members with their monthly limits, the auto top-up: its
keys in core/estimates/team_file.py). A version-1 reader ignores both, so a file with a team
opens in an older build; that build drops them if it saves the file again. A bad `team` or
`member` refuses the file, naming the key, as a bad item does.

`credits` (a decimal string, exact) and `complete` record each line's price when saved, so
opening the file with newer prices can list what changed; they are never used as prices.
Unknown keys are ignored, so a newer minor addition does not stop an older app from reading.
Text that JSON can hold but UTF-8 cannot ("\\ud800", a lone surrogate) is read as U+FFFD
(core/outside_text), so an estimate that opens can always be saved again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.estimate import (
    Estimate,
    GenerationItem,
    Item,
    PricedEstimate,
    UpscaleItem,
    count_error,
)
from imagine_calc.core.estimates.team import Team
from imagine_calc.core.estimates.team_file import TeamFileError, read_team, team_json
from imagine_calc.core.files import FileProblem, describe_sizes, read_text, utf8
from imagine_calc.core.language import _
from imagine_calc.core.limits import (
    MAX_CREDITS,
    MAX_ESTIMATE_BYTES,
    MAX_IMAGES,
    MAX_MEMBER_NAME,
    MAX_PIXEL_SIDE,
    MAX_SIZES_PER_LINE,
    check_whole,
)
from imagine_calc.core.numbers import plain_decimal, whole
from imagine_calc.core.outside_text import readable
from imagine_calc.core.pricing.requests import GenerationRequest

FORMAT = "imagine-calc-estimate"
FORMAT_VERSION = 1
SUFFIX = ".icalc.json"


#: A saved line's price above this is not one any real estimate reaches (and is ignored).
MAX_SAVED_CREDITS = Decimal(MAX_CREDITS) ** 3


class EstimateFileError(ValueError):
    """A file that is not a readable estimate; the message says where and why."""


@dataclass(frozen=True)
class SavedPrice:
    credits: Decimal
    complete: bool


@dataclass(frozen=True)
class SavedEstimate:
    estimate: Estimate
    catalog_version: str
    catalog_as_of: dt.date | None
    #: One per item, in order: the price the line had when saved.
    prices: tuple[SavedPrice | None, ...]
    #: The team the estimate is planned for, if one was saved with it.
    team: Team | None = None


def dumps(priced: PricedEstimate, catalog: Catalog, team: Team | None = None) -> str:
    """The file's text: one field a line, an upscale line's sizes on one line (a batch of
    100,000 images stays a few MB). Where that layout would be too large to open again, the
    same JSON without spaces (14 to 35 % smaller), so a large file that opened, written more
    tightly by another tool, saves again; EstimateFileError when even that is too large, before
    anything is written."""
    est = priced.estimate
    head = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": est.title,
        "catalog": {"version": catalog.version, "as_of": catalog.as_of.isoformat()},
    }
    if team is not None:
        head["team"] = team_json(team)
    items = [
        {**_item_json(p.item), "credits": plain_decimal(p.quote.known_total), "complete": p.quote.complete}
        for p in priced.items
    ]
    out = ["{"]
    out += [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    rows = [
        "    {\n"
        + ",\n".join(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
        + "\n    }"
        for item in items
    ]
    out.append('  "items": [' + ("\n" + ",\n".join(rows) + "\n  " if rows else "") + "]")
    text = "\n".join(out) + "\n}\n"
    size = len(utf8(text))
    if size > MAX_ESTIMATE_BYTES:
        text = json.dumps({**head, "items": items}, ensure_ascii=False, separators=(",", ":")) + "\n"
        size = len(utf8(text))
    if size > MAX_ESTIMATE_BYTES:
        said, most = describe_sizes(size, MAX_ESTIMATE_BYTES)
        raise EstimateFileError(
            _(
                "too large to save ({size}; an estimate file is at most {most}):"
                " split it into several estimates"
            ).format(size=said, most=most)
        )
    return text


def _item_json(item: Item) -> dict[str, Any]:
    return {**_settings_json(item), **({"member": item.member} if item.member else {})}


def _settings_json(item: Item) -> dict[str, Any]:
    if isinstance(item, GenerationItem):
        r = item.request
        return {
            "kind": "generation",
            "label": item.label,
            "count": item.count,
            "model": r.model_id,
            "resolution": r.resolution,
            "aspect_ratio": r.aspect_ratio,
            "images": r.images,
            "prompt_enhancer": r.prompt_enhancer,
        }
    return {
        "kind": "upscale",
        "label": item.label,
        "count": item.count,
        "engine": item.engine_id,
        "scale": item.scale,
        "sizes": [list(s) for s in item.sizes],
    }


def read_estimate(path: Path) -> SavedEstimate:
    """Open a saved estimate; an EstimateFileError names the file and what is wrong (a FIFO or
    device at the path is refused unopened, a file over MAX_ESTIMATE_BYTES unread)."""
    try:
        text = read_text(path, MAX_ESTIMATE_BYTES)
    except FileProblem as exc:
        raise EstimateFileError(f"{path}: {exc}") from None
    try:
        return loads(text)
    except EstimateFileError as exc:
        raise EstimateFileError(f"{path}: {exc}") from None


def loads(text: str) -> SavedEstimate:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EstimateFileError(
            _("not valid JSON (line {line}, column {column}: {why})").format(
                line=exc.lineno, column=exc.colno, why=exc.msg
            )
        ) from None
    except RecursionError:
        raise EstimateFileError(_("not an estimate: its JSON is nested too deeply")) from None
    except ValueError:  # Python refuses to read an integer of over 4,300 digits
        raise EstimateFileError(
            _("not an estimate: it holds a number thousands of digits long, far beyond any limit")
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EstimateFileError(_('not an imagine-calc estimate (no "format": "imagine-calc-estimate")'))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise EstimateFileError(_("the file has no format_version"))
    if version > FORMAT_VERSION:
        raise EstimateFileError(
            _("made by a newer imagine-calc (format {version}; this one reads up to {most})").format(
                version=version, most=FORMAT_VERSION
            )
        )
    items_data = data.get("items")
    if not isinstance(items_data, list):
        raise EstimateFileError(_('"items" must be a list'))
    items: list[Item] = []
    prices: list[SavedPrice | None] = []
    for i, raw in enumerate(items_data, start=1):
        try:
            items.append(_item(raw))
            prices.append(_saved_price(raw))
        except (KeyError, TypeError, ValueError) as exc:
            raise EstimateFileError(_("item {n}: {why}").format(n=i, why=_why(exc))) from None
    team = None
    if data.get("team") is not None:
        try:
            team = read_team(data["team"])
        except TeamFileError as exc:
            raise EstimateFileError(_("team: {why}").format(why=exc)) from None
    raw_catalog, raw_title = data.get("catalog"), data.get("title")
    catalog: dict[str, Any] = raw_catalog if isinstance(raw_catalog, dict) else {}
    title: str = raw_title if isinstance(raw_title, str) else ""
    return SavedEstimate(
        Estimate(tuple(items), title),
        readable(str(catalog.get("version", "unknown"))),
        _date(catalog.get("as_of")),
        tuple(prices),
        team,
    )


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return _("missing {key}").format(key=repr(exc.args[0]))
    return str(exc)


def _item(raw: Any) -> Item:
    if not isinstance(raw, dict):
        raise TypeError(_("expected an object"))
    label = raw.get("label", "")
    if not isinstance(label, str):
        raise TypeError(_("label must be text"))
    count = raw.get("count", 1)
    if (problem := count_error(count)) is not None:
        raise ValueError(problem)
    member = raw.get("member", "")
    if not isinstance(member, str) or len(member) > MAX_MEMBER_NAME:
        raise ValueError(
            _("member must be a name of at most {most} characters").format(most=whole(MAX_MEMBER_NAME))
        )
    kind = raw.get("kind")
    if kind == "generation":
        request = GenerationRequest(
            model_id=_text(raw["model"], "model"),
            resolution=_text(raw.get("resolution", "1K"), "resolution"),
            aspect_ratio=None
            if raw.get("aspect_ratio") is None
            else _text(raw["aspect_ratio"], "aspect_ratio"),
            images=check_whole(raw.get("images", 1), "images", 1, MAX_IMAGES),
            prompt_enhancer=_flag(raw.get("prompt_enhancer", False), "prompt_enhancer"),
        )
        return GenerationItem(request, count, label, member)
    if kind == "upscale":
        sizes = raw["sizes"]
        if not isinstance(sizes, list) or not sizes:
            raise ValueError(_("sizes must be a list of [width, height]"))
        if len(sizes) > MAX_SIZES_PER_LINE:
            raise ValueError(
                _("an upscale line has at most {most} images, got {n}").format(
                    most=whole(MAX_SIZES_PER_LINE), n=whole(len(sizes))
                )
            )
        pairs = []
        for s in sizes:
            if not (isinstance(s, list) and len(s) == 2):
                raise ValueError(_("sizes must be a list of [width, height]"))
            pairs.append(
                (
                    check_whole(s[0], _("a width"), 1, MAX_PIXEL_SIDE),
                    check_whole(s[1], _("a height"), 1, MAX_PIXEL_SIDE),
                )
            )
        scale = check_whole(raw["scale"], "scale", 2, 64)
        return UpscaleItem(_text(raw["engine"], "engine"), scale, tuple(pairs), count, label, member)
    raise ValueError(_("unknown kind {kind} (kinds: generation, upscale)").format(kind=repr(kind)))


def _saved_price(raw: dict[str, Any]) -> SavedPrice | None:
    credits, complete = raw.get("credits"), raw.get("complete")
    if not isinstance(credits, str) or not isinstance(complete, bool):
        return None
    try:
        value = Decimal(credits)
    except InvalidOperation:
        return None
    if not value.is_finite() or not 0 <= value <= MAX_SAVED_CREDITS:
        return None  # only used to list changes: a figure no real estimate reaches is ignored
    return SavedPrice(value, complete)


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(_("{name} must be text").format(name=name))
    return readable(value)


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(_("{name} must be true or false").format(name=name))
    return value


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PriceChange:
    """A line whose price re-pricing changed: its figure, or how surely it is known."""

    label: str
    before: SavedPrice
    after: SavedPrice


def price_changes(saved: SavedEstimate, priced: PricedEstimate) -> list[PriceChange]:
    """What re-pricing with the catalog in use changed, one per changed item (core/text words
    them: a new figure, or the same figure known more or less surely)."""
    changes: list[PriceChange] = []
    for old, now in zip(saved.prices, priced.items, strict=True):
        if old is None:
            continue
        new = SavedPrice(now.quote.known_total, now.quote.complete)
        if new != old:
            changes.append(PriceChange(now.label, old, new))
    return changes
