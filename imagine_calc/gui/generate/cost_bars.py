"""The Credits column's bars: each model's cost at the current settings drawn beside its figure,
so the ranking shows without sorting.

A bar's length is the model's share of the largest known cost in the list, which the table
model works out (model_table.cost_bars, read here through BarRole). A lower bound's bar is its
known part followed by a fade of fixed width: the unknown part has no size, so it gets none.
An unknown cost, or a model that cannot make the settings, has no bar. Edges fall on device
pixels, so a bar is as crisp at 150 % as at 100 %.

Painting stays cheap (a settings change repaints every visible cost cell): Qt draws the cell
and its figure as usual, and Python adds one or two filled rectangles.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from imagine_calc.gui.generate.model_table import BarRole, CostBar

#: The bars' room at the left of the cell, in font heights: the figure keeps its own room.
ROOM = 5.5
#: A lower bound's fade, in font heights: the same for every lower bound, whatever it leaves out.
FADE = 0.7
#: How opaque a fade starts: a visible step where the known part ends.
FADE_FROM = 0.5
#: A bar's thickness, in font heights.
THICKNESS = 0.5
#: The gap from the cell's left edge, as the style leaves before text.
INSET = 4


def bar_room(metrics: QFontMetrics) -> int:
    """How much wider the Credits column is for its bars."""
    return round(metrics.height() * ROOM) + INSET


def snap(value: float, ratio: float) -> float:
    """`value` (logical pixels) moved to the nearest device pixel edge."""
    return round(value * ratio) / ratio


def bar_rects(cell: QRectF, bar: CostBar, height: float, ratio: float) -> tuple[QRectF, QRectF | None]:
    """The solid part and, for a lower bound, the fade after it, in `cell` for a font `height`
    pixels high, on a device of `ratio` device pixels per logical pixel.

    The full length (share 1) leaves room for a fade after it, so the largest lower bound fits."""
    fade = height * FADE
    length = height * ROOM - fade
    left = snap(cell.left() + INSET, ratio)
    thickness = max(snap(height * THICKNESS, ratio), 2 / ratio)
    top = snap(cell.top() + (cell.height() - thickness) / 2, ratio)
    right = snap(left + length * min(max(bar.share, 0.0), 1.0), ratio)
    if bar.share > 0 and right <= left:  # a tiny cost still shows, as one device pixel
        right = left + 1 / ratio
    solid = QRectF(left, top, right - left, thickness)
    if not bar.open_ended:
        return solid, None
    return solid, QRectF(right, top, snap(right + fade, ratio) - right, thickness)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`amount` of `a` over `b`."""
    return QColor.fromRgbF(
        a.redF() * amount + b.redF() * (1 - amount),
        a.greenF() * amount + b.greenF() * (1 - amount),
        a.blueF() * amount + b.blueF() * (1 - amount),
    )


def faded(colour: QColor, opacity: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(opacity)
    return out


def colour_group(state: QStyle.StateFlag) -> QPalette.ColorGroup:
    """The palette's colours for a cell in this state, as Qt's own cells choose them."""
    if not state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    if state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Active
    return QPalette.ColorGroup.Inactive


def bar_colour(palette: QPalette, state: QStyle.StateFlag) -> QColor:
    """The accent colour, a little toward the text's, so it stands off the row's background in
    light and dark palettes alike; on a selected row, the selection's text colour."""
    group = colour_group(state)
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    if state & QStyle.StateFlag.State_Selected:
        return mix(palette.color(group, QPalette.ColorRole.HighlightedText), highlight, 0.8)
    return mix(highlight, palette.color(group, QPalette.ColorRole.Text), 0.85)


class CostBars(QStyledItemDelegate):
    """Draws the Credits column: Qt's cell and figure, then the cost's bar in front of it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        bar = index.data(BarRole)
        if isinstance(bar, CostBar):
            self.paint_bar(painter, option, bar)

    @staticmethod
    def paint_bar(painter: QPainter, option: QStyleOptionViewItem, bar: CostBar) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        solid, fade = bar_rects(QRectF(option.rect), bar, option.fontMetrics.height(), ratio)
        colour = bar_colour(option.palette, option.state)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(solid, colour)
        if fade is not None and fade.width() > 0:
            gradient = QLinearGradient(fade.left(), 0, fade.right(), 0)
            gradient.setColorAt(0, faded(colour, FADE_FROM))  # a step down: the known part ends here
            gradient.setColorAt(1, faded(colour, 0.0))
            painter.fillRect(fade, gradient)
        painter.restore()
