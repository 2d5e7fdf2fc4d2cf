"""A page that lists the tiers a model offers ("1K, 2K, 4K") is kept to them: the catalog offers
exactly the tiers listed, never one in between (no 3K), and an update writes the list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from imagine_calc.core.catalog.credits_page import parse_credits_page
from imagine_calc.core.catalog.loader import load_catalog, load_with_override
from imagine_calc.core.catalog.price_update import apply_update, diff
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.pricing.choices import tier_refusal
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.findings import refusal_words
from tests.credits_pages import GITBOOK, gitbook_with
from tests.words import change, notes

DAY = dt.date(2026, 12, 20)


def applied(page: str, override: Path) -> Catalog:
    catalog = load_with_override(override).catalog
    apply_update(diff(catalog, parse_credits_page(page)), catalog, override, DAY, "page.html")
    loaded = load_with_override(override)
    assert loaded.override_active, loaded.override_error
    return loaded.catalog


def test_a_listed_model_never_offers_a_tier_the_page_did_not_list(override_file: Path) -> None:
    page = gitbook_with("ImagineArt 1.5 Pro", 2, "1K, 4K")
    changes = diff(load_catalog(), parse_credits_page(page)).changes
    assert [change(c) for c in changes] == [("max_resolution", "ImagineArt 1.5 Pro", "up to 4K", "1K, 4K")]
    model = applied(page, override_file).model("imagineart-1-5-pro")
    assert model.tiers == ("1K", "4K") and model.max_resolution == "4K"
    assert model.resolutions == ("1K", "4K")
    for missing in ("2K", "3K"):
        why = tier_refusal(model, missing)
        assert why is not None and "names no" in refusal_words(why)
        with pytest.raises(QuoteError, match=f"does not offer {missing}"):
            quote_generation(load_with_override(override_file).catalog, GenerationRequest(model.id, missing))
    assert "resolutions:" in override_file.read_text()


def test_a_model_whose_maximum_was_unknown_gets_the_listed_tiers_and_no_3k(override_file: Path) -> None:
    page = gitbook_with("ImagineArt 2.0", 2, "1K, 2K, 4K")
    (found,) = diff(load_catalog(), parse_credits_page(page)).changes
    assert change(found)[2:] == ("max resolution unknown", "1K, 2K, 4K")
    catalog = applied(page, override_file)
    model = catalog.model("imagineart-2-0")
    assert model.tiers == ("1K", "2K", "4K") and "3K" not in model.tier_prices
    assert "max_resolution" not in model.unknown
    quote = quote_generation(catalog, GenerationRequest(model.id, "4K"))
    assert quote.known_total == 25 and quote.total is None  # a base price: at least 25 at 4K


def test_a_tiered_price_and_its_list_are_written_together(override_file: Path) -> None:
    page = gitbook_with("Nano Banana 2", 1, "49 (1K)<br>73.5 (2K)<br>85 (3K)<br>98 (4K)")
    page = gitbook_with("Nano Banana 2", 2, "1K, 2K, 3K, 4K", page)
    kinds = sorted(c.kind for c in diff(load_catalog(), parse_credits_page(page)).changes)
    assert kinds == ["max_resolution", "price"]
    model = applied(page, override_file).model("nano-banana-2")
    assert model.tiers == ("1K", "2K", "3K", "4K") and model.resolutions == model.tiers


def test_a_later_page_with_a_maximum_only_puts_the_missing_tiers_back(override_file: Path) -> None:
    applied(gitbook_with("ImagineArt 1.5 Pro", 2, "1K, 4K"), override_file)
    page = gitbook_with("ImagineArt 1.5 Pro", 2, "Up to 4K")
    catalog = load_with_override(override_file).catalog
    (found,) = diff(catalog, parse_credits_page(page)).changes
    assert change(found)[2:] == ("1K, 4K", "up to 4K")
    model = applied(page, override_file).model("imagineart-1-5-pro")
    assert model.tiers == ("1K", "2K", "4K") and model.resolutions is None


def test_a_list_equal_to_what_the_model_offers_is_no_change() -> None:
    page = gitbook_with("Seedream v4", 2, "1K, 2K, 4K")  # "Up to 4K" offers 1K, 2K and 4K too
    assert diff(load_catalog(), parse_credits_page(page)).changes == ()


@pytest.mark.parametrize(
    ("price", "resolution"), [("", "1K, 2K"), ("", "Up to 2K"), ("49 (1K)<br>98 (4K)", "")]
)
def test_a_page_that_contradicts_itself_changes_neither_cell(price: str, resolution: str) -> None:
    page = gitbook_with("Nano Banana 2", 1, price) if price else GITBOOK
    page = gitbook_with("Nano Banana 2", 2, resolution, page) if resolution else page
    update = diff(load_catalog(), parse_credits_page(page))
    assert update.changes == ()
    said = [n for n in notes(update) if n.startswith("Nano Banana 2:")]
    assert len(said) == 2 and all("max resolution" in n for n in said)
    assert any("Its price is left as it was" in n for n in said)
    assert any("Its max resolution is left as it was" in n for n in said)


@pytest.mark.parametrize(
    ("price", "resolution", "left"),
    [
        ("about 50", "1K, 2K", "max resolution"),  # the price per tier stays: 4K must stay offered
        ("about 50", "Up to 2K", "max resolution"),
        ("49 (1K)<br>98 (4K)", "1K, 1K, 4K", "price"),  # the maximum stays: 4K is beyond Flux Dev's
    ],
)
def test_what_stays_and_what_changes_still_fit(
    price: str, resolution: str, left: str, override_file: Path
) -> None:
    name = "Flux Dev" if left == "price" else "Nano Banana 2"
    page = gitbook_with(name, 2, resolution, gitbook_with(name, 1, price))
    update = diff(load_catalog(), parse_credits_page(page))
    assert update.changes == ()
    assert any(n.startswith(f"{name}:") and f"Its {left} is left as it was" in n for n in notes(update))
