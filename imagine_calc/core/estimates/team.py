"""A team (ImagineArt Teams, shared/seed/credit-balances.md): one shared pool, members with limits.

All plan (subscription) credits and top-ups go into one pool any member spends from; free daily
credits play no part (a team is a paid plan). An administrator may give a member a monthly
credit limit, which resets at the start of each month, or none. Enterprise plans may buy an
auto top-up of a set amount whenever the pool falls below a threshold. Estimates have no dates,
so a team carries the month it plans for.

Every figure here is what the user typed; nothing is fetched or assumed (no seat limit is
shipped: the pages disagree). Member names are outside text (typed, or read from a file): each
is made readable where the record is made and bounded in length and count, and two members may
not share a name in any case, since lines are assigned by name. A record that breaks a bound
raises TeamError, whose message names the value (in the user's language, like LimitError's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_BALANCE, MAX_MEMBER_NAME, MAX_MEMBERS, shown
from imagine_calc.core.numbers import whole
from imagine_calc.core.outside_text import readable

ZERO = Decimal(0)


class TeamError(ValueError):
    """A team that cannot be: a figure out of bounds, a name empty, too long or repeated."""


def check_credits(value: Decimal, what: str, *, positive: bool = False) -> Decimal:
    """`value` if it is a finite number of credits from 0 (or above 0) to MAX_BALANCE."""
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or not (value > 0 if positive else value >= 0)
        or value > MAX_BALANCE
    ):
        if positive:
            problem = _("{what} must be a number from more than 0 to {most}, got {value}")
        else:
            problem = _("{what} must be a number from 0 to {most}, got {value}")
        raise TeamError(problem.format(what=what, most=whole(MAX_BALANCE), value=shown(value)))
    return value


@dataclass(frozen=True)
class Member:
    """A member by name, with a monthly credit limit (None: unlimited)."""

    name: str
    limit: Decimal | None = None

    def __post_init__(self) -> None:
        name = readable(self.name)
        if not name.strip():
            raise TeamError(_("a member's name must not be empty"))
        if len(name) > MAX_MEMBER_NAME:
            raise TeamError(
                _("a member's name has at most {most} characters, got {name}").format(
                    most=whole(MAX_MEMBER_NAME), name=shown(name)
                )
            )
        object.__setattr__(self, "name", name)
        if self.limit is not None:
            check_credits(self.limit, _("{name}'s limit").format(name=name))

    @property
    def key(self) -> str:
        """How lines find the member: names match whatever their case."""
        return member_key(self.name)


def member_key(name: str) -> str:
    return name.strip().casefold()


@dataclass(frozen=True)
class AutoTopUp:
    """Enterprise plans: whenever the pool falls below `threshold`, `amount` credits are bought."""

    threshold: Decimal
    amount: Decimal

    def __post_init__(self) -> None:
        check_credits(self.threshold, _("the auto top-up's threshold"))
        check_credits(self.amount, _("the auto top-up's amount"), positive=True)


@dataclass(frozen=True)
class Team:
    """The shared pool for one month, its members and, on enterprise plans, its auto top-up."""

    #: The first day of the month planned: member limits hold for it and reset after it.
    month: dt.date
    #: Plan credits in the pool (a team always has a subscription), and when they renew.
    subscription: Decimal
    renewal: dt.date | None = None
    #: Top-up credits in the pool: they never expire.
    top_up: Decimal = ZERO
    members: tuple[Member, ...] = ()
    auto_top_up: AutoTopUp | None = None

    def __post_init__(self) -> None:
        if self.month.day != 1:
            raise TeamError(
                _("a team's month starts on its first day, got {month}").format(month=self.month.isoformat())
            )
        check_credits(self.subscription, _("the pool's subscription credits"))
        check_credits(self.top_up, _("the pool's top-up credits"))
        if len(self.members) > MAX_MEMBERS:
            raise TeamError(
                _("a team has at most {most} members, got {n}").format(
                    most=whole(MAX_MEMBERS), n=whole(len(self.members))
                )
            )
        seen: dict[str, str] = {}
        for m in self.members:
            if m.key in seen:
                raise TeamError(
                    _("two members are named {name} (names must differ in more than case)").format(
                        name=shown(seen[m.key])
                    )
                )
            seen[m.key] = m.name

    def member(self, name: str) -> Member | None:
        """The member a line names, whatever its case; None for "" or a name not in the team."""
        key = member_key(name)
        return next((m for m in self.members if m.key == key), None) if key else None

    @property
    def next_month(self) -> dt.date:
        """The day member limits reset: the first of the month after the one planned."""
        return next_month(self.month)


def month_of(day: dt.date) -> dt.date:
    """The first day of `day`'s month: a team planned for "now" plans for this month."""
    return day.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def parse_month(text: str) -> dt.date:
    """ "2026-12" as the first day of that month; TeamError naming the text otherwise."""
    parts = text.strip().split("-")
    if (
        len(parts) == 2
        and len(parts[0]) == 4
        and len(parts[1]) == 2
        and all(p.isascii() and p.isdigit() for p in parts)
    ):
        try:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        except ValueError:
            pass
    raise TeamError(_("a month is written YYYY-MM, as 2026-12, got {value}").format(value=shown(text)))
