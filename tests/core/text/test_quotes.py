"""The one table of quote states: each state's short and long form, tested once for every view."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from imagine_calc.core.catalog.records import Basis
from imagine_calc.core.numbers import NumberStyle, approx, number
from imagine_calc.core.pricing.quotes import Line, Quote, QuoteState, make_quote
from imagine_calc.core.text import quotes

EXACT = make_quote([Line("Nano Banana 2, 2K", Decimal(147), "2 × 73.5")])
OBSERVED = make_quote([Line("ImagineArt 1.5 Pro, 4K", Decimal(40), "observed", Basis.OBSERVED)])
APPROX = make_quote([Line("Topaz 2×", Decimal("41.472"), "20 × 2.0736 MP × 1", Basis.INFERRED)])
LOWER = make_quote([Line("Flux 2 Max, 2K", Decimal(50), "base", Basis.BASE, True)], ["not published at 2K"])
MIXED = make_quote(
    [Line("Topaz 2×", Decimal("5497.2"), "", Basis.INFERRED), Line("Midjourney V7", None, "", Basis.UNKNOWN)],
    ["Midjourney V7: See tooltip"],
)
UNKNOWN = make_quote([Line("Midjourney V7", None, "", Basis.UNKNOWN)], ["Midjourney V7: See tooltip"])


@pytest.mark.parametrize(
    ("quote", "state", "short", "long"),
    [
        (EXACT, QuoteState.EXACT, "147", "147 credits"),
        (OBSERVED, QuoteState.OBSERVED, "40", "40 credits, observed"),
        (APPROX, QuoteState.APPROXIMATE, "≈ 41", "about 41 credits"),
        (LOWER, QuoteState.LOWER_BOUND, "≥ 50", "at least 50 credits"),
        (MIXED, QuoteState.APPROXIMATE_LOWER_BOUND, "≥ ≈ 5,497", "at least about 5,497 credits"),
        (UNKNOWN, QuoteState.UNKNOWN, "unknown", "unknown"),
    ],
)
def test_every_state_has_one_short_and_one_long_form(
    quote: Quote, state: QuoteState, short: str, long: str
) -> None:
    assert quote.state is state
    assert quotes.short(quote) == short and quotes.long(quote) == long


def test_every_state_is_in_the_table() -> None:
    assert set(quotes.FORMS) == set(QuoteState)


def test_a_locale_style_changes_only_how_digits_are_written() -> None:
    german = NumberStyle(lambda n: f"{n:,}".replace(",", "."), ",", "-", "+")
    assert quotes.long(MIXED, german) == "at least about 5.497 credits"
    assert number(Decimal("73.5"), german) == "73,5"


def test_estimates_read_as_a_person_reads_them_and_keep_every_digit_in_exact() -> None:
    assert [approx(Decimal(v)) for v in ("41.472", "4.608", "0.00512", "170.692")] == [
        "41",
        "4.6",
        "0.0051",
        "171",
    ]
    assert quotes.exact(APPROX) == "41.472 credits (rests on an inferred figure)"
    assert quotes.line_amount(APPROX.lines[0]) == "about 41"
    assert quotes.line_amount(LOWER.lines[0]) == "at least 50"


def test_two_unknowns_never_cancel_to_zero() -> None:
    one_k = make_quote([Line("Midjourney V7, 1K", None, "", Basis.UNKNOWN)], ["Midjourney: See tooltip"])
    assert quotes.delta(one_k, UNKNOWN) == "± ?"
    assert quotes.delta(EXACT, make_quote(EXACT.lines, ["enhancer unknown"])) == "+ ?"
    assert quotes.delta(make_quote(EXACT.lines, ["enhancer unknown"]), EXACT) == "- ?"
    assert quotes.delta(EXACT, LOWER) == "-97 + ?"
    assert quotes.delta(EXACT, EXACT) == "±0"


@pytest.mark.parametrize(
    ("model", "resolution", "expected"),
    [
        ("imagineart-1-5-pro", "4K", ("+25 + ?", "-25 - ?", "+25 ± ?")),  # a base price: at least 25
        ("midjourney-v7", "1K", ("+ ?", "- ?", "± ?")),  # unknown, but more images cost more
        ("nano-banana-2", "4K", ("+98", "-98", "+98")),  # stated: exact either way
    ],
)
def test_more_images_move_a_shared_unknown_part_with_the_count(
    model: str, resolution: str, expected: tuple[str, str, str]
) -> None:
    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.pricing.quotes import quote_generation
    from imagine_calc.core.pricing.requests import GenerationRequest

    catalog = load_catalog()
    one, two = (quote_generation(catalog, GenerationRequest(model, resolution, images=n)) for n in (1, 2))
    assert quotes.delta(one, two, more_images=1) == expected[0]
    assert quotes.delta(two, one, more_images=-1) == expected[1]
    assert quotes.delta(one, two) == expected[2]  # not told: either way


ONE = make_quote([Line("Z Image Turbo, 1K", Decimal(1), "1 × 1")])


@pytest.mark.parametrize("quote", [EXACT, OBSERVED, APPROX, LOWER, MIXED, UNKNOWN, ONE])
def test_both_forms_at_once_are_the_short_and_the_long_form(quote: Quote) -> None:
    german = NumberStyle(lambda n: f"{n:,}".replace(",", "."), ",", "-", "+")
    assert quotes.forms(quote) == (quotes.short(quote), quotes.long(quote))
    assert quotes.forms(quote, german) == (quotes.short(quote, german), quotes.long(quote, german))


def test_one_credit_is_singular() -> None:
    assert quotes.forms(ONE) == ("1", "1 credit")
    assert quotes.long(ONE) == "1 credit"


def test_every_digit_says_whether_it_is_all_or_only_the_least() -> None:
    assert quotes.exact(EXACT) == "147 credits"
    assert quotes.exact(LOWER) == "at least 50 credits"
    assert quotes.exact(MIXED) == "at least 5,497.2 credits (rests on an inferred figure)"
    assert quotes.exact(UNKNOWN) == "unknown"


def test_the_unrounded_line_never_calls_a_lower_bound_exact_and_says_nothing_of_nothing() -> None:
    assert quotes.unrounded(APPROX) == "Unrounded: 41.472 credits (rests on an inferred figure)"
    assert quotes.unrounded(LOWER) == "Unrounded: at least 50 credits"  # not "Exactly: at least"
    assert quotes.unrounded(UNKNOWN) == ""


def test_a_change_is_written_in_the_locales_signs() -> None:
    french = NumberStyle(lambda n: f"{n:,}".replace(",", "\u202f"), ",", "−", "＋")
    dearer = make_quote([Line("Nano Banana 2, 4K", Decimal(1196), "")])
    assert quotes.delta(EXACT, dearer, french) == "＋1\u202f049"
    assert quotes.delta(dearer, EXACT, french) == "−1\u202f049"


def test_a_new_unknown_part_is_more_unknown_whatever_the_count_did() -> None:
    """An unknown part only `other` has is gained even with fewer images: the count moves only an
    unknown part both share."""
    with_enhancer = make_quote([*LOWER.lines], [*LOWER.unknown_reasons, "enhancer unknown"])
    assert quotes.delta(LOWER, with_enhancer, more_images=-1) == "+ ?"
    assert quotes.delta(with_enhancer, LOWER, more_images=1) == "- ?"


@pytest.mark.parametrize(
    ("model", "resolution", "images", "enhancer", "other", "short", "words"),
    [
        # stated prices: the change itself
        ("nano-banana-2", "1K", 1, False, {"resolution": "2K"}, "+24.5", "24.5 more"),
        ("nano-banana-2", "2K", 1, False, {"resolution": "1K"}, "-24.5", "24.5 less"),
        ("nano-banana-pro", "1K", 1, False, {"resolution": "2K"}, "±0", "no change"),
        # a base price above 1K: only an unknown part changes, said without a number
        ("imagineart-2-0", "1K", 1, False, {"resolution": "2K"}, "+ ?", "costs more, not published"),
        ("imagineart-2-0", "2K", 1, False, {"resolution": "1K"}, "- ?", "costs less, not published"),
        (
            "imagineart-2-0",
            "2K",
            1,
            False,
            {"resolution": "4K"},
            "± ?",
            "may cost more or less, not published",
        ),
        # a known change with an unknown part on top: the number is only what is known
        ("imagineart-2-0", "2K", 1, False, {"images": 2}, "+25 + ?", "25 more, plus an unpublished amount"),
        ("imagineart-2-0", "2K", 2, False, {"images": 1}, "-25 - ?", "25 less, minus an unpublished amount"),
        # the enhancer's unpublished surcharge, named
        ("flux-2-pro", "1K", 3, True, {"images": 2}, "-28 - ?", "28 less, plus less for the enhancer"),
        ("flux-2-pro", "1K", 1, True, {"images": 2}, "+28 + ?", "28 more, plus more for the enhancer"),
        (
            "nano-banana-2",
            "1K",
            1,
            True,
            {"resolution": "2K"},
            "+24.5 ± ?",
            "24.5 more, give or take the enhancer",
        ),
        ("nano-banana-2", "1K", 1, False, {"prompt_enhancer": True}, "+ ?", "costs more, not published"),
    ],
)
def test_a_change_in_words_says_what_the_short_form_says(
    model: str,
    resolution: str,
    images: int,
    enhancer: bool,
    other: dict[str, Any],
    short: str,
    words: str,
) -> None:
    from dataclasses import replace

    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.pricing.quotes import quote_generation
    from imagine_calc.core.pricing.requests import GenerationRequest

    catalog = load_catalog()
    now = GenerationRequest(model, resolution, None, images, enhancer)
    then = replace(now, **other)
    more = then.images - now.images
    current, changed = quote_generation(catalog, now), quote_generation(catalog, then)
    assert quotes.delta(current, changed, more_images=more) == short
    assert quotes.delta_words(current, changed, more_images=more) == words


def test_a_change_in_words_is_written_in_the_locales_digits() -> None:
    french = NumberStyle(lambda n: f"{n:,}".replace(",", "\u202f"), ",", "−", "＋")
    dearer = make_quote([Line("Nano Banana 2, 4K", Decimal("1196.5"), "")])
    assert quotes.delta_words(EXACT, dearer, french) == "1\u202f049,5 more"
    assert quotes.delta_words(dearer, EXACT, french) == "1\u202f049,5 less"
