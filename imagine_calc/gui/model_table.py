"""The model list: every catalog model with its cost for the current settings, sortable by cost."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from imagine_calc.core.choices import quote_or_reason
from imagine_calc.core.pricing import GenerationRequest, Quote
from imagine_calc.core.records import TIERS, Catalog, Model
from imagine_calc.gui import numbers
from imagine_calc.gui.model_info import model_html

NAME, COST, MAX_RES = range(3)
HEADERS = ("Model", "Credits", "Max res.")
#: The model's id, for selection and settings.
IdRole = Qt.ItemDataRole.UserRole + 1
#: A float that sorts by cost: unknown and unavailable models last.
SortRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_LAST = 1e12


class ModelTableModel(QAbstractTableModel):
    """Rows are catalog models; the cost column follows `set_request`."""

    def __init__(self, catalog: Catalog, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._models: tuple[Model, ...] = catalog.models
        self._quotes: list[Quote | str] = []
        self._cells: list[tuple[tuple[str, str, str], tuple[Any, Any, Any], bool]] = []
        self._request: GenerationRequest | None = None

    def set_request(self, req: GenerationRequest) -> None:
        """Re-price every row for these settings (the model id in `req` is ignored)."""
        self._request = req
        self._quotes = [quote_or_reason(self._catalog, replace(req, model_id=m.id)) for m in self._models]
        # data() is called hundreds of times per change (sorting, painting): answer from a table.
        old, self._cells = self._cells, [self._row_cells(row) for row in range(len(self._models))]
        # Repaint only the cells that changed: usually just the cost column.
        for col in (NAME, COST, MAX_RES):
            rows = [
                r
                for r, cells in enumerate(self._cells)
                if not old or cells[0][col] != old[r][0][col] or (col == NAME and cells[2] != old[r][2])
            ]
            if rows:
                self.dataChanged.emit(self.index(rows[0], col), self.index(rows[-1], col))

    def _row_cells(self, row: int) -> tuple[tuple[str, str, str], tuple[Any, Any, Any], bool]:
        """(display texts, sort keys, available) of one row."""
        model, quote = self._models[row], self._quotes[row]
        display = (model.name, numbers.short(quote), model.max_resolution or "?")
        sort = tuple(self._sort_key(row, col) for col in range(3))
        return display, sort, not isinstance(quote, str)  # type: ignore[return-value]

    def model_at(self, row: int) -> Model:
        return self._models[row]

    def row_of(self, model_id: str) -> int:
        for row, model in enumerate(self._models):
            if model.id == model_id:
                return row
        return -1

    # --- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._models)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return ("Model name", "Credits for the current settings", "Maximum resolution")[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._cells[row][0][col] if self._cells else (self._models[row].name if col == NAME else "")
            )
        if role == SortRole:
            return self._cells[row][1][col] if self._cells else self._sort_key(row, col)
        quote = self._quotes[row] if self._quotes else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if col == NAME else int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not isinstance(quote, str):
                return None
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        model = self._models[row]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return model_html(model, quote)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{model.name}: {self._plain_cost(quote)}"
        if role == IdRole:
            return model.id
        return None

    def _plain_cost(self, quote: Quote | str | None) -> str:
        if quote is None:
            return ""
        if isinstance(quote, str):
            return f"not available, {quote}"
        return numbers.total(quote)

    def _sort_key(self, row: int, col: int) -> Any:
        model = self._models[row]
        if col == NAME:
            return model.name.casefold()
        if col == MAX_RES:
            return float(TIERS.index(model.max_resolution)) if model.max_resolution else math.inf
        quote = self._quotes[row] if self._quotes else None
        # Exact costs first, then lower bounds, then unknowns, then models that cannot.
        if not isinstance(quote, Quote):
            return _LAST * 3
        if quote.complete:
            return float(quote.known_total)
        return _LAST * 2 if quote.known_total == 0 else _LAST + float(quote.known_total)


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
