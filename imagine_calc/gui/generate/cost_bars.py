"""The Credits column's bars: each model's cost at the current settings drawn beside its figure,
so the ranking shows without sorting.

A bar's length is the model's share of the largest known cost in the list, which the table
model works out (model_table.cost_bars, read here through BarRole). A lower bound's bar is its
known part followed by the window's open cap (gui/shared/bar_painting.py: hatched, no closing
edge), of one width: the unknown part has no size, so it gets none. An unknown cost, or a
model that cannot make the settings, has no bar. Edges fall on device pixels, so a bar is as
crisp at 150 % as at 100 %.

A settings change repaints every visible cost cell (~20), each a call into Python: Qt draws
the cell and its figure as usual, and Python adds a filled rectangle and, for a lower bound,
its open cap, drawn once as a pixmap. Geometry and colours are remembered, and Qt's flags are
read as integers (each operation on one costs microseconds in Python). Measured on the 2-core
machine, the bars add ~1.5 ms of CPU time to a settings change (benchmarks/bench_gui.py,
interleaved runs: p50 ~9.5 -> ~11 ms).
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from imagine_calc.gui.generate.model_table import BarRole, CostBar, LookRole
from imagine_calc.gui.shared.bar_painting import CAP, Pixels, mix
from imagine_calc.gui.shared.kept_looks import FontKeys

#: The bars' room at the left of the cell, in font heights: the figure keeps its own room.
ROOM = 5.5
#: Cells kept as pixmaps by each delegate, each a look of one cell (~13 KB at 100 % for a cost,
#: ~26 KB for a name): the list's 25 at a few settings, selected or not.
CELLS_KEPT = 256
#: A bar's thickness, in font heights.
THICKNESS = 0.65
#: The gap from the cell's left edge, as the style leaves before text.
INSET = 4


#: What a bar's colour depends on, beside the palette.
_COLOUR_STATES = (
    QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Active | QStyle.StateFlag.State_Enabled
).value


def bar_room(metrics: QFontMetrics) -> int:
    """How much wider the Credits column is for its bars."""
    return round(metrics.height() * ROOM) + INSET


def snap(value: float, ratio: float) -> float:
    """`value` (logical pixels) moved to the nearest device pixel edge."""
    return round(value * ratio) / ratio


@lru_cache(maxsize=4096)
def _geometry(
    left: float, top: float, cell_height: float, bar: CostBar, height: float, ratio: float
) -> tuple[QRectF, QRectF | None]:
    """bar_rects, remembered: a repaint asks again for the same cells (never change what it
    returns: the next caller gets the same rectangles)."""
    length = height * ROOM - CAP
    x = snap(left + INSET, ratio)
    thickness = max(snap(height * THICKNESS, ratio), 2 / ratio)
    y = snap(top + (cell_height - thickness) / 2, ratio)
    right = snap(x + length * min(max(bar.share, 0.0), 1.0), ratio)
    if bar.share > 0 and right <= x:  # a tiny cost still shows, as one device pixel
        right = x + 1 / ratio
    solid = QRectF(x, y, right - x, thickness)
    if not bar.open_ended:
        return solid, None
    cap = QRectF(right, y, snap(right + CAP, ratio) - right, thickness)
    return solid, cap if cap.width() > 0 else None


def bar_rects(cell: QRectF, bar: CostBar, height: float, ratio: float) -> tuple[QRectF, QRectF | None]:
    """The solid part and, for a lower bound, the cap after it, in `cell` for a font `height`
    pixels high, on a device of `ratio` device pixels per logical pixel.

    The full length (share 1) leaves room for a cap after it, so the largest lower bound fits."""
    solid, cap = _geometry(cell.left(), cell.top(), cell.height(), bar, height, ratio)
    return QRectF(solid), QRectF(cap) if cap is not None else None


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
        return mix(palette.color(group, QPalette.ColorRole.HighlightedText), highlight, 0.2)
    return mix(highlight, palette.color(group, QPalette.ColorRole.Text), 0.15)


def cap_colour(palette: QPalette, state: QStyle.StateFlag) -> QColor:
    """The open cap in the text's colour, as every open-ended bar of the window draws it."""
    selected = state & QStyle.StateFlag.State_Selected
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return palette.color(colour_group(state), role)


class KeptCells(QStyledItemDelegate):
    """Draws each look of a cell once into a pixmap, and shows it again as drawn.

    A settings change repaints every visible cost cell (~20 calls into Python) and the rows
    that became (un)available: laying out and drawing a cell's text costs Qt ~200,000
    instructions, a Pro model's tag as much again, and a designer goes back and forth between
    a few settings (-8 % of a settings change for the cost cells, counted with valgrind over
    48 changes of benchmarks/bench_gui.py's cycle). A look is the cell's text, its colour, the
    model's LookRole (the text, what the delegate draws beside it, the grey of a greyed row), Qt's
    state, size, palette and font."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: dict[tuple[object, ...], QPixmap] = {}
        self._font_keys = FontKeys()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The cell as drawn before for the same look, else drawn now (draw_cell) and kept."""
        ratio = painter.device().devicePixelRatioF()
        left, top, width, height = cast("tuple[int, int, int, int]", option.rect.getRect())
        key = (
            index.data(LookRole),
            option.state.value,
            option.features.value,
            width,
            height,
            option.palette.cacheKey(),
            self._font_keys.key(option.font),  # the list's font: almost always the last one
            ratio,
        )
        cell = self._cells.get(key)
        if cell is None:
            if len(self._cells) >= CELLS_KEPT:
                self._cells.clear()
            cell = QPixmap(round(width * ratio), round(height * ratio))
            cell.setDevicePixelRatio(ratio)
            cell.fill(Qt.GlobalColor.transparent)
            at_origin = QStyleOptionViewItem(option)
            at_origin.rect = QRect(0, 0, width, height)
            with QPainter(cell) as draw:
                self.draw_cell(draw, at_origin, index)
            self._cells[key] = cell
        painter.drawPixmap(left, top, cell)  # whole pixels: no QPoint made for it

    def draw_cell(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt's own cell."""
        super().paint(painter, option, index)


class CostBars(KeptCells):
    """Draws the Credits column: Qt's cell and figure, then the cost's bar in front of it, each
    look once (KeptCells). The colours per palette and state and the open caps are remembered
    too."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colours: dict[tuple[int, int], tuple[QColor, QColor]] = {}
        self._caps: dict[tuple[int, int, int, float], QPixmap] = {}

    def draw_cell(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt's cell and figure, then the bar in front."""
        super().draw_cell(painter, option, index)
        bar = index.data(BarRole)
        if bar is not None:
            self.paint_bar(painter, option, bar)

    def paint_bar(self, painter: QPainter, option: QStyleOptionViewItem, bar: CostBar) -> None:
        # Each value read from a Qt object is a call into Qt, its rectangles and palettes copies,
        # its flags Python enums: ~1 µs apiece, and ~22 cells a change. So each is read once,
        # and whatever follows from them (rectangles, colours, the cap) is remembered.
        ratio = painter.device().devicePixelRatioF()
        # one call for four numbers (PySide6 types getRect's tuple as a bare object)
        left, top, _width, height = cast("tuple[int, int, int, int]", option.rect.getRect())
        palette = option.palette
        key = (palette.cacheKey(), option.state.value & _COLOUR_STATES)
        colours = self._colours.get(key)
        if colours is None:
            colours = self._colours_for(palette, option.state, key)
        solid, cap = _geometry(left, top, height, bar, option.fontMetrics.height(), ratio)
        painter.fillRect(solid, colours[0])
        if cap is not None:
            painter.drawPixmap(cap.topLeft(), self._cap(colours[1], cap.width(), cap.height(), ratio))

    def _colours_for(
        self, palette: QPalette, state: QStyle.StateFlag, key: tuple[int, int]
    ) -> tuple[QColor, QColor]:
        """The bar's colour and its open cap's, remembered under `key` (the palette's and the
        state's)."""
        if len(self._colours) > 64:  # palettes come and go with the scheme: keep a few
            self._colours.clear()
        colours = self._colours[key] = (bar_colour(palette, state), cap_colour(palette, state))
        return colours

    def _cap(self, colour: QColor, width: float, height: float, ratio: float) -> QPixmap:
        """The open cap, drawn by bar_painting once per colour and size as a pixmap."""
        key = (colour.rgba(), round(width * ratio), round(height * ratio), ratio)
        pixmap = self._caps.get(key)
        if pixmap is None:
            if len(self._caps) > 64:
                self._caps.clear()
            pixmap = QPixmap(key[1], key[2])
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            with QPainter(pixmap) as draw:
                Pixels(draw).open_cap(0, 0, width, height, colour)
            self._caps[key] = pixmap
        return pixmap
