"""Reads ImagineArt's "Image Credits" page, saved as Markdown or HTML, into plain records.

It reads the table as ImagineArt writes it on its docs site ("49 (1K) / 73.5 (2K) / 98 (4K)",
"Up to 4K", "See tooltip") and on its GitBook help centre ("49 (1K)<br>73.5 (2K)<br>98 (4K)",
"1K, 2K, 4K", "Shown in Image mode tooltip"). Cells it cannot read become explicit unknowns
with a note, never guesses. "See tooltip" (either wording) is an unknown too, as it is in the
bundled catalog. Tables are found by page_tables, the page's own address by page_address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from imagine_calc.core.catalog.page_address import page_address
from imagine_calc.core.catalog.page_tables import Table, tables
from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.catalog.update_findings import Unreadable
from imagine_calc.core.files import FileProblem, decode_any, read_bytes
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_CREDITS, MAX_PAGE_BYTES
from imagine_calc.core.numbers import whole

#: The page's words for a figure it leaves to Image mode's tooltip: "See tooltip" on the docs
#: site, "Shown in Image mode tooltip" on the help centre.
_TOOLTIP = re.compile(r"(?:see|shown in)(?: the)?(?: image mode)? tooltip\.?", flags=re.I)
#: One price and the tiers it is for, "73.5 (2K)" or "80 (1K/2K)"; a cell holds them one after
#: another, each line or " / " apart ("49 (1K) / 73.5 (2K)", "49 (1K)<br>73.5 (2K)").
_TIER_PRICE = r"([^\s()/]+)\s*\(([^()]*)\)"
_TIER_PRICES = re.compile(rf"{_TIER_PRICE}(?:\s*/?\s*{_TIER_PRICE})*")


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
    unreadable: Mapping[str, Unreadable]
    #: The tiers the page lists as offered ("1K, 2K, 4K"), ascending; None where it gives only
    #: a maximum ("Up to 4K").
    resolutions: tuple[str, ...] | None = None

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
    #: The address the page says it is from (checked: a plain http(s) address), or None.
    url: str | None = None
    #: What the reader noticed about the page as a whole (an address it did not keep).
    notes: tuple[str, ...] = ()


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
        raise PageError(_("cannot be read as a saved page: {why}").format(why=exc)) from None


def _tooltip(cell: str) -> str | None:
    """The page's words when it sends the reader to the tooltip, as it wrote them."""
    said = " ".join(cell.split())
    return said if _TOOLTIP.fullmatch(said) else None


def parse_price(cell: str) -> tuple[dict[str, Decimal], str | None]:
    """("25" | "49 (1K) / 73.5 (2K)" | "80 (1K/2K)\n160 (4K)") -> (prices, why unknown). Lines of
    a cell come joined by "\n"; a tier priced twice is not read (which would be a guess)."""
    said = _tooltip(cell)
    if said:
        return {}, f'The credits page says "{said}" instead of a price.'
    flat = _number(cell)
    if flat is not None:
        return {"*": flat}, None
    text = cell.strip()
    if not _TIER_PRICES.fullmatch(text):
        return {}, _unreadable("price cell", cell)
    prices: dict[str, Decimal] = {}
    for figure, named in re.findall(_TIER_PRICE, text):
        tiers = [t.strip().upper() for t in named.split("/")]
        value = _number(figure)
        if value is None or any(t not in TIERS or t in prices for t in tiers) or len(set(tiers)) < len(tiers):
            return {}, _unreadable("price cell", cell)
        prices.update(dict.fromkeys(tiers, value))
    return dict(sorted(prices.items(), key=lambda kv: TIERS.index(kv[0]))), None


def parse_max_resolution(cell: str) -> tuple[str | None, tuple[str, ...] | None, str | None]:
    """("Up to 4K" | "1K, 2K, 4K" | "1K<br>2K" | "See tooltip") -> (maximum, the tiers listed or
    None, why unknown). A list names exactly the tiers offered; one tier alone is a maximum."""
    said = _tooltip(cell)
    if said:
        return None, None, f'The credits page says "{said}" instead of a maximum resolution.'
    text = " ".join(cell.split())
    match = re.fullmatch(r"(?:up to\s*)?(\dK)", text, flags=re.I)
    if match and match.group(1).upper() in TIERS:
        return match.group(1).upper(), None, None
    named = [t.upper() for t in re.split(r"[\s,/]+", text) if t]
    if len(named) >= 2 and len(set(named)) == len(named) and all(t in TIERS for t in named):
        listed = tuple(sorted(named, key=TIERS.index))
        return listed[-1], listed, None
    return None, None, f"The page's max resolution cell could not be read: {cell!r}."


def parse_ratios(cell: str) -> tuple[tuple[str, ...], str | None]:
    ratios = tuple(r.strip() for r in re.split(r"[,\n]", cell) if r.strip())
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


def _has_columns(table: Table, *words: str) -> bool:
    return set(words) <= set(" ".join(_header(table)).split())


def parse_credits_page(text: str) -> CreditsPage:
    """The models and upscale engines the page lists, and the address it says it is from.
    Raises PageError for any other text."""
    found = tables(text)
    # GitBook may repeat a table's header as a table of its own, before the table with rows.
    candidates = [t for t in found if _has_columns(t, "model", "credits")]
    model_table = next((t for t in candidates if len(t) > 1), candidates[0] if candidates else None)
    if model_table is None:
        raise PageError(
            _(
                "This is not ImagineArt's Image Credits page: it has no table with Model and Credits "
                "columns. Save the page itself (as Markdown or as a web page) and try again."
            )
        )
    models = tuple(_models(model_table))
    if not models:
        raise PageError(_("The page's model table has no rows."))
    engine_tables = [t for t in found if _has_columns(t, "engine", "credits")]
    engine_table = next((t for t in engine_tables if len(t) > 1), None)
    engines = tuple(_engines(engine_table)) if engine_table else ()
    url, note = page_address(text)
    return CreditsPage(models, engines, url, (note,) if note else ())


def _disagreement(price: Mapping[str, Decimal], max_res: str | None, listed: tuple[str, ...] | None) -> str:
    """Why the price cell and the resolution cell cannot both be right, or ""."""
    tiers = [t for t in price if t != "*"]
    if listed is not None and tiers and tiers != list(listed):
        return f"names {', '.join(tiers)} but its max resolution lists {', '.join(listed)}"
    above = [t for t in tiers if max_res and TIERS.index(t) > TIERS.index(max_res)]
    return f"names {', '.join(above)} but its max resolution is {max_res}" if above else ""


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
        cells = {k: ("\n".join(row[i]) if i is not None and i < len(row) else "") for k, i in cols.items()}
        name = " ".join(cells["name"].split())
        if not name:
            continue
        unknown: dict[str, str] = {}
        unreadable: dict[str, str] = {}
        price, why = parse_price(cells["price"])
        if any(v == 0 for v in price.values()):
            price, why = {}, f"The page's price cell gives 0 credits ({cells['price']!r}): not a price."
        max_res, listed, why_res = parse_max_resolution(cells["max_resolution"])
        ratios, why_ratios = parse_ratios(cells["aspect_ratios"])
        disagree = _disagreement(price, max_res, listed)
        if disagree:  # the page contradicts itself: neither cell is used
            why = why_res = f"The page's price cell {disagree}: {cells['price']!r}."
            price, max_res, listed = {}, None, None
        for field, reason in (("price", why), ("max_resolution", why_res), ("aspect_ratios", why_ratios)):
            if reason:
                (unknown if reason.startswith("The credits page says") else unreadable)[field] = reason
        models.append(PageModel(name, price, max_res, ratios, unknown, unreadable, listed))
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
