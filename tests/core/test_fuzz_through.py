"""Fuzzing past loading: documents a user might be sent (tests/core/fuzz_documents.py), three
in four valid shapes full of hostile content, load, and what they become is checked against an
independent reckoning of the catalog's figures, worded with their qualifiers, exported so that
no spreadsheet or renderer runs any of it, and saved again unchanged. Each test prints the share
of generated documents that loaded; more than half must."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagine_calc.core.catalog.credits_page import PageError, parse_credits_page
from imagine_calc.core.catalog.loader import bundled_files, load_override
from imagine_calc.core.catalog.price_update import apply_to, diff
from imagine_calc.core.catalog.records import TIERS, Catalog
from imagine_calc.core.errors import CatalogError, QuoteError
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, PricedItem, price_estimate
from imagine_calc.core.estimates.estimate_file import EstimateFileError, dumps, loads
from imagine_calc.core.outside_text import readable
from imagine_calc.core.pricing.quotes import Quote, QuoteState, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale
from imagine_calc.core.text.catalog import price_words
from imagine_calc.core.text.exports import to_csv, to_json, to_markdown, to_text
from imagine_calc.core.text.quotes import line_amount, long, short
from tests.core.fuzz_documents import CATALOG, estimates, expected_price, overrides
from tests.credits_pages import PAGE, row, with_price

BUNDLED = bundled_files()
FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
#: What a spreadsheet or a terminal must never get raw from outside text.
FORMULA = re.compile(r"^[=+\-@＝＋－＠\t\r]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def loads_share(name: str, check: Callable[[], None], tally: Counter[str]) -> None:
    """Run a hypothesis test that counts `tried` and `loaded`; print and check the share."""
    check()
    print(f"{name}: {tally['loaded']} of {tally['tried']} generated loaded")
    assert tally["loaded"] > tally["tried"] / 2, f"{name}: fewer than half of the generated ones loaded"


def reckoned(catalog: Catalog, raw: dict[str, Any]) -> Decimal | None:
    """The known credits of one item, reckoned from the catalog's own figures (not its quotes);
    None for an item the catalog does not offer (a broken one that loaded anyway)."""
    count = raw.get("count", 1)
    if raw["kind"] == "upscale":
        engine = catalog.find_engine(raw["engine"])
        if engine is None or raw["scale"] not in engine.scales:
            return None
        factor = engine.scales[raw["scale"]]
        if engine.pricing == "fixed":
            return factor * len(raw["sizes"]) * count
        area = sum(w * h for w, h in raw["sizes"])
        base = engine.base_credits_per_megapixel or Decimal(0)
        return base * Decimal(area) / Decimal(1_000_000) * factor * count
    model = catalog.find_model(raw["model"])
    resolution, ratio = raw.get("resolution", "1K"), raw.get("aspect_ratio")
    images, enhancer = raw.get("images", 1), raw.get("prompt_enhancer", False)
    if model is None or resolution not in model.tier_prices or (ratio and ratio not in model.aspect_ratios):
        return None
    if not catalog.images_min <= images <= catalog.images_max:
        return None
    known = (model.price_at(resolution) or Decimal(0)) * images
    surcharge = catalog.prompt_enhancer.surcharge
    if enhancer and surcharge is not None:
        known += surcharge * (images if catalog.prompt_enhancer.applies == "per_image" else 1)
    return known * count


def said(quote: Quote) -> None:
    """Words carry the figure's certainty: "at least" where a part is unknown, "about" where a
    figure is inferred, "unknown" where nothing is known."""
    words = long(quote)
    assert short(quote)
    for line in quote.lines:
        line_amount(line)
    assert quote.known_total >= 0 and quote.known_total.is_finite()
    if quote.state is QuoteState.UNKNOWN:
        assert words == "unknown"
    elif not quote.complete:
        assert words.startswith("at least"), words
    else:
        assert "at least" not in words, words
    assert ("about" in words) == quote.estimated or quote.state is QuoteState.UNKNOWN, words


def exported_safely(items: list[PricedItem], catalog: Catalog, priced: Any) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(priced))))
    lines = [row for row in rows if row[0] == "line"]
    assert len(lines) == len(items) and [row[0] for row in rows[-1:]] == ["total"]
    for row_, p in zip(lines, items, strict=True):
        assert Decimal(row_[5]) == p.quote.known_total
    for row_ in rows[1:]:  # the lines, the subtotals and the total
        for cell in (row_[1], row_[2], row_[10]):
            assert not FORMULA.match(cell.lstrip(" \x00")), cell
            assert not CONTROL.search(cell), cell
    report = json.loads(to_json(priced, catalog))
    assert [i["label"] for i in report["items"]] == [p.label for p in items]  # JSON keeps text exactly
    markdown = to_markdown(priced, catalog)
    for raw in ("<img", "<b>", "<script"):
        assert raw not in markdown
    table = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(table) == len(items) + 2  # header, rule, one row per line: no label broke a row
    assert not CONTROL.search(to_text(priced, catalog))


def test_generated_estimates_load_mostly_and_show_the_catalogs_figures_safely() -> None:
    tally: Counter[str] = Counter()

    @FUZZ
    @given(estimates)
    def check(document: dict[str, Any]) -> None:
        tally["tried"] += 1
        try:
            saved = loads(json.dumps(document))
        except EstimateFileError as exc:
            assert str(exc)
            return
        tally["loaded"] += 1
        priced = price_estimate(CATALOG, saved.estimate)
        items = list(priced.items)
        for raw, p in zip(document["items"], items, strict=True):
            expected = reckoned(CATALOG, raw)
            if expected is None:  # not on offer: quoted as unknown, with the reason
                assert p.quote.known_total == 0 and not p.quote.complete
            else:
                assert p.quote.known_total == expected
            assert p.label == (readable(raw.get("label", "")) or p.group)
            said(p.quote)
        said(priced.total)
        assert priced.total.known_total == sum((p.quote.known_total for p in items), Decimal(0))
        exported_safely(items, CATALOG, priced)
        again = loads(dumps(priced, CATALOG))
        assert again.estimate == saved.estimate

    loads_share("estimates", check, tally)


def test_generated_overrides_load_mostly_and_price_as_they_say() -> None:
    tally: Counter[str] = Counter()

    @FUZZ
    @given(overrides)
    def check(data: dict[str, Any]) -> None:
        tally["tried"] += 1
        try:
            catalog = load_override(BUNDLED, yaml.safe_dump(data, allow_unicode=True), "fuzz.yaml")
        except CatalogError as exc:
            assert exc.problems
            return
        tally["loaded"] += 1
        enhancer = data.get("prompt_enhancer")
        for written in data.get("models", []):
            model = catalog.model(written["id"])
            price_words(model)
            price = written.get("price")
            flat = isinstance(price, int | float) and not isinstance(price, bool)
            tiered = isinstance(price, dict) and set(price) == set(model.tiers)
            if not (flat or tiered):
                continue  # a broken model that loaded anyway: no figure of its own to check
            for tier in model.tiers:
                per_image = expected_price(price if flat else price[tier])
                quote = quote_generation(catalog, GenerationRequest(model.id, tier, None, 2, False))
                assert quote.known_total == per_image * 2
                assert quote.complete == (not flat or tier == "1K")
                said(quote)
                if enhancer is not None:
                    on = quote_generation(catalog, GenerationRequest(model.id, tier, None, 2, True))
                    times = 2 if enhancer["applies"] == "per_image" else 1
                    assert on.known_total == per_image * 2 + expected_price(enhancer["surcharge"]) * times
        items = tuple(GenerationItem(GenerationRequest(m.id), 100_000) for m in catalog.models)
        priced = price_estimate(catalog, Estimate(items))
        exported_safely(list(priced.items), catalog, priced)
        for engine in catalog.engines:
            for scale in engine.scales:
                said(quote_upscale(catalog, engine.id, scale, 1_000_000, 1_000_000))

    loads_share("overrides", check, tally)


cells = st.one_of(
    st.sampled_from(
        ["7", "73,5", "1,040", "0", "1e19", "1,2,3", "See tooltip", "", "-5", "12 (1K) / 20 (4K)"]
    ),
    st.text(max_size=12),
    st.integers(0, 10**30).map(str),
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(["Flux Dev", "Nano Banana 2", "Midjourney V7", "Seedream v4"]), cells)
def test_every_page_that_parses_is_applied_checked_and_quoted(name: str, cell: str) -> None:
    text = with_price(name, cell.replace("|", "/").replace("\n", " ")) if "\n" not in cell else row(name)
    try:
        page = parse_credits_page(text)
    except PageError:
        return
    update = diff(CATALOG, page)
    doc: dict[str, Any] = {}
    apply_to(doc, update, CATALOG, CATALOG.as_of, "fuzz.md")
    try:
        catalog = load_override(BUNDLED, yaml.safe_dump(doc, allow_unicode=True), "fuzz.yaml")
    except CatalogError as exc:
        raise AssertionError(f"an applied page must be a valid override: {exc}") from exc
    for model in catalog.models:
        for tier in model.tiers:
            try:
                said(quote_generation(catalog, GenerationRequest(model.id, tier)))
            except QuoteError:
                continue


def quoted_everywhere(catalog: Catalog) -> None:
    """Every model at every tier it offers is quoted and said with its qualifiers."""
    for model in catalog.models:
        price_words(model)
        for tier in model.tiers:
            try:
                said(quote_generation(catalog, GenerationRequest(model.id, tier)))
            except QuoteError:
                continue


resolution_cells = st.one_of(
    st.sampled_from(
        [
            "1K, 2K, 4K",
            "1K, 2K",
            "1K<br>4K",
            "2K, 3K",
            "Up to 2K",
            "Up to 3K",
            "1K",
            "See tooltip",
            "Shown in Image mode tooltip",
            "1K, 1K",
            "",
            "4K, 1K",
        ]
    ),
    st.lists(st.sampled_from([*TIERS, "8K", "up to", ","]), max_size=4).map(" ".join),
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.sampled_from(["Flux Dev", "Nano Banana 2", "Nano Banana Pro", "Midjourney V7", "Seedream v5 Lite"]),
    resolution_cells,
    st.one_of(st.none(), cells),
)
def test_every_resolution_cell_that_parses_is_applied_checked_and_quoted(
    name: str, resolution: str, price: str | None
) -> None:
    """A listed resolution with the page's own price (or a fuzzed one) is a valid override."""
    text = with_price(name, price.replace("|", "/").replace("\n", " ")) if price is not None else PAGE
    line = next(line for line in text.split("\n") if line.startswith(f"| **{name}**"))
    cells_ = line.split("|")
    cells_[3] = f" {resolution.replace('|', '/')} "
    text = text.replace(line, "|".join(cells_), 1)
    update = diff(CATALOG, parse_credits_page(text))
    doc: dict[str, Any] = {}
    apply_to(doc, update, CATALOG, CATALOG.as_of, "fuzz.md")
    try:
        catalog = load_override(BUNDLED, yaml.safe_dump(doc, allow_unicode=True), "fuzz.yaml")
    except CatalogError as exc:
        raise AssertionError(f"an applied page must be a valid override: {exc}") from exc
    quoted_everywhere(catalog)
