"""The dark palette: a check box and a number field stand out from the window around them
(Fusion draws their outline in the window's own colour, darkened, so the fill must differ)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox, QSpinBox, QStyle, QStyleOptionButton, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.theme import dark_palette


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
