"""A team's month in words: each figure with its bound, in the locale's style and language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from imagine_calc.core import language
from imagine_calc.core.estimates.estimate import GenerationItem, UpscaleItem
from imagine_calc.core.estimates.team import AutoTopUp, Member, Team
from imagine_calc.core.estimates.team_budget import plan_team
from imagine_calc.core.numbers import locale_style
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.team import month_words, team_lines, team_record
from tests.core.estimates.test_team_budget import DEC, STUDIO, line, priced, studio


def words(team: Team, *items: GenerationItem | UpscaleItem) -> list[str]:
    return [entry.text for entry in team_lines(plan_team(team, priced(*items)))]


def test_a_studio_of_five_in_words() -> None:
    plan = plan_team(studio(auto_top_up=AutoTopUp(D(500), D(500))), priced(*STUDIO))
    lines = team_lines(plan)
    assert [(entry.kind, entry.text) for entry in lines] == [
        ("draw", "Plan for December 2026; member limits reset on 2027-01-01."),
        ("draw", "Shared pool: 4,500 credits."),
        ("draw", "Subscription credits: 4,000 of 4,000 used, 0 left."),
        ("draw", "Top-up credits: at least 379 of 500 used, at most 121 left."),
        (
            "warning",
            "The known prices fit, with at most 121 credits left, but some prices are not known: they "
            "come on top and may not fit.",
        ),
        ("warning", "At least 1 automatic top-up of 500 credits would be bought: at least 500 credits."),
        ("draw", "Ana: 1,894 of 2,000 credits, 106 left."),
        ("short", "Ben: 1,200 of 1,000 credits, over by 200."),
        ("draw", "Chloé: at least 300 credits, no limit."),
        ("draw", "Dev: 300 credits, no limit."),
        ("draw", "Eli: 480 credits, no limit."),
        ("draw", "Not assigned to a member: 205 credits."),
        ("warning", "Zoe is not a member of the team: their lines count as not assigned."),
    ]


def test_unknown_prices_make_a_member_over_by_at_least() -> None:
    team = Team(DEC, D(5000), members=(Member("Ben", D(100)), Member("Ana", D(1000))))
    said = words(
        team,
        line("flux-dev", "1K", 30, "Ben"),
        line("midjourney-v7", "1K", 1, "Ben"),
        line("flux-dev", "1K", 10, "Ana"),
        line("midjourney-v7", "1K", 1, "Ana"),
    )
    assert "Ben: at least 150 of 100 credits, over by at least 50." in said
    assert (
        "Ana: at least 50 of 1,000 credits, at most 950 left; prices not known may take them over the limit."
        in said
    )


def test_an_inferred_price_reads_about() -> None:
    batch = UpscaleItem("topaz", 2, ((1024, 1024),), 3, "", "Eli")
    (said,) = [w for w in words(Team(DEC, D(5000), members=(Member("Eli", D(10)),)), batch) if "Eli" in w]
    assert said.startswith("Eli: about ") and "over by about" in said


def test_what_is_lost_at_a_renewal_and_where_another_falls() -> None:
    items = (line("flux-dev", "1K", 100),)  # 500
    assert (
        "Up to 1,500 subscription credits would be lost at renewal on 2026-12-31 unless spent."
        not in words(Team(DEC, D(2000), dt.date(2026, 12, 31)), *items)
    )
    assert "1,500 subscription credits would be lost at renewal on 2026-12-31 unless spent." in words(
        Team(DEC, D(2000), dt.date(2026, 12, 31)), *items
    )
    assert (
        "The subscription renews on 2026-11-30, before December 2026: what expires then is not part of "
        "this plan." in words(Team(DEC, D(2000), dt.date(2026, 11, 30)), *items)
    )
    unknown = (*items, line("midjourney-v7", "1K", 1))
    assert "Up to 1,500 subscription credits would be lost at renewal on 2026-12-15 unless spent." in words(
        Team(DEC, D(2000), dt.date(2026, 12, 15)), *unknown
    )
    assert not any("renew" in w for w in words(Team(DEC, D(2000)), *items))


def test_auto_top_ups_in_words() -> None:
    short = (line("nano-banana-pro", "4K", 10),)  # 1,600 from a pool of 1,000
    said = words(Team(DEC, D(1000), auto_top_up=AutoTopUp(D(100), D(250))), *short)
    assert "The pool lacks 600 credits; automatic top-ups buy them." in said
    assert "3 automatic top-ups of 250 credits would be bought: 750 credits." in said
    assert "Short by 600 credits." in words(Team(DEC, D(1000)), *short)
    assert "No automatic top-up: the pool stays at or above 100 credits." in words(
        Team(DEC, D(5000), auto_top_up=AutoTopUp(D(100), D(250))), *short
    )
    assert "No automatic top-up for the known prices; prices not known may set some off." in words(
        Team(DEC, D(5000), auto_top_up=AutoTopUp(D(100), D(250))), *short, line("midjourney-v7", "1K", 1)
    )


def test_several_names_not_in_the_team() -> None:
    said = words(Team(DEC, D(10)), line("flux-dev", "1K", 1, "Zoe"), line("flux-dev", "1K", 1, "Yan"))
    assert said[-1] == "Zoe and Yan are not members of the team: their lines count as not assigned."


@pytest.mark.parametrize(
    ("code", "month", "member"),
    [
        ("de", "Dezember 2026", "Ben: 1.200 von 1.000 Credits, 200 über dem Limit."),
        ("fr", "décembre 2026", "Ben\u00a0: 1\u202f200 sur 1\u202f000 crédits, 200 au-delà de la limite."),
        ("es", "diciembre de 2026", "Ben: 1200 de 1000 créditos, 200 por encima del límite."),
        ("pt_BR", "dezembro de 2026", "Ben: 1.200 de 1.000 créditos, 200 acima do limite."),
    ],
)
def test_each_language_says_the_month_and_the_members(code: str, month: str, member: str) -> None:
    language.set_language(code)
    style = locale_style(language.locale_name())
    assert month_words(DEC) == month
    said = [entry.text for entry in team_lines(plan_team(studio(), priced(*STUDIO)), style)]
    assert member in said
    assert said[0].count("2026") == 1 and "2027" in said[0]


def test_the_json_record_is_exact_and_english_in_every_language() -> None:
    language.set_language("de")
    record = team_record(plan_team(studio(auto_top_up=AutoTopUp(D(500), D(500))), priced(*STUDIO)))
    ben = record["members"][1]
    assert ben == {
        "name": "Ben",
        "limit": "1000",
        "used": "1200",
        "used_bound": "exact",
        "over": "200",
        "over_bound": "exact",
        "left": "0",
        "left_bound": "exact",
        "may_go_over": False,
        "complete": True,
        "state": "exact",
        "lines": [3],
        "text": "Ben: 1,200 of 1,000 credits, over by 200",
    }
    assert record["members"][2]["limit"] is None and record["members"][2]["used_bound"] == "at_least"
    assert record["unassigned"]["used"] == "205" and record["unknown_members"] == ["Zoe"]
    assert record["auto_top_ups"] == {
        "threshold": "500",
        "amount": "500",
        "count": 1,
        "added": "500",
        "bound": "at_least",
    }
    assert record["month"] == "2026-12" and record["lost_at_renewal"] == "0"
    assert record["pool"]["needed"] == "4379" and record["pool"]["fits"] is True
    assert record["text"][0] == "Plan for December 2026; member limits reset on 2027-01-01."


def test_a_generation_request_stays_the_member_s_line() -> None:
    item = GenerationItem(GenerationRequest("flux-dev"), 1, "", "Ana")
    assert plan_team(Team(DEC, D(10), members=(Member("ana"),)), priced(item)).members[0].lines == (1,)
