"""Words for a budget and for money: each line's kind (how the window shows it), figures in the
locale's style and with the estimate's certainty, and money rounded to the currency's unit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from imagine_calc.core.catalog.records import Basis
from imagine_calc.core.estimates.budget import SUBSCRIPTION, TOP_UP, BudgetPlan, Draw
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.pricing.quotes import Line, QuoteState, make_quote
from imagine_calc.core.text.budget import affordable_words, budget_lines, cost_words, money

GERMAN = NumberStyle(integer=lambda n: group_thousands(n, "."), point=",")


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("12.345", "EUR", "12.35 EUR"),  # half a cent rounds up, as a person rounds
        ("12.344", "EUR", "12.34 EUR"),
        ("12", "EUR", "12.00 EUR"),  # always the currency's two decimals
        ("12.5", "EUR", "12.50 EUR"),
        ("1234.5", "JPY", "1,235 JPY"),  # a currency without minor units: whole
        ("1234.5", "jpy", "1,235 jpy"),  # named in any case
        ("7", "JPY", "7 JPY"),
        ("6.5", "KRW", "7 KRW"),
        ("5", "", "5.00"),
    ],
)
def test_money_is_rounded_to_the_currencys_smallest_unit(amount: str, currency: str, text: str) -> None:
    assert money(Decimal(amount), currency) == text


def test_money_is_written_in_the_locales_style() -> None:
    assert money(Decimal("1234.5"), "EUR", GERMAN) == "1.234,50 EUR"
    assert money(Decimal("1234.56"), "EUR", GERMAN) == "1.234,56 EUR"
    assert money(Decimal("123456.7"), "JPY", GERMAN) == "123.457 JPY"


def test_what_a_balance_buys_at_these_settings() -> None:
    assert affordable_words(68, False, True) == "buys 68 images at these settings"
    assert affordable_words(1, True, True) == "buys 1 image at these settings"
    assert affordable_words(0, True, True) == "buys 0 images at these settings"  # too little
    assert affordable_words(0, False, False) == "buys 0 images at these settings"
    assert (
        affordable_words(0, True, False) == "none: a Pro model needs a subscription (inferred from the name)"
    )
    assert (
        affordable_words(None, False, True) == "unknown for these settings (the price is not known exactly)"
    )
    assert affordable_words(1200, False, True, GERMAN) == "buys 1.200 images at these settings"


RATE = Rate(Decimal("0.01"), "EUR")


def test_what_an_estimate_costs_keeps_its_certainty() -> None:
    exact = make_quote([Line("Flux Dev", Decimal(1234), "")])
    lower = make_quote([Line("Flux 2 Max, 2K", Decimal(50), "", Basis.BASE, True)], ["not published at 2K"])
    about = make_quote([Line("Topaz 2×", Decimal("41.472"), "", Basis.INFERRED)])
    assert cost_words(RATE, exact) == "12.34 EUR"
    assert cost_words(RATE, lower) == "at least 0.50 EUR"
    assert cost_words(RATE, about) == "about 0.41 EUR"
    assert cost_words(RATE, exact, GERMAN) == "12,34 EUR"


def plan(**changes: object) -> BudgetPlan:
    base: dict[str, object] = {
        "draws": (Draw(SUBSCRIPTION, Decimal(2000), Decimal(724)), Draw(TOP_UP, Decimal(500), Decimal(0))),
        "needed": Decimal(724),
        "complete": True,
        "short": Decimal(0),
        "lost_at_renewal": Decimal(1276),
        "renewal": dt.date(2026, 12, 20),
    }
    return BudgetPlan(**{**base, **changes})  # type: ignore[arg-type]  # a test's own fields


def test_each_line_says_how_it_is_shown() -> None:
    lines = budget_lines(plan())
    assert [line.kind for line in lines] == ["draw", "draw", "covered", "lost"]
    assert lines[-1].text == "1,276 subscription credits would be lost at renewal on 2026-12-20 unless spent."
    short = budget_lines(plan(short=Decimal(10), lost_at_renewal=Decimal(0)))
    assert [line.kind for line in short] == ["draw", "draw", "short"]
    unknown = budget_lines(plan(complete=False, lost_at_renewal=Decimal(0)))
    assert [line.kind for line in unknown] == ["draw", "draw", "warning"]


def test_a_pro_model_whose_price_is_unknown_still_warns_that_it_needs_a_subscription() -> None:
    lines = budget_lines(plan(complete=False, lost_at_renewal=Decimal(0), pro_models=("Mystery Pro",)))
    assert lines[-1].kind == "warning"
    assert lines[-1].text == "Mystery Pro needs a subscription (a Pro model): it cannot be paid without one."
    inferred = budget_lines(
        plan(pro_models=("A Pro", "B Pro"), pro_inferred=True, lost_at_renewal=Decimal(0))
    )
    assert inferred[-1].text == (
        "A Pro and B Pro need a subscription (Pro models, inferred from the name): "
        "it cannot be paid without one."
    )


def test_budget_figures_follow_the_locale_and_the_estimates_about() -> None:
    big = plan(
        draws=(Draw(SUBSCRIPTION, Decimal(20000), Decimal("12345.6")),),
        lost_at_renewal=Decimal("7654.4"),
        state=QuoteState.APPROXIMATE,
    )
    assert (
        budget_lines(big, style=GERMAN)[0].text
        == f"{SUBSCRIPTION}: about 12.346 of 20.000 used, about 7.654 left"
    )
    assert budget_lines(big, estimated=False, style=GERMAN)[0].text == (
        f"{SUBSCRIPTION}: 12.345,6 of 20.000 used, 7.654,4 left"
    )
    exact = plan(draws=(Draw(SUBSCRIPTION, Decimal(20000), Decimal("12345.6")),))
    assert (
        budget_lines(exact, estimated=True)[0].text
        == f"{SUBSCRIPTION}: about 12,346 of 20,000 used, about 7,654 left"
    )


def test_a_balance_the_estimate_empties_is_used_exactly_even_when_estimated() -> None:
    draws = (Draw(SUBSCRIPTION, Decimal(100), Decimal(100)), Draw(TOP_UP, Decimal(50), Decimal(49)))
    lines = budget_lines(plan(draws=draws, state=QuoteState.APPROXIMATE, lost_at_renewal=Decimal(0)))
    assert lines[0].text == f"{SUBSCRIPTION}: 100 of 100 used, 0 left"
    assert lines[1].text == f"{TOP_UP}: about 49 of 50 used, about 1 left"  # one credit left is still about
