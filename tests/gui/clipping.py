"""Which visible widgets cut their own text off: what a reader at 1024 × 640, or at a scale of
1.5, would see as "16›" or half a word. Used by the window-size and language tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QWidget,
)

#: A cell's text up to this long is a figure, a word or a short name ("desconhecido", "≥ 128.000",
#: "Nano Banana 2"), which a column is sized to show whole; a longer one (a description, a file
#: name) may be elided by design where the window is narrow.
SHORT_CELL = 16


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _unmarked(text: str) -> str:
    """A text as drawn: its mnemonic marks ("&Scale") are not."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label(label: QLabel) -> str | None:
    text = _unmarked(label.text()) if label.buddy() is not None else label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or not label.isVisibleTo(label.window()):
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    if label.wordWrap():
        if label.heightForWidth(label.width()) > label.height() + 1:
            return f"{text!r}: needs {label.heightForWidth(label.width())} px of height, has {label.height()}"
        return None
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
    return f"{text!r}: {widest} px of text in {room} px" if widest > room + 1 else None


def _button(button: QAbstractButton) -> str | None:
    text = _unmarked(button.text())
    if not text:
        return None
    if isinstance(button, QPushButton | QCheckBox) and button.width() + 1 < button.minimumSizeHint().width():
        return f"{text!r}: {button.width()} px wide, needs {button.minimumSizeHint().width()}"
    return None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(text)
    return f"{text!r}: {needed} px of text in {field.width()} px" if needed > field.width() + 1 else None


def _tabs(bar: QTabBar) -> list[str]:
    out = []
    for i in range(bar.count()):
        text = bar.tabText(i).replace("&", "")
        room = bar.tabRect(i).width()
        needed = bar.fontMetrics().horizontalAdvance(text)
        if needed > room:
            out.append(f"tab {text!r}: {needed} px of text in {room} px")
    return out


def _cells(table: QTableView) -> list[str]:
    """Short texts cut off in the table's visible cells ("desconheci…")."""
    model, out = table.model(), []
    if model is None:
        return out
    viewport = table.viewport().rect()
    metrics = table.fontMetrics()
    # Qt's item view draws a cell's text inside the focus frame's margin on each side.
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            rect = table.visualRect(index)
            if table.isColumnHidden(col) or not rect.intersects(viewport):
                continue
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text or len(text) > SHORT_CELL:
                continue
            # A table that wraps words may break the text over lines its row has room for.
            pieces = text.split() if table.wordWrap() else text.splitlines()
            needed = max(metrics.horizontalAdvance(piece) for piece in pieces) + margin
            if needed > rect.width() + 1:
                out.append(f"cell {row},{col} {text!r}: {needed} px of text in {rect.width()} px")
            elif table.wordWrap():
                room = rect.adjusted(margin // 2, 0, -margin // 2, 0)
                wrapped = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
                if wrapped > rect.height() + 1:
                    out.append(f"cell {row},{col} {text!r}: {wrapped} px of lines in {rect.height()} px")
    return out


def clipped(root: QWidget) -> list[str]:
    """Each visible widget under `root` (itself included) whose text does not fit, said."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        why: str | None = None
        if isinstance(widget, QLabel):
            why = _label(widget)
        elif isinstance(widget, QAbstractButton):
            why = _button(widget)
        elif isinstance(widget, QComboBox):
            why = _combo(widget)
        elif isinstance(widget, QGroupBox) and widget.title():
            needed = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
            why = f"{widget.title()!r}: {needed} px" if needed > widget.width() else None
        elif isinstance(widget, QTableView):
            found += [f"{widget.objectName() or 'table'}: {c}" for c in _cells(widget)]
        elif isinstance(widget, QTabBar):
            found += [f"{widget.objectName() or 'tabs'}: {t}" for t in _tabs(widget)]
        if why:
            found.append(f"{type(widget).__name__} {widget.objectName() or ''}: {why}")
    return found
