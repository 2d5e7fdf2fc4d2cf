"""Quotes: images multiply, unknowns stay unknown, invalid settings name what is allowed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing.quotes import QuoteState, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.catalog import price_summary
from imagine_calc.core.text.quotes import long as total_text
from tests.words import caveats, detail, unknowns

CATALOG = load_catalog()


def quote(**kw: object):
    return quote_generation(CATALOG, GenerationRequest(**kw))  # type: ignore[arg-type]


def test_nano_banana_2_4k_three_images_is_294() -> None:
    q = quote(model_id="nano-banana-2", resolution="4K", images=3)
    assert q.total == Decimal(294)
    assert detail(q.lines[0]) == "3 × 98"


def test_midjourney_price_is_unknown_not_zero() -> None:
    q = quote(model_id="midjourney-v7")
    assert not q.complete
    assert q.total is None
    assert q.lines[0].credits is None
    assert "See tooltip" in unknowns(q)[0]
    assert total_text(q) == "unknown"


def test_prompt_enhancer_makes_a_known_total_a_lower_bound() -> None:
    q = quote(model_id="flux-dev", images=2, prompt_enhancer=True)
    assert not q.complete
    assert q.known_total == Decimal(10)
    assert total_text(q) == "at least 10 credits"
    assert any("small credit cost" in r for r in unknowns(q))


@pytest.mark.parametrize("images", [0, 5, -1])
def test_image_count_outside_1_to_4_lists_the_allowed_counts(images: int) -> None:
    with pytest.raises(QuoteError, match=r"allowed: 1, 2, 3, 4"):
        quote(model_id="flux-dev", images=images)


def test_aspect_ratio_the_model_lacks_lists_its_ratios() -> None:
    with pytest.raises(
        QuoteError,
        match=r"ChatGPT 1.5 does not offer aspect ratio 16:9 "
        r"\(allowed: 1:1, 2:3, 3:2\)",
    ):
        quote(model_id="chatgpt-1-5", aspect_ratio="16:9")


def test_resolution_above_the_max_lists_the_tiers() -> None:
    with pytest.raises(QuoteError, match=r"allowed: 1K, 2K\)"):
        quote(model_id="flux-2-pro", resolution="4K")


def test_unknown_max_resolution_quotes_the_base_price_as_a_lower_bound_with_a_caveat() -> None:
    q = quote(model_id="z-image-turbo", resolution="4K")
    assert q.total is None and q.known_total == Decimal(5) and q.state is QuoteState.LOWER_BOUND
    assert "max resolution is unknown" in caveats(q)[0]
    assert not any("max resolution" in c for c in caveats(quote(model_id="z-image-turbo")))


def test_a_base_price_is_the_1k_price_and_only_the_least_above() -> None:
    one_k = quote(model_id="imagineart-1-5-pro", resolution="1K")
    assert one_k.total == 25 and one_k.basis == "base" and one_k.state is QuoteState.EXACT
    # exact at 1K, with the page's own caveat and said to be the base price
    assert detail(one_k.lines[0]) == "1 × 25 base price"
    assert tuple(caveats(one_k)) == (
        "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more.",
    )
    assert not caveats(quote(model_id="nano-banana-2"))  # a price per tier is no base price
    four_k = quote(model_id="imagineart-1-5-pro", resolution="4K", images=2)
    assert four_k.total is None and four_k.known_total == 50 and four_k.lines[0].lower_bound
    assert "ImagineArt 1.5 Pro at 4K" in unknowns(four_k)[0]
    assert total_text(four_k) == "at least 50 credits"


def test_a_model_whose_maximum_is_1k_is_never_a_lower_bound() -> None:
    for model in CATALOG.models:
        if model.max_resolution == "1K":
            assert model.tiers == ("1K",)
            assert quote(model_id=model.id).complete


def test_unknown_model_is_a_quote_error() -> None:
    with pytest.raises(QuoteError, match="no model 'dall-e'"):
        quote(model_id="dall-e")


def test_price_summary_groups_equal_tiers_like_the_page() -> None:
    assert price_summary(CATALOG.model("nano-banana-pro")) == "80 (1K/2K) / 160 (4K)"
    assert price_summary(CATALOG.model("nano-banana-2")) == "49 (1K) / 73.5 (2K) / 98 (4K)"
    assert price_summary(CATALOG.model("midjourney-v7")) == "unknown"


def test_the_age_of_prices_reads_naturally_even_from_the_future() -> None:
    from imagine_calc.core.text.catalog import age as age_text

    assert [age_text(d) for d in (0, 1, 45)] == ["from today", "1 day old", "45 days old"]
    assert age_text(-3) == "dated 3 days ahead of this computer's date"


def test_only_a_state_resting_on_an_inferred_figure_is_estimated() -> None:
    # "about" is said, and the figure rounded, for these two only; budgets and teams ask the same.
    assert {s for s in QuoteState if s.estimated} == {
        QuoteState.APPROXIMATE,
        QuoteState.APPROXIMATE_LOWER_BOUND,
    }
