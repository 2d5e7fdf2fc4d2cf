"""Subtotals by model or by kind, each with a bar of its share of the estimate.

A subtotal reads as before (its name and its credits, with their qualifier); the bar beside it
is the core's share (core/estimates/shares.py), open-ended where the subtotal is only a lower
bound, and hovering a row, or a screen reader on its bar, says the share in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QSizePolicy, QTableView, QWidget

from imagine_calc.core.estimates.shares import Share
from imagine_calc.core.language import N_, _
from imagine_calc.core.numbers import NumberStyle
from imagine_calc.core.text import quotes
from imagine_calc.core.text.estimates import share_words, subtotal_name
from imagine_calc.gui.shared.markup import tooltip
from imagine_calc.gui.shared.share_bar_delegate import SHARE_ROLE, ShareBarDelegate
from imagine_calc.gui.shared.widgets import FlatTableModel

NAME, CREDITS, SHARE = range(3)
#: The name column's most, as a part of the view's width: long names are elided, not the bars.
NAME_SHARE = 0.45
#: The bars' least width in logical pixels.
LEAST_BAR = 48


class SubtotalsModel(FlatTableModel):
    headers = (N_("Subtotal"), N_("Credits"), N_("Share of the total"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shares: tuple[Share, ...] = ()
        self.by = "group"
        self._words: list[str] = []
        self._credits: list[str] = []
        self._style: NumberStyle | None = None
        self.bold = QFont()
        self.bold.setBold(True)

    def show_shares(self, shares: Sequence[Share], by: str, style: NumberStyle) -> bool:
        """Show `shares`; False when they are those shown already (a balance edited, say)."""
        if (tuple(shares), by, style) == (self.shares, self.by, self._style):
            return False
        self._style = style
        self.beginResetModel()
        self.shares, self.by = tuple(shares), by
        self._words = [share_words(s, by, style) for s in self.shares]
        self._credits = [quotes.long(s.quote, style) for s in self.shares]
        self.endResetModel()
        return True

    def row_count(self) -> int:
        return len(self.shares)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        share = self.shares[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return subtotal_name(share.key, self.by)
            return self._credits[row] if col == CREDITS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._words[row])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._words[row] if col == SHARE else self.data(index)
        if role == SHARE_ROLE and col == SHARE:
            return share
        if role == Qt.ItemDataRole.TextAlignmentRole and col == CREDITS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and col == CREDITS:
            return self.bold
        return None


class SubtotalsView(QTableView):
    """As tall as its rows (the summary around it scrolls), as wide as it is given: the name
    takes what it needs up to NAME_SHARE of the width, the credits theirs, the bars the rest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("estimateSubtotals")
        self.setAccessibleName(_("Subtotals"))
        self.subtotals = SubtotalsModel(self)
        self.setModel(self.subtotals)
        self.setItemDelegateForColumn(SHARE, ShareBarDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 3)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # text to read, as the label it replaces
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # the window's colour, as a label's
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)

    def show_shares(self, shares: Sequence[Share], by: str, style: NumberStyle) -> None:
        """Show `shares` (none, or a single one: hidden, as the total says it all)."""
        if not self.subtotals.show_shares(shares, by, style):
            return
        self.setVisible(len(shares) > 1)
        self.setFixedHeight(self.verticalHeader().defaultSectionSize() * len(shares))
        self._fit_columns()

    def _fit_columns(self) -> None:
        width, pad = self.viewport().width(), 16
        model = self.subtotals
        bold = QFont(self.font())
        bold.setBold(True)
        names = (str(model.index(r, NAME).data()) for r in range(model.rowCount()))
        credits = (str(model.index(r, CREDITS).data()) for r in range(model.rowCount()))
        name = min(
            max(map(self.fontMetrics().horizontalAdvance, names), default=0) + pad, int(width * NAME_SHARE)
        )
        credit = max(map(QFontMetrics(bold).horizontalAdvance, credits), default=0) + pad
        header = self.horizontalHeader()
        header.resizeSection(NAME, name)
        header.resizeSection(CREDITS, credit)
        header.resizeSection(SHARE, max(LEAST_BAR, width - name - credit))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
