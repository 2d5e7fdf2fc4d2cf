"""A team's records hold only what can be: bounded figures, names readable, unique and bounded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from imagine_calc.core.estimates.estimate import GenerationItem, UpscaleItem
from imagine_calc.core.estimates.team import (
    AutoTopUp,
    Member,
    Team,
    TeamError,
    month_of,
    next_month,
    parse_month,
)
from imagine_calc.core.limits import MAX_BALANCE, MAX_MEMBER_NAME, MAX_MEMBERS
from imagine_calc.core.pricing.requests import GenerationRequest

DEC = dt.date(2026, 12, 1)


def team(*members: Member, **kw: object) -> Team:
    return Team(DEC, Decimal(4000), members=members, **kw)  # type: ignore[arg-type]  # kw are Team's fields


def test_members_are_found_by_name_whatever_the_case() -> None:
    t = team(Member("Chloé", None), Member("Ben", Decimal(1000)))
    assert t.member("CHLOÉ") == Member("Chloé")
    assert t.member(" ben ") == Member("Ben", Decimal(1000))
    assert t.member("") is None and t.member("Zoe") is None


def test_two_members_may_not_share_a_name_in_any_case() -> None:
    with pytest.raises(TeamError, match="two members are named 'Ana'"):
        team(Member("Ana"), Member("ANA", Decimal(5)))


@pytest.mark.parametrize("name", ["", "   "])
def test_a_member_has_a_name(name: str) -> None:
    with pytest.raises(TeamError, match="must not be empty"):
        Member(name)


def test_a_name_is_bounded_and_readable() -> None:
    assert Member("x" * MAX_MEMBER_NAME).name == "x" * MAX_MEMBER_NAME
    with pytest.raises(TeamError, match="at most 100 characters"):
        Member("x" * (MAX_MEMBER_NAME + 1))
    assert Member("Dev\udcff").name == "Dev\ufffd"


def test_the_number_of_members_is_bounded() -> None:
    members = tuple(Member(f"m{i}") for i in range(MAX_MEMBERS))
    assert len(team(*members).members) == MAX_MEMBERS
    with pytest.raises(TeamError, match="at most 200 members, got 201"):
        team(*members, Member("one more"))


@pytest.mark.parametrize(
    "limit", [Decimal(-1), Decimal("NaN"), Decimal("Infinity"), Decimal(MAX_BALANCE + 1)]
)
def test_a_limit_is_a_bounded_number_of_credits(limit: Decimal) -> None:
    with pytest.raises(TeamError, match="Ana's limit must be a number from 0"):
        Member("Ana", limit)


def test_a_limit_of_zero_is_a_limit() -> None:
    assert Member("Ana", Decimal(0)).limit == 0


def test_the_pool_is_bounded() -> None:
    with pytest.raises(TeamError, match="subscription credits must be"):
        Team(DEC, Decimal(-5))
    with pytest.raises(TeamError, match="top-up credits must be"):
        Team(DEC, Decimal(5), top_up=Decimal(MAX_BALANCE + 1))


def test_an_auto_top_up_buys_something() -> None:
    assert AutoTopUp(Decimal(0), Decimal(1)).amount == 1
    with pytest.raises(TeamError, match="amount must be a number from more than 0"):
        AutoTopUp(Decimal(500), Decimal(0))
    with pytest.raises(TeamError, match="threshold must be"):
        AutoTopUp(Decimal(-1), Decimal(500))


def test_a_team_plans_a_whole_month() -> None:
    with pytest.raises(TeamError, match="first day, got 2026-12-05"):
        Team(dt.date(2026, 12, 5), Decimal(0))
    assert month_of(dt.date(2026, 12, 31)) == DEC
    assert next_month(DEC) == dt.date(2027, 1, 1)
    assert next_month(dt.date(2026, 1, 1)) == dt.date(2026, 2, 1)
    assert Team(DEC, Decimal(0)).next_month == dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    "text", ["2026-13", "2026-1", "26-12", "2026-12-01", "december", "2026-+1", "２０２６-12"]
)
def test_a_month_is_written_year_dash_month(text: str) -> None:
    with pytest.raises(TeamError, match="YYYY-MM"):
        parse_month(text)


def test_a_month_reads_as_its_first_day() -> None:
    assert parse_month(" 2027-01 ") == dt.date(2027, 1, 1)


def test_a_line_keeps_its_member_readable_and_through_edits() -> None:
    import dataclasses

    item = GenerationItem(GenerationRequest("flux-dev"), 2, "Drafts", "Dev\udcff")
    assert item.member == "Dev\ufffd"
    assert dataclasses.replace(item, count=3).member == "Dev\ufffd"
    assert UpscaleItem("topaz", 2, ((10, 10),), member="Eli").member == "Eli"
    assert GenerationItem(GenerationRequest("flux-dev")).member == ""
