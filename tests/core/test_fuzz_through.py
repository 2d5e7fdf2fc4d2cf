"""Fuzzing past loading: every catalog, estimate and page generated here that loads is also
quoted at every setting, totalled, formatted and exported, and nothing raises but the core's
own errors (QuoteError for a setting not offered)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagine_calc.core.catalog.credits_page import PageError, parse_credits_page
from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.catalog.price_update import apply_to, diff
from imagine_calc.core.catalog.records import TIERS, Catalog
from imagine_calc.core.errors import CatalogError, QuoteError
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.estimate_export import to_csv, to_json, to_markdown, to_text
from imagine_calc.core.estimates.estimate_file import EstimateFileError, dumps, loads
from imagine_calc.core.pricing.quotes import GenerationRequest, Quote, quote_generation
from imagine_calc.core.pricing.upscale import quote_upscale
from imagine_calc.core.text.catalog import price_words
from imagine_calc.core.text.quotes import line_amount, long, short
from tests.credits_pages import row, with_price

BUNDLED = bundled_files()
CATALOG = load_catalog()

numbers = st.one_of(
    st.integers(-5, 10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=0, max_value=10**7).map(float),
    st.sampled_from([0, 1, 73.5, 1_000_000, 1_000_001, 9223372036854775808, 1e28, 1e308]),
)
prices = st.one_of(
    st.none(),
    numbers,
    st.dictionaries(st.sampled_from([*TIERS, "8K"]), st.one_of(st.none(), numbers), max_size=4),
)
models = st.fixed_dictionaries(
    {"id": st.sampled_from([m.id for m in CATALOG.models] + ["fuzz-model"])},
    optional={
        "name": st.text(min_size=1, max_size=20),
        "description": st.text(min_size=1, max_size=20),
        "price": prices,
        "max_resolution": st.sampled_from([None, *TIERS, "16K"]),
        "aspect_ratios": st.lists(st.sampled_from(["1:1", "16:9", "3:2", "0:1", "x"]), max_size=3),
        "requires_subscription": st.booleans(),
        "unknown": st.fixed_dictionaries({}, optional={"price": st.just("not published")}),
    },
)
overrides = st.fixed_dictionaries(
    {},
    optional={
        "models": st.lists(models, max_size=3),
        "prompt_enhancer": st.fixed_dictionaries(
            {},
            optional={
                "surcharge": st.one_of(st.none(), numbers),
                "applies": st.sampled_from(["per_image", None]),
            },
        ),
        "images": st.fixed_dictionaries({}, optional={"max": st.integers(-1, 2000)}),
        "observed": st.lists(
            st.fixed_dictionaries(
                {
                    "model": st.sampled_from(["flux-dev", "nano-banana-2", "fuzz-model"]),
                    "resolution": st.sampled_from(TIERS),
                    "credits": numbers,
                    "date": st.dates(),
                },
                optional={"images": st.integers(0, 6), "prompt_enhancer": st.booleans()},
            ),
            max_size=3,
        ),
    },
)


def use(catalog: Catalog) -> None:
    """Quote, total and word everything a window or the CLI would show of `catalog`."""
    for model in catalog.models:
        price_words(model)
        for tier in TIERS:
            for images in (catalog.images_min, catalog.images_max):
                for enhancer in (False, True):
                    try:
                        quote = quote_generation(
                            catalog, GenerationRequest(model.id, tier, None, images, enhancer)
                        )
                    except QuoteError:
                        continue
                    say(quote)
    for engine in catalog.engines:
        for scale in engine.scales:
            say(quote_upscale(catalog, engine.id, scale, 1_000_000, 1_000_000))
    items = tuple(GenerationItem(GenerationRequest(m.id), 100_000) for m in catalog.models)
    priced = price_estimate(catalog, Estimate(items))
    for text in (to_text(priced, catalog), to_markdown(priced, catalog), to_csv(priced)):
        assert isinstance(text, str)
    json.loads(to_json(priced, catalog))
    loads(dumps(priced, catalog))


def say(quote: Quote) -> None:
    assert long(quote) and short(quote)
    for line in quote.lines:
        line_amount(line)
    assert quote.known_total >= 0 and quote.known_total.is_finite()


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(overrides)
def test_every_override_that_loads_is_quoted_worded_and_exported(data: dict[str, Any]) -> None:
    try:
        catalog = load_override(BUNDLED, yaml.safe_dump(data, allow_unicode=True), "fuzz.yaml")
    except CatalogError as exc:
        assert exc.problems
        return
    use(catalog)


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
    use(catalog)


raw_items = st.fixed_dictionaries(
    {"kind": st.sampled_from(["generation", "upscale", "other"])},
    optional={
        "model": st.sampled_from(["flux-dev", "nano-banana-pro", "gone"]),
        "resolution": st.sampled_from([*TIERS, "16K", 4]),
        "images": numbers,
        "count": numbers,
        "engine": st.sampled_from(["topaz", "magnific", "waifu"]),
        "scale": numbers,
        "sizes": st.lists(st.lists(numbers, max_size=3), max_size=4),
        "credits": st.one_of(numbers.map(str), st.sampled_from(["NaN", "sNaN", "1e100", "-Infinity"])),
        "complete": st.booleans(),
        "label": st.text(max_size=10),
    },
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(raw_items, max_size=5))
def test_every_estimate_that_opens_is_priced_exported_and_saved_again(items: list[dict[str, Any]]) -> None:
    text = json.dumps({"format": "imagine-calc-estimate", "format_version": 1, "items": items})
    try:
        saved = loads(text)
    except EstimateFileError as exc:
        assert str(exc)
        return
    priced = price_estimate(CATALOG, saved.estimate)
    for p in priced.items:
        say(p.quote)
    say(priced.total)
    to_text(priced, CATALOG)
    assert loads(dumps(priced, CATALOG)).estimate == saved.estimate
    assert priced.total.known_total <= Decimal(10) ** 28
