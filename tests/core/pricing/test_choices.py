"""What a model offers: why a tier or ratio is not offered (beyond its maximum, or not named by the
page), and how settings a model lacks fall back to the nearest it has, saying so."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing import choices
from imagine_calc.core.pricing.findings import NotAvailable
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
