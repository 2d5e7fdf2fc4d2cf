"""Small widget helpers shared by the panels."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QWidget,
)


def headline_label(object_name: str, accessible_name: str, scale: float) -> QLabel:
    """A bold label `scale` times the normal font size, for a total people read at a glance."""
    label = QLabel()
    label.setObjectName(object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(accessible_name)
    return label


class TextBlock(QTextBrowser):
    """Read-only rich text, word-wrapped and exactly as tall as its content, on the window's
    background like a label.

    A word-wrapped rich-text QLabel makes the whole column measure its text again on every
    change (2.1 ms of a 9 ms settings change, measured with benchmarks/bench_gui.py). This lays
    out its own document once and asks the layout for a new height only when the height changes.
    """

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # the window's colour, as a label's
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # text to read, not a stop for Tab
        self.setOpenLinks(False)
        self.document().setDocumentMargin(0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._html = ""
        self.setFixedHeight(0)

    @property
    def html(self) -> str:
        """The HTML last shown, as given (toHtml() is Qt's rewrite of it)."""
        return self._html

    def show_html(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self.setHtml(html)
            self._fit()

    def _fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        height = math.ceil(document.size().height()) if self._html else 0
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()


class QuietTabWidget(QTabWidget):
    """A QTabWidget that lays itself out again only when its pages' minimum size changes.

    Qt's QTabWidget answers every LayoutRequest from a page with `update()` on itself: a label
    changing its text inside a tab repainted the whole window (~180,000 px for a new total). The
    pages' own layouts still run; only the tab widget's redundant relayout and repaint are skipped.
    The preferred size is not compared: it only sizes a window not yet shown, and a word-wrapped
    label's preferred height changes with its text.
    """

    _min_hint: QSize | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            # The pages' stack, not the tab widget: its hint comes from cached layouts (~10 us),
            # while QTabWidget's own measure every tab's text again (~0.8 ms). Tab texts are fixed.
            stack = self.findChild(QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            hint = stack.minimumSizeHint() if stack is not None else QSize()
            if hint == self._min_hint:
                return True
            self._min_hint = hint
        return super().event(event)


def side_by_side(name: str, left: QWidget, right: QWidget, stretch: tuple[int, int]) -> QSplitter:
    """Two panes the user can resize but not collapse away, sharing extra width as `stretch`."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName(name)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setChildrenCollapsible(False)
    return splitter


class FlatTableModel(QAbstractTableModel):
    """A table without a tree: `row_count()` rows, and one column per entry of `headers`."""

    headers: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
