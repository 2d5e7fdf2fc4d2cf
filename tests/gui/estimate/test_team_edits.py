"""Each team change is a step of the estimate's history; typing into one field is one step."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.team import Member
from imagine_calc.core.estimates.team_typed import new_team
from tests.gui.estimate.team_fixtures import lines_and_edits


def test_the_first_edit_starts_from_a_new_team_and_undo_takes_the_team_away(qtbot: QtBot) -> None:
    model, edits = lines_and_edits()
    assert model.session.team is None and edits.team == new_team()
    edits.set(replace(edits.team, subscription=D(4000)), "pool", "subscription")
    assert model.session.team is not None and model.session.team.subscription == D(4000)
    edits.stack.undo()
    assert model.session.team is None
    edits.stack.redo()
    assert model.session.team is not None and model.session.team.subscription == D(4000)


def test_edits_of_one_field_in_a_row_merge_and_of_another_do_not(qtbot: QtBot) -> None:
    _model, edits = lines_and_edits()
    for typed in (1, 15, 150, 1500):
        edits.set(replace(edits.team, subscription=D(typed)), "pool", "subscription")
    assert edits.stack.count() == 1
    edits.set(replace(edits.team, top_up=D(5)), "pool", "top_up")
    edits.set(replace(edits.team, subscription=D(9)), "pool", "subscription")
    assert edits.stack.count() == 3
    edits.stack.undo()
    edits.stack.undo()
    assert edits.team.subscription == D(1500) and edits.team.top_up == 0


def test_a_change_to_the_same_team_is_no_step_and_member_edits_never_merge(qtbot: QtBot) -> None:
    _model, edits = lines_and_edits()
    edits.members((Member("Ana"),), "add")
    edits.set(edits.team, "nothing")
    assert edits.stack.count() == 1
    edits.members((Member("Ana"), Member("Ben")), "add")
    assert edits.stack.count() == 2
    assert edits.team.month == dt.date.today().replace(day=1)
