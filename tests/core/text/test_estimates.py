"""Words for an estimate's lines: what each is, its settings, what the table's "What" column
shows beside the label, subtotal names, what re-pricing changed, and a line's tooltip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import (
    Estimate,
    GenerationItem,
    PricedItem,
    UpscaleItem,
    price_estimate,
    price_item,
)
from imagine_calc.core.estimates.estimate_file import PriceChange, SavedEstimate, SavedPrice
from imagine_calc.core.estimates.shares import subtotal_shares
from imagine_calc.core.numbers import NumberStyle
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.estimates import (
    change_words,
    description,
    line_tooltip,
    percent,
    repriced_words,
    settings,
    share_words,
    subtotal_name,
    what,
)

CATALOG = load_catalog()
#: The prices in use, as a re-priced estimate names them: "2026.11.1 of 2026-11-26".
IN_USE = f"{CATALOG.version} of {CATALOG.as_of.isoformat()}"
#: 20 generations of four 4K images of Nano Banana Pro: the page's 160 at 4K, × 4 × 20 = 12,800.
HERO = GenerationItem(GenerationRequest("nano-banana-pro", "4K", "16:9", 4), 20, "Hero images")


def priced(item: GenerationItem | UpscaleItem) -> PricedItem:
    return price_item(CATALOG, item)


def test_a_generation_line_is_its_model_and_settings() -> None:
    hero = priced(HERO)
    assert description(hero) == "Nano Banana Pro · 4K · 16:9 · 4 images"
    assert settings(hero) == "4K · 16:9 · 4 images"
    enhanced = priced(GenerationItem(GenerationRequest("flux-dev", prompt_enhancer=True)))
    assert settings(enhanced) == "1K · 1 image · prompt enhancer"


@pytest.mark.parametrize(
    ("sizes", "said"),
    [
        (((1024, 1024),), "Topaz 4× · 1024 × 1024"),
        (((2048, 2048),) * 12, "Topaz 4× · 12 images of 2048 × 2048"),
        (((2048, 2048), (1920, 1080), (2048, 2048)), "Topaz 4× · 3 images"),
    ],
)
def test_an_upscale_line_is_its_engine_scale_and_images(
    sizes: tuple[tuple[int, int], ...], said: str
) -> None:
    line = priced(UpscaleItem("topaz", 4, sizes))
    assert description(line) == said
    assert settings(line) == said.removeprefix("Topaz ")


def test_the_what_column_leaves_out_the_name_the_label_already_gives() -> None:
    unlabelled = priced(GenerationItem(GenerationRequest("nano-banana-pro", "4K", "16:9", 4)))
    assert unlabelled.label == "Nano Banana Pro"
    assert what(unlabelled) == "4K · 16:9 · 4 images"
    assert what(priced(HERO)) == "Nano Banana Pro · 4K · 16:9 · 4 images"


def test_a_subtotal_by_kind_is_named_in_words_and_by_group_by_its_name() -> None:
    assert subtotal_name("generation", "kind") == "Generation"
    assert subtotal_name("upscale", "kind") == "Upscale"
    assert subtotal_name("Magnific Precision v2", "group") == "Magnific Precision v2"
    assert subtotal_name("generation", "group") == "generation"  # a model could be called that


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (
            SavedPrice(D(11200), True),
            SavedPrice(D(12800), True),
            "Hero images: 11,200 credits → 12,800 credits",
        ),
        (SavedPrice(D(0), False), SavedPrice(D(30), True), "Hero images: unknown → 30 credits"),
        (
            SavedPrice(D(500), True),
            SavedPrice(D(500), False),
            "Hero images: still 500 credits, now known only as the least it costs (at least 500 credits)",
        ),
        (
            SavedPrice(D(500), False),
            SavedPrice(D(500), True),
            "Hero images: at least 500 credits is now known exactly (500 credits)",
        ),
    ],
)
def test_a_price_change_says_the_new_figure_or_how_surely_it_is_known(
    before: SavedPrice, after: SavedPrice, said: str
) -> None:
    assert change_words(PriceChange("Hero images", before, after)) == said


def test_reopening_with_other_prices_leads_with_both_versions_then_each_change() -> None:
    estimate = Estimate((HERO,))
    now = price_estimate(CATALOG, estimate)
    saved = SavedEstimate(estimate, "2026.10.1", dt.date(2026, 10, 1), (SavedPrice(D(11200), True),))
    assert repriced_words(saved, now, CATALOG) == [
        f"Saved with prices 2026.10.1 of 2026-10-01; re-priced with {IN_USE}.",
        "Hero images: 11,200 credits → 12,800 credits",
    ]
    undated = SavedEstimate(estimate, "2026.10.1", None, (SavedPrice(D(11200), True),))
    assert (
        repriced_words(undated, now, CATALOG)[0] == f"Saved with prices 2026.10.1; re-priced with {IN_USE}."
    )


def test_reopening_with_the_same_prices_or_the_same_version_says_no_more_than_changed() -> None:
    estimate = Estimate((HERO,))
    now = price_estimate(CATALOG, estimate)
    same = SavedEstimate(estimate, "2026.10.1", None, (SavedPrice(D(12800), True),))
    assert repriced_words(same, now, CATALOG) == []
    edited = SavedEstimate(estimate, CATALOG.version, CATALOG.as_of, (SavedPrice(D(11200), True),))
    assert repriced_words(edited, now, CATALOG) == ["Hero images: 11,200 credits → 12,800 credits"]


def test_a_lines_tooltip_has_the_breakdown_the_count_every_digit_and_the_plan_it_needs() -> None:
    assert line_tooltip(priced(HERO)).splitlines() == [
        "Nano Banana Pro · 4K · 16:9 · 4 images",
        "Nano Banana Pro, 4K, 16:9: 640 (4 × 160)",
        "× 20 = 12,800 credits",
        "Unrounded: 12,800 credits",
        "Pro model: needs a subscription (inferred from the name).",
    ]


def test_a_tooltip_of_one_run_with_an_unknown_part_says_what_is_not_known() -> None:
    said = line_tooltip(priced(GenerationItem(GenerationRequest("midjourney-v7")))).splitlines()
    assert said[0] == "Midjourney V7 · 1K · 1 image"
    assert said[1] == "Midjourney V7, 1K: unknown (1 × unknown)"
    # no "× 1" line for a count of one, and no unrounded figure of nothing known
    assert said[2].startswith("Not known: Midjourney V7: ")
    assert not any("Pro model" in line for line in said)


@pytest.mark.parametrize(
    ("share", "said"),
    [
        (D("0.85106"), "85%"),
        (D("0.046"), "4.6%"),
        (D("0.0038"), "0.38%"),  # a little is never "0%"
        (D("0.9971"), "more than 99%"),  # nor almost all "100%"
        (D(1), "100%"),
        (D(0), "0%"),
    ],
)
def test_a_share_reads_in_whole_percent_or_two_digits_below_ten(share: D, said: str) -> None:
    assert percent(share) == said


def test_a_share_in_words_keeps_how_surely_it_is_known() -> None:
    catalog = load_catalog()

    def shares(*items: GenerationItem) -> list[str]:
        priced = price_estimate(catalog, Estimate(items))
        return [share_words(s, "group", NumberStyle(point=",")) for s in subtotal_shares(priced)]

    hero, drafts = (
        GenerationItem(GenerationRequest("nano-banana-pro", "4K")),
        GenerationItem(GenerationRequest("flux-dev"), 8),
    )
    assert shares(hero, drafts) == [
        "Nano Banana Pro: 160 credits, 80% of the total",
        "Flux Dev: 40 credits, 20% of the total",
    ]
    unknown = GenerationItem(GenerationRequest("midjourney-v7"))
    lower = GenerationItem(GenerationRequest("flux-2-pro", "2K"))
    assert shares(hero, lower, unknown) == [
        "Nano Banana Pro: 160 credits, at most 85% of the total (some prices are not known)",
        "Flux 2 Pro: at least 28 credits; its share of the total is not known (15% of the credits known)",
        "Midjourney V7: unknown; its share of the total is not known",
    ]
    topaz = UpscaleItem("topaz", 2, ((1000, 1000),))
    by_kind = subtotal_shares(price_estimate(catalog, Estimate((drafts, topaz))), "kind")
    assert [share_words(s, "kind") for s in by_kind] == [
        "Generation: 40 credits, about 67% of the total",
        "Upscale: about 20 credits, about 33% of the total",
    ]


def test_a_re_priced_estimate_writes_its_dates_as_the_style_does() -> None:
    estimate = Estimate((HERO,))
    saved = SavedEstimate(estimate, "2026.10.1", dt.date(2026, 10, 1), (SavedPrice(D(11200), True),))
    dotted = NumberStyle(date=lambda d: d.strftime("%d.%m.%Y"))
    said = repriced_words(saved, price_estimate(CATALOG, estimate), CATALOG, dotted)[0]
    assert said == (
        f"Saved with prices 2026.10.1 of 01.10.2026; re-priced with {CATALOG.version} of "
        f"{CATALOG.as_of.strftime('%d.%m.%Y')}."
    )
