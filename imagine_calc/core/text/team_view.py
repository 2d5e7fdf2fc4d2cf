"""Words only the window's team mode says: a limit as a cell shows it, why a member's name is
refused, and what each part of the pool's bar is (core/estimates/team_bar.py).

The records refuse a bad team with an English TeamError (core/estimates/team.py, for files and
the command line); a person typing a name in the window reads why in their own language. The
plan's sentences themselves are core/text/team.py's, the same as the command line prints.
"""

from __future__ import annotations

from decimal import Decimal

from imagine_calc.core.estimates.team import Team
from imagine_calc.core.estimates.team_budget import MemberUse, TeamPlan
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_MEMBER_NAME, MAX_MEMBERS
from imagine_calc.core.numbers import PLAIN, NumberStyle, whole
from imagine_calc.core.text.budget import BarWords, bar_words
from imagine_calc.core.text.quotes import credits_words
from imagine_calc.core.text.team import auto_top_up_words, member_words, unassigned_words


def limit_cell(limit: Decimal | None, style: NumberStyle = PLAIN) -> str:
    """ "1,000 credits", or "no limit"."""
    if limit is None:
        return _("no limit")
    return credits_words(limit, style)


def refused_name(team: Team, name: str, renaming: str = "") -> str:
    """Why `name` cannot be a member's name (renaming the member now named `renaming`), or ""."""
    if not name.strip():
        return _("A member needs a name.")
    if len(name) > MAX_MEMBER_NAME:
        return _("A member's name has at most {n} characters.").format(n=whole(MAX_MEMBER_NAME))
    same = team.member(name)
    if same is not None and same.name != renaming:
        return _("{name} is already a member: each member needs a name of their own.").format(name=same.name)
    if not renaming and len(team.members) >= MAX_MEMBERS:
        return _("A team has at most {n} members.").format(n=whole(MAX_MEMBERS))
    return ""


def no_team_yet() -> str:
    return _("Type the pool your team's plan shows and add its members: the plan appears here.")


def use_words(use: MemberUse, style: NumberStyle = PLAIN) -> str:
    """A member's bar, in the words of the plan's line: "Ben: 1,200 of 1,000 credits, over by 200"."""
    return member_words(use, style) if use.name else unassigned_words(use, style)


def pool_bar_words(plan: TeamPlan, style: NumberStyle = PLAIN) -> BarWords:
    """The pool's bar: each balance as the plan's lines say it, the automatic top-ups bought, what
    is still short, the open cap; all of it at once for a screen reader."""
    pool = bar_words(plan.pool, None, style)
    auto = plan.auto_top_ups
    segments = pool.segments
    if auto is not None and auto.count:
        segments = (*segments, auto_top_up_words(auto, plan.estimated, style))
    short = pool.short if auto is None else ""
    said = [_("{sentence}.").format(sentence=s) for s in pool.segments]
    said += [t for t in (*segments[len(pool.segments) :], short, pool.unknown) if t]
    description = " ".join([_("The team's pool, in the order it is spent."), *said])
    return BarWords(segments, short, pool.unknown, description)
