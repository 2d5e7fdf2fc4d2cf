"""The team's bars, read from their pixels: the pool with the automatic top-ups as a segment of
their own and red only where nothing pays, a member over their limit in red past a framed limit,
no frame without a limit, the hatched cap where a price is not known; crisp at 1.5, light and
dark; hovering and a screen reader say the figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QPalette
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.budget_bar import Part
from imagine_calc.core.estimates.team import AutoTopUp
from imagine_calc.core.estimates.team_bar import member_bars
from imagine_calc.core.estimates.team_budget import TeamPlan, plan_team
from imagine_calc.core.text.team_view import pool_bar_words, use_words
from imagine_calc.gui.estimate.team_bars import MemberBarView, PoolBar
from imagine_calc.gui.shared.bar_painting import BarColours
from imagine_calc.gui.shared.theme import shortfall_red
from tests.core.estimates.test_team_budget import STUDIO, priced, studio
from tests.gui.estimate.test_balance_bar import count, grab, middle_row, palettes, runs
from tests.gui.shown import visible


def team_plan(**kw: object) -> TeamPlan:
    return plan_team(replace(studio(), **kw), priced(*STUDIO))  # type: ignore[arg-type]  # kw are Team's fields


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> QPalette:
    return palettes()[request.param]


def pool(qtbot: QtBot, palette: QPalette, plan: TeamPlan) -> PoolBar:
    bar = PoolBar()
    bar.setPalette(palette)
    bar.setAutoFillBackground(True)
    qtbot.addWidget(bar)
    bar.resize(400, bar.sizeHint().height())
    bar.show_team(plan, pool_bar_words(plan))
    return bar


def members(qtbot: QtBot, palette: QPalette, plan: TeamPlan) -> list[MemberBarView]:
    views = []
    for b in member_bars(plan):
        view = MemberBarView()
        view.setPalette(palette)
        view.setAutoFillBackground(True)
        qtbot.addWidget(view)
        view.resize(400, view.sizeHint().height())
        view.show_bar(b, use_words(b.use))
        views.append(view)
    return views


def test_the_pool_is_red_where_short_and_not_once_automatic_top_ups_pay(
    qtbot: QtBot, palette: QPalette
) -> None:
    red = shortfall_red(palette)
    short = pool(qtbot, palette, team_plan(subscription=D(3000)))  # 4,379 of 3,500: 879 short
    assert [s.part for s in short.spans()] == [Part.USED, Part.USED, Part.SHORT, Part.OPEN]
    reds = sum(c == red for c in middle_row(grab(short)))
    assert reds == pytest.approx((400 - 12) * 879 / 4379, abs=3)  # the cap's 12 px kept at the end
    auto = pool(qtbot, palette, team_plan(subscription=D(3000), auto_top_up=AutoTopUp(D(500), D(1000))))
    assert count(grab(auto), red) == 0
    colours = BarColours.of(palette)
    row = middle_row(grab(auto))
    # The top-ups bought (2,000) after 3,500 of balances: a third segment, 879 of it used (the
    # cap after the known part fits in the 400 px: the bar is laid out on all of them).
    (bought,) = [s for s in auto.spans() if s.part is Part.USED and s.segment == 2]
    assert bought.x0 == pytest.approx(400 * 3500 / 5500) and bought.x1 - bought.x0 == pytest.approx(
        400 * 879 / 5500
    )
    inside = row[round(bought.x0) + 1 : round(bought.x1) - 1]
    assert inside and all(c == colours.used[1] for c in inside)
    after = row[round(bought.x1) + 1 : round(400 * 5500 / 5500) - 1]
    assert any(c == colours.left[1] for c in after)  # what the top-ups add beyond the plan


def test_hovering_the_pool_says_each_part_and_its_description_says_all(
    qtbot: QtBot, palette: QPalette
) -> None:
    plan = team_plan(subscription=D(3000), auto_top_up=AutoTopUp(D(500), D(1000)))
    bar = pool(qtbot, palette, plan)
    said = []
    for span in bar.spans():
        x = int((span.x0 + span.x1) / 2)
        bar.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(x, 5), bar.mapToGlobal(QPoint(x, 5))))
        said.append(visible(bar.toolTip()))
    assert said[0] == "Subscription credits: 3,000 of 3,000 used, 0 left"
    assert said[2].startswith("At least 2 automatic top-ups of 1,000 credits would be bought")
    assert said[-1].startswith("Some prices are not known")
    assert all(s in bar.accessibleDescription() for s in said)


def test_a_member_over_the_limit_is_red_past_the_framed_limit(qtbot: QtBot, palette: QPalette) -> None:
    red = shortfall_red(palette)
    colours = BarColours.of(palette)
    ana, ben, chloe, dev, _eli, unassigned = members(qtbot, palette, team_plan())
    ben_row = middle_row(grab(ben))
    # Ben: 1,200 of 1,000 on a scale of 2,000 (Ana's limit): used to 200 px, red to 240, then nothing.
    first_red = next(x for x, c in enumerate(ben_row) if c == red)
    assert first_red == pytest.approx(200, abs=1) and sum(c == red for c in ben_row) == pytest.approx(
        40, abs=1
    )
    assert count(grab(ana), red) == 0 and count(grab(dev), red) == 0
    # Ana's limit is framed to its end (the top row in the highlight all the way); Dev has no limit:
    # nothing drawn past what he uses.
    top = [grab(ana).pixelColor(x, 1) for x in range(400)]
    assert top[390] == colours.used[0] and top[5] == colours.used[0]
    dev_row = middle_row(grab(dev))
    assert sum(c == colours.used[0] for c in dev_row) == pytest.approx(60, abs=1)  # 300 of 2,000
    assert all(c == palette.color(QPalette.ColorRole.Window) for c in dev_row[70:])
    assert count(grab(chloe), colours.cap) > 0 and count(grab(dev), colours.cap) == 0
    assert unassigned.accessibleName() == "Unassigned"


def test_a_member_bar_is_crisp_at_one_and_a_half_and_says_its_line(qtbot: QtBot, palette: QPalette) -> None:
    colours = BarColours.of(palette)
    _ana, ben, *_rest = members(qtbot, palette, team_plan())
    image = grab(ben, 1.5)
    known = {
        c.name()
        for c in (
            colours.used[0],
            colours.left[0],
            shortfall_red(palette),
            palette.color(QPalette.ColorRole.Window),
        )
    }
    assert {name for name, _ in runs(middle_row(image))} <= known
    assert ben.accessibleDescription() == "Ben: 1,200 of 1,000 credits, over by 200"
    assert visible(ben.toolTip()) == ben.accessibleDescription() and ben.accessibleName() == "Ben"


def test_the_pool_bar_hides_without_a_team(qtbot: QtBot, palette: QPalette) -> None:
    bar = pool(qtbot, palette, team_plan())
    bar.show()
    assert bar.isVisible()
    bar.show_team(None, None)
    assert not bar.isVisible() and bar.accessibleDescription() == ""
