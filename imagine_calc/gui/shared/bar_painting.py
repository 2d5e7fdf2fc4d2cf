"""How the window's bars are painted: colours from the palette, edges on whole device pixels.

A bar's edges are placed on device pixels (at a scale of 1.5 a logical 10.3 px lands on 10.0),
and filled without antialiasing, so no edge is a blur of two colours at any scale. The colours
come from the palette, so a bar reads in light and dark alike: what is used in the highlight
colour, what is left a light tint of it, a shortfall in the theme's red, and an open end (a
figure that is only a lower bound) hatched in the text colour with no closing edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.gui.shared.theme import shortfall_red

#: The open cap's width in logical pixels: an unknown amount has no size, so one fixed width.
CAP = 12.0


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """`colour` moved `amount` (0 to 1) of the way towards `other`, in whole 8-bit steps (the
    colour a pixel will hold)."""
    return QColor(
        round(colour.red() + (other.red() - colour.red()) * amount),
        round(colour.green() + (other.green() - colour.green()) * amount),
        round(colour.blue() + (other.blue() - colour.blue()) * amount),
    )


@record
class BarColours(Frozen):
    """The colours of every part of a bar, for one palette."""

    used: tuple[QColor, ...]
    left: tuple[QColor, ...]
    short: QColor
    cap: QColor
    #: The whole a share is part of: fainter than what is left of a balance, as it is no credit.
    track: QColor

    @classmethod
    def of(cls, palette: QPalette) -> BarColours:
        """The first balance in the highlight colour, the next one a shade towards the text
        (darker on light, lighter on dark); what is left of each a faint tint of it on the
        window's colour. Worked out once per palette: a cell asks at every paint."""
        key = palette.cacheKey()
        known = _BY_PALETTE.get(key)
        if known is None:
            if len(_BY_PALETTE) > 16:  # palettes come and go with the system's scheme
                _BY_PALETTE.clear()
            known = _BY_PALETTE[key] = cls._of(palette)
        return known

    @classmethod
    def _of(cls, palette: QPalette) -> BarColours:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        used = (highlight, mix(highlight, text, 0.45))
        left = tuple(mix(c, window, 0.7) for c in used)
        return cls(used, left, shortfall_red(palette), text, mix(highlight, window, 0.85))


_BY_PALETTE: dict[int, BarColours] = {}


class Pixels:
    """Fills on whole device pixels of the painter's device, without antialiasing."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        self.ratio = painter.device().devicePixelRatioF() or 1.0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def snap(self, v: float) -> float:
        return round(v * self.ratio) / self.ratio

    @property
    def one(self) -> float:
        """One device pixel, in logical pixels."""
        return 1.0 / self.ratio

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> QRectF:
        left, top = self.snap(x0), self.snap(y0)
        return QRectF(left, top, self.snap(x1) - left, self.snap(y1) - top)

    def fill(self, x0: float, y0: float, x1: float, y1: float, colour: QColor | QBrush) -> None:
        rect = self.rect(x0, y0, x1, y1)
        if rect.width() > 0 and rect.height() > 0:
            self.painter.fillRect(rect, colour)

    def outline(self, x0: float, y0: float, x1: float, y1: float, colour: QColor) -> None:
        """A frame one device pixel wide just inside the rectangle."""
        one = self.one
        x0, y0, x1, y1 = self.snap(x0), self.snap(y0), self.snap(x1), self.snap(y1)
        if x1 - x0 < one or y1 - y0 < one:
            return
        self.fill(x0, y0, x1, y0 + one, colour)
        self.fill(x0, y1 - one, x1, y1, colour)
        self.fill(x0, y0, x0 + one, y1, colour)
        self.fill(x1 - one, y0, x1, y1, colour)

    def open_cap(self, x0: float, y0: float, x1: float, y1: float, colour: QColor) -> None:
        """Hatched, with edges above and below and none at its end: more, by an amount not
        known."""
        one = self.one
        self.fill(x0, y0, x1, y1, QBrush(colour, Qt.BrushStyle.BDiagPattern))
        self.fill(x0, y0, x1, self.snap(y0) + one, colour)
        self.fill(x0, self.snap(y1) - one, x1, y1, colour)
