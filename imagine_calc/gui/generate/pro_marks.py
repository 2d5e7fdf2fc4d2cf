"""The model list's Pro marks: a small tag at the right of a Pro model's name, as the command
line's `models` marks it in its Plan column ("Pro", "Pro*" where inferred from the name).

The mark and its meaning come from the table model (MarkRole, words from core/text); hovering
the tag says what it means, inferred or not. The name keeps the filter and the sort to itself:
the tag is painted, not part of its text, and screen readers hear it in the cell's accessible text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from imagine_calc.gui.generate.cost_bars import colour_group
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


def tag_rect(cell: QRect, font: QFont, text: str) -> QRect:
    """Where the tag for `text` goes in `cell`: at its right, centred on the row."""
    metrics = QFontMetrics(tag_font(font))
    width = metrics.horizontalAdvance(text) + 2 * PAD
    height = min(metrics.height() + 2, cell.height())
    return QRect(cell.right() - PAD - width + 1, cell.top() + (cell.height() - height) // 2, width, height)


class ProMarks(QStyledItemDelegate):
    """Draws the Model column: the name, shortened if it must be to leave room for the tag."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        mark = index.data(MarkRole)
        if not isinstance(mark, ProMark):
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        tag = tag_rect(cell.rect, cell.font, mark.text)
        room = tag.left() - cell.rect.left() - 2 * PAD
        cell.text = cell.fontMetrics.elidedText(cell.text, Qt.TextElideMode.ElideRight, max(room, 0))
        style = cell.widget.style() if cell.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        self.paint_tag(painter, cell, tag, mark.text)

    @staticmethod
    def paint_tag(painter: QPainter, cell: QStyleOptionViewItem, tag: QRect, text: str) -> None:
        """An outlined tag in the cell's text colour (grey where the row is greyed: initStyleOption
        put the row's foreground there), a little quieter than the name unless selected."""
        group = colour_group(cell.state)
        if cell.state & QStyle.StateFlag.State_Selected:
            line = ink = cell.palette.color(group, QPalette.ColorRole.HighlightedText)
        else:
            name = cell.palette.color(group, QPalette.ColorRole.Text)
            behind = cell.palette.color(group, QPalette.ColorRole.Base)
            line, ink = mix(name, behind, 0.45), mix(name, behind, 0.2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # the outline's middle on a pixel's middle: a one-pixel line, not two half-lit ones
        painter.drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setFont(tag_font(cell.font))
        painter.setPen(ink)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
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
