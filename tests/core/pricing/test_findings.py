"""What pricing found, as data: each kind of line, each way its figure was found, each part not
known and each caveat is a record holding the figures and names a sentence needs, as the
catalog gives them; core/text words them. Equal findings are equal records, so a total of many
quotes keeps each one once."""

from __future__ import annotations

from decimal import Decimal as D

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.pricing.findings import (
    BaseOnlyAbove,
    BasePriceReach,
    EnhancerLabel,
    EnhancerNotPublished,
    FixedPrice,
    GenerationLabel,
    InferredBaseCost,
    MaxResolutionUnknown,
    NoSizeLimitStated,
    PerMegapixel,
    PriceKind,
    PriceNotPublished,
    SurchargeUnknown,
    Times,
    UpscaleLabel,
)
from imagine_calc.core.pricing.quotes import Quote, quote_generation, sum_quotes
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale

CATALOG = load_catalog()
#: The page's one upscale example, as the catalog keeps it beside Topaz.
EXAMPLE = CATALOG.engine("topaz").example


def quote(model: str, resolution: str = "1K", ratio: str | None = None, images: int = 1, **kw: bool) -> Quote:
    return quote_generation(CATALOG, GenerationRequest(model, resolution, ratio, images, **kw))


def test_a_stated_price_per_tier_is_found_as_images_times_that_price() -> None:
    q = quote("nano-banana-2", "2K", "16:9", 2)  # the page: 73.5 at 2K
    assert q.lines[0].label == GenerationLabel("Nano Banana 2", "2K", "16:9")
    assert q.lines[0].detail == Times(2, D("73.5"))
    assert q.unknown_reasons == () and q.caveats == ()


def test_a_base_price_is_exact_at_1k_with_the_pages_caveat_and_only_the_least_above() -> None:
    at_1k = quote("flux-2-pro")  # the page: 28, up to 2K
    assert at_1k.lines[0].detail == Times(1, D(28), PriceKind.BASE)
    assert at_1k.caveats == (BasePriceReach(),) and at_1k.unknown_reasons == ()
    at_2k = quote("flux-2-pro", "2K", images=3)
    assert at_2k.lines[0].detail == Times(3, D(28), PriceKind.BASE_LOWER, "2K")
    assert at_2k.unknown_reasons == (BaseOnlyAbove("Flux 2 Pro", D(28), "2K"),)


def test_a_price_not_published_keeps_the_catalogs_own_reason() -> None:
    q = quote("midjourney-v7")
    assert q.lines[0].detail == Times(1, None)
    assert q.unknown_reasons == (
        PriceNotPublished("Midjourney V7", CATALOG.model("midjourney-v7").unknown["price"]),
    )


def test_an_unpublished_surcharge_is_a_line_of_its_own_and_a_part_not_known() -> None:
    q = quote("nano-banana-2", prompt_enhancer=True)
    enhancer = q.lines[1]
    assert (enhancer.label, enhancer.detail, enhancer.credits) == (
        EnhancerLabel("Prompt enhancer"),
        SurchargeUnknown(),
        None,
    )
    assert q.unknown_reasons == (
        EnhancerNotPublished("Prompt enhancer", CATALOG.prompt_enhancer.unknown["surcharge"]),
    )


def test_a_resolution_above_1k_of_a_model_whose_maximum_is_not_published_is_a_caveat() -> None:
    q = quote("recraft-v4", "4K")  # "See tooltip" for the maximum
    assert MaxResolutionUnknown("Recraft v4", "4K") in q.caveats
    assert not any(isinstance(c, MaxResolutionUnknown) for c in quote("recraft-v4").caveats)


def test_upscales_are_found_per_megapixel_or_at_a_fixed_price() -> None:
    topaz = quote_upscale(CATALOG, "topaz", 4, 2000, 1500)  # 3 MP; the page: 4× = base × MP × 3
    assert topaz.lines[0].label == UpscaleLabel("Topaz", 4)
    assert topaz.lines[0].detail == PerMegapixel(D(20), D(3), 1, D(3))
    assert topaz.caveats == (
        InferredBaseCost("Topaz", D(20)),
        NoSizeLimitStated((8000, 6000), EXAMPLE, batch=False),
    )
    magnific = quote_upscale(CATALOG, "magnific", 8, 2000, 1500)  # the page: 8×: 520
    assert magnific.lines[0].detail == FixedPrice(1, D(520))
    assert magnific.caveats == (NoSizeLimitStated((16000, 12000), EXAMPLE, batch=False),)


def test_equal_findings_are_equal_records_so_a_total_keeps_each_once() -> None:
    both = sum_quotes([quote("flux-dev"), quote("z-image-turbo"), quote("flux-2-pro", "2K")])
    assert both.caveats == (BasePriceReach(),)
    assert both.unknown_reasons == (BaseOnlyAbove("Flux 2 Pro", D(28), "2K"),)


def test_a_name_from_an_override_is_kept_exactly_as_written() -> None:
    name = "Über <b>Model</b> \u202e 4×"
    catalog = load_override(
        bundled_files(),
        f"""
models:
  - id: mine
    name: "{name}"
    description: d
    price: null
    max_resolution: 1K
    aspect_ratios: ["1:1"]
    unknown:
      price: Not on any page yet.
""",
        "override.yaml",
    )
    q = quote_generation(catalog, GenerationRequest("mine"))
    assert q.lines[0].label == GenerationLabel(name, "1K")
    assert q.unknown_reasons == (PriceNotPublished(name, "Not on any page yet."),)
