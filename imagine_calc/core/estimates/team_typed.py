"""A team as the window's boxes hold it: whole credits in spin boxes, a limit of 0 for "no limit".

The window has no Decimal arithmetic of its own (an import contract), so the records it sends
are made here, as Balances.of_whole makes the personal budget's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from imagine_calc.core.estimates.team import AutoTopUp, Member, Team, month_of


def new_team(today: dt.date | None = None) -> Team:
    """A team before anything is typed: this month, an empty pool, no members."""
    return Team(month_of(today or dt.date.today()), Decimal(0))


def with_pool(
    team: Team,
    month: dt.date,
    subscription: int,
    renewal: dt.date | None,
    top_up: int,
    auto: tuple[int, int] | None,
) -> Team:
    """`team` with the pool as typed (whole credits; `auto` as threshold and amount), members kept."""
    return replace(
        team,
        month=month_of(month),
        subscription=Decimal(subscription),
        renewal=renewal,
        top_up=Decimal(top_up),
        auto_top_up=None if auto is None else AutoTopUp(Decimal(auto[0]), Decimal(auto[1])),
    )


def member_of(name: str, limit: int) -> Member:
    """A member as typed: a limit of 0 is the spin box's "no limit"."""
    return Member(name, Decimal(limit) if limit else None)


def whole_limit(limit: Decimal | None) -> int:
    """A limit as the spin box holds it: 0 for none, whole credits (rounded down) otherwise."""
    return 0 if limit is None else int(limit)
