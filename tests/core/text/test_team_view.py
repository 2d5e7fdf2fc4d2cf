"""The team mode's own words: a limit's cell, a refused name (in any case), the pool bar's parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

from imagine_calc.core.estimates.team import AutoTopUp, Member, Team
from imagine_calc.core.estimates.team_budget import plan_team
from imagine_calc.core.limits import MAX_MEMBER_NAME, MAX_MEMBERS
from imagine_calc.core.text.team import auto_top_up_words
from imagine_calc.core.text.team_view import limit_cell, pool_bar_words, refused_name, use_words
from tests.core.estimates.test_team_budget import STUDIO, priced, studio

TEAM = Team(dt.date(2026, 12, 1), D(0), members=(Member("Ana", D(2000)), Member("Ben")))


def test_a_limit_cell_says_its_credits_or_no_limit() -> None:
    assert limit_cell(D(2000)) == "2,000 credits"
    assert limit_cell(D(1)) == "1 credit"
    assert limit_cell(None) == "no limit"


def test_a_name_is_refused_empty_taken_in_any_case_or_too_long() -> None:
    assert refused_name(TEAM, "Chloé") == ""
    assert refused_name(TEAM, "  ") == "A member needs a name."
    assert refused_name(TEAM, "ana") == "Ana is already a member: each member needs a name of their own."
    assert refused_name(TEAM, "x" * (MAX_MEMBER_NAME + 1)) == "A member's name has at most 100 characters."


def test_renaming_a_member_may_keep_their_name_in_another_case_but_not_take_another() -> None:
    assert refused_name(TEAM, "ANA", renaming="Ana") == ""
    assert refused_name(TEAM, "ben", renaming="Ana") != ""


def test_a_full_team_takes_no_one_more() -> None:
    full = replace(TEAM, members=tuple(Member(f"m{i}") for i in range(MAX_MEMBERS)))
    assert refused_name(full, "Zoe") == "A team has at most 200 members."
    assert refused_name(full, "m0 again", renaming="m0") == ""


def test_the_pool_bar_says_each_part_and_the_top_ups_bought_instead_of_a_shortfall() -> None:
    short = plan_team(replace(studio(), subscription=D(3000)), priced(*STUDIO))
    said = pool_bar_words(short)
    assert said.segments == (
        "Subscription credits: 3,000 of 3,000 used, 0 left",
        "Top-up credits: 500 of 500 used, 0 left",
    )
    assert said.short.startswith("Short by at least 879 credits") and said.unknown
    with_auto = replace(studio(), subscription=D(3000), auto_top_up=AutoTopUp(D(500), D(1000)))
    auto = plan_team(with_auto, priced(*STUDIO))
    bought = pool_bar_words(auto)
    assert auto.auto_top_ups is not None
    assert bought.segments[-1] == auto_top_up_words(auto.auto_top_ups, auto.estimated)
    assert bought.short == "" and "Short" not in bought.description
    assert bought.description.startswith("The team's pool, in the order it is spent.")
    assert bought.segments[-1] in bought.description


def test_a_bar_of_the_unassigned_lines_says_so() -> None:
    plan = plan_team(studio(), priced(*STUDIO))
    assert use_words(plan.members[1]) == "Ben: 1,200 of 1,000 credits, over by 200"
    assert use_words(plan.unassigned) == "Not assigned to a member: 205 credits"
