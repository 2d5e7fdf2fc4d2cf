"""Bars' colours and pixels: the parts tell apart in light and dark, edges land on device
pixels at any scale, and an open cap has no closing edge."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from imagine_calc.gui.shared.bar_painting import BarColours, Pixels, mix
from imagine_calc.gui.shared.theme import dark_palette


def palette(scheme: str) -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.style().standardPalette() if scheme == "light" else dark_palette()


def painted(ratio: float, draw: Callable[[Pixels], None]) -> QImage:
    pixmap = QPixmap(int(40 * ratio), int(20 * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    draw(Pixels(painter))
    painter.end()
    return pixmap.toImage()


def test_mix_moves_a_colour_towards_another_in_whole_steps() -> None:
    assert mix(QColor(0, 0, 0), QColor(255, 255, 255), 0.5) == QColor(128, 128, 128)
    assert mix(QColor(10, 20, 30), QColor(200, 200, 200), 0) == QColor(10, 20, 30)
    assert mix(QColor(10, 20, 30), QColor(200, 100, 0), 1) == QColor(200, 100, 0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_part_of_a_bar_tells_apart_from_the_others_and_the_window(
    scheme: str, qapp: QApplication
) -> None:
    p = palette(scheme)
    colours = BarColours.of(p)
    window = p.color(QPalette.ColorRole.Window)
    parts = [*colours.used, *colours.left, colours.short, colours.cap, colours.track, window]
    assert len({c.name() for c in parts}) == len(parts)
    for used, left in zip(colours.used, colours.left, strict=True):
        assert abs(used.lightness() - left.lightness()) >= 30  # used filled, left light
    assert abs(colours.used[0].lightness() - colours.used[1].lightness()) >= 30  # two balances


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
def test_fills_land_on_whole_device_pixels(ratio: float, qapp: QApplication) -> None:
    image = painted(ratio, lambda px: px.fill(3.3, 2.2, 17.7, 15.1, QColor("black")))
    y = image.height() // 2
    row = [image.pixelColor(x, y).name() for x in range(image.width())]
    assert set(row) == {"#000000", "#ffffff"}  # no grey edge
    first, last = row.index("#000000"), len(row) - 1 - row[::-1].index("#000000")
    assert first == round(3.3 * ratio) and last == round(17.7 * ratio) - 1


def test_an_outline_is_one_device_pixel_and_an_open_cap_has_no_end(qapp: QApplication) -> None:
    framed = painted(1.5, lambda px: px.outline(3, 3, 30, 15, QColor("black")))
    y = framed.height() // 2
    row = [framed.pixelColor(x, y).name() for x in range(framed.width())]
    assert row.count("#000000") == 2  # its left and right edges, one device pixel each
    cap = painted(1.5, lambda px: px.open_cap(3, 3, 30, 15, QColor("black")))
    top = [cap.pixelColor(x, round(3 * 1.5)).name() for x in range(round(3 * 1.5), round(30 * 1.5))]
    assert set(top) == {"#000000"}  # closed above
    end = [
        cap.pixelColor(round(30 * 1.5) - 1, y).name() for y in range(round(3 * 1.5) + 1, round(15 * 1.5) - 1)
    ]
    assert "#ffffff" in end  # hatched to its end, with no edge closing it


def test_colours_are_worked_out_once_per_palette_and_again_for_another(qapp: QApplication) -> None:
    light = palette("light")
    assert BarColours.of(light) is BarColours.of(QPalette(light))  # the same palette, shared
    dark = BarColours.of(dark_palette())
    assert dark is not BarColours.of(light) and dark.used[0] == dark_palette().color(
        QPalette.ColorRole.Highlight
    )
