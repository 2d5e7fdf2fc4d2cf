"""The team's bars in fractions: the pool as wide as its balances (and the automatic top-ups
bought), short only where nothing covers it, and each member on one scale with their limit."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from imagine_calc.core.estimates.budget import SUBSCRIPTION, TOP_UP
from imagine_calc.core.estimates.team import AutoTopUp
from imagine_calc.core.estimates.team_bar import AUTO_TOP_UPS, member_bars, pool_bar, pool_draws
from imagine_calc.core.estimates.team_budget import plan_team
from tests.core.estimates.test_team_budget import STUDIO, priced, studio


def test_the_pool_is_subscription_then_top_ups_and_what_is_short_after_them() -> None:
    # 4,379 known of a pool of 3,000 + 500: short by at least 879, after both balances.
    plan = plan_team(replace(studio(), subscription=D(3000)), priced(*STUDIO))
    bar = pool_bar(plan)
    assert [s.draw.balance for s in bar.segments] == [SUBSCRIPTION, TOP_UP]
    extent = 3000 + 500 + 879
    assert bar.segments[0].used == pytest.approx(3000 / extent)
    assert bar.segments[1].start == pytest.approx(3000 / extent)
    assert bar.short == pytest.approx(879 / extent)
    assert bar.unknown  # Midjourney's price: an open cap


def test_automatic_top_ups_are_a_segment_of_their_own_and_nothing_is_short() -> None:
    # Short by 879 below a threshold of 500: ceil((500 + 879) / 1,000) = 2 top-ups, 2,000 credits.
    plan = plan_team(
        replace(studio(), subscription=D(3000), auto_top_up=AutoTopUp(D(500), D(1000))), priced(*STUDIO)
    )
    draws = pool_draws(plan)
    assert [d.balance for d in draws] == [SUBSCRIPTION, TOP_UP, AUTO_TOP_UPS]
    assert (draws[2].available, draws[2].used) == (D(2000), D(879))
    bar = pool_bar(plan)
    assert bar.short == 0
    assert bar.segments[2].used == pytest.approx(879 / 5500)


def test_no_top_up_bought_adds_no_segment() -> None:
    plan = plan_team(
        replace(studio(), subscription=D(9000), auto_top_up=AutoTopUp(D(500), D(1000))), priced(*STUDIO)
    )
    assert [d.balance for d in pool_draws(plan)] == [SUBSCRIPTION, TOP_UP]


def test_members_share_one_scale_with_their_limits() -> None:
    bars = member_bars(plan_team(studio(), priced(*STUDIO)))
    ana, ben, chloe, dev, _eli, unassigned = bars
    # The largest figure is Ana's limit, 2,000.
    assert (ana.within, ana.left, ana.over) == pytest.approx((1894 / 2000, 106 / 2000, 0))
    assert (ben.within, ben.left, ben.over) == pytest.approx((1000 / 2000, 0, 200 / 2000))
    assert ben.end == pytest.approx(1200 / 2000) and ana.end == pytest.approx(1894 / 2000)
    assert not chloe.limited and chloe.unknown and chloe.within == pytest.approx(300 / 2000)
    assert not dev.unknown and dev.left == 0
    assert unassigned.use.name == "" and unassigned.within == pytest.approx(205 / 2000)


def test_no_unassigned_bar_without_unassigned_lines() -> None:
    assigned = tuple(item for item in STUDIO if item.member and item.member != "Zoe")
    assert len(member_bars(plan_team(studio(), priced(*assigned)))) == 5
