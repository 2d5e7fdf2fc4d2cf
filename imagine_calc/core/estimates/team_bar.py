"""A team's plan as bars, in fractions, with no Qt: the pool as the personal budget's bar, and a
small bar per member against their limit.

The pool's bar is budget_bar's (core/estimates/budget_bar.py): subscription, then top-ups, each
as wide as it holds with what the plan uses filled; automatic top-ups, when any are bought, as
one more segment after them (what they add, the part the plan needs filled); what the pool still
cannot pay in red; an open cap where prices are not known. A member's bar shares one scale with
the others (the largest of any limit or use), so bars compare: the use within the limit, what
the limit leaves, then the use beyond the limit; a member without a limit has no limit's end to
draw. Floats for drawing only: every figure read comes from the plan (core/text/team.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from imagine_calc.core.estimates.budget import Draw
from imagine_calc.core.estimates.budget_bar import BudgetBar, Segment
from imagine_calc.core.estimates.team_budget import MemberUse, TeamPlan
from imagine_calc.core.language import N_

#: The automatic top-ups' segment, by the name the bar's words give it.
AUTO_TOP_UPS = N_("Automatic top-ups")


def pool_draws(plan: TeamPlan) -> tuple[Draw, ...]:
    """The pool's balances in the order they are spent, then the automatic top-ups bought (what
    they add, and the part of it the plan needs): the pool alone leaves that part short."""
    draws = plan.pool.draws
    auto = plan.auto_top_ups
    if auto is None or not auto.count:
        return draws
    return (*draws, Draw(AUTO_TOP_UPS, auto.added, min(plan.pool.short, auto.added), plan.complete))


def pool_bar(plan: TeamPlan) -> BudgetBar:
    """The pool's bar: each balance, the automatic top-ups, then what is still short."""
    draws = pool_draws(plan)
    extent = float(sum((d.available for d in draws), Decimal(0)) + plan.short)
    scale = 1.0 / extent if extent else 0.0
    segments, start = [], 0.0
    for d in draws:
        used, left = float(d.used) * scale, float(d.left) * scale
        segments.append(Segment(d, start, used, left))
        start += used + left
    return BudgetBar(tuple(segments), float(plan.short) * scale, not plan.complete)


@dataclass(frozen=True)
class MemberBar:
    """One member's use, as fractions of the scale all members' bars share."""

    use: MemberUse
    #: Used within the limit (all of it without a limit), what the limit leaves, used beyond it.
    within: float
    left: float
    over: float
    #: Their lines have prices not known: they use more than `within + over` shows.
    unknown: bool

    @property
    def limited(self) -> bool:
        return self.use.limit is not None

    @property
    def end(self) -> float:
        """Where the known use ends."""
        return self.within + self.left + self.over if self.over else self.within


def member_bars(plan: TeamPlan) -> tuple[MemberBar, ...]:
    """A bar per member, then one for the unassigned lines if there are any, on one scale."""
    uses = [*plan.members, *([plan.unassigned] if plan.unassigned.lines else [])]
    largest = max((max(u.used, u.limit or 0) for u in uses), default=Decimal(0))
    scale = 1.0 / float(largest) if largest else 0.0
    out = []
    for u in uses:
        within = min(u.used, u.limit) if u.limit is not None else u.used
        out.append(
            MemberBar(u, float(within) * scale, float(u.left) * scale, float(u.over) * scale, not u.complete)
        )
    return tuple(out)
