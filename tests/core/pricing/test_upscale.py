"""Upscale totals: the running total of many images is exactly the sum of their own quotes, an
image the engine cannot take is left out with the reason its own quote gives, and a batch says
which image failed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing.quotes import QuoteState, sum_quotes
from imagine_calc.core.pricing.upscale import (
    UpscaleTotal,
    cheaper_upscale,
    cheapest_upscale,
    is_small_estimate,
    named_example,
    output_size,
    quote_upscale,
    quote_upscale_batch,
)
from imagine_calc.core.text.sizes import size_limit_words
from tests.words import caveats, detail

CATALOG = load_catalog()
# The bundled engines take any size; one that takes up to 4 MP shows the refusal.
LIMITED = replace(
    CATALOG,
    engines=tuple(
        replace(e, max_input_megapixels=Decimal(4)) if e.id == "topaz" else e for e in CATALOG.engines
    ),
)
sides = st.integers(min_value=-2, max_value=30_000)


@settings(max_examples=150, deadline=None)
@given(
    sizes=st.lists(st.tuples(sides, sides), max_size=40),
    engine_scale=st.sampled_from([("topaz", 2), ("topaz", 4), ("magnific", 2), ("magnific", 16)]),
    catalog=st.sampled_from([CATALOG, LIMITED]),
)
def test_a_running_total_is_the_sum_of_each_images_own_quote(
    sizes: list[tuple[int, int]], engine_scale: tuple[str, int], catalog: Catalog
) -> None:
    engine, scale = engine_scale
    total = UpscaleTotal(catalog, engine, scale)
    own, quoted = [], []
    for w, h in sizes:
        reason = total.add(w, h)
        try:
            quote = quote_upscale(catalog, engine, scale, w, h)
        except QuoteError as exc:
            assert reason == str(exc)  # left out, for the reason its own quote gives
            continue
        assert reason == ""
        own.append(quote)
        quoted.append((w, h))
    expected = sum_quotes(own)
    got = total.quote()
    assert total.images == len(own)
    assert got.known_total == expected.known_total  # exactly, not approximately
    if not own:
        assert got.state is QuoteState.EXACT and got.caveats == ()
        return
    assert got.state == expected.state
    # Every caveat of the images, once; the size caveat once, for the largest output.
    largest = max(quoted, key=lambda s: s[0] * s[1])
    size = size_limit_words(output_size(*largest, scale), named_example(catalog), batch=len(own) > 1)
    assert caveats(got)[-1] == size
    mine = {
        size_limit_words(output_size(w, h, scale), named_example(catalog), batch=False) for w, h in quoted
    }
    assert caveats(got)[:-1] == [c for c in caveats(expected) if c not in mine]
    assert total.may_cost_more() == any(is_small_estimate(q) for q in own)


def test_one_image_reads_as_its_own_quote_and_a_batch_says_how_many() -> None:
    total = UpscaleTotal(CATALOG, "topaz", 2)
    total.add(1920, 1080)
    assert detail(total.quote().lines[0]).endswith("2.0736 MP × 1")
    total.add(1000, 1000)
    assert "MP in 2 images" in detail(total.quote().lines[0])


def test_an_image_over_the_engines_limit_is_refused_in_the_words_of_its_own_quote() -> None:
    total = UpscaleTotal(LIMITED, "topaz", 2)
    assert total.add(3000, 2000) == "Topaz takes images up to 4 MP; this one is 6 MP"
    assert total.add(0, 10) == "an image of 0 × 10 pixels has no area"
    assert total.images == 0 and total.quote().known_total == 0
    with pytest.raises(QuoteError, match=r"this one is 6 MP \(in a batch of 2\)"):
        quote_upscale_batch(LIMITED, "topaz", 2, [(100, 100), (3000, 2000)])


def test_a_tiny_image_is_flagged_as_possibly_costing_more() -> None:
    total = UpscaleTotal(CATALOG, "topaz", 2)
    total.add(4000, 3000)
    assert not total.may_cost_more()
    total.add(16, 16)  # a fraction of a credit by the inferred formula
    assert total.may_cost_more()
    fixed = UpscaleTotal(CATALOG, "magnific", 2)
    fixed.add(16, 16)
    assert not fixed.may_cost_more()  # a stated fixed price


def test_every_upscale_says_no_size_limit_is_stated_calmly_unless_the_output_is_vast() -> None:
    photo = quote_upscale(CATALOG, "topaz", 2, 4032, 3024)  # a phone photo at 2×
    assert caveats(photo)[-1] == (
        "No source states a size limit for upscaling; the page's only example is a 1920 × 1080 image at 2×."
    )
    scan = quote_upscale(CATALOG, "magnific", 16, 12000, 9000)  # a 108 MP scan at 16×
    assert caveats(scan)[-1].startswith("This output is 192000 × 144000 pixels (27,648 MP), 3,333 times")
    assert "check that ImagineArt accepts it" in caveats(scan)[-1]
    batch = quote_upscale_batch(CATALOG, "magnific", 16, [(100, 100), (12000, 9000), (50, 50)])
    assert [c for c in caveats(batch) if "size limit" in c] == [
        caveats(scan)[-1].replace("This output", "The largest output here")
    ]


def test_an_empty_total_is_no_small_estimate() -> None:
    assert not UpscaleTotal(CATALOG, "topaz", 2).may_cost_more()


@pytest.mark.parametrize(
    ("width", "height", "small"), [(200, 200, True), (250, 200, False), (300, 200, False)]
)
def test_only_an_inferred_figure_under_one_credit_may_cost_more(width: int, height: int, small: bool) -> None:
    quote = quote_upscale(CATALOG, "topaz", 2, width, height)  # 20 credits per megapixel at 2×
    assert quote.known_total == Decimal(20 * width * height) / 1_000_000
    assert is_small_estimate(quote) is small


def test_the_cheapest_engine_is_the_one_with_the_fewest_credits_for_this_image() -> None:
    engine, quote = cheapest_upscale(CATALOG, 2, 1920, 1080) or (None, None)
    assert engine is not None and engine.id == "topaz"  # about 41 against Magnific's 65
    assert quote == quote_upscale(CATALOG, "topaz", 2, 1920, 1080)
    engine, quote = cheapest_upscale(CATALOG, 2, 4000, 3000) or (None, None)
    assert engine is not None and engine.id == "magnific"  # 240 against 65
    assert quote == quote_upscale(CATALOG, "magnific", 2, 4000, 3000)


def test_at_a_scale_only_one_engine_offers_that_engine_is_the_cheapest() -> None:
    found = cheapest_upscale(CATALOG, 8, 1920, 1080)
    assert found is not None and found[0].id == "magnific"
    assert cheapest_upscale(CATALOG, 3, 1920, 1080) is None  # no engine offers 3×


def test_at_equal_credits_the_first_engine_listed_stays_the_cheapest() -> None:
    found = cheapest_upscale(CATALOG, 2, 2500, 1300)  # 3.25 MP: Topaz's 20 × 3.25 = Magnific's 65
    assert found is not None and found[0].id == "topaz" and found[1].known_total == 65


def test_an_engine_that_refuses_the_image_or_cannot_price_it_is_passed_over() -> None:
    found = cheapest_upscale(LIMITED, 2, 1920, 1080 * 3)  # 6.2 MP: over the limited Topaz's 4
    assert found is not None and found[0].id == "magnific"
    unpriced = replace(
        CATALOG,
        engines=tuple(
            replace(e, base_credits_per_megapixel=None) if e.id == "topaz" else e for e in CATALOG.engines
        ),
    )
    found = cheapest_upscale(unpriced, 2, 100, 100)  # Topaz's unknown figure is no bargain
    assert found is not None and found[0].id == "magnific"
    only_unpriced = replace(unpriced, engines=tuple(e for e in unpriced.engines if e.id == "topaz"))
    assert cheapest_upscale(only_unpriced, 2, 100, 100) is None


def test_a_cheaper_engine_is_offered_only_when_it_is_another_and_costs_less() -> None:
    magnific = quote_upscale(CATALOG, "magnific", 2, 1920, 1080)
    found = cheaper_upscale(CATALOG, "magnific", 2, 1920, 1080, magnific)
    assert found is not None and found[0].id == "topaz" and found[1].known_total < magnific.known_total
    topaz = quote_upscale(CATALOG, "topaz", 2, 1920, 1080)
    assert cheaper_upscale(CATALOG, "topaz", 2, 1920, 1080, topaz) is None  # already the cheapest
    # a quote no dearer than the cheapest engine's (a recorded price, say) needs no other engine
    assert cheaper_upscale(CATALOG, "magnific", 2, 1920, 1080, topaz) is None
    assert cheaper_upscale(CATALOG, "magnific", 3, 1920, 1080, magnific) is None
