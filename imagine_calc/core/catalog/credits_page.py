"""Reads ImagineArt's "Image Credits" page, saved as Markdown or HTML, into plain records.

Cells it cannot read become explicit unknowns with a note, never guesses. The page's
"See tooltip" is an unknown too, as it is in the bundled catalog.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.files import FileProblem, decode_any, read_bytes
from imagine_calc.core.limits import MAX_CREDITS, MAX_PAGE_BYTES
from imagine_calc.core.text.numbers import whole

SEE_TOOLTIP = "see tooltip"


class PageError(Exception):
    """The text is not a credits page this reader understands; the message says why."""


@dataclass(frozen=True)
class PageModel:
    name: str
    #: tier -> credits per image, or one flat price under "*"; empty when unknown.
    price: Mapping[str, Decimal]
    max_resolution: str | None
    aspect_ratios: tuple[str, ...]
    #: field -> why the page gives no figure ("See tooltip")
    unknown: Mapping[str, str]
    #: field -> the cell this reader could not make sense of; such a field is left as it was
    unreadable: Mapping[str, str]

    @property
    def flat(self) -> bool:
        return set(self.price) == {"*"}


@dataclass(frozen=True)
class PageEngine:
    name: str
    pricing: str  # "per_megapixel" or "fixed"
    #: scale -> multiplier of base x megapixels (per_megapixel) or credits (fixed)
    scales: Mapping[int, Decimal]
    unknown: Mapping[str, str]


@dataclass(frozen=True)
class CreditsPage:
    models: tuple[PageModel, ...]
    engines: tuple[PageEngine, ...]


Table = list[list[list[str]]]  # rows of cells; a cell is its list items (one item if no list)


# --- tables from Markdown and HTML ------------------------------------------------------


def _markdown_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    current: Table = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):  # not the separator row
                current.append([_items(c) for c in cells])
        elif current:
            tables.append(current)
            current = []
    return tables


def _items(cell: str) -> list[str]:
    found = re.findall(r"<li>(.*?)</li>", cell, flags=re.S)
    return [_plain(i) for i in found] if found else [_plain(cell)]


def _plain(cell: str) -> str:
    text = re.sub(r"<[^>]+>", " ", cell)
    text = unescape(text).replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


class _HtmlTables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._stack: list[Table] = []
        self._cell: list[str] | None = None
        self._item: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append([])
        elif tag == "tr" and self._stack:
            self._stack[-1].append([])
        elif tag in ("td", "th") and self._stack:
            self._cell, self._text = [], []
        elif tag == "li" and self._cell is not None:
            self._item = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._item is not None and self._cell is not None:
            self._cell.append(_plain("".join(self._item)))
            self._item = None
        elif tag in ("td", "th") and self._cell is not None and self._stack and self._stack[-1]:
            self._stack[-1][-1].append(self._cell or [_plain("".join(self._text))])
            self._cell = None
        elif tag == "table" and self._stack:
            self.tables.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._item is not None:
            self._item.append(data)
        elif self._cell is not None:
            self._text.append(data)


def _tables(text: str) -> list[Table]:
    if re.search(r"<table[\s>]", text, flags=re.I):
        parser = _HtmlTables()
        parser.feed(text)
        parser.close()
        return parser.tables
    return _markdown_tables(text)


# --- cells -----------------------------------------------------------------------------


def _number(text: str) -> Decimal | None:
    """A price cell: "73.5", "1,040" (a thousands comma), "73,5" (a decimal comma, as some
    locales save it). Anything else ("1,2,3", "1e19", a 30-digit typo) is not read."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    if not re.fullmatch(r"\d{1,12}(\.\d{1,6})?", text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value <= MAX_CREDITS else None


def _unreadable(what: str, cell: str) -> str:
    """Why a cell was not read: a figure above the limit on every price is named as such."""
    for token in re.findall(r"\d[\d,]*(?:\.\d+)?", cell):
        digits = token.replace(",", "")
        if len(digits) > 12 or Decimal(digits) > MAX_CREDITS:
            return (
                f"A figure in the page's {what} is more than {whole(MAX_CREDITS)} credits, "
                f"the most a price may be: {cell!r}."
            )
    return f"The page's {what} could not be read: {cell!r}."


def read_page(path: Path) -> str:
    """A saved page's text, whatever the browser saved it as; PageError says why not."""
    try:
        return decode_any(read_bytes(path, MAX_PAGE_BYTES))
    except FileProblem as exc:
        raise PageError(f"cannot be read as a saved page: {exc}") from None


def parse_price(cell: str) -> tuple[dict[str, Decimal], str | None]:
    """("25" | "49 (1K) / 73.5 (2K)" | "80 (1K/2K) / 160 (4K)") -> (prices, why unknown)."""
    if cell.casefold() == SEE_TOOLTIP:
        return {}, 'The credits page says "See tooltip" instead of a price.'
    flat = _number(cell)
    if flat is not None:
        return {"*": flat}, None
    prices: dict[str, Decimal] = {}
    for part in cell.split(" / "):
        match = re.fullmatch(r"(\S+)\s*\(([^)]*)\)", part.strip())
        tiers = [t.strip().upper() for t in match.group(2).split("/")] if match else []
        value = _number(match.group(1)) if match else None
        if value is None or not tiers or any(t not in TIERS for t in tiers):
            return {}, _unreadable("price cell", cell)
        prices.update(dict.fromkeys(tiers, value))
    return dict(sorted(prices.items(), key=lambda kv: TIERS.index(kv[0]))), None


def parse_max_resolution(cell: str) -> tuple[str | None, str | None]:
    if cell.casefold() == SEE_TOOLTIP:
        return None, 'The credits page says "See tooltip" instead of a maximum resolution.'
    match = re.fullmatch(r"(?:up to\s*)?(\dK)", cell.strip(), flags=re.I)
    if match and match.group(1).upper() in TIERS:
        return match.group(1).upper(), None
    return None, f"The page's max resolution cell could not be read: {cell!r}."


def parse_ratios(cell: str) -> tuple[tuple[str, ...], str | None]:
    ratios = tuple(r.strip() for r in cell.split(",") if r.strip())
    bad = [r for r in ratios if not re.fullmatch(r"[1-9]\d*:[1-9]\d*", r)]
    if bad or not ratios:
        return (), f"The page's aspect ratio cell could not be read: {cell!r}."
    return ratios, None


def _scale_items(items: list[str]) -> tuple[str, dict[int, Decimal], str | None]:
    """Topaz: "2× = base cost × megapixels × 1"; Magnific: "2×: 65"."""
    per_mp: dict[int, Decimal] = {}
    fixed: dict[int, Decimal] = {}
    for item in items:
        text = item.replace("×", "x")
        formula = re.fullmatch(r"(\d+)\s*x\s*=\s*base cost\s*x\s*megapixels\s*x\s*([\d.]+)", text, flags=re.I)
        price = re.fullmatch(r"(\d+)\s*x\s*:\s*([\d.,]+)", text, flags=re.I)
        found = formula or price
        if found is not None and _number(found.group(2)) == 0:
            return "", {}, f"The page's upscale credits give 0, which is not a price: {item!r}."
        if formula and (value := _number(formula.group(2))) is not None:
            per_mp[int(formula.group(1))] = value
        elif price and (value := _number(price.group(2))) is not None:
            fixed[int(price.group(1))] = value
        else:
            return "", {}, _unreadable("upscale credits", item)
    if per_mp and not fixed:
        return "per_megapixel", per_mp, None
    if fixed and not per_mp:
        return "fixed", fixed, None
    return "", {}, f"The page's upscale credits could not be read: {'; '.join(items)!r}."


# --- the page --------------------------------------------------------------------------


def _header(table: Table) -> list[str]:
    return [" ".join(cell).casefold() for cell in table[0]] if table else []


def _column(header: list[str], word: str) -> int | None:
    return next((i for i, h in enumerate(header) if word in h), None)


def parse_credits_page(text: str) -> CreditsPage:
    """The models and upscale engines the page lists. Raises PageError for any other text."""
    tables = _tables(text)
    model_table = next((t for t in tables if {"model", "credits"} <= set(" ".join(_header(t)).split())), None)
    if model_table is None:
        raise PageError(
            "This is not ImagineArt's Image Credits page: it has no table with Model and Credits "
            "columns. Save the page itself (as Markdown or as a web page) and try again."
        )
    models = tuple(_models(model_table))
    if not models:
        raise PageError("The page's model table has no rows.")
    engine_table = next(
        (t for t in tables if {"engine", "credits"} <= set(" ".join(_header(t)).split())), None
    )
    engines = tuple(_engines(engine_table)) if engine_table else ()
    return CreditsPage(models, engines)


def _models(table: Table) -> list[PageModel]:
    header = _header(table)
    cols = {
        "name": _column(header, "model"),
        "price": _column(header, "credits"),
        "max_resolution": _column(header, "resolution"),
        "aspect_ratios": _column(header, "aspect"),
    }
    models = []
    for row in table[1:]:
        cells = {k: (" ".join(row[i]) if i is not None and i < len(row) else "") for k, i in cols.items()}
        if not cells["name"]:
            continue
        unknown: dict[str, str] = {}
        unreadable: dict[str, str] = {}
        price, why = parse_price(cells["price"])
        if any(v == 0 for v in price.values()):
            price, why = {}, f"The page's price cell gives 0 credits ({cells['price']!r}): not a price."
        max_res, why_res = parse_max_resolution(cells["max_resolution"])
        ratios, why_ratios = parse_ratios(cells["aspect_ratios"])
        above = [t for t in price if t != "*" and max_res and TIERS.index(t) > TIERS.index(max_res)]
        if above:
            price, why = (
                {},
                (
                    f"The page's price cell names {', '.join(above)} but its max resolution is {max_res}: "
                    f"{cells['price']!r}."
                ),
            )
        for field, reason in (("price", why), ("max_resolution", why_res), ("aspect_ratios", why_ratios)):
            if reason:
                (unknown if reason.startswith("The credits page says") else unreadable)[field] = reason
        models.append(PageModel(cells["name"], price, max_res, ratios, unknown, unreadable))
    return models


def _engines(table: Table) -> list[PageEngine]:
    header = _header(table)
    name_col, credits_col = _column(header, "engine"), _column(header, "credits")
    engines = []
    for row in table[1:]:
        if name_col is None or credits_col is None or len(row) <= max(name_col, credits_col):
            continue
        pricing, scales, why = _scale_items(row[credits_col])
        engines.append(PageEngine(" ".join(row[name_col]), pricing, scales, {"scales": why} if why else {}))
    return engines
