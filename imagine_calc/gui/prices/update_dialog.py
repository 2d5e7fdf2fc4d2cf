"""The price update from a saved credits page, shown as a reviewable list before it is applied."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.catalog.price_update import PriceUpdate
from imagine_calc.core.language import N_, _
from imagine_calc.core.text.price_update import kind_words, note_words, review_intro, shown_words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import RichLabel, fill, plain_label, tooltip
from imagine_calc.gui.shared.widgets import FlatTableModel, warning_icon

HEADERS = (N_("Change"), N_("Model"), N_("Before"), N_("After"))
AFTER = 3
Index = QModelIndex | QPersistentModelIndex
#: The most of a page's address the intro shows: it has no spaces, so a long one would widen the dialog.
SHOWN_URL_CHARS = 100


class ChangesModel(FlatTableModel):
    headers = HEADERS

    def __init__(self, update: PriceUpdate, parent: Any = None) -> None:
        super().__init__(parent)
        style = locale_numbers.style()
        self._rows = [
            (kind_words(c), c.name, shown_words(c.before, style) or "—", shown_words(c.after, style))
            for c in update.changes
        ]
        self._checks = [note_words(c.check, style) if c.check is not None else "" for c in update.changes]

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        check = self._checks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(check or self._rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.DecorationRole and check and index.column() == AFTER:
            return warning_icon()
        return None


class PriceUpdateDialog(QDialog):
    """Apply (accept) writes the update as the user's override; Cancel changes nothing."""

    def __init__(
        self, update: PriceUpdate, page_name: str, as_of: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="priceUpdateDialog")
        self.setWindowTitle(_("Update prices from a saved ImagineArt page"))
        style = locale_numbers.style()
        url = update.page.url or ""
        url = url if len(url) <= SHOWN_URL_CHARS else url[: SHOWN_URL_CHARS - 1] + "…"  # no spaces to wrap at
        said = review_intro(len(update.changes), len(update.left_out), as_of, url, style)
        intro = RichLabel(fill("<b>{}</b> {}", page_name, said), objectName="updateIntro")
        intro.setWordWrap(True)
        self.table = QTableView(objectName="updateTable")
        self.table.setModel(ChangesModel(update, self))
        self.table.setAccessibleName(_("Price changes"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        notes = plain_label(
            "\n".join(f"• {note_words(n, style)}" for n in update.notes), objectName="updateNotes"
        )
        notes.setWordWrap(True)
        notes.setVisible(bool(update.notes))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        apply = buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self.accept)
        apply.setEnabled(bool(update.applicable))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(notes)
        layout.addWidget(buttons)
        self.resize(760, 420)
