"""A team from the window's boxes: whole credits, 0 as "no limit", this month by default."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from imagine_calc.core.estimates.team import AutoTopUp, Member, Team
from imagine_calc.core.estimates.team_typed import member_of, new_team, whole_limit, with_pool


def test_a_new_team_plans_this_month_with_an_empty_pool() -> None:
    assert new_team(dt.date(2026, 12, 17)) == Team(dt.date(2026, 12, 1), D(0))


def test_the_pool_as_typed_keeps_the_members_and_plans_the_month_of_the_day_given() -> None:
    team = Team(dt.date(2026, 12, 1), D(0), members=(Member("Ana", D(10)),))
    typed = with_pool(team, dt.date(2027, 2, 14), 4000, dt.date(2027, 2, 20), 500, (100, 1000))
    assert typed == Team(
        dt.date(2027, 2, 1), D(4000), dt.date(2027, 2, 20), D(500), team.members, AutoTopUp(D(100), D(1000))
    )
    assert with_pool(team, dt.date(2027, 2, 1), 0, None, 0, None).auto_top_up is None


def test_a_limit_of_zero_is_no_limit_and_back() -> None:
    assert member_of("Ana", 0) == Member("Ana") and member_of("Ana", 2000) == Member("Ana", D(2000))
    assert whole_limit(None) == 0 and whole_limit(D("1500.7")) == 1500
