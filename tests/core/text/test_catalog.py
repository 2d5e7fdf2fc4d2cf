"""Words for what the catalog says: a model's prices as the page writes them and how far they
hold, resolutions, a set of settings, how old the prices are, and why a model needs a plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from imagine_calc.core import language
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import NOT_PRO_REASON, PRO_REASON, Observation
from imagine_calc.core.numbers import NumberStyle
from imagine_calc.core.text.catalog import (
    age,
    catalog_name,
    catalog_note,
    described,
    missing_model_words,
    price_summary,
    price_words,
    prices_in_use,
    pro_mark,
    pro_model_words,
    recorded_settings,
    resolution_words,
    saved_settings_words,
    settings_words,
    subscription_reason,
    tiered,
)

CATALOG = load_catalog()


def test_equal_neighbouring_tiers_are_grouped_as_the_page_groups_them() -> None:
    assert tiered({"1K": D(80), "2K": D(80), "4K": D(160)}) == "80 (1K/2K) / 160 (4K)"
    assert tiered({"1K": D(10), "2K": D(20), "4K": D(10)}) == "10 (1K) / 20 (2K) / 10 (4K)"  # not neighbours
    assert tiered({"1K": D(10), "4K": None}) == "10 (1K) / unknown (4K)"


@pytest.mark.parametrize(
    ("model", "summary", "words"),
    [
        # "Up to 4K" with one base price: exact at 1K, at least that above.
        (
            "imagineart-1-5-pro",
            "25",
            "25 per image at 1K, the page's base price; 2K and 4K cost more (not published)",
        ),
        # "Up to 3K": the only model that offers 3K.
        (
            "seedream-v5-lite",
            "20",
            "20 per image at 1K, the page's base price; 2K and 3K cost more (not published)",
        ),
        # "Up to 1K": exact, with the page's caveat on output size.
        ("flux-dev", "5", "5 per image, the page's base price; larger output dimensions cost more"),
        # "See tooltip" for the maximum: 1K, 2K and 4K, the base price the least above 1K.
        (
            "z-image-turbo",
            "5",
            "5 per image at 1K, the page's base price; 2K and 4K cost more (not published)",
        ),
        ("nano-banana-2", "49 (1K) / 73.5 (2K) / 98 (4K)", "49 (1K) / 73.5 (2K) / 98 (4K) per image"),
        ("midjourney-v7", "unknown", "unknown"),
    ],
)
def test_a_models_price_says_how_far_it_holds(model: str, summary: str, words: str) -> None:
    assert price_summary(CATALOG.model(model)) == summary
    assert price_words(CATALOG.model(model)) == words


def test_resolutions_are_listed_where_the_source_lists_them_else_a_maximum() -> None:
    assert resolution_words("4K", ("1K", "2K", "4K")) == "1K, 2K, 4K"
    assert resolution_words("3K", None) == "up to 3K"
    assert resolution_words(None, None) == "max resolution unknown"


def test_settings_read_as_one_line_leaving_out_what_is_not_set() -> None:
    assert settings_words("Nano Banana 2", "2K", "16:9", 4, True) == (
        "Nano Banana 2 · 2K · 16:9 · 4 images · prompt enhancer"
    )
    assert settings_words("", "1K", None, 1, False) == "1K · 1 image"


@pytest.mark.parametrize(
    ("days", "said"),
    [(-1, "dated 1 day ahead of this computer's date"), (2, "2 days old"), (1000, "1,000 days old")],
)
def test_the_age_of_the_prices(days: int, said: str) -> None:
    assert age(days) == said


def test_the_status_bar_says_the_date_the_age_the_override_and_when_prices_may_be_stale() -> None:
    as_of = dt.date(2026, 11, 26)
    assert prices_in_use(as_of, 7, override=False, stale=False) == "Prices as of 2026-11-26 (7 days old)"
    assert prices_in_use(as_of, 46, override=True, stale=True) == (
        "Prices as of 2026-11-26 (46 days old) + your override · may be stale: File > Update prices"
    )


def test_settings_the_prices_in_use_no_longer_allow_are_said() -> None:
    assert saved_settings_words("Flux Dev goes up to 1K: using 1K.") == (
        "Your last settings do not fit the prices in use. Flux Dev goes up to 1K: using 1K."
    )
    assert missing_model_words("my-model", "ImagineArt 2.0") == (
        "The model you last used (my-model) is not in the prices in use: using ImagineArt 2.0."
    )


def test_a_recording_is_named_by_its_models_name_where_the_catalog_knows_it() -> None:
    seen = Observation("nano-banana-2", "2K", "16:9", 1, True, D(75), dt.date(2026, 12, 1))
    assert recorded_settings(seen, CATALOG) == "Nano Banana 2 · 2K · 16:9 · 1 image · prompt enhancer"
    assert recorded_settings(seen) == "nano-banana-2 · 2K · 16:9 · 1 image · prompt enhancer"
    assert recorded_settings(seen, CATALOG, with_model=False) == "2K · 16:9 · 1 image · prompt enhancer"
    gone = replace(seen, model_id="my-model")
    assert recorded_settings(gone, CATALOG).startswith("my-model · 2K")


def test_a_pro_model_says_so_and_whether_that_is_inferred() -> None:
    assert pro_model_words(True) == "Pro model: needs a subscription (inferred from the name)"
    assert pro_model_words(False) == "Pro model: needs a subscription"


def test_a_pro_models_mark_stars_a_flag_inferred_from_the_name() -> None:
    inferred = CATALOG.model("nano-banana-pro")
    assert inferred.requires_subscription and "requires_subscription" in inferred.inferred
    assert pro_mark(inferred) == "Pro*"
    stated = replace(inferred, inferred={})  # flagged by a source (or the user's override)
    assert pro_mark(stated) == "Pro"
    assert pro_mark(CATALOG.model("nano-banana-2")) == ""
    # an inferred reason on a model without the flag marks nothing
    assert pro_mark(replace(inferred, requires_subscription=False)) == ""


def test_why_a_model_needs_a_subscription_or_not_is_the_catalogs_reason() -> None:
    assert subscription_reason(CATALOG.model("nano-banana-pro")) == PRO_REASON
    assert subscription_reason(CATALOG.model("nano-banana-2")) == NOT_PRO_REASON


def test_a_flag_set_without_a_reason_says_where_it_was_set() -> None:
    flagged = replace(CATALOG.model("flux-dev"), requires_subscription=True)
    assert subscription_reason(flagged) == "Set in the bundled catalog, without a reason."
    mine = replace(flagged, origin="override /home/me/.config/imagine-calc/override.yaml")
    assert subscription_reason(mine) == "Set in your override file, without a reason."


def test_the_status_bar_writes_the_date_as_the_style_does() -> None:
    dotted = NumberStyle(date=lambda d: d.strftime("%d.%m.%Y"))
    said = prices_in_use(dt.date(2026, 11, 26), 7, override=False, stale=False, style=dotted)
    assert said == "Prices as of 26.11.2026 (7 days old)"


def test_the_bundled_catalogs_descriptions_notes_and_enhancer_are_said_in_the_language_in_use() -> None:
    catalog = load_catalog()
    nano = catalog.model("nano-banana-2")
    midjourney = catalog.model("midjourney-v7")
    language.set_language("de")
    assert described(nano.description).startswith("Googles Nano-Banana-Modell")
    assert catalog_note(midjourney.unknown["price"]).startswith("Die Credits-Seite sagt „See tooltip“")
    assert catalog_note(catalog.prompt_enhancer.unknown["surcharge"]).startswith("Die Credits-Seite sagt nur")
    assert catalog_name(catalog.prompt_enhancer.name) == "Prompt-Verbesserer"
    # A text not in the catalog (the user's override, a page update) shows as written.
    assert described("My own model.") == "My own model."
    assert described("") == "" and catalog_note("") == ""
