"""Words for a price update from a saved page: what each change shows before and after, why one
is worth a second look, the notes about what no change shows, and the review's introduction:
the same in the review dialog and `imagine-calc catalog --update-from`."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.price_update import Change
from imagine_calc.core.catalog.update_findings import (
    AddedShown,
    EngineUnreadable,
    GoneFromPage,
    LeftAsItWas,
    NewEngine,
    Note,
    NotOnPage,
    OwnPriceKept,
    PriceNamesOthers,
    PriceShown,
    RatiosUnreadable,
    ResolutionsLeaveOut,
    ResolutionsShown,
    ScalesShown,
    Shown,
    Tenfold,
)
from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.text.price_update import (
    change_record,
    kind_words,
    note_words,
    price_words,
    review_intro,
    shown_words,
    unreadable_words,
)

#: Prices as the page writes them: a base price, and Nano Banana 2's price per tier.
FLAT = PriceShown((("1K", D(25)), ("2K", D(25))), flat=True)
TIERED = PriceShown((("1K", D(49)), ("2K", D("73.5")), ("4K", D(98))), flat=False)
#: Flux Dev's base price in use, and a page's tenfold and tenth of it.
FIVE = PriceShown((("1K", D(5)),), flat=True)
FIFTY = PriceShown((("1K", D(50)),), flat=True)
HALF = PriceShown((("1K", D("0.5")),), flat=True)


@pytest.mark.parametrize(
    ("price", "said"),
    [
        (FLAT, "25"),
        (TIERED, "49 (1K) / 73.5 (2K) / 98 (4K)"),
        (PriceShown((("1K", D(80)), ("2K", D(80)), ("4K", D(160))), flat=False), "80 (1K/2K) / 160 (4K)"),
        (PriceShown((("1K", None),), flat=True), "unknown"),
        (PriceShown((), flat=False), "unknown"),
    ],
)
def test_a_price_reads_as_the_page_writes_it(price: PriceShown, said: str) -> None:
    assert price_words(price) == said


def test_a_price_in_a_locales_style() -> None:
    comma = NumberStyle(lambda n: group_thousands(n, "."), ",")
    assert price_words(TIERED, comma) == "49 (1K) / 73,5 (2K) / 98 (4K)"


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        (None, ""),  # a new model had nothing before
        ("Seedream 4", "Seedream 4"),  # a name, before a rename
        (("1:1", "16:9"), "1:1, 16:9"),
        (ResolutionsShown("4K", None), "up to 4K"),
        (ResolutionsShown("4K", ("1K", "2K", "4K")), "1K, 2K, 4K"),
        (ResolutionsShown(None, None), "max resolution unknown"),
        (AddedShown(FLAT, ResolutionsShown("2K", None)), "25; up to 2K"),
        (ScalesShown(((2, D(65)), (4, D(260)))), "2×: 65, 4×: 260"),
        (NotOnPage(), "not on the page"),
    ],
)
def test_each_side_of_a_change_is_said(shown: Shown, said: str) -> None:
    assert shown_words(shown) == said


def test_a_changes_kind_is_named_and_an_unknown_one_kept_as_it_is() -> None:
    assert kind_words(Change("max_resolution", "Flux 2 Pro", None, None)) == "Max resolution"
    assert kind_words(Change("upscale", "Topaz", None, None)) == "Upscale price"
    assert kind_words(Change("repriced", "Topaz", None, None)) == "repriced"


@pytest.mark.parametrize(
    ("note", "said"),
    [
        (
            "The page's price cell could not be read: 'ten'.",
            "The page's price cell could not be read: 'ten'.",
        ),
        (
            Tenfold("Flux Dev", FIFTY, FIVE, True),
            "Flux Dev: 50 is more than ten times the price in use (5). Check the page before applying: "
            "it is applied with the rest.",
        ),
        (
            Tenfold("Flux Dev", HALF, FIVE, False),
            "Flux Dev: 0.5 is under a tenth of the price in use (5). Check the page before applying: "
            "it is applied with the rest.",
        ),
        (
            RatiosUnreadable("New Model"),
            "New Model is new on the page but its aspect ratios cannot be read: not added.",
        ),
        (
            GoneFromPage("Flux Dev"),
            "Flux Dev is no longer on the page; it stays in the catalog (an override cannot remove a model): "
            "check ImagineArt's tooltip before you budget with it.",
        ),
        (
            LeftAsItWas(
                "Flux Dev", "max_resolution", "The page's max resolution cell could not be read: '8K'."
            ),
            "Flux Dev: The page's max resolution cell could not be read: '8K'. Its max resolution is left as "
            "it was.",
        ),
        (OwnPriceKept("Midjourney V7"), "Midjourney V7: the page gives no price; your own price is kept."),
        (NewEngine("Clarity"), "Upscale engine Clarity is new on the page; add it to your override by hand."),
        (
            EngineUnreadable("Topaz", "The page's upscale credits could not be read: 'soon'."),
            "Topaz: The page's upscale credits could not be read: 'soon'. Its prices are left as they were.",
        ),
    ],
)
def test_each_note_is_a_sentence(note: Note, said: str) -> None:
    assert note_words(note) == said


def test_a_field_that_would_not_fit_what_stays_says_what_it_leaves_out() -> None:
    leaves_out = ResolutionsLeaveOut(ResolutionsShown("2K", None), TIERED)
    assert unreadable_words(leaves_out) == (
        "The page's max resolution (up to 2K) leaves out tiers of the price that stays "
        "(49 (1K) / 73.5 (2K) / 98 (4K))."
    )
    names_others = PriceNamesOthers(TIERED, ResolutionsShown("2K", ("1K", "2K")))
    assert unreadable_words(names_others) == (
        "The page's price (49 (1K) / 73.5 (2K) / 98 (4K)) names tiers the max resolution that stays "
        "(1K, 2K) leaves out."
    )


def test_a_change_for_scripts_is_its_words_with_the_check_when_there_is_one() -> None:
    tenfold = Tenfold("Flux Dev", FIFTY, FIVE, True)
    change = Change("price", "Flux Dev", FIVE, FIFTY, tenfold)
    assert change_record(change) == {
        "kind": "price",
        "name": "Flux Dev",
        "before": "5",
        "after": "50",
        "check": note_words(tenfold),
    }
    assert (
        change_record(Change("added", "New Model", None, AddedShown(FLAT, ResolutionsShown(None, None))))[
            "check"
        ]
        == ""
    )


def test_the_review_says_the_pages_date_where_it_is_from_and_how_many_places_differ() -> None:
    url = "https://docs.imagine.art/image-tools/image-credits"
    assert review_intro(3, 0, "2026-12-01", url) == (
        f"(prices as of 2026-12-01; the page says it is from {url}) differs from the catalog in use in 3 "
        "places. Apply writes its prices to your override file (the previous one is kept as a backup)."
    )
    said = review_intro(1, 1, "2026-12-01", "")
    assert said.startswith("(prices as of 2026-12-01) differs from the catalog in use in 1 place. ")
    assert said.endswith(" 1 change cannot be applied: an override cannot remove a model.")
