"""What a price update found, as data: each change holds what it shows before and after (a
price, resolutions, scales, a name, "not on the page"), and each note what the page said that no
change shows, with the figures as the page and the catalog give them; core/text words them."""

from __future__ import annotations

from decimal import Decimal as D

from imagine_calc.core.catalog.credits_page import parse_credits_page
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.price_update import Change, PriceUpdate, diff
from imagine_calc.core.catalog.update_findings import (
    AddedShown,
    GoneFromPage,
    LeftAsItWas,
    NewEngine,
    NotOnPage,
    PriceShown,
    ResolutionsShown,
    ScalesShown,
    Tenfold,
)
from tests.credits_pages import edited, row, with_price

CATALOG = load_catalog()
#: Flux Dev as the catalog has it: the page's one base price, 5.
FLUX_DEV = PriceShown((("1K", D(5)),), flat=True)
MAGNIFIC = ScalesShown(((2, D(65)), (4, D(260)), (8, D(520)), (16, D(1040))))


def update(page: str) -> PriceUpdate:
    return diff(CATALOG, parse_credits_page(page))


def test_a_tenfold_price_is_a_change_with_a_check_and_a_note() -> None:
    found = update(with_price("Flux Dev", "500"))
    page = PriceShown((("*", D(500)),), flat=True)
    tenfold = Tenfold("Flux Dev", page, FLUX_DEV, more=True)
    assert found.changes == (Change("price", "Flux Dev", FLUX_DEV, page, tenfold),)
    assert found.notes == (tenfold,)


def test_a_price_per_tier_shows_each_tier() -> None:
    found = update(with_price("Nano Banana 2", "49 (1K) / 75 (2K) / 98 (4K)"))
    [change] = found.changes
    assert change.after == PriceShown((("1K", D(49)), ("2K", D(75)), ("4K", D(98))), flat=False)
    assert change.before == PriceShown((("1K", D(49)), ("2K", D("73.5")), ("4K", D(98))), flat=False)
    assert change.check is None  # 75 for 73.5 is no typo to look twice at


def test_a_model_gone_from_the_page_is_a_change_to_not_on_the_page_and_a_note() -> None:
    found = update(edited((row("Flux Dev") + "\n", "")))
    assert found.changes == (Change("removed", "Flux Dev", FLUX_DEV, NotOnPage()),)
    assert found.notes == (GoneFromPage("Flux Dev"),)


def test_a_new_model_shows_its_price_and_resolutions_from_nothing() -> None:
    new_row = "| **Pixel One** | 12 | Up to 2K | 1:1, 16:9 |"
    found = update(edited((row("Flux Dev"), f"{row('Flux Dev')}\n{new_row}")))
    assert found.changes == (
        Change(
            "added",
            "Pixel One",
            None,
            AddedShown(PriceShown((("*", D(12)),), flat=True), ResolutionsShown("2K", None)),
        ),
    )


def test_a_changed_maximum_shows_both_maximums() -> None:
    found = update(edited((row("Flux 2 Pro"), row("Flux 2 Pro").replace("Up to 2K", "Up to 4K"))))
    assert found.changes == (
        Change("max_resolution", "Flux 2 Pro", ResolutionsShown("2K", None), ResolutionsShown("4K", None)),
    )


def test_an_upscale_price_change_shows_every_scale_and_a_new_engine_is_a_note() -> None:
    magnific = row("Magnific Precision v2")
    clarity = "| **Clarity** | 2× | <ul><li>2×: 10</li></ul> |"
    found = update(
        edited((magnific, magnific.replace("<li>2×: 65</li>", "<li>2×: 70</li>") + "\n" + clarity))
    )
    after = ScalesShown(((2, D(70)), *MAGNIFIC.scales[1:]))
    assert Change("upscale", "Magnific Precision v2", MAGNIFIC, after) in found.changes
    assert NewEngine("Clarity") in found.notes


def test_a_cell_that_cannot_be_read_is_left_as_it_was_with_the_readers_words() -> None:
    found = update(with_price("Flux Dev", "ten"))
    assert found.changes == ()
    assert found.notes == (
        LeftAsItWas("Flux Dev", "price", "The page's price cell could not be read: 'ten'."),
    )
