"""The model list: every catalog model with its cost for the current settings, sortable by cost."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from imagine_calc.core.catalog.records import TIERS, Catalog, Model
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.quotes import Quote, QuoteState
from imagine_calc.gui.generate.model_info import model_html
from imagine_calc.gui.shared import numbers
from imagine_calc.gui.shared.widgets import FlatTableModel

NAME, COST, MAX_RES = range(3)
HEADERS = ("Model", "Credits", "Max res.")
#: The model's id, for selection and settings.
IdRole = Qt.ItemDataRole.UserRole + 1
#: A float that sorts by cost: unknown and unavailable models last.
SortRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_LAST = 1e12
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
#: Roles the delegate asks of every cell it paints and that this model leaves to the style.
_PAINT_ROLES: dict[int, Any] = {
    role: None
    for role in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
    )
}


class ModelTableModel(FlatTableModel):
    """Rows are catalog models; the cost column shows a GenerateView's cells (`show_view`)."""

    headers = HEADERS

    def __init__(self, catalog: Catalog, parent: Any = None) -> None:
        super().__init__(parent)
        self._models: tuple[Model, ...] = catalog.models
        self._quotes: list[Quote | str | None] = [None] * len(self._models)
        self._cells = [self._row_cells(row) for row in range(len(self._models))]

    def show_view(self, view: GenerateView) -> None:
        """Show each model's quote (or why it cannot make these settings). A view of another
        catalog (a price update was applied) replaces the rows."""
        models = tuple(c.model for c in view.models)
        quotes_now: list[Quote | str | None] = [c.quote or c.why_not for c in view.models]
        if models != self._models:
            self.beginResetModel()
            self._models, self._quotes = models, quotes_now
            self._cells = [self._row_cells(row) for row in range(len(models))]
            self.endResetModel()
            return
        old_quotes, self._quotes = self._quotes, quotes_now
        pairs = enumerate(zip(self._quotes, old_quotes, strict=True))
        old, self._cells = (
            self._cells,
            [self._cells[row] if now == before else self._row_cells(row) for row, (now, before) in pairs],
        )
        # Tell the view about each changed cell on its own: a multi-row range makes the view
        # repaint its whole viewport, while single cells repaint just the cost column.
        last = len(HEADERS) - 1
        for row, (before, after) in enumerate(zip(old, self._cells, strict=True)):
            if before[NAME][_FOREGROUND] != after[NAME][_FOREGROUND]:  # became (un)available
                self.dataChanged.emit(self.index(row, NAME), self.index(row, last))
            elif before[COST] != after[COST]:
                cost = self.index(row, COST)
                self.dataChanged.emit(cost, cost)

    def _row_cells(self, row: int) -> list[dict[int, Any]]:
        """Every role the view asks for while painting, per column, so data() is one lookup:
        painting asks ~8 roles of each visible cell on every change of settings."""
        model, quote = self._models[row], self._quotes[row]
        grey = (
            QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if isinstance(quote, str)
            else None
        )
        cost = "" if quote is None else "—" if isinstance(quote, str) else numbers.short(quote)
        display = (model.name, cost, model.max_resolution or "?")
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return [
            {
                **_PAINT_ROLES,
                Qt.ItemDataRole.DisplayRole: display[col],
                SortRole: self._sort_key(row, col),
                Qt.ItemDataRole.TextAlignmentRole: None if col == NAME else right,
                _FOREGROUND: grey,
                IdRole: model.id,
                Qt.ItemDataRole.AccessibleTextRole: f"{model.name}: {self._plain_cost(quote)}",
            }
            for col in range(len(HEADERS))
        ]

    def model_at(self, row: int) -> Model:
        return self._models[row]

    def row_of(self, model_id: str) -> int:
        for row, model in enumerate(self._models):
            if model.id == model_id:
                return row
        return -1

    # --- Qt's model interface -------------------------------------------------------------

    def row_count(self) -> int:
        return len(self._models)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return ("Model name", "Credits for the current settings", "Maximum resolution")[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self._cells[index.row()][index.column()]
        if role in cell:
            return cell[role]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            row = index.row()
            return model_html(self._models[row], self._quotes[row])
        return None

    def _plain_cost(self, quote: Quote | str | None) -> str:
        if quote is None:
            return ""
        if isinstance(quote, str):
            return f"not available: {quote}"
        return numbers.total(quote)

    def _sort_key(self, row: int, col: int) -> Any:
        model = self._models[row]
        if col == NAME:
            return model.name.casefold()
        if col == MAX_RES:
            return float(TIERS.index(model.max_resolution)) if model.max_resolution else math.inf
        quote = self._quotes[row]
        # Known costs first, then lower bounds, then unknowns, then models that cannot.
        if not isinstance(quote, Quote):
            return _LAST * 3
        if quote.state is QuoteState.UNKNOWN:
            return _LAST * 2
        return float(quote.known_total) + (0 if quote.complete else _LAST)


class ModelFilterProxy(QSortFilterProxyModel):
    """Type-to-find on the name column; sorting by the numeric SortRole, names breaking ties."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(NAME)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a == b:
            return (
                str(left.siblingAtColumn(NAME).data()).casefold()
                < str(right.siblingAtColumn(NAME).data()).casefold()
            )
        return bool(a < b)
