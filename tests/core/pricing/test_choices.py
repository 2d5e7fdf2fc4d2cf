"""What a model offers: why a tier or ratio is not offered (beyond its maximum, or not named by the
page), and how settings a model lacks fall back to the nearest it has, saying so."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

import pytest

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.catalog.records import Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing import choices
from imagine_calc.core.pricing.choices import PREFERRED_RATIO
from imagine_calc.core.pricing.findings import (
    AboveMaximum,
    Fitted,
    NotAvailable,
    RatioNotOffered,
    TierNotNamed,
)
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.findings import fitted_words, refusal_words

CATALOG = load_catalog()


def said(why: NotAvailable | None) -> str:
    return "" if why is None else refusal_words(why)


def tier_refusal(model: Model, tier: str) -> str:
    """Why not, in the words every view shows ("" when it can)."""
    return said(choices.tier_refusal(model, tier))


def availability(model: Model, resolution: str, aspect_ratio: str | None) -> str:
    return said(choices.availability(model, resolution, aspect_ratio))


def fit_request(catalog: Catalog, req: GenerationRequest) -> tuple[GenerationRequest, tuple[str, ...]]:
    fitted, notices = choices.fit_request(catalog, req)
    return fitted, tuple(fitted_words(n) for n in notices)


# Priced at 2K and 4K only, with a ratio list that lacks 1:1 (so no fall-back to it).
GAPPY = Model(
    id="gappy",
    name="Gappy",
    description="Priced at two tiers only.",
    tier_prices=MappingProxyType({"2K": Decimal(20), "4K": Decimal(40)}),
    flat=False,
    max_resolution="4K",
    aspect_ratios=("16:9", "9:16"),
)
# Up to 2K, with 1:1 last in its list.
SMALL = replace(
    GAPPY,
    id="small",
    name="Small",
    tier_prices=MappingProxyType({"1K": Decimal(5), "2K": Decimal(10)}),
    max_resolution="2K",
    aspect_ratios=("4:3", "1:1"),
)
# Its maximum is unknown ("See tooltip"): a missing tier is never called beyond it.
UNBOUNDED = replace(SMALL, id="unbounded", name="Unbounded", max_resolution=None)
OURS = replace(CATALOG, models=(*CATALOG.models, GAPPY, SMALL, UNBOUNDED))


def test_an_offered_tier_has_no_refusal() -> None:
    assert tier_refusal(SMALL, "1K") == tier_refusal(SMALL, "2K") == ""


def test_a_tier_above_the_maximum_is_refused_by_the_maximum() -> None:
    assert tier_refusal(SMALL, "4K") == "Small goes up to 2K"
    assert tier_refusal(SMALL, "3K") == "Small goes up to 2K"


def test_a_tier_within_the_maximum_that_the_page_does_not_price_is_not_named() -> None:
    assert tier_refusal(GAPPY, "1K") == "ImagineArt's page names no 1K option for Gappy"
    assert tier_refusal(GAPPY, "3K") == "ImagineArt's page names no 3K option for Gappy"
    assert tier_refusal(UNBOUNDED, "4K") == "ImagineArt's page names no 4K option for Unbounded"


def test_availability_checks_the_tier_first_then_the_ratio() -> None:
    assert availability(SMALL, "2K", "4:3") == ""
    assert availability(SMALL, "2K", None) == ""  # no ratio chosen: any will do
    assert availability(SMALL, "2K", "16:9") == "Small has no 16:9 aspect ratio"
    assert availability(SMALL, "4K", "16:9") == "Small goes up to 2K"


def test_a_valid_request_is_kept_as_it_is_without_notices() -> None:
    request = GenerationRequest("small", "2K", "4:3", images=3, prompt_enhancer=True)
    assert fit_request(OURS, request) == (request, ())


def test_a_missing_tier_falls_back_to_the_highest_tier_below_it() -> None:
    fitted, notices = fit_request(OURS, GenerationRequest("small", "4K", "1:1"))
    assert fitted.resolution == "2K"
    assert notices == ("Small goes up to 2K: using 2K.",)
    fitted, notices = fit_request(OURS, GenerationRequest("gappy", "3K", "16:9"))
    assert fitted.resolution == "2K"
    assert notices == ("ImagineArt's page names no 3K option for Gappy: using 2K.",)


def test_a_missing_tier_below_every_tier_falls_back_to_the_lowest() -> None:
    fitted, notices = fit_request(OURS, GenerationRequest("gappy", "1K", "16:9"))
    assert fitted.resolution == "2K"
    assert notices == ("ImagineArt's page names no 1K option for Gappy: using 2K.",)


def test_a_missing_ratio_falls_back_to_square_where_offered_else_the_first() -> None:
    fitted, notices = fit_request(OURS, GenerationRequest("small", "1K", "21:9"))
    assert fitted.aspect_ratio == "1:1"
    assert notices == ("Small has no 21:9 aspect ratio: using 1:1.",)
    fitted, notices = fit_request(OURS, GenerationRequest("gappy", "2K", "1:1"))
    assert fitted.aspect_ratio == "16:9"
    assert notices == ("Gappy has no 1:1 aspect ratio: using 16:9.",)


def test_no_ratio_chosen_is_filled_in_silently() -> None:
    fitted, notices = fit_request(OURS, GenerationRequest("gappy", "2K"))
    assert fitted.aspect_ratio == "16:9" and notices == ()
    fitted, notices = fit_request(OURS, GenerationRequest("small", "1K"))
    assert fitted.aspect_ratio == "1:1" and notices == ()


def test_both_changes_are_said_tier_first() -> None:
    _, notices = fit_request(OURS, GenerationRequest("small", "4K", "21:9"))
    assert notices == ("Small goes up to 2K: using 2K.", "Small has no 21:9 aspect ratio: using 1:1.")


@pytest.mark.parametrize(("asked", "given"), [(0, 1), (-5, 1), (1, 1), (4, 4), (5, 4), (1000, 4)])
def test_the_number_of_images_is_brought_within_the_catalogs_range(asked: int, given: int) -> None:
    assert (OURS.images_min, OURS.images_max) == (1, 4)
    fitted, notices = fit_request(OURS, GenerationRequest("small", "1K", "1:1", images=asked))
    assert fitted.images == given and notices == ()


def test_an_unknown_model_is_refused() -> None:
    with pytest.raises(KeyError):
        fit_request(OURS, GenerationRequest("no-such-model"))


def test_what_is_fitted_is_always_a_request_that_can_be_quoted() -> None:
    for model in OURS.models:
        for tier in ("1K", "2K", "3K", "4K"):
            fitted, _ = fit_request(OURS, GenerationRequest(model.id, tier, "5:4", images=9))
            assert availability(model, fitted.resolution, fitted.aspect_ratio) == ""
            assert fitted.model_id == model.id and fitted.images == OURS.images_max


def test_check_is_the_last_word_on_what_fit_returns() -> None:
    broken = replace(OURS, images_min=5, images_max=4)  # no count fits
    with pytest.raises(QuoteError):
        fit_request(broken, GenerationRequest("small", "1K"))


def test_a_tier_at_the_maximum_that_the_page_does_not_price_is_not_named_not_beyond() -> None:
    up_to_4k = replace(SMALL, max_resolution="4K")  # priced at 1K and 2K only
    assert tier_refusal(up_to_4k, "4K") == "ImagineArt's page names no 4K option for Small"


#: Two models an override adds: one priced only at 2K and 4K, one without a 1:1 ratio.
ADDED = load_override(
    bundled_files(),
    """
models:
  - id: wide-only
    name: Wide Only
    description: A model with no square ratio.
    price: 10
    max_resolution: 1K
    aspect_ratios: ["16:9", "9:16"]
  - id: high-only
    name: High Only
    description: A model priced from 2K up.
    price: {2K: 20, 4K: 40}
    max_resolution: 4K
    aspect_ratios: ["1:1"]
""",
    "override.yaml",
)


@pytest.mark.parametrize(
    ("model", "tier", "why"),
    [
        ("nano-banana-2", "4K", None),
        ("nano-banana-2", "3K", TierNotNamed("Nano Banana 2", "3K")),  # priced per tier, no 3K
        ("flux-2-pro", "3K", AboveMaximum("Flux 2 Pro", "2K")),  # "Up to 2K"
        ("flux-2-pro", "4K", AboveMaximum("Flux 2 Pro", "2K")),
        ("seedream-v5-lite", "3K", None),  # "Up to 3K": the one model the page gives 3K
        ("seedream-v5-lite", "4K", AboveMaximum("Seedream v5 Lite", "3K")),
        ("z-image-turbo", "4K", None),  # "See tooltip": 1K, 2K and 4K
        ("z-image-turbo", "3K", TierNotNamed("Z Image Turbo", "3K")),
    ],
)
def test_a_tier_is_offered_or_refused_with_the_reason_the_page_gives(
    model: str, tier: str, why: NotAvailable | None
) -> None:
    assert choices.tier_refusal(CATALOG.model(model), tier) == why


def test_a_ratio_is_checked_once_the_tier_is_offered() -> None:
    chatgpt = CATALOG.model("chatgpt")  # "Up to 1K", ratios 1:1, 2:3, 3:2
    assert choices.availability(chatgpt, "1K", "3:2") is None
    assert choices.availability(chatgpt, "1K", None) is None
    assert choices.availability(chatgpt, "1K", "16:9") == RatioNotOffered("ChatGPT", "16:9")
    assert choices.availability(chatgpt, "2K", "16:9") == AboveMaximum("ChatGPT", "1K")  # the tier first


@pytest.mark.parametrize(
    ("model", "asked", "used", "why"),
    [
        ("flux-2-pro", "4K", "2K", AboveMaximum("Flux 2 Pro", "2K")),
        ("nano-banana-2", "3K", "2K", TierNotNamed("Nano Banana 2", "3K")),  # the highest below
        ("seedream-v5-lite", "4K", "3K", AboveMaximum("Seedream v5 Lite", "3K")),
    ],
)
def test_a_tier_the_model_lacks_falls_back_to_the_highest_below_it(
    model: str, asked: str, used: str, why: NotAvailable
) -> None:
    fitted, notices = choices.fit_request(CATALOG, GenerationRequest(model, asked, "1:1"))
    assert fitted.resolution == used
    assert notices == (Fitted(why, used),)


def test_a_model_priced_only_above_the_tier_asked_goes_up_to_its_lowest() -> None:
    fitted, notices = choices.fit_request(ADDED, GenerationRequest("high-only", "1K"))
    assert fitted.resolution == "2K"
    assert notices == (Fitted(TierNotNamed("High Only", "1K"), "2K"),)


def test_a_ratio_the_model_lacks_falls_back_to_square_else_its_first() -> None:
    fitted, notices = choices.fit_request(CATALOG, GenerationRequest("chatgpt", "1K", "21:9"))
    assert fitted.aspect_ratio == PREFERRED_RATIO == "1:1"
    assert notices == (Fitted(RatioNotOffered("ChatGPT", "21:9"), "1:1"),)
    fitted, notices = choices.fit_request(ADDED, GenerationRequest("wide-only", "1K", "1:1"))
    assert fitted.aspect_ratio == "16:9"
    assert notices == (Fitted(RatioNotOffered("Wide Only", "1:1"), "16:9"),)


def test_no_ratio_chosen_yet_takes_the_fallback_without_a_notice() -> None:
    fitted, notices = choices.fit_request(ADDED, GenerationRequest("wide-only"))
    assert fitted.aspect_ratio == "16:9" and notices == ()


@pytest.mark.parametrize(("asked", "used"), [(0, 1), (-3, 1), (9, 4), (4, 4)])
def test_the_image_count_is_kept_within_the_catalogs_bounds(asked: int, used: int) -> None:
    fitted, notices = choices.fit_request(CATALOG, GenerationRequest("nano-banana-2", images=asked))
    assert fitted.images == used and notices == ()


def test_settings_that_fit_come_back_as_they_were_with_a_missing_ratio_filled_in() -> None:
    asked = GenerationRequest("nano-banana-2", "4K", "21:9", 3, True)
    assert choices.fit_request(CATALOG, asked) == (asked, ())
    unset = GenerationRequest("nano-banana-2", "4K", None, 3, True)
    assert choices.fit_request(CATALOG, unset) == (
        GenerationRequest("nano-banana-2", "4K", "1:1", 3, True),
        (),
    )
