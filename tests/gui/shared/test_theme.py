"""The dark palette: a check box and a number field stand out from the window around them
(Fusion draws their outline in the window's own colour, darkened, so the fill must differ)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QSpinBox,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.theme import dark_palette, shortfall_red


def lightness_gap(widget: QWidget, inside: QPoint, outside: QPoint) -> int:
    image = widget.grab().toImage()
    return abs(image.pixelColor(inside).lightness() - image.pixelColor(outside).lightness())


def test_a_check_box_and_a_field_stand_out_in_the_dark(qtbot: QtBot) -> None:
    holder = QWidget()
    holder.setPalette(dark_palette())
    holder.setAutoFillBackground(True)
    box = QCheckBox("Subscribed", holder)
    field = QSpinBox(holder)
    field.move(0, 40)
    holder.resize(200, 80)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)

    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert lightness_gap(holder, indicator.center(), QPoint(190, indicator.center().y())) >= 25
    centre = field.geometry().center()
    assert lightness_gap(holder, QPoint(centre.x() - 20, centre.y()), QPoint(190, centre.y())) >= 25


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_shortfall_red_reads_on_the_window_light_and_dark(qapp: QApplication) -> None:
    light = QStyleFactory.create("Fusion").standardPalette()
    for palette in (light, dark_palette()):
        window = palette.color(QPalette.ColorRole.Window)
        assert contrast(shortfall_red(palette), window) >= 4.5, window.name()
    assert shortfall_red(light) != shortfall_red(dark_palette())
