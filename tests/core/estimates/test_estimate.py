"""Estimates: line totals are one run times the count, unknowns carried to every total."""

from __future__ import annotations

import os
from decimal import Decimal

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.catalog.records import Basis
from imagine_calc.core.estimates.estimate import (
    Estimate,
    GenerationItem,
    UpscaleItem,
    count_error,
    price_estimate,
    price_item,
)
from imagine_calc.core.pricing.findings import (
    BatchOf,
    EngineGone,
    ImageRefused,
    ModelGone,
    UnpriceableLabel,
    UpscaleLabel,
)
from imagine_calc.core.pricing.quotes import Line, Quote, QuoteState, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale, quote_upscale_batch
from imagine_calc.core.text.estimates import description, settings, what
from imagine_calc.core.text.quotes import long as total_text
from tests.seed_table import SEED_MODELS
from tests.words import unknowns

CATALOG = load_catalog()


def gen(model: str, tier: str = "1K", images: int = 1, count: int = 1, label: str = "") -> GenerationItem:
    return GenerationItem(GenerationRequest(model, tier, None, images), count, label)


def test_a_line_costs_one_generation_times_its_count() -> None:
    priced = price_estimate(CATALOG, Estimate((gen("nano-banana-pro", "4K", images=4, count=20),)))
    one = quote_generation(CATALOG, GenerationRequest("nano-banana-pro", "4K", None, 4))
    assert priced.items[0].unit.total == one.total == Decimal(640)
    assert priced.items[0].quote.total == Decimal(12800)
    assert priced.total.total == Decimal(12800)


def test_campaign_total_adds_generation_and_upscale_lines_exactly() -> None:
    estimate = Estimate(
        (
            gen("nano-banana-pro", "4K", images=4, count=20),
            gen("z-image-turbo", images=4, count=15),
            UpscaleItem("topaz", 4, ((1024, 1024),), count=10),
        )
    )
    priced = price_estimate(CATALOG, estimate)
    topaz = quote_upscale(CATALOG, "topaz", 4, 1024, 1024).known_total
    assert priced.total.total == Decimal(12800) + Decimal(300) + topaz * 10
    assert priced.total.estimated  # Topaz's base cost is inferred, so the total says "about"


def test_a_batch_of_files_prices_each_size() -> None:
    item = UpscaleItem("topaz", 2, ((1920, 1080), (1024, 1024)))
    priced = price_estimate(CATALOG, Estimate((item,)))
    expected = sum(quote_upscale(CATALOG, "topaz", 2, w, h).known_total for w, h in item.sizes)
    assert priced.total.known_total == expected
    assert description(priced.items[0]) == "Topaz 2× · 2 images"


def test_a_base_price_above_1k_makes_the_estimate_at_least() -> None:
    base = SEED_MODELS["ImagineArt 1.5 Pro"][0]
    priced = price_estimate(CATALOG, Estimate((gen("imagineart-1-5-pro", "4K", count=4), gen("flux-dev"))))
    assert priced.items[0].quote.known_total == base * 4 and not priced.items[0].quote.complete
    assert priced.total.state is QuoteState.LOWER_BOUND
    assert total_text(priced.total).startswith(f"at least {base * 4 + 5} credits")
    assert any("at 4K" in r for r in unknowns(priced.total))


def test_an_unknown_price_makes_every_total_a_lower_bound() -> None:
    priced = price_estimate(CATALOG, Estimate((gen("flux-dev", count=3), gen("midjourney-v7", count=2))))
    assert priced.items[1].quote.total is None
    assert not priced.total.complete
    assert priced.total.known_total == Decimal(15)
    assert total_text(priced.total) == "at least 15 credits"
    assert any("Midjourney V7" in r for r in unknowns(priced.total))
    by_model = dict(priced.subtotals())
    assert by_model["Flux Dev"].total == Decimal(15)
    assert by_model["Midjourney V7"].total is None


def test_subtotals_group_by_model_and_by_kind_in_order() -> None:
    priced = price_estimate(
        CATALOG,
        Estimate(
            (
                gen("flux-dev", count=2),
                UpscaleItem("magnific", 2, ((800, 600),)),
                gen("nano-banana-2", "2K"),
                gen("flux-dev", images=4),
            )
        ),
    )
    assert [(name, q.total) for name, q in priced.subtotals()] == [
        ("Flux Dev", Decimal(10 + 20)),
        ("Magnific Precision v2", priced.items[1].quote.total),
        ("Nano Banana 2", Decimal("73.5")),
    ]
    kinds = dict(priced.subtotals("kind"))
    assert kinds["generation"].total == Decimal("103.5")
    assert kinds["upscale"].total == priced.items[1].quote.total


def test_an_item_the_catalog_no_longer_offers_stays_with_the_reason() -> None:
    priced = price_estimate(
        CATALOG,
        Estimate((gen("nano-banana", "4K"), gen("retired-model"), UpscaleItem("gone", 2, ((10, 10),)))),
    )
    reasons = [unknowns(p.quote) for p in priced.items]
    assert "Nano Banana does not offer 4K" in reasons[0][0]
    assert "no model 'retired-model'" in reasons[1][0]
    assert "no upscale engine 'gone'" in reasons[2][0]
    assert len(priced.items) == 3 and not priced.total.complete


def test_pro_lines_are_marked_as_needing_a_subscription() -> None:
    priced = price_estimate(CATALOG, Estimate((gen("nano-banana-pro", count=2), gen("flux-dev"))))
    assert [p.needs_subscription for p in priced.items] == [True, False]
    assert priced.credits_needing_subscription() == Decimal(160)


def test_pro_flag_is_in_the_catalog_and_says_it_is_inferred() -> None:
    pro = [m for m in CATALOG.models if m.requires_subscription]
    assert {m.name for m in pro} == {m.name for m in CATALOG.models if " Pro" in m.name}
    assert all("inferred" in m.inferred["requires_subscription"].lower() for m in pro)


def test_override_can_mark_a_model_as_needing_a_subscription() -> None:
    text = "models:\n  - id: flux-dev\n    requires_subscription: true\n"
    catalog = load_override(bundled_files(), text, "override.yaml")
    assert catalog.model("flux-dev").requires_subscription


def test_counts_must_be_whole_and_sensible() -> None:
    assert count_error(1) is None and count_error(100_000) is None
    assert count_error(0) and count_error(100_001) and count_error(True) and count_error(2.0)


def test_a_count_edit_reuses_the_one_run_price_and_a_settings_edit_does_not() -> None:
    from dataclasses import replace

    from imagine_calc.core.estimates.estimate import price_item, repriced

    batch = UpscaleItem("topaz", 2, ((4000, 3000),) * 5000 + ((1920, 1080),))
    old = price_item(CATALOG, batch)
    more = repriced(CATALOG, old, replace(batch, count=3, label="Winners"))
    assert more.unit is old.unit
    assert more.quote.known_total == old.quote.known_total * 3 and more.label == "Winners"
    assigned = repriced(CATALOG, old, replace(batch, member="Eli"))
    assert assigned.unit is old.unit and assigned.item.member == "Eli"
    other_scale = repriced(CATALOG, old, replace(batch, scale=4))
    assert other_scale.quote.known_total == price_item(CATALOG, replace(batch, scale=4)).quote.known_total
    assert other_scale.quote.known_total != old.quote.known_total


def test_a_line_labelled_by_its_model_does_not_name_the_model_twice() -> None:
    req = GenerationRequest("nano-banana-2", "2K", "16:9", 4, False)
    default = price_item(CATALOG, GenerationItem(req, 1, "Nano Banana 2"))
    own = price_item(CATALOG, GenerationItem(req, 1, "Hero images"))
    assert (default.label, what(default)) == ("Nano Banana 2", "2K · 16:9 · 4 images")
    assert (own.label, what(own)) == ("Hero images", "Nano Banana 2 · 2K · 16:9 · 4 images")
    upscale = price_item(CATALOG, UpscaleItem("topaz", 4, ((1024, 1024),), 1, ""))
    assert (upscale.label, what(upscale)) == ("Topaz", "4× · 1024 × 1024")


def test_a_name_that_was_not_utf8_is_made_readable_however_the_line_is_made() -> None:
    """A file name with bytes that are not UTF-8 arrives with lone surrogates: every record
    shows them as U+FFFD from the moment it is made, so nothing later can fail on them."""
    from dataclasses import replace

    name = os.fsdecode(b"photo-\xff\xfe.heic")
    assert name != "photo-\ufffd\ufffd.heic"  # the surrogates the name arrives with
    upscale = UpscaleItem("topaz", 2, ((1024, 768),), 1, name)
    generation = gen("flux-dev", label="hero \ud800")
    assert upscale.label == "photo-\ufffd\ufffd.heic"
    assert generation.label == "hero \ufffd"
    assert replace(generation, label="edited \udcff").label == "edited \ufffd"
    assert Estimate((upscale,), "client \udce9").title == "client \ufffd"
    priced = price_estimate(CATALOG, Estimate((upscale, generation)))
    for p in priced.items:
        p.label.encode("utf-8")  # raised UnicodeEncodeError before


def test_a_line_that_cannot_be_quoted_is_an_unknown_part_with_its_reason() -> None:
    gone = ModelGone("retired-model")
    unit = price_item(CATALOG, gen("retired-model")).unit
    assert unit == Quote(
        (Line(UnpriceableLabel(), None, gone, Basis.UNKNOWN),),
        Decimal(0),
        (gone,),
        (),
        frozenset({Basis.UNKNOWN}),
    )


def test_a_batch_with_an_image_the_engine_cannot_take_is_one_line_of_unknown_total() -> None:
    topaz = price_item(CATALOG, UpscaleItem("topaz", 2, ((1920, 1080), (0, 10), (1024, 1024))))
    assert topaz.unit.lines == (Line(UpscaleLabel("Topaz", 2), None, BatchOf(3), Basis.INFERRED),)
    assert topaz.unit.known_total == sum(
        quote_upscale(CATALOG, "topaz", 2, w, h).known_total for w, h in ((1920, 1080), (1024, 1024))
    )
    (refused,) = topaz.unit.unknown_reasons
    assert isinstance(refused, ImageRefused) and (refused.engine, refused.scale) == ("Topaz", 2)
    magnific = price_item(CATALOG, UpscaleItem("magnific", 4, ((800, 600), (10, 0))))
    assert magnific.unit.lines == (
        Line(UpscaleLabel("Magnific Precision v2", 4), None, BatchOf(2), Basis.STATED),
    )


def test_an_upscale_line_is_described_by_its_engine_scale_and_sizes() -> None:
    one = price_item(CATALOG, UpscaleItem("topaz", 2, ((1920, 1080),)))
    same = price_item(CATALOG, UpscaleItem("topaz", 2, ((1920, 1080),) * 3))
    mixed = price_item(CATALOG, UpscaleItem("topaz", 4, ((1920, 1080), (800, 600))))
    assert (description(one), settings(one), one.group) == (
        "Topaz 2× · 1920 × 1080",
        "2× · 1920 × 1080",
        "Topaz",
    )
    assert (description(same), settings(same), same.group) == (
        "Topaz 2× · 3 images of 1920 × 1080",
        "2× · 3 images of 1920 × 1080",
        "Topaz",
    )
    assert (description(mixed), settings(mixed), mixed.group) == (
        "Topaz 4× · 2 images",
        "4× · 2 images",
        "Topaz",
    )


def test_an_upscale_line_is_the_engines_own_quote_for_one_image_or_the_batch() -> None:
    one = price_item(CATALOG, UpscaleItem("topaz", 2, ((1920, 1080),), count=3))
    assert one.unit == quote_upscale(CATALOG, "topaz", 2, 1920, 1080)
    assert one.quote.known_total == 3 * one.unit.known_total
    sizes = ((1920, 1080), (800, 600))
    two = price_item(CATALOG, UpscaleItem("topaz", 2, sizes))
    assert two.unit == quote_upscale_batch(CATALOG, "topaz", 2, sizes)


def test_a_batch_for_an_engine_no_longer_offered_is_one_unknown_line() -> None:
    gone = price_item(CATALOG, UpscaleItem("gone", 2, ((10, 10), (20, 20))))
    assert gone.unit.unknown_reasons == (EngineGone("gone"),)
    assert gone.unit.known_total == 0 and gone.group == "gone"
