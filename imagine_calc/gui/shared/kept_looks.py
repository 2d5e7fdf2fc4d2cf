"""What widgets that keep their drawn looks share (the hints, the breakdown, the list's cells):
a widget drawn into a pixmap as Qt paints it, and a font's key found without spelling it out."""

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
