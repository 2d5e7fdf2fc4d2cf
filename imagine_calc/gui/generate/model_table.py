"""The model list: every catalog model with its cost for the current settings, sortable by cost.

The cells live in a QStandardItemModel, so painting never calls Python: a repaint of the list
asks ~350 data(), rowCount() and columnCount() questions, which cost ~5 ms through a Python
model and ~2 ms in C++. `show_view` writes the cells that a GenerateView changed, and the sort
keys are numbers and strings Qt compares itself (ties broken by name inside the key).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from imagine_calc.core.catalog.records import TIERS, Catalog, Model
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import N_, _
from imagine_calc.core.pricing.findings import NotAvailable
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.quotes import Quote, QuoteState
from imagine_calc.core.text import quotes
from imagine_calc.core.text.catalog import pro_inferred, pro_mark, pro_model_words
from imagine_calc.core.text.findings import not_available_words, refusal_words
from imagine_calc.gui.generate.model_info import model_html
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import fill, join, tooltip
from imagine_calc.gui.shared.per_view import PerView

NAME, COST, MAX_RES = range(3)
HEADERS = (N_("Model"), N_("Credits"), N_("Max res."))
#: Each column's tooltip.
HEADER_TIPS = (N_("Model name"), N_("Credits for the current settings"), N_("Maximum resolution"))
#: The model's id, for selection and settings.
IdRole = Qt.ItemDataRole.UserRole + 1
#: What sorts a column: known costs first, then lower bounds, unknowns, models that cannot.
SortRole = Qt.ItemDataRole.UserRole + 2
#: The cost column's picture of its figure: a CostBar, or None where there is no figure to draw.
BarRole = Qt.ItemDataRole.UserRole + 3
#: The name column's Pro mark: a ProMark, or None for a model that needs no subscription.
MarkRole = Qt.ItemDataRole.UserRole + 4
#: What a cell with a drawn look shows, in one string (its text, bar or mark, and the grey it is
#: drawn in, if greyed): the delegates keep each look's picture under it with Qt's state, one question to
#: the model where reading each part would take three (cost_bars.KeptCells).
LookRole = Qt.ItemDataRole.UserRole + 5
_LAST = 1e12
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles show_view sets for each changed row, looked up once (an enum member costs a lookup).
_DISPLAY, _ACCESSIBLE = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole
_TIP, _FOREGROUND = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole


@record
class CostBar(Frozen):
    """A cost as a share of the largest known cost in the list (0 to 1), so ranking shows
    without sorting. `open_ended` for a lower bound: its unknown part has no size to draw."""

    share: float
    open_ended: bool


@record
class Row(Frozen):
    """A model's cost cell for one view: what it shows and says, how it sorts, its tooltip
    (two quotes worded alike are one cell: nothing to repaint)."""

    available: bool
    bar: CostBar | None
    cost: str
    said: str
    sort_key: float
    tip: str


@record
class ProMark(Frozen):
    """What the list marks a Pro model with ("Pro", "Pro*" where inferred) and what it means."""

    text: str
    says: str


def cost_look(cost: str, bar: CostBar | None, grey: QColor | None) -> str:
    """A cost cell's LookRole: its figure, its bar, the grey it is drawn in (None: not greyed;
    the grey is the palette's when the row was greyed, so a palette switch can leave two)."""
    drawn = "" if bar is None else f"{bar.share!r}\x1f{bar.open_ended}"
    return f"{cost}\x1f{drawn}\x1f{'' if grey is None else grey.rgba()}"


def name_look(name: str, mark: ProMark | None, grey: QColor | None) -> str:
    """A name cell's LookRole: the name, its Pro mark, the grey it is drawn in (None: not greyed)."""
    return f"{name}\x1f{mark.text if mark is not None else ''}\x1f{'' if grey is None else grey.rgba()}"


def cost_bars(shown: list[Quote | NotAvailable | None]) -> list[CostBar | None]:
    """Each cost's bar, scaled to the largest known cost among them; a lower bound's known part
    counts (it is the least that model costs). Unknown costs and refusals get none."""
    priced = [s if isinstance(s, Quote) and s.state is not QuoteState.UNKNOWN else None for s in shown]
    top = max((float(q.known_total) for q in priced if q is not None), default=0.0)
    return [
        None if q is None else CostBar(float(q.known_total) / top if top > 0 else 0.0, not q.complete)
        for q in priced
    ]


class ModelTableModel(QStandardItemModel):
    """Rows are catalog models; the cost column shows a GenerateView's cells (`show_view`)."""

    def __init__(self, catalog: Catalog, parent: Any = None) -> None:
        super().__init__(parent)
        self._models: tuple[Model, ...] = ()
        self._shown: list[Row | None] = []
        #: Each view's rows, worded once: the session shows a view again for settings gone
        #: through a moment ago (~0.4 ms of words and figures a change).
        self._rows = PerView(self._rows_of)
        self._set_rows(catalog.models)

    def _set_rows(self, models: tuple[Model, ...]) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        for col, tip in enumerate(HEADER_TIPS):
            header = self.horizontalHeaderItem(col)
            if header is not None:
                header.setToolTip(tooltip(_(tip)))
        self._models = models
        self._shown = [None] * len(models)
        #: Each row's foreground as last set: the grey it was greyed in, else None.
        self._greys: list[QColor | None] = [None] * len(models)
        self._rows.clear()
        self._tooltips = [model_html(m) for m in models]
        #: Each row's tooltip as shown, and the cost cell's as last set (a long text: setting it
        #: again costs a conversion and a dataChanged, and it changes only with availability).
        self._tips = [tooltip(html) for html in self._tooltips]
        self._cost_tips = list(self._tips)
        by_name = {m.id: rank for rank, m in enumerate(sorted(models, key=lambda m: m.name.casefold()))}
        self._rank = [by_name[m.id] for m in models]
        for row, model in enumerate(models):
            cells = [QStandardItem(model.name), QStandardItem(""), QStandardItem(model.max_resolution or "?")]
            tier = TIERS.index(model.max_resolution) if model.max_resolution else len(TIERS)
            keys: tuple[Any, ...] = (model.name.casefold(), 0.0, tier * 1000.0 + self._rank[row])
            for col, item in enumerate(cells):
                item.setEditable(False)
                item.setData(model.id, IdRole)
                item.setData(keys[col], SortRole)
                item.setToolTip(tooltip(self._tooltips[row]))
                if col != NAME:
                    item.setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
            if model.requires_subscription:
                mark = ProMark(pro_mark(model), pro_model_words(pro_inferred(model)))
                cells[NAME].setData(mark, MarkRole)
                cells[NAME].setData(f"{model.name}. {mark.says}", Qt.ItemDataRole.AccessibleTextRole)
            cells[NAME].setData(name_look(model.name, cells[NAME].data(MarkRole), None), LookRole)
            self.appendRow(cells)

    def show_view(self, catalog: Catalog, view: GenerateView) -> None:
        """Show each model's quote (or why it cannot make these settings). A view of another
        catalog (a price update was applied) replaces the rows."""
        models = tuple(c.model for c in view.models)
        if models != self._models:
            self._set_rows(models)
        grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row, cell in enumerate(self._rows(view, catalog)):
            before = self._shown[row]
            if cell == before:  # a bar changes alone when the largest cost does
                continue
            was_available = before is None or before.available
            self._shown[row] = cell
            unavailable = not cell.available
            if was_available == unavailable:
                self._greys[row] = grey if unavailable else None
            # Every role that changed at once: one dataChanged. The alignment and the id were set
            # with the row; a role the map leaves out is kept.
            roles: dict[int, object] = {
                _DISPLAY: cell.cost,
                SortRole: cell.sort_key,
                BarRole: cell.bar,
                _ACCESSIBLE: cell.said,
                LookRole: cost_look(cell.cost, cell.bar, self._greys[row]),
            }
            tip = cell.tip
            if tip != self._cost_tips[row]:
                self._cost_tips[row] = roles[_TIP] = tip
            if was_available == unavailable:  # became (un)available: the other columns too
                roles[_FOREGROUND] = self._greys[row]  # None clears it
                both: dict[int, object] = {_FOREGROUND: roles[_FOREGROUND], _TIP: tip}  # one dataChanged
                self.setItemData(self.index(row, MAX_RES), both)
                name = self.item(row, NAME)
                both[LookRole] = name_look(name.text(), name.data(MarkRole), self._greys[row])
                self.setItemData(self.index(row, NAME), both)
            self.setItemData(self.index(row, COST), roles)

    def new_palette(self) -> None:
        """The palette changed (the system went dark or light): greyed rows take its grey now,
        not when they are next greyed."""
        grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row, was in enumerate(self._greys):
            cell = self._shown[row]
            if was is None or was == grey or cell is None:
                continue
            self._greys[row] = grey
            self.setItemData(self.index(row, MAX_RES), {_FOREGROUND: grey})
            name = self.item(row, NAME)
            looks = name_look(name.text(), name.data(MarkRole), grey)
            self.setItemData(self.index(row, NAME), {_FOREGROUND: grey, LookRole: looks})
            looks = cost_look(cell.cost, cell.bar, grey)
            self.setItemData(self.index(row, COST), {_FOREGROUND: grey, LookRole: looks})

    def _rows_of(self, view: GenerateView, _catalog: Catalog) -> tuple[Row, ...]:
        """Each model's cost cell for `view`, worded."""
        style = locale_numbers.style()
        every: list[Quote | NotAvailable | None] = [cell.quote or cell.why_not for cell in view.models]
        rows = []
        for row, (cell, shown, bar) in enumerate(zip(view.models, every, cost_bars(every), strict=True)):
            if isinstance(shown, Quote):
                cost, said = quotes.forms(shown, style)
                tip = self._tips[row]
            else:
                why = refusal_words(shown) if shown is not None else ""
                cost, said = "—", not_available_words(shown) if shown is not None else ""
                tip = tooltip(
                    join("", [self._tooltips[row], fill(_("<p><i>Not available: {}</i></p>"), why)])
                )
            key = self._cost_key(shown) * 1000.0 + self._rank[row]
            rows.append(Row(isinstance(shown, Quote), bar, cost, f"{cell.model.name}: {said}", key, tip))
        return tuple(rows)

    @staticmethod
    def _cost_key(shown: Quote | NotAvailable | None) -> float:
        if not isinstance(shown, Quote):
            return _LAST * 3
        if shown.state is QuoteState.UNKNOWN:
            return _LAST * 2
        return float(shown.known_total) + (0 if shown.complete else _LAST)

    def model_at(self, row: int) -> Model:
        return self._models[row]

    def row_of(self, model_id: str) -> int:
        for row, model in enumerate(self._models):
            if model.id == model_id:
                return row
        return -1


class ModelFilterProxy(QSortFilterProxyModel):
    """Type-to-find on the name column; sorting by the SortRole keys, compared by Qt itself."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(NAME)
        self.setSortRole(SortRole)
