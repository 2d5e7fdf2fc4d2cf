"""The team's members: a small table (name, monthly limit or "no limit") with Add and Remove.

Names are outside text once saved (a file from a colleague): the table shows them as plain
text, never markup. A name already in the team (in any case) is refused with one sentence under
the table. Renaming or removing a member carries their lines along in the same undo step:
renamed, the lines follow the new name; removed, they become unassigned.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.estimates.team import Member, Team, member_key
from imagine_calc.core.estimates.team_typed import member_of, whole_limit
from imagine_calc.core.language import N_, _
from imagine_calc.core.limits import MAX_BALANCE, MAX_MEMBER_NAME
from imagine_calc.core.text.team_view import limit_cell, refused_name
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.estimate.team_edits import TeamEdits
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import plain_label, tooltip
from imagine_calc.gui.shared.theme import shortfall_red
from imagine_calc.gui.shared.widgets import FlatTableModel

NAME, LIMIT = range(2)
Index = QModelIndex | QPersistentModelIndex


def limit_spin(parent: QWidget | None = None) -> QSpinBox:
    """A monthly limit: whole credits, its lowest value reading "no limit"."""
    spin = QSpinBox(parent)
    spin.setRange(0, MAX_BALANCE)
    spin.setGroupSeparatorShown(True)
    spin.setSpecialValueText(_("no limit"))
    spin.setAccessibleName(_("Monthly limit"))
    return spin


class MembersModel(FlatTableModel):
    """The session's team's members, as rows; edits become steps through `box`."""

    headers = (N_("Name"), N_("Monthly limit"))

    def __init__(self, box: MembersBox) -> None:
        super().__init__(box)
        self.box = box
        self.members: tuple[Member, ...] = ()

    def show_members(self, members: tuple[Member, ...]) -> None:
        if members != self.members:
            self.beginResetModel()
            self.members = members
            self.endResetModel()

    def row_count(self) -> int:
        return len(self.members)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return m.name if index.column() == NAME else limit_cell(m.limit, locale_numbers.style())
        if role == Qt.ItemDataRole.EditRole:
            return m.name if index.column() == NAME else whole_limit(m.limit)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == LIMIT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        m = self.members[index.row()]
        if index.column() == NAME:
            return self.box.rename(m, str(value).strip())
        return self.box.set_limit(m, int(value))


class LimitDelegate(QStyledItemDelegate):
    """The limit column's editor: a spin box whose lowest value is "no limit"."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return limit_spin(parent)


class MembersBox(QGroupBox):
    """Members with Add and Remove; every change is a step on the estimate's history."""

    def __init__(self, edits: TeamEdits, lines: EstimateTableModel, parent: QWidget | None = None) -> None:
        super().__init__(_("Members"), parent)
        self.setObjectName("teamMembers")
        self.edits, self.lines = edits, lines
        self.model = MembersModel(self)
        self.table = QTableView(objectName="membersTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(LIMIT, LimitDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAccessibleName(_("Members"))
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        rows.hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(LIMIT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight((self.table.fontMetrics().height() + 8) * 4)
        self.table.setMaximumHeight((self.table.fontMetrics().height() + 8) * 7)

        self.name = QLineEdit(objectName="memberName", placeholderText=_("Name"), maxLength=MAX_MEMBER_NAME)
        self.name.setAccessibleName(_("New member's name"))
        self.name.returnPressed.connect(self.add)
        self.name.textChanged.connect(lambda: self.say(""))
        self.limit = limit_spin()
        self.limit.setObjectName("memberLimit")
        self.limit.setToolTip(tooltip(_("A monthly limit resets at the start of each month.")))
        self.add_button = QPushButton(_("Add mem&ber"), objectName="addMemberButton")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(_("Remove member"), objectName="removeMemberButton")
        self.remove_button.clicked.connect(self.remove_selected)
        # Delete in the table, as in the estimate's lines (every Alt letter is taken in team mode).
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        remove_tip = _("Remove the selected members")
        remove.setWhatsThis(remove_tip)
        said = remove.key().toString(QKeySequence.SequenceFormat.NativeText)
        self.remove_button.setToolTip(tooltip(f"{remove_tip} ({said})"))
        self.refusal = plain_label(objectName="memberRefused", wordWrap=True)
        self.refusal.hide()

        adding = QHBoxLayout()
        adding.addWidget(self.name, 2)
        adding.addWidget(self.limit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        column.addLayout(adding)
        column.addLayout(buttons)
        column.addWidget(self.refusal)

    def show_team(self, team: Team | None) -> None:
        self.model.show_members(team.members if team else ())
        self.remove_button.setEnabled(bool(self.model.members))

    def say(self, refusal: str) -> None:
        """Why the last name was refused ("": nothing to say), in the theme's red."""
        self.refusal.setText(refusal)
        self.refusal.setStyleSheet(f"color: {shortfall_red(self.palette()).name()}" if refusal else "")
        self.refusal.setVisible(bool(refusal))

    # --- changes --------------------------------------------------------------------------

    def add(self) -> bool:
        team, name = self.edits.team, self.name.text().strip()
        why = refused_name(team, name)
        self.say(why)
        if why:
            return False
        # TRANSLATORS: undo steps, after "Undo" / "Redo" in the Edit menu
        self.edits.members((*team.members, member_of(name, self.limit.value())), _("add a member"))
        self.name.clear()
        self.limit.setValue(0)
        self.table.selectRow(self.model.rowCount() - 1)
        return True

    def rename(self, member: Member, name: str) -> bool:
        """A member renamed; their lines follow the new name, in the same step."""
        team = self.edits.team
        if name == member.name:
            return False
        why = refused_name(team, name, renaming=member.name)
        self.say(why)
        if why:
            return False
        members = tuple(replace(m, name=name) if m == member else m for m in team.members)
        stack = self.edits.stack
        stack.beginMacro(_("rename a member"))
        self.edits.members(members, _("rename a member"))
        self.lines.assign(self._lines_of(member), name)
        stack.endMacro()
        return True

    def set_limit(self, member: Member, limit: int) -> bool:
        """A member's limit as typed (0: no limit)."""
        changed = member_of(member.name, limit)
        if changed == member:
            return False
        team = self.edits.team
        members = tuple(changed if m == member else m for m in team.members)
        self.edits.members(members, _("change a member's limit"))
        return True

    def remove_selected(self) -> None:
        """The selected members go; their lines become unassigned, in the same step."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        team = self.edits.team
        gone = [team.members[r] for r in rows if r < len(team.members)]
        if not gone:
            return
        stack = self.edits.stack
        stack.beginMacro(_("remove members"))
        self.edits.members(tuple(m for m in team.members if m not in gone), _("remove members"))
        self.lines.assign([row for m in gone for row in self._lines_of(m)], "")
        stack.endMacro()
        if self.model.rowCount():
            self.table.selectRow(min(rows[0], self.model.rowCount() - 1))

    def _lines_of(self, member: Member) -> list[int]:
        return [row for row, item in enumerate(self.lines.items) if member_key(item.member) == member.key]
