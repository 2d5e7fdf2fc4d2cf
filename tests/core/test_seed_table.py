"""Every row of ImagineArt's table, quoted through the core, matches the hand transcription."""

from __future__ import annotations

from decimal import Decimal

import pytest

from imagine_calc.core.catalog_loader import load_catalog
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing import GenerationRequest, quote_generation, quote_upscale
from imagine_calc.core.records import TIERS
from tests.seed_table import SEED_MAGNIFIC, SEED_MODELS, SEED_TOPAZ_FACTORS

CATALOG = load_catalog()


def test_catalog_has_exactly_the_seed_models_in_page_order() -> None:
    assert [m.name for m in CATALOG.models] == list(SEED_MODELS)


@pytest.mark.parametrize("name", list(SEED_MODELS))
def test_each_model_quotes_its_seed_price_at_every_tier(name: str) -> None:
    prices, max_res, ratios = SEED_MODELS[name]
    model = CATALOG.find_model(name)
    assert model is not None
    assert model.max_resolution == max_res
    assert model.aspect_ratios == tuple(ratios.split(", "))
    if isinstance(prices, dict):
        expected = prices
    else:  # one flat figure: the same at every tier up to the max (all tiers if max unknown)
        top = TIERS.index(max_res) + 1 if max_res else len(TIERS)
        expected = {t: prices for t in TIERS[:top]}
    assert model.tiers == tuple(expected)
    for tier, price in expected.items():
        quote = quote_generation(CATALOG, GenerationRequest(model.id, tier, ratios.split(", ")[0]))
        if price is None:
            assert not quote.complete and quote.total is None and quote.known_total == 0
        else:
            assert quote.complete and quote.total == price
    for tier in TIERS:
        if tier not in expected:
            with pytest.raises(QuoteError, match="allowed"):
                quote_generation(CATALOG, GenerationRequest(model.id, tier))


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
    with pytest.raises(QuoteError, match=r"allowed: 2x, 4x\)"):
        quote_upscale(CATALOG, "topaz", 8, 100, 100)
    with pytest.raises(QuoteError, match=r"2x, 4x, 8x, 16x"):
        quote_upscale(CATALOG, "magnific", 3, 100, 100)
