"""The budget's bar, read as geometry: balances in the order they are spent, each as wide as it
holds, the shortfall after them, and an open cap of fixed width only where prices are unknown."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.budget import FREE, SUBSCRIPTION, TOP_UP, Balances, BudgetPlan, plan_budget
from imagine_calc.core.estimates.budget_bar import BudgetBar, Part, Span, budget_bar
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, PricedEstimate, price_estimate
from imagine_calc.core.pricing.requests import GenerationRequest

CATALOG = load_catalog()


def estimate(*lines: tuple[str, str, int]) -> PricedEstimate:
    items = tuple(GenerationItem(GenerationRequest(m, r), n) for m, r, n in lines)
    return price_estimate(CATALOG, Estimate(items))


def plan(balances: Balances, *lines: tuple[str, str, int]) -> BudgetPlan:
    return plan_budget(balances, estimate(*lines))


def widths(spans: tuple[Span, ...], part: Part) -> list[float]:
    return [s.x1 - s.x0 for s in spans if s.part is part]


FLUX_100 = ("flux-dev", "1K", 100)  # 500 credits, known exactly
UNKNOWN = ("midjourney-v7", "1K", 1)  # no published price


def test_balances_come_in_the_order_they_are_spent_each_as_wide_as_it_holds() -> None:
    bar = budget_bar(plan(Balances(True, D(3000), None, D(1000)), FLUX_100))
    assert [s.draw.balance for s in bar.segments] == [SUBSCRIPTION, TOP_UP]
    sub, top = bar.segments
    assert (sub.start, sub.used, sub.left) == pytest.approx((0, 500 / 4000, 2500 / 4000))
    assert (top.start, top.used, top.left) == pytest.approx((3000 / 4000, 0, 1000 / 4000))
    assert bar.short == 0 and bar.open_at is None
    free = budget_bar(plan(Balances(False, top_up=D(500), free_daily=D(100)), ("flux-dev", "1K", 30)))
    assert [s.draw.balance for s in free.segments] == [FREE, TOP_UP]
    assert free.segments[0].used == pytest.approx(100 / 600) and free.segments[1].used == pytest.approx(
        50 / 600
    )


def test_a_shortfall_follows_the_balances_and_the_whole_bar_is_one() -> None:
    bar = budget_bar(plan(Balances(True, D(300), None, D(100)), FLUX_100))  # 500 needed, 400 held
    assert bar.short == pytest.approx(100 / 500)
    assert sum(s.width for s in bar.segments) + bar.short == pytest.approx(1)
    assert all(s.left == 0 for s in bar.segments)
    spans = bar.spans(500, 12)
    assert widths(spans, Part.SHORT) == pytest.approx([100])
    assert [s.part for s in spans] == [Part.USED, Part.USED, Part.SHORT]  # nothing open: all known


def test_the_open_cap_comes_only_with_unknown_prices_after_the_known_part() -> None:
    known = budget_bar(plan(Balances(True, D(2000)), FLUX_100))
    assert known.open_at is None and Part.OPEN not in {s.part for s in known.spans(400, 12)}

    fits = budget_bar(plan(Balances(True, D(2000)), FLUX_100, UNKNOWN))
    assert fits.open_at == pytest.approx(500 / 2000)  # after the credits known to be used
    cap = [s for s in fits.spans(400, 12) if s.part is Part.OPEN]
    assert len(cap) == 1 and cap[0].x0 == pytest.approx(100) and cap[0].x1 - cap[0].x0 == pytest.approx(12)

    short = budget_bar(plan(Balances(True, D(100)), FLUX_100, UNKNOWN))
    assert short.open_at == 1
    spans = short.spans(400, 12)
    (end,) = [s for s in spans if s.part is Part.SHORT]
    (cap,) = [s for s in spans if s.part is Part.OPEN]
    assert (cap.x0, cap.x1) == pytest.approx((end.x1, 400))  # room kept after the end for the cap
    assert end.x1 == pytest.approx(388)

    nothing_known = budget_bar(plan(Balances(True, D(100)), UNKNOWN))
    assert nothing_known.open_at == 0
    (cap,) = [s for s in nothing_known.spans(400, 12) if s.part is Part.OPEN]
    assert (cap.x0, cap.x1) == (0, 12)


def test_the_cap_has_a_fixed_width_whatever_the_unknown_part_and_never_passes_the_end() -> None:
    for balance in (D(501), D(520), D(1000), D(100_000)):
        bar = budget_bar(plan(Balances(True, balance), FLUX_100, UNKNOWN))
        spans = bar.spans(300, 12)
        (cap,) = [s for s in spans if s.part is Part.OPEN]
        assert cap.x1 - cap.x0 == pytest.approx(12) and cap.x1 <= 300
        assert max(s.x1 for s in spans) <= 300


def test_segments_are_drawn_in_proportion_and_a_tiny_balance_stays_visible() -> None:
    bar = budget_bar(plan(Balances(False, top_up=D(5000), free_daily=D(10)), ("nano-banana-pro", "4K", 40)))
    spans = bar.spans(500, 12, least=6)
    free = sum(s.x1 - s.x0 for s in spans if s.segment == 0)
    top = sum(s.x1 - s.x0 for s in spans if s.segment == 1)
    (short,) = widths(spans, Part.SHORT)  # 6,400 needed by a Pro model, no subscription: all short
    assert free == pytest.approx(6)
    assert top / short == pytest.approx(5000 / 6400)
    assert free + top + short == pytest.approx(500)
    in_proportion = bar.spans(500, 12)
    assert sum(s.x1 - s.x0 for s in in_proportion if s.segment == 0) == pytest.approx(500 * 10 / 11410)


def test_used_and_left_split_each_balance_where_the_estimate_stops() -> None:
    bar = budget_bar(plan(Balances(True, D(300), None, D(300)), FLUX_100))
    spans = bar.spans(600, 12)
    assert [(s.part, s.segment) for s in spans] == [(Part.USED, 0), (Part.USED, 1), (Part.LEFT, 1)]
    assert widths(spans, Part.USED) == pytest.approx([300, 200]) and widths(
        spans, Part.LEFT
    ) == pytest.approx([100])
    assert spans[1].contains(300) and not spans[1].contains(500) and spans[2].contains(500)


def test_nothing_to_draw_without_credits_shortfall_or_unknowns() -> None:
    assert budget_bar(plan(Balances(True, D(0)), ("flux-dev", "1K", 0))).empty
    assert not budget_bar(plan(Balances(True, D(0)), UNKNOWN)).empty  # the cap alone says "more"
    assert not BudgetBar((), 1.0, False).empty
