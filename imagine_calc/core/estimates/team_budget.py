"""Does a month's plan fit a team's pool, and does each member stay within their limit?

The pool is spent as the personal budget spends a subscribed user's balances (plan_budget:
subscription credits first, then top-ups; free daily credits play no part, Pro models are
fine). Each member uses the known credits of the lines assigned to them; a line that names no
member, or a name not in the team, is unassigned (the unknown names are listed).

Every figure keeps the estimate's certainty, as the personal budget reasons: a member with an
unknown price on a line uses at least the known credits, so is over by at least, or has at most
what is shown left; an auto top-up count is at least the one the known prices set off.

Auto top-up, as ImagineArt describes it for enterprise plans: whenever the pool falls below the
threshold, one top-up of `amount` is bought, again until it is back at or above the threshold.
With a pool of P and known spending S: none when P - S >= threshold, else
k = ceil((threshold - (P - S)) / amount). Those credits never expire and cover what would
otherwise be short. What expires at renewal is the subscription left after the month's plan,
said only for a renewal inside the month planned (outside it, the plan says where it falls
rather than guess what else is spent before it). Data only: core/text/team.py words it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from imagine_calc.core.estimates.budget import Balances, Bound, BudgetPlan, plan_budget
from imagine_calc.core.pricing.quotes import QuoteState, sum_quotes

if TYPE_CHECKING:
    from imagine_calc.core.estimates.estimate import PricedEstimate, PricedItem
    from imagine_calc.core.estimates.team import AutoTopUp, Team

ZERO = Decimal(0)


@dataclass(frozen=True)
class MemberUse:
    """What one member's lines use (`name` "" and no limit: the unassigned lines)."""

    name: str
    limit: Decimal | None
    #: Known credits of their lines; unknown prices come on top when not `complete`.
    used: Decimal
    complete: bool
    #: Their lines' total state (its "about"), which their figures keep.
    state: QuoteState
    #: Their lines, 1-based as the estimate lists them.
    lines: tuple[int, ...]

    @property
    def used_bound(self) -> Bound:
        return Bound.EXACT if self.complete else Bound.AT_LEAST

    @property
    def over(self) -> Decimal:
        """Credits beyond the limit (0 within it or without one)."""
        return ZERO if self.limit is None else max(ZERO, self.used - self.limit)

    @property
    def over_bound(self) -> Bound:
        return Bound.EXACT if self.complete else Bound.AT_LEAST

    @property
    def left(self) -> Decimal:
        """What the limit leaves (0 when over; 0 without a limit: see `limit`)."""
        return ZERO if self.limit is None else max(ZERO, self.limit - self.used)

    @property
    def left_bound(self) -> Bound:
        """Unknown prices may still spend what is left: at most that is left."""
        return Bound.AT_MOST if not self.complete and self.left > 0 else Bound.EXACT

    @property
    def may_go_over(self) -> bool:
        """Within the limit on the known prices, but unknown ones may take them over it."""
        return self.limit is not None and not self.over and not self.complete

    @property
    def estimated(self) -> bool:
        return self.state.estimated


class Renewal(StrEnum):
    """Where the subscription's renewal falls against the month planned."""

    NOT_GIVEN = "not_given"
    IN_MONTH = "in_month"
    BEFORE_MONTH = "before_month"
    AFTER_MONTH = "after_month"


@dataclass(frozen=True)
class AutoTopUps:
    """How many automatic top-ups the month's plan sets off, and what they add."""

    rule: AutoTopUp
    count: int
    #: At least `count` where prices are not known (more spending, more top-ups).
    bound: Bound

    @property
    def added(self) -> Decimal:
        return self.rule.amount * self.count


@dataclass(frozen=True)
class TeamPlan:
    month: dt.date
    #: The pool spent as the personal budget spends a subscribed user's balances.
    pool: BudgetPlan
    #: One per member, in the team's order; then the lines no member of the team has.
    members: tuple[MemberUse, ...]
    unassigned: MemberUse
    #: Names lines give that are not in the team (their lines count as unassigned), in order.
    unknown_names: tuple[str, ...]
    renewal: dt.date | None
    renewal_falls: Renewal
    #: Subscription credits left after the plan, lost at a renewal inside the month; None where
    #: no renewal was given or it falls outside the month (`renewal_falls` says which).
    lost_at_renewal: Decimal | None
    auto_top_ups: AutoTopUps | None

    @property
    def state(self) -> QuoteState:
        """The estimate total's state (its "at least", its "about"), kept by every figure."""
        return self.pool.state

    @property
    def estimated(self) -> bool:
        return self.pool.estimated

    @property
    def complete(self) -> bool:
        return self.pool.complete

    @property
    def needed(self) -> Decimal:
        return self.pool.needed

    @property
    def short(self) -> Decimal:
        """Credits the pool cannot pay: none once auto top-ups buy what is missing."""
        return ZERO if self.auto_top_ups is not None else self.pool.short

    @property
    def short_bound(self) -> Bound:
        return self.pool.short_bound

    @property
    def fits(self) -> bool:
        """The known prices fit the pool (unknown ones may still not: see `complete`)."""
        return self.short == 0

    @property
    def lost_bound(self) -> Bound:
        return self.pool.lost_bound

    @property
    def over_limit(self) -> tuple[MemberUse, ...]:
        return tuple(m for m in self.members if m.over)


def plan_team(team: Team, priced: PricedEstimate) -> TeamPlan:
    """The month's plan against the pool, each member's limit and the auto top-up."""
    pool = plan_budget(Balances(True, team.subscription, team.renewal, team.top_up), priced)
    assigned: dict[str, list[int]] = {m.key: [] for m in team.members}
    unassigned: list[int] = []
    unknown: dict[str, str] = {}
    for number, p in enumerate(priced.items, start=1):
        member = team.member(p.item.member)
        if member is not None:
            assigned[member.key].append(number)
            continue
        unassigned.append(number)
        if p.item.member.strip():
            unknown.setdefault(p.item.member.strip().casefold(), p.item.member)
    members = tuple(_use(m.name, m.limit, assigned[m.key], priced.items) for m in team.members)
    falls = _renewal_falls(team.renewal, team.month)
    return TeamPlan(
        team.month,
        pool,
        members,
        _use("", None, unassigned, priced.items),
        tuple(unknown.values()),
        team.renewal,
        falls,
        pool.lost_at_renewal if falls is Renewal.IN_MONTH else None,
        None if team.auto_top_up is None else _auto(team, pool),
    )


def _use(name: str, limit: Decimal | None, lines: list[int], items: tuple[PricedItem, ...]) -> MemberUse:
    total = sum_quotes(items[n - 1].quote for n in lines)
    return MemberUse(name, limit, total.known_total, total.complete, total.state, tuple(lines))


def _renewal_falls(renewal: dt.date | None, month: dt.date) -> Renewal:
    if renewal is None:
        return Renewal.NOT_GIVEN
    if renewal < month:
        return Renewal.BEFORE_MONTH
    if (renewal.year, renewal.month) > (month.year, month.month):
        return Renewal.AFTER_MONTH
    return Renewal.IN_MONTH


def _auto(team: Team, pool: BudgetPlan) -> AutoTopUps:
    rule = team.auto_top_up
    assert rule is not None
    after = team.subscription + team.top_up - pool.needed
    count = 0
    if after < rule.threshold:
        count = int(((rule.threshold - after) / rule.amount).to_integral_value(rounding=ROUND_CEILING))
    return AutoTopUps(rule, count, Bound.EXACT if pool.complete else Bound.AT_LEAST)
