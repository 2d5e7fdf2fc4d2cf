"""The estimate's lines as a table model; every edit goes through the undo stack."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.estimate import (
    Estimate,
    Item,
    PricedEstimate,
    PricedItem,
    assemble,
    price_item,
    repriced,
)
from imagine_calc.core.language import N_, _
from imagine_calc.core.limits import MAX_COUNT
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text.estimates import line_tooltip
from imagine_calc.core.text.exports import HEADER, line_cells
from imagine_calc.core.text.plurals import plural
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import tooltip
from imagine_calc.gui.shared.widgets import FlatTableModel

LABEL, WHAT, COUNT, PER_RUN, CREDITS, MEMBER = range(6)
#: The member column's header: shown in team mode only (the exports' columns are HEADER's).
MEMBER_HEADER = N_("Member")
#: The exact Decimal behind a credits cell (the display is rounded and localised).
CreditsRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class EstimateTableModel(FlatTableModel):
    """Emits `changed` after any change to the lines or their prices."""

    headers = (*HEADER, MEMBER_HEADER)

    changed = Signal()
    title_changed = Signal(str)

    def __init__(self, session: Session, parent: Any = None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.listen(self._session_changed)
        self.undo_stack = undo_stack or QUndoStack(self)
        self.priced: list[PricedItem] = []
        self.title = ""

    # --- reading ---------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        """The session's: lines are priced with the prices in use, never a copy of them."""
        return self.session.catalog

    @property
    def items(self) -> list[Item]:
        return [p.item for p in self.priced]

    def priced_estimate(self) -> PricedEstimate:
        return assemble(self.priced, self.title)

    def row_count(self) -> int:
        return len(self.priced)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (LABEL, COUNT) or (index.column() == MEMBER and self.session.team):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p, col = self.priced[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return p.item.member if col == MEMBER else line_cells(p, locale_numbers.style())[col]
        if role == Qt.ItemDataRole.EditRole:
            return {LABEL: p.item.label or p.group, COUNT: p.item.count, MEMBER: p.item.member}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(line_tooltip(p, locale_numbers.style()))
        if role == Qt.ItemDataRole.TextAlignmentRole and COUNT <= col <= CREDITS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == CreditsRole and col in (PER_RUN, CREDITS):
            return (p.unit if col == PER_RUN else p.quote).known_total
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit in the table becomes an undoable command."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, item = index.row(), self.priced[index.row()].item
        if index.column() == LABEL:
            label = str(value).strip()
            if label == (item.label or self.priced[row].group):
                return False
            # TRANSLATORS: undo steps, after "Undo" / "Redo" in the Edit menu
            step = _("rename line {n}").format(n=row + 1)
            self.undo_stack.push(EditItem(self, row, replace(item, label=label), step))
            return True
        if index.column() == COUNT:
            count = int(value)
            if count == item.count or not 1 <= count <= MAX_COUNT:
                return False
            step = _("count of line {n}").format(n=row + 1)
            self.undo_stack.push(EditItem(self, row, replace(item, count=count), step))
            return True
        if index.column() == MEMBER:
            return self.assign([row], str(value))
        return False

    # --- changing, for the undo commands ----------------------------------------------------

    def insert(self, row: int, items: Sequence[Item]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self.priced[row:row] = [price_item(self.catalog, item) for item in items]
        self.endInsertRows()
        self.changed.emit()

    def take(self, row: int) -> Item:
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self.priced.pop(row).item
        self.endRemoveRows()
        self.changed.emit()
        return item

    def put(self, row: int, item: Item) -> None:
        self.priced[row] = repriced(self.catalog, self.priced[row], item)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
        self.changed.emit()

    def put_rows(self, rows: Sequence[int], items: Sequence[Item]) -> None:
        """Several lines changed at once (assigned to a member): told once, not once a line."""
        for row, item in zip(rows, items, strict=True):
            self.priced[row] = repriced(self.catalog, self.priced[row], item)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.headers) - 1))
            self.changed.emit()

    def move(self, source: int, target: int) -> None:
        """Move one line to position `target` (in the list as it is after the move)."""
        dest = target + 1 if target > source else target  # Qt counts the destination before removal
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest)
        self.priced.insert(target, self.priced.pop(source))
        self.endMoveRows()
        self.changed.emit()

    def set_title(self, title: str) -> None:
        self.title = title
        self.title_changed.emit(title)
        self.changed.emit()

    def load(self, estimate: Estimate) -> None:
        """Show another estimate; its history starts here (opening a file is not undoable)."""
        self.undo_stack.clear()
        self.beginResetModel()
        self.priced = [price_item(self.catalog, item) for item in estimate.items]
        self.endResetModel()
        self.set_title(estimate.title)

    def _session_changed(self, parts: frozenset[Part]) -> None:
        """Re-price every line when the prices change (an update applied, a recording); the
        history stays valid. A team changed: the estimate's document changed (it is saved with it)."""
        if Part.TEAM in parts and Part.CATALOG not in parts:
            if self.priced:
                self.dataChanged.emit(self.index(0, MEMBER), self.index(len(self.priced) - 1, MEMBER))
            self.changed.emit()
        if Part.CATALOG not in parts:
            return
        self.beginResetModel()
        self.priced = [price_item(self.catalog, p.item) for p in self.priced]
        self.endResetModel()
        self.changed.emit()

    # --- what the panel asks for --------------------------------------------------------------

    def add(self, items: Sequence[Item], text: str) -> None:
        self.undo_stack.push(AddItems(self, len(self.priced), list(items), text))

    def remove(self, rows: Sequence[int]) -> None:
        if rows:
            self.undo_stack.push(RemoveItems(self, sorted(set(rows))))

    def rename(self, title: str) -> None:
        if title != self.title:
            self.undo_stack.push(SetTitle(self, title))

    def assign(self, rows: Sequence[int], member: str) -> bool:
        """Give `rows` to `member` ("" unassigned), as one undo step; False when nothing changes."""
        rows = [r for r in sorted(set(rows)) if 0 <= r < len(self.priced) and self.items[r].member != member]
        if not rows:
            return False
        self.undo_stack.push(AssignLines(self, rows, member))
        return True

    def move_line(self, row: int, by: int) -> bool:
        target = row + by
        if not (0 <= row < len(self.priced) and 0 <= target < len(self.priced)):
            return False
        self.undo_stack.push(MoveItem(self, row, target))
        return True


class AddItems(QUndoCommand):
    def __init__(self, model: EstimateTableModel, row: int, items: list[Item], text: str) -> None:
        super().__init__(text)
        self.model, self.row, self.items = model, row, items

    def redo(self) -> None:
        self.model.insert(self.row, self.items)

    def undo(self) -> None:
        for _item in self.items:
            self.model.take(self.row)


class RemoveItems(QUndoCommand):
    def __init__(self, model: EstimateTableModel, rows: list[int]) -> None:
        super().__init__(plural(len(rows), "remove {n} line", "remove {n} lines"))
        self.model, self.rows = model, rows
        self.removed: list[tuple[int, Item]] = []

    def redo(self) -> None:
        self.removed = [(row, self.model.items[row]) for row in self.rows]
        for row in reversed(self.rows):
            self.model.take(row)

    def undo(self) -> None:
        for row, item in self.removed:
            self.model.insert(row, [item])


class EditItem(QUndoCommand):
    def __init__(self, model: EstimateTableModel, row: int, new: Item, text: str) -> None:
        super().__init__(text)
        self.model, self.row, self.new, self.old = model, row, new, model.items[row]

    def redo(self) -> None:
        self.model.put(self.row, self.new)

    def undo(self) -> None:
        self.model.put(self.row, self.old)


class AssignLines(QUndoCommand):
    def __init__(self, model: EstimateTableModel, rows: list[int], member: str) -> None:
        super().__init__(plural(len(rows), "assign {n} line", "assign {n} lines"))
        self.model, self.rows, self.member = model, rows, member
        self.old = [model.items[row] for row in rows]

    def redo(self) -> None:
        self.model.put_rows(self.rows, [replace(item, member=self.member) for item in self.old])

    def undo(self) -> None:
        self.model.put_rows(self.rows, self.old)


class MoveItem(QUndoCommand):
    def __init__(self, model: EstimateTableModel, source: int, target: int) -> None:
        super().__init__(_("move line {n}").format(n=source + 1))
        self.model, self.source, self.target = model, source, target

    def redo(self) -> None:
        self.model.move(self.source, self.target)

    def undo(self) -> None:
        self.model.move(self.target, self.source)


class SetTitle(QUndoCommand):
    def __init__(self, model: EstimateTableModel, title: str) -> None:
        super().__init__(_("rename the estimate"))
        self.model, self.new, self.old = model, title, model.title

    def redo(self) -> None:
        self.model.set_title(self.new)

    def undo(self) -> None:
        self.model.set_title(self.old)


class CountDelegate(QStyledItemDelegate):
    """A spin box from 1 to MAX_COUNT (Qt's default int editor stops at 99)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, MAX_COUNT)
        spin.setAccessibleName(_("Count"))
        spin.setGroupSeparatorShown(True)
        return spin
