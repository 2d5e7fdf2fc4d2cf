"""A cell that shows a share as a bar: as long as the share, open-ended where it is a lower bound.

The model answers SHARE_ROLE with anything that has a `fraction` (0 to 1, for drawing) and an
`open` flag (the figure is only a lower bound: more comes on top, by an amount not known). Every
bar of a column has the same scale: the cell's width less the room of an open cap, kept in
every row so an open bar and a closed one of the same share end at the same place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from imagine_calc.gui.shared.bar_painting import CAP, BarColours, Pixels

SHARE_ROLE = Qt.ItemDataRole.UserRole + 20
#: Room on either side of the bar, in logical pixels.
MARGIN = 4.0
#: The bar's height as a part of the row's.
HEIGHT = 0.55


class Shown(Protocol):
    @property
    def fraction(self) -> float: ...
    @property
    def open(self) -> bool: ...


@dataclass(frozen=True)
class Extent:
    """Where a share's bar is, in the cell's pixels: the track of the whole (100 %), the
    filled part, and the open cap's end (None: the share is known to its end)."""

    x0: float
    track_end: float
    end: float
    cap_end: float | None


def bar_extent(rect: QRect, shown: Shown) -> Extent:
    x0 = rect.x() + MARGIN
    track = max(0.0, rect.width() - 2 * MARGIN - CAP)
    end = x0 + track * min(max(shown.fraction, 0.0), 1.0)
    return Extent(x0, x0 + track, end, end + CAP if shown.open else None)


class ShareBarDelegate(QStyledItemDelegate):
    """Paints SHARE_ROLE as a bar; a cell without one is drawn as usual."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        shown = index.data(SHARE_ROLE)
        if shown is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # the row's background and selection, as other cells have them
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect = option.rect
        colours = BarColours.of(option.palette)
        painter.save()
        px = Pixels(painter)
        height = max(6.0, rect.height() * HEIGHT)
        top = rect.y() + (rect.height() - height) / 2
        bottom = top + height
        at = bar_extent(rect, shown)
        px.fill(at.x0, top, at.track_end, bottom, colours.track)
        px.fill(at.x0, top, at.end, bottom, colours.used[0])
        if at.cap_end is not None:
            px.open_cap(at.end, top, at.cap_end, bottom, colours.cap)
        painter.restore()
