"""A team read from a file: every value checked, a bad one named by where it is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from imagine_calc.core.estimates.team import AutoTopUp, Member, Team
from imagine_calc.core.estimates.team_file import TeamFileError, read_team, team_json

TEAM = Team(
    dt.date(2027, 1, 1),
    Decimal("4000"),
    None,
    Decimal("0"),
    (Member("Ana", Decimal("2000")), Member("Dev\udcff")),
    AutoTopUp(Decimal("0"), Decimal("100.5")),
)


def test_a_team_reads_back_as_it_was_written() -> None:
    raw = team_json(TEAM)
    assert raw == {
        "month": "2027-01",
        "subscription": "4000",
        "renewal": None,
        "top_up": "0",
        "members": [{"name": "Ana", "limit": "2000"}, {"name": "Dev\ufffd", "limit": None}],
        "auto_top_up": {"threshold": "0", "amount": "100.5"},
    }
    assert read_team(raw) == TEAM


def test_what_may_be_left_out_is_read_as_nothing() -> None:
    assert read_team({"month": "2026-12", "subscription": 800}) == Team(dt.date(2026, 12, 1), Decimal(800))


def with_(**change: Any) -> dict[str, Any]:
    return {**team_json(TEAM), **change}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("team", "expected an object"),
        (with_(month=202612), "month: must be text as 2026-12, got '202612'"),
        (with_(month="2026-00"), "month: a month is written YYYY-MM, as 2026-12, got '2026-00'"),
        (with_(subscription=None), 'subscription: missing (a number of credits, as "4000")'),
        (with_(subscription=True), "subscription: must be a number of credits"),
        (with_(subscription="1e9"), "subscription: must be a number from 0 to 100,000,000, got '1e9'"),
        (with_(subscription="9" * 40), "subscription: must be a number of credits as a decimal string"),
        (with_(subscription=10**400), "subscription: must be a number of credits as a decimal string"),
        (with_(top_up="NaN"), "top_up: must be a number from 0"),
        (with_(renewal="2026-02-30"), "renewal: a date is written YYYY-MM-DD, got '2026-02-30'"),
        (with_(renewal=20261220), "renewal: a date is written YYYY-MM-DD"),
        (with_(members={}), "members: must be a list"),
        (with_(members=[{"name": str(i)} for i in range(201)]), "members: at most 200, got 201"),
        (with_(members=["Ana"]), "members[1]: expected an object"),
        (with_(members=[{"name": "Ana"}, {"limit": "5"}]), "members[2].name: must be text"),
        (with_(members=[{"name": " "}]), "members[1]: a member's name must not be empty"),
        (with_(members=[{"name": "x" * 101}]), "members[1]: a member's name has at most 100 characters"),
        (with_(members=[{"name": "Ana", "limit": "-5"}]), "members[1].limit: must be a number from 0"),
        (with_(members=[{"name": "Ana"}, {"name": "ANA"}]), "members: two members are named 'Ana'"),
        (with_(auto_top_up=[]), "auto_top_up: expected an object"),
        (with_(auto_top_up={"threshold": "5"}), "auto_top_up.amount: missing"),
        (
            with_(auto_top_up={"threshold": "5", "amount": "0"}),
            "auto_top_up: the auto top-up's amount must be",
        ),
    ],
)
def test_a_bad_value_is_named_by_where_it_is(raw: Any, message: str) -> None:
    with pytest.raises(TeamFileError) as caught:
        read_team(raw)
    assert str(caught.value).startswith(message)
