"""What widgets that keep their drawn looks share (the hints, the breakdown, the list's cells):
a widget drawn into a pixmap as Qt paints it, the looks a widget keeps, and a font's key found
without spelling it out."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QPixmap, QRegion
from PySide6.QtWidgets import QWidget


class FontKeys:
    """The key of the font last asked about: QFont.key() costs 5 µs, comparing with the last
    font 0.5, and a widget's font is almost always the one it had."""

    def __init__(self) -> None:
        self._font, self._key = QFont(), QFont().key()

    def key(self, font: QFont) -> str:
        if font != self._font:
            self._font, self._key = QFont(font), font.key()
        return self._key


def drawn(widget: QWidget) -> QPixmap:
    """`widget` as Qt paints it now, on a transparent pixmap at its device pixel ratio (crisp
    at 150 %). Not while it is being painted: Qt refuses to draw a widget into itself."""
    ratio = widget.devicePixelRatioF()
    look = QPixmap(round(widget.width() * ratio), round(widget.height() * ratio))
    look.setDevicePixelRatio(ratio)
    look.fill(Qt.GlobalColor.transparent)
    widget.render(look, QPoint(), QRegion(), QWidget.RenderFlag(0))
    return look


class KeptLooks:
    """The looks one widget keeps, each drawn once by Qt's own paint and shown again as drawn:
    at most `most`, all forgotten at once past that (a designer goes back and forth between a
    few settings, so the same few come back)."""

    def __init__(self, most: int) -> None:
        self._looks: dict[tuple[object, ...], QPixmap] = {}
        self._most = most
        self.font_keys = FontKeys()
        #: A look is being drawn: the widget paints as Qt does (it cannot draw into itself).
        self.drawing = False

    def shown(self, key: tuple[object, ...] | None) -> QPixmap | None:
        """The look kept for `key` (None: none may be shown, e.g. while text is selected)."""
        return None if self.drawing or key is None else self._looks.get(key)

    def keep(self, key: tuple[object, ...] | None, widget: QWidget) -> None:
        """Draw `widget` now as its look for `key`, unless one is kept already."""
        if key is None or key in self._looks:
            return
        if len(self._looks) >= self._most:
            self._looks.clear()
        self.drawing = True
        try:
            self._looks[key] = drawn(widget)
        finally:
            self.drawing = False
