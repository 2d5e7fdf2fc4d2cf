"""A team as the estimate file keeps it (the top-level "team" object; estimate_file.py has the
format), and read back from outside: every value checked, a bad one named by where it is.

    "team": {
      "month": "2026-12",
      "subscription": "4000", "renewal": "2026-12-20", "top_up": "500",
      "members": [{"name": "Ana", "limit": "2000"}, {"name": "Chloé", "limit": null}],
      "auto_top_up": {"threshold": "500", "amount": "500"}
    }

Figures are decimal strings (exact, as a line's saved credits are; a whole number is read too);
`renewal`, a member's `limit` and `auto_top_up` may be null or left out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from imagine_calc.core.estimates.team import (
    AutoTopUp,
    Member,
    Team,
    TeamError,
    check_credits,
    parse_month,
)
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_BALANCE, MAX_MEMBERS, MAX_TYPED_DIGITS, shown
from imagine_calc.core.numbers import plain_decimal, whole


class TeamFileError(ValueError):
    """A team that cannot be read; the message says where in the "team" object."""


def team_json(team: Team) -> dict[str, Any]:
    return {
        "month": team.month.strftime("%Y-%m"),
        "subscription": plain_decimal(team.subscription),
        "renewal": team.renewal.isoformat() if team.renewal else None,
        "top_up": plain_decimal(team.top_up),
        "members": [
            {"name": m.name, "limit": None if m.limit is None else plain_decimal(m.limit)}
            for m in team.members
        ],
        "auto_top_up": None
        if team.auto_top_up is None
        else {
            "threshold": plain_decimal(team.auto_top_up.threshold),
            "amount": plain_decimal(team.auto_top_up.amount),
        },
    }


def read_team(raw: Any) -> Team:
    """The team a file holds; TeamFileError naming the key ("members[2].limit: ...")."""
    if not isinstance(raw, dict):
        raise TeamFileError(_("expected an object"))
    month = _month(raw.get("month"))
    subscription = _credits(raw.get("subscription"), "subscription")
    renewal = _date(raw.get("renewal"), "renewal")
    top_up = _credits(raw.get("top_up", "0"), "top_up")
    members_raw = raw.get("members", [])
    if not isinstance(members_raw, list):
        raise TeamFileError(_("members: must be a list"))
    if len(members_raw) > MAX_MEMBERS:
        raise TeamFileError(
            _("members: at most {most}, got {n}").format(most=whole(MAX_MEMBERS), n=whole(len(members_raw)))
        )
    members = tuple(_member(m, f"members[{i}]") for i, m in enumerate(members_raw, start=1))
    try:
        return Team(month, subscription, renewal, top_up, members, _auto(raw.get("auto_top_up")))
    except TeamError as exc:  # what only the whole team can say: two members of one name
        raise TeamFileError(f"members: {exc}") from None


def _month(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise TeamFileError(_("month: must be text as 2026-12, got {value}").format(value=shown(value)))
    try:
        return parse_month(value)
    except TeamError as exc:
        raise TeamFileError(f"month: {exc}") from None


def _member(raw: Any, where: str) -> Member:
    if not isinstance(raw, dict):
        raise TeamFileError(_("{where}: expected an object").format(where=where))
    name = raw.get("name")
    if not isinstance(name, str):
        raise TeamFileError(_("{where}.name: must be text").format(where=where))
    limit = raw.get("limit")
    limit_value = None if limit is None else _credits(limit, f"{where}.limit")
    try:
        return Member(name, limit_value)
    except TeamError as exc:
        raise TeamFileError(f"{where}: {exc}") from None


def _auto(raw: Any) -> AutoTopUp | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise TeamFileError(_("auto_top_up: expected an object"))
    threshold = _credits(raw.get("threshold"), "auto_top_up.threshold")
    amount = _credits(raw.get("amount"), "auto_top_up.amount")
    try:
        return AutoTopUp(threshold, amount)
    except TeamError as exc:
        raise TeamFileError(f"auto_top_up: {exc}") from None


def _credits(value: Any, where: str) -> Decimal:
    """A figure of the team: a decimal string (or a whole number), bounded as a balance."""
    if value is None:
        raise TeamFileError(_('{where}: missing (a number of credits, as "4000")').format(where=where))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value).bit_length() <= 96:
        number = Decimal(value)
    elif isinstance(value, str) and len(value) <= MAX_TYPED_DIGITS + 2:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise TeamFileError(
                _("{where}: must be a number of credits, got {value}").format(where=where, value=shown(value))
            ) from None
    else:
        raise TeamFileError(
            _("{where}: must be a number of credits as a decimal string, got {value}").format(
                where=where, value=shown(value)
            )
        )
    try:
        return check_credits(number, "it")
    except TeamError:
        raise TeamFileError(
            _("{where}: must be a number from 0 to {most}, got {value}").format(
                where=where, most=whole(MAX_BALANCE), value=shown(value)
            )
        ) from None


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise TeamFileError(
        _("{where}: a date is written YYYY-MM-DD, got {value}").format(where=where, value=shown(value))
    )
