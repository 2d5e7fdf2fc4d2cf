"""Comparing what was drawn: a picture kept and shown again against Qt drawing it afresh."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

#: Summed RGB difference allowed per pixel: text edges smoothed into a pixmap, not a change.
SMOOTHING = 6


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def differing(expected: QImage, shown: QImage) -> list[tuple[int, int]]:
    """The pixels where `shown` differs from `expected` by more than smoothing (same sizes)."""
    assert expected.size() == shown.size(), (expected.size(), shown.size())
    return [
        (x, y)
        for y in range(expected.height())
        for x in range(expected.width())
        if distance(expected.pixelColor(x, y), shown.pixelColor(x, y)) > SMOOTHING
    ]
