"""Which member a line is for, in the estimate's table (team mode): a combo in the Member cell,
and "Assign to" in the table's context menu for every selected line at once (one undo step).

A line names its member as text; the combo offers "Unassigned" and the team's members. A name a
file gives that is not in the team is shown as it is (the plan says it is not a member).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from imagine_calc.core.language import _
from imagine_calc.core.session import Session

Index = QModelIndex | QPersistentModelIndex


class MemberDelegate(QStyledItemDelegate):
    """The Member cell: "Unassigned" in the placeholder colour when empty; a combo to edit."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if not option.text:
            option.text = _("Unassigned")
            colour = option.palette.color(QPalette.ColorRole.PlaceholderText)
            option.palette.setColor(QPalette.ColorRole.Text, colour)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_("Member"))
        combo.addItem(_("Unassigned"), "")
        for m in self.session.team.members if self.session.team else ():
            combo.addItem(m.name, m.name)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            name = str(index.data(Qt.ItemDataRole.EditRole) or "")
            found = editor.findData(name)
            if found < 0:  # a name not in the team: shown as it is, first after "Unassigned"
                editor.insertItem(1, name, name)
                found = 1
            editor.setCurrentIndex(found)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def assign_menu(
    parent: QWidget, session: Session, assign: Callable[[str], object], rows: int
) -> QMenu | None:
    """ "Assign to" with "Unassigned" and each member, for `rows` selected lines (None: no team
    or no line selected)."""
    team = session.team
    if team is None or not rows:
        return None
    menu = QMenu(_("Assign to"), parent)
    menu.setObjectName("assignMenu")
    for text, name in ((_("Unassigned"), ""), *((m.name.replace("&", "&&"), m.name) for m in team.members)):
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False, n=name: assign(n))
    return menu


def show_assign_menu(
    table: QTableView, session: Session, assign: Callable[[str], object], at: QPoint
) -> None:
    """The table's context menu, at `at` (in the viewport's coordinates)."""
    rows = len(table.selectionModel().selectedRows())
    menu = assign_menu(table, session, assign, rows)
    if menu is not None:
        menu.exec(table.viewport().mapToGlobal(at))
        menu.deleteLater()
