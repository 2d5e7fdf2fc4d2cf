"""The find box over the model list: typing filters, arrows and Page Up/Down move, Enter picks.

Every filter-as-you-type list works so: after Ctrl+F and "flux", Down goes to the first Flux
model without reaching for the mouse or tabbing away. Typing itself never picks: when the
filter hides the highlighted row, Qt moves the highlight to a neighbour, and the list, which
chooses the model it highlights, chose that neighbour ("f" chose Recraft v4). The highlight
goes back to the row it was on while that row is found, and is on no row while it is not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

#: Keys the list takes from the box; a line edit has no use for them on one line.
MOVES = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})
PICKS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
#: With Shift, Ctrl or Alt held the key is the box's (or a shortcut's), as everywhere else.
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class FindBox(QObject):
    """Filters `view` (over a QSortFilterProxyModel) by what `box` holds, and gives the view
    the keys that move in it."""

    def __init__(self, box: QLineEdit, view: QAbstractItemView, proxy: QSortFilterProxyModel) -> None:
        super().__init__(box)
        self._view = view
        self._proxy = proxy
        #: The row highlighted before the filter hid it, in the unfiltered model.
        self._kept = QPersistentModelIndex()
        self._filtering = False
        box.textChanged.connect(self.find)
        box.installEventFilter(self)
        view.selectionModel().currentChanged.connect(self._current_changed)

    def find(self, text: str) -> None:
        self._filtering = True
        try:
            self._proxy.setFilterFixedString(text)
        finally:
            self._filtering = False
        shown = self._proxy.mapFromSource(QModelIndex(self._kept)) if self._kept.isValid() else QModelIndex()
        if shown != self._view.currentIndex():  # the filter moved the highlight: undo that
            if shown.isValid():
                self._view.setCurrentIndex(shown)
            else:
                self._view.selectionModel().clear()

    def _current_changed(self, current: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            self._kept = QPersistentModelIndex(self._proxy.mapToSource(current))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() not in _PLAIN:
            return False
        key = Qt.Key(event.key())
        if key in MOVES:
            # A copy: the box's own event is accepted here, the view's judged by the view.
            moved = QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), event.text())
            QApplication.sendEvent(self._view, moved)
            return True
        if key in PICKS:
            self.pick()
            return True
        return False

    def pick(self) -> None:
        """The highlighted row stays (picking it again changes nothing), else the first found."""
        if not self._view.currentIndex().isValid() and self._proxy.rowCount() > 0:
            self._view.setCurrentIndex(self._proxy.index(0, 0))
