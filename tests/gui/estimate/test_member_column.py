"""Lines given to members: a combo in the Member cell (unassigned, each member, a name from a
file kept as it is), and "Assign to" for every selected line in one step."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QTableView, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.team import Member, Team
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.estimate_model import MEMBER
from imagine_calc.gui.estimate.member_column import MemberDelegate, assign_menu
from tests.gui.estimate.team_fixtures import lines_and_edits

FLUX = GenerationItem(GenerationRequest("flux-dev"), 2)
TEAM = Team(dt.date(2026, 12, 1), D(0), members=(Member("Ana"), Member("Tom & Jerry")))


def test_the_combo_offers_unassigned_and_each_member_and_sets_the_line(qtbot: QtBot) -> None:
    model, _edits = lines_and_edits(FLUX, GenerationItem(GenerationRequest("flux-dev"), 1, "", "Zoe"))
    model.session.set_team(TEAM)
    delegate = MemberDelegate(model.session)
    parent = QWidget()
    qtbot.addWidget(parent)
    combo = delegate.createEditor(parent, QStyleOptionViewItem(), model.index(0, MEMBER))
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Unassigned", "Ana", "Tom & Jerry"]
    combo.setCurrentIndex(2)
    delegate.setModelData(combo, model, model.index(0, MEMBER))
    assert model.items[0].member == "Tom & Jerry"
    other = delegate.createEditor(parent, QStyleOptionViewItem(), model.index(1, MEMBER))
    assert isinstance(other, QComboBox)
    delegate.setEditorData(other, model.index(1, MEMBER))  # not in the team: kept, not changed
    assert other.currentText() == "Zoe"


def test_an_empty_cell_reads_unassigned(qtbot: QtBot) -> None:
    model, _edits = lines_and_edits(FLUX)
    delegate = MemberDelegate(model.session)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, model.index(0, MEMBER))
    assert option.text == "Unassigned"


def test_assign_to_gives_every_selected_line_in_one_step(qtbot: QtBot) -> None:
    model, edits = lines_and_edits(FLUX, FLUX, FLUX)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    assert assign_menu(table, model.session, lambda _n: None, 2) is None  # no team yet
    model.session.set_team(TEAM)
    chosen = table.selectionModel()
    for row in (0, 2):
        chosen.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    rows = [i.row() for i in chosen.selectedRows()]
    menu = assign_menu(table, model.session, lambda name: model.assign(rows, name), len(rows))
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Unassigned", "Ana", "Tom && Jerry"]  # "&" shown, not taken as a shortcut
    steps = edits.stack.count()
    menu.actions()[2].trigger()
    assert [i.member for i in model.items] == ["Tom & Jerry", "", "Tom & Jerry"]
    assert edits.stack.count() == steps + 1
