"""What the list's tooltip and the detail pane say about a model: its prices as the page gives
them with how far they hold, what is not known and why, the figure at the current settings, the
plan it needs, what a typed balance buys, what the user recorded and where the prices come from.

Figures from ImagineArt's Image Credits page (tests/seed_table.py), as of 26 November 2026."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Catalog, Observation
from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.model_info import REMOVE_RECORDING, affordable_text, model_html
from tests.gui.shown import visible

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def said(html: str) -> str:
    """The pane's text as one line, as a person reads it."""
    return " ".join(visible(html).split())


def test_a_model_priced_by_tier_says_each_price_its_size_and_ratios(catalog: Catalog) -> None:
    text = said(model_html(catalog.model("nano-banana-2"), locale=ENGLISH))
    assert text.startswith("Nano Banana 2 Google's second-generation Nano Banana")
    assert "Credits: 49 (1K) / 73.5 (2K) / 98 (4K) per image" in text  # the page's three prices
    assert "Max resolution: 4K" in text
    assert "Aspect ratios: 1:1, 4:3, 3:4, 3:2, 2:3, 5:4, 4:5, 9:16, 16:9, 21:9" in text
    assert "Now:" not in text and "Plan:" not in text and "Source:" not in text  # none asked for


def test_a_base_price_says_how_far_it_holds(catalog: Catalog) -> None:
    text = said(model_html(catalog.model("flux-dev"), locale=ENGLISH))
    assert "Credits: 5 per image, the page's base price; larger output dimensions cost more" in text


def test_what_the_page_does_not_give_is_unknown_with_its_reason(catalog: Catalog) -> None:
    html = model_html(catalog.model("midjourney-v7"), locale=ENGLISH)
    text = said(html)
    assert 'Credits: unknown (The credits page says "See tooltip" instead of a price.' in text
    assert (
        'Max resolution: unknown (The credits page says "See tooltip" instead of a maximum resolution.)'
        in text
    )
    assert "<i>unknown</i>" in html  # set apart from a figure


def test_now_is_the_figure_at_the_current_settings_or_why_there_is_none(catalog: Catalog) -> None:
    at_4k = GenerationRequest("nano-banana-2", "4K", images=3)
    quote = quote_generation(catalog, at_4k)
    text = said(model_html(catalog.model("nano-banana-2"), quote, locale=ENGLISH))
    assert "Now: 294 credits" in text  # 98 x 3 at 4K
    why_not = generate_view(catalog, at_4k).cell("flux-dev").why_not
    assert why_not is not None
    text = said(model_html(catalog.model("flux-dev"), why_not, locale=ENGLISH))
    assert "Now: not available: Flux Dev goes up to 1K" in text


def test_a_pro_model_says_it_needs_a_subscription_and_that_this_is_inferred(catalog: Catalog) -> None:
    text = said(model_html(catalog.model("nano-banana-pro"), locale=ENGLISH))
    assert "Plan: Pro model: needs a subscription (inferred from the name)" in text


def test_the_source_and_its_date_are_said_when_the_catalog_is_given(catalog: Catalog) -> None:
    html = model_html(catalog.model("flux-dev"), catalog=catalog, locale=ENGLISH)
    assert (
        "Source: ImagineArt documentation: Image Credits, as of 11/26/2026"
    )  # the locale's short date in said(html)
    assert "href='https://docs.imagine.art/image-tools/image-credits'" in html


def test_outside_text_in_a_model_is_shown_as_written(catalog: Catalog) -> None:
    odd = replace(catalog.model("flux-dev"), name="Flux <img src=/tmp/fifo>", origin="override file")
    html = model_html(odd, locale=ENGLISH)
    assert "<img" not in html and said(html).startswith("Flux <img src=/tmp/fifo>")
    assert "Price from your override file" in said(html)


def recorded(model_id: str, credits: int, day: int, images: int = 1) -> Observation:
    return Observation(model_id, "1K", None, images, False, Decimal(credits), dt.date(2026, 11, day))


def test_recordings_are_listed_with_their_own_remove_link_and_any_disagreement(catalog: Catalog) -> None:
    with_recordings = replace(
        catalog,
        observations=(
            recorded("flux-dev", 6, 20),
            recorded("nano-banana-2", 50, 21),  # another model's: not listed, still counted
            recorded("flux-dev", 10, 22, images=2),
        ),
    )
    html = model_html(with_recordings.model("flux-dev"), catalog=with_recordings, locale=ENGLISH)
    text = said(html)
    assert "Recorded by you" in text
    assert "1K · 1 image: 6 on 11/20/2026 remove" in text
    assert "1K · 2 images: 10 on 11/22/2026 remove" in text
    assert "Nano Banana 2" not in text
    # The link names the recording's place in the catalog, so "remove" takes exactly that one.
    assert f"'{REMOVE_RECORDING}0'" in html and f"'{REMOVE_RECORDING}2'" in html
    assert f"'{REMOVE_RECORDING}1'" not in html
    assert "ImagineArt's page gives 5 as its base price (the 1K price). Your recording is used." in text


def test_what_a_balance_buys_is_said_only_once_one_is_typed(catalog: Catalog) -> None:
    view = generate_view(catalog, GenerationRequest("nano-banana-pro", "4K"))
    pro = catalog.model("nano-banana-pro")
    assert affordable_text(view, pro, Balances()) is None
    subscribed = Balances(subscribed=True)  # ticked, with no credits left this month
    assert affordable_text(view, pro, subscribed) == "buys 0 images at these settings"
    assert affordable_text(view, pro, Balances(subscribed=True, subscription=Decimal(1000))) == (
        "buys 6 images at these settings"  # 1,000 / 160 at 4K
    )
    free_only = Balances(free_daily=Decimal(500))
    assert affordable_text(view, pro, free_only) == (
        "none: a Pro model needs a subscription (inferred from the name)"
    )
    text = said(
        model_html(pro, catalog=catalog, locale=ENGLISH, affordable="buys 6 images at these settings")
    )
    assert "Your balance: buys 6 images at these settings" in text


def test_a_teammates_recording_is_not_said_to_be_yours(catalog: Catalog) -> None:
    ana = replace(recorded("flux-dev", 7, 23), by="Ana <b>L</b>")
    with_team = replace(catalog, observations=(ana, recorded("nano-banana-2", 50, 21)))
    text = said(model_html(with_team.model("flux-dev"), catalog=with_team, locale=ENGLISH))
    assert "Recorded by your team" in text and "Recorded by you " not in text
    assert "1K · 1 image: 7, observed by Ana <b>L</b> on 11/23/2026" in text
    only_own = said(model_html(with_team.model("nano-banana-2"), catalog=with_team, locale=ENGLISH))
    assert "Recorded by you " in only_own  # another model's teammate recording changes nothing here


def test_the_pane_lists_the_newest_recordings_and_counts_the_older_ones(catalog: Catalog) -> None:
    """A team's folder may hold thousands of recordings of one model: the pane, made again at
    every settings change, lists the newest MAX_RECORDINGS_SHOWN and says how many are left out."""
    from imagine_calc.gui.generate.model_info import MAX_RECORDINGS_SHOWN

    many = tuple(recorded("flux-dev", 6 + i, 1 + i % 28) for i in range(MAX_RECORDINGS_SHOWN + 5))
    with_recordings = replace(catalog, observations=many)
    html = model_html(with_recordings.model("flux-dev"), catalog=with_recordings, locale=ENGLISH)
    assert html.count(REMOVE_RECORDING) == MAX_RECORDINGS_SHOWN
    assert f"'{REMOVE_RECORDING}{len(many) - 1}'" in html and f"'{REMOVE_RECORDING}4'" not in html
    assert "…and 5 older recordings of this model, not shown" in said(html)


def test_a_models_recordings_are_listed_once_per_catalog_and_in_the_language_in_use() -> None:
    """Made once (the pane is made again at every settings change, the recordings stay), but
    never shown in a language other than the one in use."""
    from imagine_calc.core import language
    from imagine_calc.gui.generate.model_info import recordings_html

    day = dt.date(2026, 11, 27)
    seen = Observation("flux-dev", "1K", None, 1, False, Decimal(9), day, "Ana")
    catalog = replace(load_catalog(), observations=(seen,))
    model, loc = catalog.model("flux-dev"), QLocale("en_US")
    english = recordings_html(catalog, model, loc)
    assert recordings_html(catalog, model, loc) is english and "Recorded by your team" in visible(english)
    try:
        language.set_language("de")
        assert recordings_html(catalog, model, loc) != english
    finally:
        language.set_language(language.ENGLISH)
