"""Every row of ImagineArt's table, quoted through the core, matches the hand transcription."""

from __future__ import annotations

from decimal import Decimal

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing.quotes import QuoteState, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale
from tests.seed_table import (
    SEED_BASE_TIER,
    SEED_MAGNIFIC,
    SEED_MODELS,
    SEED_TIERS_UP_TO,
    SEED_TOPAZ_FACTORS,
)
from tests.words import unknowns

CATALOG = load_catalog()


def test_catalog_has_exactly_the_seed_models_in_page_order() -> None:
    assert [m.name for m in CATALOG.models] == list(SEED_MODELS)


@pytest.mark.parametrize("name", list(SEED_MODELS))
def test_each_model_quotes_its_seed_price_at_every_tier(name: str) -> None:
    """Prices per tier are exact; one base price is exact at 1K and a lower bound above it."""
    prices, max_res, ratios = SEED_MODELS[name]
    model = CATALOG.find_model(name)
    assert model is not None
    assert model.max_resolution == max_res
    assert model.aspect_ratios == tuple(ratios.split(", "))
    tiers = tuple(prices) if isinstance(prices, dict) else SEED_TIERS_UP_TO[max_res]
    assert model.tiers == tiers
    for tier in tiers:
        quote = quote_generation(CATALOG, GenerationRequest(model.id, tier, ratios.split(", ")[0]))
        price = prices[tier] if isinstance(prices, dict) else prices
        if price is None:
            assert quote.state is QuoteState.UNKNOWN and quote.total is None and quote.known_total == 0
        elif isinstance(prices, dict):
            assert quote.complete and quote.total == price and quote.basis == "stated"
        elif tier == SEED_BASE_TIER:
            assert quote.complete and quote.total == price and quote.basis == "base"
        else:
            assert quote.state is QuoteState.LOWER_BOUND and quote.total is None
            assert quote.known_total == price and quote.basis == "base"
            assert f"at {tier}" in unknowns(quote)[0]
    for tier in TIERS:
        if tier not in tiers:
            with pytest.raises(QuoteError, match="allowed"):
                quote_generation(CATALOG, GenerationRequest(model.id, tier))


def test_3k_is_offered_only_where_the_page_names_it() -> None:
    offering_3k = [m.name for m in CATALOG.models if "3K" in m.tiers]
    assert offering_3k == [n for n, (_, max_res, _) in SEED_MODELS.items() if max_res == "3K"]
    assert offering_3k == ["Seedream v5 Lite"]


def test_nano_banana_2_at_2k_for_two_images_is_147() -> None:
    quote = quote_generation(CATALOG, GenerationRequest("nano-banana-2", "2K", images=2))
    assert quote.total == Decimal(147)


def test_topaz_example_from_the_page_is_exactly_41_472() -> None:
    quote = quote_upscale(CATALOG, "topaz", 2, 1920, 1080)
    assert quote.total == Decimal("41.472")
    assert quote.estimated, "the base cost is inferred, so the figure must read as 'about'"
    assert round(quote.total) == 41


@pytest.mark.parametrize(("scale", "factor"), list(SEED_TOPAZ_FACTORS.items()))
def test_topaz_is_base_times_megapixels_times_factor(scale: int, factor: Decimal) -> None:
    quote = quote_upscale(CATALOG, "topaz", scale, 4000, 3000)
    assert quote.total == Decimal(20) * Decimal(12) * factor


@pytest.mark.parametrize(("scale", "price"), list(SEED_MAGNIFIC.items()))
@pytest.mark.parametrize("size", [(1, 1), (1920, 1080), (20000, 20000)])
def test_magnific_is_a_fixed_price_per_scale_whatever_the_size(
    scale: int, price: Decimal, size: tuple[int, int]
) -> None:
    assert quote_upscale(CATALOG, "magnific", scale, *size).total == price


def test_engines_reject_scales_they_lack_and_list_the_allowed_ones() -> None:
    with pytest.raises(QuoteError, match=r"allowed: 2×, 4×\)"):
        quote_upscale(CATALOG, "topaz", 8, 100, 100)
    with pytest.raises(QuoteError, match=r"2×, 4×, 8×, 16×"):
        quote_upscale(CATALOG, "magnific", 3, 100, 100)
