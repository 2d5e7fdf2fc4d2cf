"""Words for a team's month: the pool, each member against their limit, auto top-ups, expiry.

The same sentences in the window, the command line and the JSON's `text`. Every figure keeps
its bound as the personal budget's do (core/text/budget.py's FIGURE_WORDS): a member with an
unknown price "uses at least", is "over by at least", has "at most" left; "about" where the
figures rest on an inferred price. Member names are the user's text, filled in as they are.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from imagine_calc.core.estimates.budget import Bound
from imagine_calc.core.estimates.team import next_month
from imagine_calc.core.estimates.team_budget import AutoTopUps, MemberUse, Renewal, TeamPlan
from imagine_calc.core.language import N_, _, english, ngettext
from imagine_calc.core.numbers import PLAIN, NumberStyle, approx, number, plain_decimal
from imagine_calc.core.text.budget import (
    FIGURE_WORDS,
    UP_TO_WORDS,
    BudgetLine,
    Figures,
    and_list,
    known_fit_words,
)

Kind = Literal["draw", "short", "covered", "lost", "warning"]

#: A month and its year, as each language says it ("December 2026", "diciembre de 2026").
MONTHS = (
    N_("January {year}"),
    N_("February {year}"),
    N_("March {year}"),
    N_("April {year}"),
    N_("May {year}"),
    N_("June {year}"),
    N_("July {year}"),
    N_("August {year}"),
    N_("September {year}"),
    N_("October {year}"),
    N_("November {year}"),
    N_("December {year}"),
)


def month_words(month: dt.date) -> str:
    """ "December 2026"."""
    return _(MONTHS[month.month - 1]).format(year=month.year)


def figure(value: Decimal, bound: Bound, about: bool, style: NumberStyle, up_to: bool = False) -> str:
    """ "at least 1,200", "about 300", "up to 500": a figure with its bound."""
    shown = approx(value, style) if about else number(value, style)
    template = UP_TO_WORDS[about] if up_to and bound is Bound.AT_MOST else FIGURE_WORDS[bound, about]
    return _(template).format(n=shown)


def month_line(plan: TeamPlan, style: NumberStyle = PLAIN) -> str:
    """ "Plan for December 2026; member limits reset on 2027-01-01."."""
    reset = next_month(plan.month)
    return _("Plan for {month}; member limits reset on {date}.").format(
        month=month_words(plan.month), date=style.date(reset)
    )


def pool_line(plan: TeamPlan, style: NumberStyle = PLAIN) -> str:
    """ "Shared pool: 4,500 credits." """
    available = sum((d.available for d in plan.pool.draws), Decimal(0))
    return _("Shared pool: {n} credits.").format(n=number(available, style))


def member_words(use: MemberUse, style: NumberStyle = PLAIN) -> str:
    """ "Ben: 1,200 of 1,000 credits, over by 200"; "Chloé: at least 300 credits, no limit"."""
    about = use.estimated
    used = figure(use.used, use.used_bound, about, style)
    if use.limit is None:
        return _("{name}: {used} credits, no limit").format(name=use.name, used=used)
    limit = number(use.limit, style)
    if use.over:
        over = figure(use.over, use.over_bound, about, style)
        return _("{name}: {used} of {limit} credits, over by {over}").format(
            name=use.name, used=used, limit=limit, over=over
        )
    left = figure(use.left, use.left_bound, about and use.left > 0, style)
    if use.may_go_over:
        return _(
            "{name}: {used} of {limit} credits, {left} left; prices not known may take them over the limit"
        ).format(name=use.name, used=used, limit=limit, left=left)
    return _("{name}: {used} of {limit} credits, {left} left").format(
        name=use.name, used=used, limit=limit, left=left
    )


def unassigned_words(use: MemberUse, style: NumberStyle = PLAIN) -> str:
    """ "Not assigned to a member: 205 credits"."""
    used = figure(use.used, use.used_bound, use.estimated, style)
    return _("Not assigned to a member: {used} credits").format(used=used)


def unknown_names_words(names: tuple[str, ...]) -> str:
    """The names lines give that are not in the team."""
    return ngettext(
        "{names} is not a member of the team: their lines count as not assigned.",
        "{names} are not members of the team: their lines count as not assigned.",
        len(names),
    ).format(names=and_list(list(names)))


def renewal_words(plan: TeamPlan, style: NumberStyle = PLAIN) -> str:
    """What expires at renewal, or why that is not worked out; "" when nothing is to say."""
    renewal, month = plan.renewal, month_words(plan.month)
    if plan.renewal_falls is Renewal.IN_MONTH and plan.lost_at_renewal and renewal is not None:
        lost = figure(plan.lost_at_renewal, plan.lost_bound, plan.estimated, style, up_to=True)
        said = _("{n} subscription credits would be lost at renewal on {date} unless spent.").format(
            n=lost, date=style.date(renewal)
        )
        return said[:1].upper() + said[1:]
    if plan.renewal_falls is Renewal.BEFORE_MONTH and renewal is not None:
        return _(
            "The subscription renews on {date}, before {month}: what expires then is not part of this plan."
        ).format(date=style.date(renewal), month=month)
    if plan.renewal_falls is Renewal.AFTER_MONTH and renewal is not None:
        return _(
            "The subscription renews on {date}, after {month}: what expires then depends on what is "
            "spent before it, so it is not worked out here."
        ).format(date=style.date(renewal), month=month)
    return ""


def auto_top_up_words(auto: AutoTopUps, estimated: bool, style: NumberStyle = PLAIN) -> str:
    """ "At least 2 automatic top-ups of 500 credits would be bought: at least 1,000 credits."."""
    amount = number(auto.rule.amount, style)
    if auto.count == 0:
        if auto.bound is Bound.AT_LEAST:
            return _("No automatic top-up for the known prices; prices not known may set some off.")
        return _("No automatic top-up: the pool stays at or above {threshold} credits.").format(
            threshold=number(auto.rule.threshold, style)
        )
    count = figure(Decimal(auto.count), auto.bound, estimated, style)
    added = figure(auto.added, auto.bound, estimated, style)
    said = ngettext(
        "{n} automatic top-up of {amount} credits would be bought: {added} credits.",
        "{n} automatic top-ups of {amount} credits would be bought: {added} credits.",
        auto.count,
    ).format(n=count, amount=amount, added=added)
    return said[:1].upper() + said[1:]


def team_lines(plan: TeamPlan, style: NumberStyle = PLAIN) -> list[BudgetLine]:
    """The month, the pool as the personal budget words it (what is short covered by auto
    top-ups, when on), what expires, the top-ups, each member, the lines not assigned."""
    say = Figures(plan.pool, None, style)
    lines = [BudgetLine("draw", month_line(plan, style)), BudgetLine("draw", pool_line(plan, style))]
    lines += [BudgetLine("draw", _("{sentence}.").format(sentence=say.draw(d))) for d in plan.pool.draws]
    if plan.pool.short and plan.auto_top_ups is None:
        lines.append(BudgetLine("short", say.short()))
    elif plan.pool.short:
        short = figure(plan.pool.short, plan.short_bound, plan.estimated, style)
        said = _("The pool lacks {n} credits; automatic top-ups buy them.").format(n=short)
        lines.append(BudgetLine("warning", said))
    elif plan.complete:
        lines.append(BudgetLine("covered", say.covered()))
    else:
        lines.append(BudgetLine("warning", known_fit_words(say.n(plan.pool.left, plan.pool.left_bound))))
    if said := renewal_words(plan, style):
        lines.append(BudgetLine("lost", said))
    if plan.auto_top_ups is not None:
        lines.append(BudgetLine("warning", auto_top_up_words(plan.auto_top_ups, plan.estimated, style)))
    for use in plan.members:
        kind: Kind = "short" if use.over else "warning" if use.may_go_over else "draw"
        lines.append(BudgetLine(kind, _("{sentence}.").format(sentence=member_words(use, style))))
    if plan.unassigned.lines:
        lines.append(
            BudgetLine("draw", _("{sentence}.").format(sentence=unassigned_words(plan.unassigned, style)))
        )
    if plan.unknown_names:
        lines.append(BudgetLine("warning", unknown_names_words(plan.unknown_names)))
    return lines


def team_record(plan: TeamPlan) -> dict[str, Any]:
    """The team for scripts: exact figures as decimal strings, words in English."""
    with english():

        def use_record(use: MemberUse) -> dict[str, Any]:
            return {
                "name": use.name,
                "limit": None if use.limit is None else plain_decimal(use.limit),
                "used": plain_decimal(use.used),
                "used_bound": use.used_bound.value,
                "over": plain_decimal(use.over),
                "over_bound": use.over_bound.value,
                "left": None if use.limit is None else plain_decimal(use.left),
                "left_bound": use.left_bound.value,
                "may_go_over": use.may_go_over,
                "complete": use.complete,
                "state": use.state.value,
                "lines": list(use.lines),
                "text": member_words(use) if use.name else unassigned_words(use),
            }

        auto = plan.auto_top_ups
        return {
            "month": plan.month.strftime("%Y-%m"),
            "pool": {
                "draws": [
                    {
                        "balance": d.balance,
                        "available": plain_decimal(d.available),
                        "used": plain_decimal(d.used),
                        "left": plain_decimal(d.left),
                        "used_bound": d.used_bound.value,
                        "left_bound": d.left_bound.value,
                    }
                    for d in plan.pool.draws
                ],
                "needed": plain_decimal(plan.needed),
                "short": plain_decimal(plan.short),
                "short_bound": plan.short_bound.value,
                "fits": plan.fits,
            },
            "renewal": plan.renewal.isoformat() if plan.renewal else None,
            "renewal_falls": plan.renewal_falls.value,
            "lost_at_renewal": None if plan.lost_at_renewal is None else plain_decimal(plan.lost_at_renewal),
            "lost_bound": plan.lost_bound.value,
            "auto_top_ups": None
            if auto is None
            else {
                "threshold": plain_decimal(auto.rule.threshold),
                "amount": plain_decimal(auto.rule.amount),
                "count": auto.count,
                "added": plain_decimal(auto.added),
                "bound": auto.bound.value,
            },
            "members": [use_record(u) for u in plan.members],
            "unassigned": use_record(plan.unassigned),
            "unknown_members": list(plan.unknown_names),
            "state": plan.state.value,
            "complete": plan.complete,
            "text": [line.text for line in team_lines(plan)],
        }
