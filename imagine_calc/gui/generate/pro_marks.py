"""The model list's Pro marks: a small tag at the right of a Pro model's name, as the command
line's `models` marks it in its Plan column ("Pro", "Pro*" where inferred from the name).

The mark and its meaning come from the table model (MarkRole, words from core/text); hovering
the tag says what it means, inferred or not. The name keeps the filter and the sort to itself:
the tag is painted, not part of its text, and screen readers hear it in the cell's accessible text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyleOptionViewItem,
)

from imagine_calc.gui.generate.cost_bars import KeptCells, colour_group
from imagine_calc.gui.generate.model_table import MarkRole, ProMark
from imagine_calc.gui.shared.bar_painting import mix
from imagine_calc.gui.shared.markup import show_tooltip

#: The tag's text size against the list's.
SMALLER = 0.85
#: Room inside the tag around its text, and between the tag and the cell's right edge.
PAD = 4


def tag_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF(), 1.0) * SMALLER)
    return small


#: Each (list font, tag text)'s tag font and size: measuring makes a font and shapes the text.
_SIZES: dict[tuple[str, str], tuple[QFont, int, int]] = {}


def _tag_size(font: QFont, text: str) -> tuple[QFont, int, int]:
    """The tag's font, and its width and height before the cell limits it."""
    key = (font.key(), text)
    known = _SIZES.get(key)
    if known is None:
        if len(_SIZES) > 64:
            _SIZES.clear()
        small = tag_font(font)
        metrics = QFontMetrics(small)
        known = _SIZES[key] = (small, metrics.horizontalAdvance(text) + 2 * PAD, metrics.height() + 2)
    return known


def tag_rect(cell: QRect, font: QFont, text: str) -> QRect:
    """Where the tag for `text` goes in `cell`: at its right, centred on the row."""
    _font, width, height = _tag_size(font, text)
    height = min(height, cell.height())
    return QRect(cell.right() - PAD - width + 1, cell.top() + (cell.height() - height) // 2, width, height)


def tag_inks(palette: QPalette, state: QStyle.StateFlag) -> tuple[QColor, QColor]:
    """The tag's outline and text: the selection's text colour on a selected row, else the
    cell's text colour a little toward its background (the outline more than the text)."""
    group = colour_group(state)
    if state & QStyle.StateFlag.State_Selected:
        ink = palette.color(group, QPalette.ColorRole.HighlightedText)
        return ink, ink
    name = palette.color(group, QPalette.ColorRole.Text)
    behind = palette.color(group, QPalette.ColorRole.Base)
    return mix(name, behind, 0.45), mix(name, behind, 0.2)


# Qt's enum members looked up once: each lookup costs, and a paint makes several.
_ELIDE = Qt.TextElideMode.ElideRight
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_ANTIALIASED = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush
_CENTRED = Qt.AlignmentFlag.AlignCenter
#: What the tag's colours depend on, beside the palette.
_INK_STATES = (
    QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Active | QStyle.StateFlag.State_Enabled
).value


class ProMarks(KeptCells):
    """Draws the Model column: the name, shortened if it must be to leave room for the tag;
    each look once (KeptCells: a name greyed or not again as the settings go back and forth)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Each (name, room, font)'s shortened name: shortening shapes the whole name.
        self._names: dict[tuple[str, int, str], str] = {}
        #: Each (palette, state)'s outline and ink.
        self._inks: dict[tuple[int, int], tuple[QColor, QColor]] = {}

    def draw_cell(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt's cell, its name shortened to leave room for the tag, then the tag."""
        mark = index.data(MarkRole)
        if mark is None:
            super().draw_cell(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        font = cell.font
        tag = tag_rect(cell.rect, font, mark.text)
        room = max(tag.left() - cell.rect.left() - 2 * PAD, 0)
        key = (cell.text, room, font.key())
        name = self._names.get(key)
        if name is None:
            if len(self._names) > 512:
                self._names.clear()
            name = self._names[key] = cell.fontMetrics.elidedText(cell.text, _ELIDE, room)
        cell.text = name
        widget = cell.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(_ITEM, cell, painter, widget)
        self.paint_tag(painter, cell, tag, mark.text)

    def paint_tag(self, painter: QPainter, cell: QStyleOptionViewItem, tag: QRect, text: str) -> None:
        """An outlined tag in the cell's text colour (grey where the row is greyed: initStyleOption
        put the row's foreground there), a little quieter than the name unless selected."""
        palette, state = cell.palette, cell.state
        key = (palette.cacheKey(), state.value & _INK_STATES)
        inks = self._inks.get(key)
        if inks is None:
            if len(self._inks) > 64:
                self._inks.clear()
            inks = self._inks[key] = tag_inks(palette, state)
        line, ink = inks
        font = _tag_size(cell.font, text)[0]
        painter.save()
        painter.setRenderHint(_ANTIALIASED, True)
        painter.setPen(line)
        painter.setBrush(_NO_BRUSH)
        # the outline's middle on a pixel's middle: a one-pixel line, not two half-lit ones
        painter.drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setFont(font)
        painter.setPen(ink)
        painter.drawText(tag, _CENTRED, text)
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Over the tag, what it means; elsewhere in the cell, the model's own tooltip."""
        mark = index.data(MarkRole)
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(mark, ProMark)
            and tag_rect(option.rect, option.font, mark.text).contains(event.pos())
        ):
            show_tooltip(event.globalPos(), mark.says, view)
            return True
        return super().helpEvent(event, view, option, index)
