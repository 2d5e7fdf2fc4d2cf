"""The members' table: added from the keyboard, a name taken (in any case) refused in words, names
shown as typed, and a member renamed or removed taking their lines along in one undo step."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.team import Member
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.team_members import LIMIT, NAME, MembersBox
from tests.gui.estimate.team_fixtures import lines_and_edits

FLUX = GenerationItem(GenerationRequest("flux-dev"), 2)


def box(qtbot: QtBot, *items: GenerationItem) -> MembersBox:
    model, edits = lines_and_edits(*items)
    widget = MembersBox(edits, model)
    qtbot.addWidget(widget)
    edits.session.listen(lambda _parts: widget.show_team(edits.session.team))
    return widget


def names(b: MembersBox) -> list[str]:
    return [b.model.index(r, NAME).data() for r in range(b.model.rowCount())]


def test_members_are_added_with_enter_and_their_limit_or_none(qtbot: QtBot) -> None:
    b = box(qtbot)
    b.name.setText("Ana")
    b.limit.setValue(2000)
    qtbot.keyClick(b.name, Qt.Key.Key_Return)
    qtbot.keyClicks(b.name, "Ben")
    qtbot.keyClick(b.name, Qt.Key.Key_Return)
    assert names(b) == ["Ana", "Ben"] and b.name.text() == "" and b.limit.value() == 0
    assert [b.model.index(r, LIMIT).data() for r in range(2)] == ["2000 credits", "no limit"]
    team = b.edits.session.team
    assert team is not None and team.members == (Member("Ana", D(2000)), Member("Ben"))


def test_a_name_taken_in_any_case_is_refused_in_words_and_nothing_changes(qtbot: QtBot) -> None:
    b = box(qtbot)
    b.name.setText("Ana")
    b.add()
    b.name.setText("ANA")
    assert not b.add()
    assert not b.refusal.isHidden()
    assert b.refusal.text() == "Ana is already a member: each member needs a name of their own."
    assert names(b) == ["Ana"] and b.edits.stack.count() == 1 and b.name.text() == "ANA"
    b.name.setText("Ana B")  # typing again clears the refusal
    assert b.refusal.isHidden()


def test_names_show_as_typed_never_as_markup(qtbot: QtBot) -> None:
    b = box(qtbot)
    b.name.setText("<img src='/dev/zero'>")
    assert b.add()
    assert names(b) == ["<img src='/dev/zero'>"]
    b.name.setText("<IMG src='/dev/zero'>")
    b.add()
    assert b.refusal.textFormat() == Qt.TextFormat.PlainText and "<IMG" not in b.refusal.text()


def test_renaming_takes_the_lines_along_in_one_step(qtbot: QtBot) -> None:
    b = box(qtbot, FLUX, FLUX)
    b.name.setText("Ana")
    b.add()
    b.lines.assign([0], "ana")  # a line names her in another case
    steps = b.edits.stack.count()
    assert b.model.setData(b.model.index(0, NAME), "Anna")
    assert [i.member for i in b.lines.items] == ["Anna", ""] and names(b) == ["Anna"]
    assert b.edits.stack.count() == steps + 1
    b.edits.stack.undo()
    assert [i.member for i in b.lines.items] == ["ana", ""] and names(b) == ["Ana"]


def test_removing_members_unassigns_their_lines_in_one_step(qtbot: QtBot) -> None:
    b = box(qtbot, FLUX, FLUX, FLUX)
    for name in ("Ana", "Ben"):
        b.name.setText(name)
        b.add()
    b.lines.assign([0, 2], "Ana")
    b.lines.assign([1], "Ben")
    b.table.selectRow(0)
    b.remove_selected()
    assert names(b) == ["Ben"] and [i.member for i in b.lines.items] == ["", "Ben", ""]
    b.edits.stack.undo()
    assert names(b) == ["Ana", "Ben"] and [i.member for i in b.lines.items] == ["Ana", "Ben", "Ana"]


def test_a_limit_is_edited_in_a_spin_box_whose_lowest_value_is_no_limit(qtbot: QtBot) -> None:
    b = box(qtbot)
    b.name.setText("Ana")
    b.add()
    index = b.model.index(0, LIMIT)
    b.table.edit(index)
    editor = b.table.findChild(QSpinBox)
    assert editor is not None and editor.specialValueText() == "no limit"
    assert b.model.setData(index, 1500)
    assert b.model.index(0, LIMIT).data() == "1500 credits"
    assert b.model.setData(index, 0)
    team = b.edits.session.team
    assert team is not None and team.members == (Member("Ana"),)


def test_delete_in_the_table_removes_the_selected_member(qtbot: QtBot) -> None:
    b = box(qtbot)
    b.show()
    qtbot.waitExposed(b)
    b.activateWindow()
    qtbot.waitUntil(b.isActiveWindow)
    for name in ("Ana", "Ben"):
        b.name.setText(name)
        b.add()
    b.table.setFocus()
    b.table.selectRow(0)
    qtbot.keyClick(b.table, Qt.Key.Key_Delete)
    assert names(b) == ["Ben"]
