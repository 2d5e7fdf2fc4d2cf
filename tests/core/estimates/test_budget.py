"""Budgets spend expiring credits first and keep Pro models off free credits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import (
    FREE,
    SUBSCRIPTION,
    TOP_UP,
    Balances,
    affordable_images,
    images_for,
    plan_budget,
)
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.money import Rate, parse_plan, parse_rate
from imagine_calc.core.limits import LimitError
from imagine_calc.core.pricing import generate_view as views
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.pricing.requests import GenerationRequest
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
    assert unsubscribed.pro_models == ("Nano Banana Pro",) and unsubscribed.unpayable_pro == Decimal(160)


def test_unknown_prices_are_said_once_and_never_called_covered() -> None:
    plan = plan_budget(Balances(True, Decimal(1000)), estimate(("midjourney-v7", 1), ("flux-dev", 1)))
    assert plan.needed == Decimal(5) and not plan.complete
    words = [line.text for line in budget_lines(plan)]
    assert words[1] == (
        "The known prices fit, with at most 995 credits left, but some prices are not known: "
        "they come on top and may not fit."
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


def texts(plan: object) -> list[str]:
    return [line.text for line in budget_lines(plan)]  # type: ignore[arg-type]  # a BudgetPlan


def test_what_is_built_on_a_lower_bound_keeps_its_qualifier() -> None:
    """Seedream at 2K is only a base price: used is at least, left at most, lost up to."""
    plan = plan_budget(
        Balances(True, Decimal(3000), RENEWAL, Decimal(40)),
        price_estimate(
            CATALOG,
            Estimate(
                (
                    GenerationItem(GenerationRequest("seedream-v4-5", "2K"), 5),
                    GenerationItem(GenerationRequest("flux-dev"), 2),
                )
            ),
        ),
    )
    assert not plan.complete
    words = texts(plan)
    assert words[0] == "Subscription credits: at least 130 of 3,000 used, at most 2,870 left"
    assert words[1] == "Top-up credits: at least 0 of 40 used, at most 40 left"
    assert "Up to 2,870 subscription credits would be lost at renewal on 2026-12-10 unless spent." in words
    assert plan.draws[0].used_bound.value == "at_least" and plan.lost_bound.value == "at_most"


def test_a_balance_the_estimate_empties_is_used_exactly_even_when_prices_are_unknown() -> None:
    plan = plan_budget(Balances(True, Decimal(100), None), estimate(("midjourney-v7", 1), ("flux-dev", 30)))
    words = texts(plan)
    assert words[0] == "Subscription credits: 100 of 100 used, 0 left"
    assert words[1] == "Short by at least 50 credits: some prices are not known."


def test_without_a_renewal_date_the_loss_is_at_the_next_renewal() -> None:
    plan = plan_budget(Balances(True, Decimal(1000), None), estimate(("flux-dev", 2)))
    assert texts(plan)[-1] == "990 subscription credits would be lost at your next renewal unless spent."


def test_a_balance_not_given_is_not_a_line() -> None:
    plan = plan_budget(Balances(True, Decimal(1000)), estimate(("flux-dev", 2)))
    assert [d.balance for d in plan.draws] == [SUBSCRIPTION]
    assert not any(w.startswith("Top-up") for w in texts(plan))
    free_only = plan_budget(Balances(False, top_up=Decimal(30)), estimate(("flux-dev", 2)))
    assert [d.balance for d in free_only.draws] == [TOP_UP]


def test_the_shortfall_gives_the_reason_that_matters_first_in_one_sentence() -> None:
    balances = Balances(False, top_up=Decimal(500), free_daily=Decimal(10))
    plan = plan_budget(balances, estimate(("nano-banana-pro", 3), ("flux-2-pro", 2), ("midjourney-v7", 1)))
    short = [line for line in budget_lines(plan) if line.kind == "short"]
    assert [line.text for line in short] == [
        "Short by at least 296 credits: Flux 2 Pro and Nano Banana Pro need a subscription "
        "(Pro models, inferred from the name) and some prices are not known."
    ]
    both = plan_budget(Balances(False, top_up=Decimal(5)), estimate(("nano-banana-pro", 1), ("flux-dev", 3)))
    assert texts(both)[-1] == (
        "Short by 90 credits: Nano Banana Pro needs a subscription (a Pro model, inferred from the name) "
        "and the balances lack 10 more."
    )


def test_a_subscription_pays_any_model_together_with_the_top_up() -> None:
    flux = CATALOG.model("flux-dev")  # 5 credits per image
    assert affordable_images(Balances(True, Decimal(300), top_up=Decimal(20)), flux, Decimal(5)) == 64
    # without a subscription, the free credits and the top-up
    unsubscribed = Balances(False, Decimal(300), top_up=Decimal(20), free_daily=Decimal(10))
    assert affordable_images(unsubscribed, flux, Decimal(5)) == 6


def test_images_a_balance_buys_are_whole_images_never_rounded_up() -> None:
    flux = CATALOG.model("flux-dev")
    assert affordable_images(Balances(True, Decimal(100)), flux, Decimal(13)) == 7  # 7.69
    assert affordable_images(Balances(True, Decimal(100)), flux, Decimal(1)) == 100


def test_a_price_of_nothing_buys_no_countable_number_of_images() -> None:
    assert affordable_images(Balances(True, Decimal(100)), CATALOG.model("flux-dev"), Decimal(0)) is None


def buys(model_id: str, resolution: str, balances: Balances, images: int = 1) -> int | None:
    """What the balances buy of `model_id` at the settings of a view made for Nano Banana 2 (as
    when the pointer rests on another model in the list)."""
    view = generate_view(CATALOG, GenerationRequest("nano-banana-2", resolution, images=images))
    return images_for(view, CATALOG.model(model_id), balances)


def test_images_for_the_current_settings_are_priced_one_image_at_a_time() -> None:
    balances = Balances(True, Decimal(300))
    assert buys("nano-banana-2", "2K", balances, images=3) == 4  # 73.5 per image
    assert buys("nano-banana-pro", "4K", balances) == 1  # 160
    assert buys("nano-banana-pro", "4K", Balances(False, top_up=Decimal(999))) == 0


def test_images_for_settings_without_an_exact_price_are_not_counted() -> None:
    balances = Balances(True, Decimal(300))
    assert buys("imagineart-1-5-pro", "4K", balances) is None  # at least 25
    assert buys("midjourney-v7", "1K", balances) is None
    assert buys("chatgpt-1-5", "4K", balances) is None  # not offered


def test_what_a_balance_buys_is_priced_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[GenerationRequest] = []
    real = views.quote_generation

    def counted(catalog: Catalog, req: GenerationRequest) -> Quote:
        asked.append(req)
        return real(catalog, req)

    monkeypatch.setattr(views, "quote_generation", counted)
    view = generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K", images=2))
    made = len(asked)
    assert view.one_image("nano-banana-2") is not None  # one image fewer is in the view already
    first = view.one_image("seedream-v4-5")  # another model's one image is priced when asked
    assert first is not None and view.one_image("seedream-v4-5") is first
    assert asked[made:] == [GenerationRequest("seedream-v4-5", "2K", "1:1", 1, False)]


def test_balances_from_whole_credits_keep_every_field() -> None:
    assert Balances.of_whole(True, 2000, RENEWAL, 300, 10) == Balances(
        True, Decimal(2000), RENEWAL, Decimal(300), Decimal(10)
    )


def test_each_balance_drawn_on_keeps_the_estimates_certainty() -> None:
    known = plan_budget(
        Balances(False, top_up=Decimal(100), free_daily=Decimal(10)), estimate(("flux-dev", 4))
    )
    assert [(d.balance, d.complete) for d in known.draws] == [(FREE, True), (TOP_UP, True)]
    unknown = plan_budget(
        Balances(False, top_up=Decimal(100), free_daily=Decimal(10)),
        estimate(("flux-dev", 1), ("midjourney-v7", 1)),
    )
    assert [(d.balance, d.complete) for d in unknown.draws] == [(FREE, False), (TOP_UP, False)]


def test_without_a_subscription_there_is_no_renewal_and_nothing_to_lose() -> None:
    plan = plan_budget(
        Balances(False, Decimal(500), RENEWAL, free_daily=Decimal(10)), estimate(("flux-dev", 1))
    )
    assert plan.renewal is None and plan.lost_at_renewal == 0


def test_no_pro_model_means_no_pro_flag_to_infer() -> None:
    plan = plan_budget(Balances(False, free_daily=Decimal(10)), estimate(("flux-dev", 1)))
    assert plan.pro_models == () and not plan.pro_inferred
    pro = plan_budget(Balances(False, free_daily=Decimal(10)), estimate(("nano-banana-pro", 1)))
    assert pro.pro_models == ("Nano Banana Pro",) and pro.pro_inferred
