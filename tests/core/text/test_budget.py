"""Words for a budget and for money: each line's kind (how the window shows it), figures in the
locale's style and with the estimate's certainty, and money rounded to the currency's unit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Basis
from imagine_calc.core.estimates.budget import (
    FREE,
    SUBSCRIPTION,
    TOP_UP,
    Balances,
    BudgetPlan,
    Draw,
    plan_budget,
)
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, UpscaleItem, price_estimate
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.pricing.quotes import Line, Quote, QuoteState, make_quote
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.budget import (
    UNKNOWN_PART,
    BudgetLine,
    affordable_words,
    and_list,
    at_your_rate,
    bar_words,
    budget_lines,
    cost_words,
    exact_money,
    exact_rate_words,
    money,
    rate_words,
)

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


CATALOG = load_catalog()
RENEWAL = dt.date(2026, 12, 20)
COMMA = NumberStyle(lambda n: group_thousands(n, "."), ",")


def total(*items: GenerationItem | UpscaleItem) -> Quote:
    return price_estimate(CATALOG, Estimate(items)).total


def planned(balances: Balances, *items: GenerationItem | UpscaleItem) -> BudgetPlan:
    return plan_budget(balances, price_estimate(CATALOG, Estimate(items)))


#: Nano Banana 2 at 2K, two images: the page's 73.5 × 2 = 147, exact.
STATED = GenerationItem(GenerationRequest("nano-banana-2", "2K", images=2))
#: Ten Topaz 2× upscales of 1920 × 1080: 10 × 20 (inferred) × 2.0736 = 414.72, "about 415".
TOPAZ = UpscaleItem("topaz", 2, ((1920, 1080),), 10)


def test_an_exact_estimate_that_fits_is_covered_and_says_what_expires() -> None:
    said = budget_lines(planned(Balances(True, D(1000), RENEWAL), STATED))
    assert said == [
        BudgetLine("draw", "Subscription credits: 147 of 1,000 used, 853 left"),
        BudgetLine("covered", "Covered: 853 credits left after it."),
        BudgetLine("lost", "853 subscription credits would be lost at renewal on 2026-12-20 unless spent."),
    ]


def test_an_estimate_on_an_inferred_price_is_worded_about_in_whole_credits() -> None:
    said = [line.text for line in budget_lines(planned(Balances(True, D(1000), RENEWAL), TOPAZ))]
    assert said == [
        "Subscription credits: about 415 of 1,000 used, about 585 left",
        "Covered: about 585 credits left after it.",
        "About 585 subscription credits would be lost at renewal on 2026-12-20 unless spent.",
    ]


def test_told_it_is_not_an_estimate_every_digit_is_given() -> None:
    said = budget_lines(planned(Balances(True, D(1000), RENEWAL), TOPAZ), estimated=False)
    assert said[0].text == "Subscription credits: 414.72 of 1,000 used, 585.28 left"


def test_a_locales_style_writes_the_budgets_figures() -> None:
    said = budget_lines(planned(Balances(False, top_up=D(12000)), STATED), style=COMMA)
    assert said[0].text == "Top-up credits: 147 of 12.000 used, 11.853 left"


def test_a_pro_model_with_no_known_price_is_still_one_no_balance_may_pay() -> None:
    # A plan whose only Pro line has no known credits: nothing unpayable is counted, and yet
    # the Pro model cannot run without a subscription.
    nothing_known = BudgetPlan(
        draws=(Draw(FREE, D(50), D(0), complete=False),),
        needed=D(0),
        complete=False,
        short=D(0),
        lost_at_renewal=D(0),
        renewal=None,
        state=QuoteState.UNKNOWN,
        pro_models=("My Pro",),
    )
    assert budget_lines(nothing_known) == [
        BudgetLine("draw", "Free daily credits: at least 0 of 50 used, at most 50 left"),
        BudgetLine(
            "warning",
            "The known prices fit, with at most 50 credits left, but some prices are not known: they come "
            "on top and may not fit.",
        ),
        BudgetLine("warning", "My Pro needs a subscription (a Pro model): it cannot be paid without one."),
    ]


@pytest.mark.parametrize(
    ("parts", "said"), [(["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")]
)
def test_reasons_are_joined_as_a_sentence_joins_them(parts: list[str], said: str) -> None:
    assert and_list(parts) == said


@pytest.mark.parametrize(
    ("images", "pro", "subscribed", "said"),
    [
        (None, False, True, "unknown for these settings (the price is not known exactly)"),
        (0, True, False, "none: a Pro model needs a subscription (inferred from the name)"),
        (0, False, False, "buys 0 images at these settings"),
        (1, True, True, "buys 1 image at these settings"),
        (1250, False, True, "buys 1,250 images at these settings"),
    ],
)
def test_what_a_balance_buys_at_these_settings_too(
    images: int | None, pro: bool, subscribed: bool, said: str
) -> None:
    assert affordable_words(images, pro, subscribed) == said


@pytest.mark.parametrize(
    ("amount", "currency", "said"),
    [
        (D("12.345"), "EUR", "12.35 EUR"),  # to the cent, half up
        (D(7), "EUR", "7.00 EUR"),
        (D("7.5"), "USD", "7.50 USD"),
        (D("1234.5"), "JPY", "1,235 JPY"),  # no minor unit (ISO 4217)
        (D("1234.5"), "krw", "1,235 krw"),
        (D("0.004"), "EUR", "0.00 EUR"),
        (D(7), "", "7.00"),  # no currency named: the amount alone
    ],
)
def test_money_is_rounded_to_the_currencys_smallest_unit_too(amount: D, currency: str, said: str) -> None:
    assert money(amount, currency) == said


def test_money_in_a_locales_style() -> None:
    assert money(D("1234.5"), "EUR", COMMA) == "1.234,50 EUR"


def test_a_rate_reads_to_four_significant_digits_and_gives_every_digit_when_asked() -> None:
    rate = Rate(D("0.0099975"), "USD")
    assert rate_words(rate) == "0.009998 USD per credit"
    assert exact_rate_words(rate) == "Exactly 0.0099975 USD per credit"
    assert rate_words(Rate(D("0.012"), "")) == "0.012 (no currency) per credit"


def test_the_cost_at_the_users_rate_keeps_the_estimates_certainty() -> None:
    rate = Rate(D("0.012"), "EUR")
    assert cost_words(rate, total(STATED)) == "1.76 EUR"  # 147 × 0.012 = 1.764
    assert exact_money(rate, total(STATED)) == "1.764 EUR"
    assert at_your_rate(rate, total(STATED)) == ("1.76 EUR at your rate", "1.764 EUR, exactly")
    # Topaz (inferred) and Midjourney V7 (not published): at least about.
    both = total(TOPAZ, GenerationItem(GenerationRequest("midjourney-v7")))
    assert cost_words(rate, both) == "at least about 4.98 EUR"  # 414.72 × 0.012 = 4.97664
    assert exact_money(rate, both) == "4.97664 EUR"


def _pro_and_top_up() -> BudgetPlan:
    """Issue 25's example: Flux 2 Pro at 2K and Nano Banana Pro at 4K, 500 top-up and 10 free
    credits, no subscription: every credit short, and a price only a lower bound."""
    items = (
        GenerationItem(GenerationRequest("flux-2-pro", "2K")),
        GenerationItem(GenerationRequest("nano-banana-pro", "4K")),
    )
    return plan_budget(
        Balances(False, top_up=D(500), free_daily=D(10)), price_estimate(load_catalog(), Estimate(items))
    )


def test_the_bar_says_each_part_in_the_budgets_own_sentences() -> None:
    plan = _pro_and_top_up()
    said = bar_words(plan, style=GERMAN)
    lines = budget_lines(plan, style=GERMAN)
    assert said.segments == tuple(line.text for line in lines if line.kind == "draw")
    assert said.segments[0] == "Free daily credits: at least 0 of 10 used, at most 10 left"
    assert said.short == next(line.text for line in lines if line.kind == "short")
    assert said.short.startswith("Short by at least 188 credits: Flux 2 Pro and Nano Banana Pro need")
    assert said.unknown == UNKNOWN_PART
    assert said.description == " ".join(
        ["Balances in the order they are spent.", *(f"{s}." for s in said.segments), said.short, UNKNOWN_PART]
    )


def test_a_bar_with_every_price_known_has_no_unknown_part_and_says_what_is_left() -> None:
    items = (GenerationItem(GenerationRequest("flux-dev"), 300),)  # 1,500 credits
    plan = plan_budget(
        Balances(True, D(1000), None, D(2000)), price_estimate(load_catalog(), Estimate(items))
    )
    said = bar_words(plan, style=GERMAN)
    assert (said.short, said.unknown) == ("", "")
    assert said.segments == (
        "Subscription credits: 1.000 of 1.000 used, 0 left",
        "Top-up credits: 500 of 2.000 used, 1.500 left",
    )
    assert said.description.endswith(
        "Top-up credits: 500 of 2.000 used, 1.500 left. Covered: 1.500 credits left after it."
    )


def test_the_renewal_date_is_written_as_the_style_writes_dates() -> None:
    dotted = NumberStyle(date=lambda d: d.strftime("%d.%m.%Y"))  # as the window's locale may
    assert budget_lines(plan(), style=dotted)[-1].text.endswith("at renewal on 20.12.2026 unless spent.")
    assert "2026-12-20" in budget_lines(plan())[-1].text  # the CLI's and the files': ISO 8601
