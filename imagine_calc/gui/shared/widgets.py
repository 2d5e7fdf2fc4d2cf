"""Small widget helpers shared by the panels."""

from __future__ import annotations

import functools
import math
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
)

from imagine_calc.core.language import _
from imagine_calc.gui.shared.kept_looks import KeptLooks
from imagine_calc.gui.shared.markup import Html, SafeBrowser, escape, plain_label


@functools.cache
def warning_icon() -> QIcon:
    """The style's warning mark, beside a row that needs the user's eye."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def mnemonic_keys(text: str) -> str:
    """The keys a label's underlined letter gives: "&Resolution" -> "Alt+R" ("" for none), so a
    tooltip names the keys of the language in use."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.NativeText)


def headline_label(object_name: str, accessible_name: str, scale: float) -> QLabel:
    """A bold label `scale` times the normal font size, for a total people read at a glance."""
    label = plain_label(objectName=object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(accessible_name)
    return label


class TextBlock(SafeBrowser):
    """Read-only rich text, word-wrapped and exactly as tall as its content, on the window's
    background like a label; it loads no resource (markup.SafeBrowser).

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
        #: Each text's look as drawn (paintEvent).
        self.looks = KeptLooks(32)

    @property
    def html(self) -> str:
        """The HTML last shown, as given (toHtml() is Qt's rewrite of it)."""
        return self._html

    def show_html(self, html: Html, keep_height: bool = False) -> None:
        """Show `html`, as tall as it is; with `keep_height`, a shorter text keeps the height
        already shown, so what is below does not move up and back down as the text changes."""
        if html != self._html:
            self._html = html
            # Into the document itself: QTextEdit.setHtml would also reset the cursor and scroll
            # to it, which a text to read, without focus or scroll bars, never shows (-1.5 % of
            # a settings change). The same markup, escaped as SafeBrowser.setHtml does. Keeping
            # a document per text and swapping it in saves ~1 % at best (measured 2026-12-03):
            # QTextEdit.setDocument lays the text out again, ~60 % of what setHtml costs.
            self.document().setHtml(escape(html))
            self._fit(keep_height)
            self._keep_look()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text's look as drawn when it was set (_keep_look), else Qt's own paint: each
        change of settings repaints the breakdown (~0.6 million instructions, every line shaped
        and drawn), and the same few come back as the user goes back and forth."""
        look = self.looks.shown(self._look_key())
        if look is None:
            super().paintEvent(event)
            return
        with QPainter(self.viewport()) as painter:
            painter.drawPixmap(0, 0, look)

    def _look_key(self) -> tuple[object, ...] | None:
        """What the text looks like depends on; None while part of it is selected."""
        if self.textCursor().hasSelection():
            return None
        viewport = self.viewport()
        font = self.looks.font_keys.key(self.font())
        palette = self.palette().cacheKey()
        place = (viewport.width(), viewport.height(), self.verticalScrollBar().value())
        return (self._html, place, palette, font, self.isEnabled(), viewport.devicePixelRatioF())

    def _keep_look(self) -> None:
        """Draw the text now, by Qt's own paint into a pixmap, unless its look is kept already
        (a widget cannot be drawn into a pixmap while it is being painted)."""
        viewport = self.viewport()
        if self.isVisible() and viewport.height() > 0:
            self.looks.keep(self._look_key(), viewport)

    def _fit(self, keep_height: bool = False) -> None:
        document = self.document()
        width = self.viewport().width()
        if document.textWidth() != width:  # setting it lays the whole text out again, even unchanged
            document.setTextWidth(width)
        height = math.ceil(document.size().height()) if self._html else 0
        if height > self.height() or (height < self.height() and not keep_height):
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()


class ShortcutsBeforeTyping(QObject):
    """Lets a few of the window's shortcuts win over the text field that has the focus.

    On Linux, Qt's line edits and spin boxes take Emacs-style keys for themselves (Ctrl+E is
    end of line), so Ctrl+E, Add to estimate, did nothing while the cursor was in "Find a model"
    or the Images box. The field is asked first (a ShortcutOverride event); this answers no for
    `keys`, and the window's action runs. Installed on a field when it gets the focus, so no
    Python runs for any other event of the application.
    """

    def __init__(self, window: QWidget, keys: list[QKeySequence]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = keys
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit | QAbstractSpinBox) and new.window() is self._window:
            new.removeEventFilter(self)  # installed once, however often it gets the focus
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) in self._keys
        ):
            event.ignore()  # not the field's: the shortcut goes to the window
            return True
        return False


class FillColumn(QObject):
    """One column of a table takes the width the others leave, down to `least` pixels.

    Qt's Stretch mode stops shrinking a column once the table is narrower than it was laid
    out for, and scrolls instead: at the window's minimum size the Estimate tab's counts and
    credits were off to the right. This keeps every column in view as long as the others fit.
    """

    def __init__(self, view: QTableView, column: int, least: int = 80) -> None:
        super().__init__(view)
        self._view, self._column, self._least = view, column, least
        header = self._header()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        # The table asks for room for every column as first laid out, so the window's minimum
        # size shows them all rather than a scroll bar.
        scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        view.setMinimumWidth(self._others() + least + scroll_bar + 2 * view.frameWidth())
        header.sectionResized.connect(self._other_resized)
        view.viewport().installEventFilter(self)

    def _header(self) -> QHeaderView:
        return self._view.horizontalHeader()

    def _other_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self._column:
            self.fit()

    def _others(self) -> int:
        header = self._header()
        shown = [c for c in range(header.count()) if c != self._column and not header.isSectionHidden(c)]
        return sum(header.sectionSize(c) for c in shown)

    def fit(self) -> None:
        width = max(self._least, self._view.viewport().width() - self._others())
        if width != self._header().sectionSize(self._column):
            self._header().resizeSection(self._column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


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
    """A table without a tree: `row_count()` rows, and one column per entry of `headers` (each
    marked for the catalog, N_, and shown in the language in use)."""

    headers: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.headers[section])
        return None
