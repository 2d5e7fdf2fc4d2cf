"""Budgets spend expiring credits first and keep Pro models off free credits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.budget import (
    FREE,
    SUBSCRIPTION,
    TOP_UP,
    Balances,
    affordable_images,
    plan_budget,
)
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.money import Rate, parse_plan, parse_rate
from imagine_calc.core.limits import LimitError
from imagine_calc.core.pricing.quotes import GenerationRequest
from imagine_calc.core.text.budget import budget_lines, money

CATALOG = load_catalog()
RENEWAL = dt.date(2026, 12, 10)


def estimate(*lines: tuple[str, int]) -> object:
    items = tuple(GenerationItem(GenerationRequest(model), count) for model, count in lines)
    return price_estimate(CATALOG, Estimate(items))


def used(plan: object) -> dict[str, Decimal]:
    return {d.balance: d.used for d in plan.draws}  # type: ignore[attr-defined]


def test_subscription_credits_go_before_top_up() -> None:
    plan = plan_budget(Balances(True, Decimal(500), RENEWAL, Decimal(1000)), estimate(("flux-dev", 120)))
    assert used(plan) == {SUBSCRIPTION: Decimal(500), TOP_UP: Decimal(100)}
    assert plan.covered and plan.left == Decimal(900)
    assert plan.lost_at_renewal == 0


def test_what_is_left_of_the_subscription_is_lost_at_renewal() -> None:
    plan = plan_budget(Balances(True, Decimal(2000), RENEWAL, Decimal(300)), estimate(("flux-dev", 100)))
    assert used(plan) == {SUBSCRIPTION: Decimal(500), TOP_UP: Decimal(0)}
    assert plan.lost_at_renewal == Decimal(1500)
    assert plan.renewal == RENEWAL


def test_short_when_all_balances_run_out() -> None:
    plan = plan_budget(Balances(True, Decimal(100), RENEWAL, Decimal(50)), estimate(("nano-banana-pro", 3)))
    assert plan.short == Decimal(240 - 150)
    assert not plan.covered


def test_free_credits_come_first_without_a_subscription() -> None:
    plan = plan_budget(
        Balances(False, top_up=Decimal(500), free_daily=Decimal(100)), estimate(("flux-dev", 30))
    )
    assert used(plan) == {FREE: Decimal(100), TOP_UP: Decimal(50)}
    assert plan.lost_at_renewal == 0 and plan.renewal is None


def test_free_credits_never_pay_for_a_pro_model() -> None:
    balances = Balances(True, Decimal(100), RENEWAL, Decimal(0), free_daily=Decimal(1000))
    plan = plan_budget(balances, estimate(("nano-banana-pro", 2), ("flux-dev", 4)))
    # Subscribed: no free credits at all; the 180 needed exceeds the 100 of subscription credits.
    assert plan.short == Decimal(80)
    unsubscribed = plan_budget(Balances(False, free_daily=Decimal(1000)), estimate(("nano-banana-pro", 2)))
    assert used(unsubscribed)[FREE] == 0
    assert unsubscribed.short == Decimal(160)
    assert any("Nano Banana Pro needs a subscription" in w for w in unsubscribed.warnings)


def test_unknown_prices_are_said_once_and_never_called_covered() -> None:
    plan = plan_budget(Balances(True, Decimal(1000)), estimate(("midjourney-v7", 1), ("flux-dev", 1)))
    assert plan.needed == Decimal(5) and not plan.complete
    words = [line.text for line in budget_lines(plan)]
    assert words[-1] == (
        "The known prices fit, with 995 credits left; the prices not known come on top and may not fit."
    )
    assert sum("not known" in w for w in words) == 1


def test_short_with_unknown_prices_is_short_by_at_least() -> None:
    plan = plan_budget(Balances(True, Decimal(10)), estimate(("midjourney-v7", 1), ("flux-dev", 3)))
    words = [line.text for line in budget_lines(plan)]
    assert plan.short == Decimal(5)
    assert "Short by at least 5 credits: some prices are not known." in words
    assert sum("not known" in w for w in words) == 1


@pytest.mark.parametrize(
    ("balances", "model", "expected"),
    [
        (Balances(False, free_daily=Decimal(100)), "flux-dev", 20),
        (Balances(False, free_daily=Decimal(100), top_up=Decimal(60)), "nano-banana-pro", 0),
        (Balances(True, Decimal(300), top_up=Decimal(20)), "nano-banana-pro", 4),
        (Balances(True, Decimal(300)), "midjourney-v7", None),
    ],
)
def test_how_many_images_a_balance_buys(balances: Balances, model: str, expected: int | None) -> None:
    m = CATALOG.model(model)
    assert affordable_images(balances, m, m.price_at("1K")) == expected


def test_money_only_at_the_users_rate() -> None:
    rate = Rate.from_plan(Decimal("28"), Decimal("2000"), "EUR")
    assert rate.per_credit == Decimal("0.014")
    assert money(rate.cost(Decimal(12800)), rate.currency) == "179.20 EUR"
    assert parse_rate("0,01", "USD") == Rate(Decimal("0.01"), "USD")
    assert parse_rate("", "USD") is None
    with pytest.raises(LimitError, match="a price per credit must be a number from 0 to"):
        parse_rate("-1", "USD")
    with pytest.raises(LimitError, match="got '999999999999999999999999999999'"):
        parse_rate("9" * 30, "USD")
    assert parse_plan("", " ", "EUR") is None
    with pytest.raises(LimitError, match="a plan's credits must be more than 0"):
        parse_plan("28", "0", "EUR")
