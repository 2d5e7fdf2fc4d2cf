"""A team's month: the pool spent, each member against their limit, auto top-ups, expiry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.budget import SUBSCRIPTION, TOP_UP, Bound
from imagine_calc.core.estimates.estimate import (
    Estimate,
    GenerationItem,
    Item,
    PricedEstimate,
    UpscaleItem,
    price_estimate,
)
from imagine_calc.core.estimates.team import AutoTopUp, Member, Team
from imagine_calc.core.estimates.team_budget import Renewal, plan_team
from imagine_calc.core.pricing.quotes import QuoteState
from imagine_calc.core.pricing.requests import GenerationRequest

CATALOG = load_catalog()
DEC = dt.date(2026, 12, 1)
D = Decimal


def line(model: str, resolution: str, count: int, member: str = "") -> GenerationItem:
    return GenerationItem(GenerationRequest(model, resolution), count, "", member)


def priced(*items: Item) -> PricedEstimate:
    return price_estimate(CATALOG, Estimate(items))


#: A studio of five; prices from the bundled credits table (catalog 2026.11.1):
#:   1 Ana   Nano Banana Pro 4K      x 10  160 each = 1,600
#:   2 ana   Nano Banana 2 2K        x  4  73.5     =   294   (Ana, whatever the case: 1,894 of 2,000)
#:   3 Ben   Recraft v4 Pro 1K       x  8  150      = 1,200   (over 1,000 by 200)
#:   4 Chloé Midjourney V7           x  5  unknown            (Chloé: at least 300)
#:   5 Chloé Flux 2 Max 1K           x  6  50       =   300
#:   6 Dev   Z Image Turbo 1K        x 60  5        =   300
#:   7 Eli   Seedream v4.5 1K        x 20  24       =   480
#:   8 -     Flux Dev 1K             x 40  5        =   200   (unassigned)
#:   9 Zoe   Flux Dev 1K             x  1  5        =     5   (not in the team: unassigned)
#: Known total 4,379, at least (Midjourney's price is not published).
STUDIO = (
    line("nano-banana-pro", "4K", 10, "Ana"),
    line("nano-banana-2", "2K", 4, "ana"),
    line("recraft-v4-pro", "1K", 8, "Ben"),
    line("midjourney-v7", "1K", 5, "Chloé"),
    line("flux-2-max", "1K", 6, "Chloé"),
    line("z-image-turbo", "1K", 60, "Dev"),
    line("seedream-v4-5", "1K", 20, "Eli"),
    line("flux-dev", "1K", 40),
    line("flux-dev", "1K", 1, "Zoe"),
)
FIVE = (
    Member("Ana", D(2000)),
    Member("Ben", D(1000)),
    Member("Chloé"),
    Member("Dev"),
    Member("Eli"),
)


def studio(**kw: object) -> Team:
    fields: dict[str, object] = {"renewal": dt.date(2026, 12, 20), "top_up": D(500), "members": FIVE}
    return Team(DEC, D(4000), **{**fields, **kw})  # type: ignore[arg-type]  # kw are Team's fields


def test_a_studio_of_five() -> None:
    plan = plan_team(studio(), priced(*STUDIO))
    ana, ben, chloe, dev, eli = plan.members
    assert (ana.used, ana.limit, ana.over, ana.left, ana.lines) == (D(1894), D(2000), 0, D(106), (1, 2))
    assert (ana.used_bound, ana.left_bound) == (Bound.EXACT, Bound.EXACT)
    assert (ben.used, ben.over, ben.over_bound, ben.left) == (D(1200), D(200), Bound.EXACT, 0)
    assert plan.over_limit == (ben,)
    assert (chloe.used, chloe.used_bound, chloe.limit, chloe.lines) == (D(300), Bound.AT_LEAST, None, (4, 5))
    assert chloe.state is QuoteState.LOWER_BOUND and not chloe.may_go_over
    assert (dev.used, eli.used) == (D(300), D(480))
    assert (plan.unassigned.used, plan.unassigned.lines) == (D(205), (8, 9))
    assert plan.unknown_names == ("Zoe",)
    # The pool: 4,000 subscription credits spent first, then 379 of the 500 top-ups.
    assert plan.needed == D(4379) and not plan.complete
    assert {d.balance: (d.used, d.used_bound) for d in plan.pool.draws} == {
        SUBSCRIPTION: (D(4000), Bound.EXACT),
        TOP_UP: (D(379), Bound.AT_LEAST),
    }
    assert plan.fits and plan.short == 0
    assert plan.renewal_falls is Renewal.IN_MONTH and plan.lost_at_renewal == 0
    assert plan.state is QuoteState.LOWER_BOUND and plan.auto_top_ups is None


def test_an_auto_top_up_fires_when_the_pool_falls_below_its_threshold() -> None:
    # 4,500 in the pool, 4,379 spent: 121 left, below 500 by 379, so one top-up of 500,
    # at least one (Midjourney's price would spend more).
    auto = plan_team(studio(auto_top_up=AutoTopUp(D(500), D(500))), priced(*STUDIO)).auto_top_ups
    assert auto is not None and (auto.count, auto.added, auto.bound) == (1, D(500), Bound.AT_LEAST)
    # Below 1,000 by 879: two top-ups of 500 (one leaves it at 621, still below).
    auto = plan_team(studio(auto_top_up=AutoTopUp(D(1000), D(500))), priced(*STUDIO)).auto_top_ups
    assert auto is not None and (auto.count, auto.added) == (2, D(1000))
    # At or above the threshold after the plan: none.
    auto = plan_team(studio(auto_top_up=AutoTopUp(D(121), D(500))), priced(*STUDIO)).auto_top_ups
    assert auto is not None and auto.count == 0


def test_auto_top_ups_cover_what_the_pool_lacks() -> None:
    # 1,000 in the pool, 1,600 needed: 600 short, or three top-ups of 250 above a threshold of 100.
    items = priced(line("nano-banana-pro", "4K", 10))
    plain = plan_team(Team(DEC, D(1000)), items)
    assert (plain.short, plain.short_bound, plain.fits) == (D(600), Bound.EXACT, False)
    topped = plan_team(Team(DEC, D(1000), auto_top_up=AutoTopUp(D(100), D(250))), items)
    assert topped.auto_top_ups is not None and topped.auto_top_ups.count == 3
    assert (topped.auto_top_ups.added, topped.auto_top_ups.bound) == (D(750), Bound.EXACT)
    assert topped.short == 0 and topped.fits


def test_what_a_renewal_in_the_month_loses_and_where_another_falls() -> None:
    items = priced(line("flux-dev", "1K", 100))  # 500
    inside = plan_team(Team(DEC, D(2000), dt.date(2026, 12, 31)), items)
    assert (inside.lost_at_renewal, inside.lost_bound, inside.renewal_falls) == (
        D(1500),
        Bound.EXACT,
        Renewal.IN_MONTH,
    )
    first = plan_team(Team(DEC, D(2000), DEC), items)
    assert first.renewal_falls is Renewal.IN_MONTH
    after = plan_team(Team(DEC, D(2000), dt.date(2027, 1, 1)), items)
    assert (after.lost_at_renewal, after.renewal_falls) == (None, Renewal.AFTER_MONTH)
    before = plan_team(Team(DEC, D(2000), dt.date(2026, 11, 30)), items)
    assert (before.lost_at_renewal, before.renewal_falls) == (None, Renewal.BEFORE_MONTH)
    none = plan_team(Team(DEC, D(2000)), items)
    assert (none.lost_at_renewal, none.renewal_falls) == (None, Renewal.NOT_GIVEN)


def test_unknown_prices_make_a_lost_figure_an_upper_bound() -> None:
    items = priced(line("flux-dev", "1K", 100), line("midjourney-v7", "1K", 1))
    plan = plan_team(Team(DEC, D(2000), dt.date(2026, 12, 15)), items)
    assert (plan.lost_at_renewal, plan.lost_bound) == (D(1500), Bound.AT_MOST)


def test_a_member_within_the_limit_on_known_prices_may_still_go_over() -> None:
    items = priced(line("flux-dev", "1K", 10, "Ana"), line("midjourney-v7", "1K", 1, "Ana"))
    (ana,) = plan_team(Team(DEC, D(2000), members=(Member("Ana", D(100)),)), items).members
    assert (ana.used, ana.used_bound, ana.left, ana.left_bound) == (
        D(50),
        Bound.AT_LEAST,
        D(50),
        Bound.AT_MOST,
    )
    assert ana.may_go_over and ana.over == 0
    items = priced(line("flux-dev", "1K", 30, "Ana"), line("midjourney-v7", "1K", 1, "Ana"))
    (ana,) = plan_team(Team(DEC, D(2000), members=(Member("Ana", D(100)),)), items).members
    assert (ana.over, ana.over_bound, ana.left, ana.left_bound) == (D(50), Bound.AT_LEAST, 0, Bound.EXACT)
    assert not ana.may_go_over


def test_a_member_on_an_inferred_price_reads_about() -> None:
    batch = UpscaleItem("topaz", 2, ((1024, 1024),), 1, "", "Eli")
    (eli,) = plan_team(Team(DEC, D(2000), members=(Member("Eli"),)), priced(batch)).members
    assert eli.estimated and eli.lines == (1,)


def test_a_member_with_no_lines_uses_nothing() -> None:
    (dev,) = plan_team(Team(DEC, D(10), members=(Member("Dev", D(0)),)), priced()).members
    assert (dev.used, dev.over, dev.left, dev.lines, dev.complete) == (0, 0, 0, (), True)


MODELS = ("flux-dev", "nano-banana-pro", "midjourney-v7", "seedream-v4-5")
NAMES = ("", "Ana", "ben", "Ben", "Zoe", "  ")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(MODELS), st.integers(1, 50), st.sampled_from(NAMES)), max_size=12),
    st.integers(0, 5000),
)
def test_every_known_credit_is_used_by_one_member_or_unassigned(
    lines: list[tuple[str, int, str]], pool: int
) -> None:
    items = priced(*(line(model, "1K", count, who) for model, count, who in lines))
    team = Team(DEC, D(pool), members=(Member("Ana", D(100)), Member("Ben")))
    plan = plan_team(team, items)
    uses = (*plan.members, plan.unassigned)
    assert sum((u.used for u in uses), D(0)) == items.total.known_total
    assert sorted(n for u in uses for n in u.lines) == list(range(1, len(lines) + 1))
    assert all(u.complete for u in uses) == items.total.complete
