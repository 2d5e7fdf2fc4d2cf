"""The pool as typed: every box reaches the session's team, undo puts the boxes back, and the
month box says the month (limits reset on the 1st)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.team import AutoTopUp, Team
from imagine_calc.gui.estimate.budget_box import NOT_SET
from imagine_calc.gui.estimate.team_form import TeamForm
from tests.gui.estimate.team_fixtures import lines_and_edits


def form(qtbot: QtBot) -> TeamForm:
    """The form, shown the session's team as it changes (as the team panel shows it)."""
    _model, edits = lines_and_edits()
    widget = TeamForm(edits)
    qtbot.addWidget(widget)
    edits.session.listen(lambda _parts: widget.show_team(edits.session.team))
    return widget


def test_a_new_form_shows_this_month_and_nothing_assumed(qtbot: QtBot) -> None:
    f = form(qtbot)
    today = QDate.currentDate()
    assert f.month.date() == QDate(today.year(), today.month(), 1)
    assert f.month.text() == QDate(today.year(), today.month(), 1).toString("MMMM yyyy")
    assert (f.subscription.value(), f.top_up.value()) == (0, 0)
    assert f.renewal.date() == NOT_SET and f.renewal.text() == "not set" and not f.renewal.isEnabled()
    assert not f.auto.isChecked() and not f.threshold.isEnabled() and not f.amount.isEnabled()
    assert f.edits.session.team is None  # nothing typed: no team yet


def test_each_box_reaches_the_team_and_undo_puts_the_box_back(qtbot: QtBot) -> None:
    f = form(qtbot)
    session, stack = f.edits.session, f.edits.stack
    f.month.setDate(QDate(2027, 3, 1))
    f.subscription.setValue(4000)
    f.renewal_set.setChecked(True)
    f.renewal.setDate(QDate(2027, 3, 20))
    f.top_up.setValue(500)
    f.auto.setChecked(True)
    f.threshold.setValue(300)
    f.amount.setValue(1000)
    assert session.team == Team(
        dt.date(2027, 3, 1), D(4000), dt.date(2027, 3, 20), D(500), (), AutoTopUp(D(300), D(1000))
    )
    stack.undo()  # the amount
    assert (
        f.amount.value() == 1
        and session.team is not None
        and session.team.auto_top_up == AutoTopUp(D(300), D(1))
    )
    while stack.canUndo():
        stack.undo()
    assert (
        session.team is None
        and f.subscription.value() == 0
        and f.month.date().month() == QDate.currentDate().month()
    )


def test_a_team_from_elsewhere_fills_the_boxes_without_a_step(qtbot: QtBot) -> None:
    f = form(qtbot)
    team = Team(dt.date(2026, 12, 1), D(4000), dt.date(2026, 12, 20), D(500), (), AutoTopUp(D(0), D(250)))
    f.edits.session.set_team(team)
    assert (f.subscription.value(), f.top_up.value(), f.threshold.value(), f.amount.value()) == (
        4000,
        500,
        0,
        250,
    )
    assert f.renewal.date() == QDate(2026, 12, 20) and f.renewal.isEnabled() and f.auto.isChecked()
    assert f.edits.stack.count() == 0 and f.typed() == team


def test_typing_a_figure_is_one_step(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.subscription.selectAll()
    qtbot.keyClicks(f.subscription, "1500")
    assert f.edits.session.team is not None and f.edits.session.team.subscription == D(1500)
    assert f.edits.stack.count() == 1
    f.edits.stack.undo()
    assert f.edits.session.team is None and f.subscription.value() == 0
