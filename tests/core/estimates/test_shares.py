"""Each subtotal's share: its known credits over the estimate's, and how far that holds for the
share of the real total (exactly, at most, or not at all)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.budget import Bound
from imagine_calc.core.estimates.estimate import (
    Estimate,
    GenerationItem,
    PricedEstimate,
    UpscaleItem,
    price_estimate,
)
from imagine_calc.core.estimates.shares import subtotal_shares
from imagine_calc.core.pricing.requests import GenerationRequest

CATALOG = load_catalog()


def estimate(*items: GenerationItem | UpscaleItem) -> PricedEstimate:
    return price_estimate(CATALOG, Estimate(items))


def gen(model: str, resolution: str = "1K", count: int = 1) -> GenerationItem:
    return GenerationItem(GenerationRequest(model, resolution), count)


def test_shares_of_an_exact_estimate_are_exact_and_add_up_to_the_whole() -> None:
    shares = subtotal_shares(
        estimate(gen("nano-banana-pro", "4K"), gen("flux-dev", count=8), gen("flux-dev"))
    )
    assert [(s.key, s.of_known, s.bound, s.open) for s in shares] == [
        ("Nano Banana Pro", D(160) / D(205), Bound.EXACT, False),
        ("Flux Dev", D(45) / D(205), Bound.EXACT, False),
    ]
    assert sum(s.of_known for s in shares) == 1
    assert shares[0].fraction == pytest.approx(160 / 205)


def test_unknown_prices_elsewhere_make_a_known_subtotal_at_most_its_share() -> None:
    shares = subtotal_shares(estimate(gen("flux-dev", count=100), gen("flux-2-pro", "2K")))
    flux, pro = shares
    assert (flux.bound, flux.open) == (Bound.AT_MOST, False)
    assert flux.of_known == D(500) / D(528)
    # Its own 2K price is not published: a lower bound, with no share of the total to tell.
    assert (pro.bound, pro.open) == (None, True)
    assert pro.of_known == D(28) / D(528)


def test_a_subtotal_with_no_known_credits_has_no_bar_length_and_an_open_end() -> None:
    (mj, flux) = subtotal_shares(estimate(gen("midjourney-v7"), gen("flux-dev")))
    assert (mj.of_known, mj.fraction, mj.open, mj.bound) == (0, 0.0, True, None)
    assert flux.of_known == 1 and flux.bound is Bound.AT_MOST
    (alone,) = subtotal_shares(estimate(gen("midjourney-v7")))
    assert alone.of_known == 0  # nothing known at all: no division by zero


def test_by_kind_and_an_inferred_price_reads_as_about() -> None:
    topaz = UpscaleItem("topaz", 2, ((1920, 1080),))
    gen_share, up_share = subtotal_shares(estimate(gen("flux-dev"), topaz), "kind")
    assert (gen_share.key, up_share.key) == ("generation", "upscale")
    assert up_share.estimated and gen_share.estimated  # the total rests on Topaz's inferred cost
    assert not subtotal_shares(estimate(gen("flux-dev")))[0].estimated
