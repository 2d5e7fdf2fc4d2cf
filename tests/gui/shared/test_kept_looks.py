"""A widget drawn into a kept picture looks as Qt draws it; a font's key follows the font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.kept_looks import FontKeys, KeptLooks, drawn
from tests.gui.pixels import differing


def test_a_fonts_key_follows_the_font_asked_about() -> None:
    keys = FontKeys()
    plain, bold = QFont("DejaVu Sans", 10), QFont("DejaVu Sans", 10)
    bold.setBold(True)
    assert keys.key(plain) == plain.key()
    assert keys.key(bold) == bold.key() != plain.key()
    assert keys.key(plain) == plain.key()  # back again, not the last one's


def test_a_widget_drawn_is_the_picture_qt_paints(qtbot: QtBot) -> None:
    label = QLabel("Images: 98 credits")
    label.setAutoFillBackground(True)  # its own background in the picture, as grab() shows it
    qtbot.addWidget(label)
    label.resize(180, 30)
    label.show()
    qtbot.waitExposed(label)
    look = drawn(label)
    ratio = label.devicePixelRatioF()
    assert (look.width(), look.height()) == (round(180 * ratio), round(30 * ratio))
    assert look.devicePixelRatio() == ratio
    painted = label.grab().toImage()
    assert not differing(painted, look.toImage().convertToFormat(painted.format()))
    label.setText("Images: 49 credits")
    assert differing(painted, drawn(label).toImage().convertToFormat(painted.format()))  # it can tell


def test_a_look_is_drawn_once_per_key_and_all_are_forgotten_past_the_most(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = QLabel("Images: 98 credits")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    looks = KeptLooks(2)
    during: list[bool] = []
    render = label.render
    monkeypatch.setattr(label, "render", lambda *args: (during.append(looks.drawing), render(*args)))
    looks.keep(("a",), label)
    looks.keep(("a",), label)
    assert during == [True] and not looks.drawing  # drawn once, and Qt's own paint while drawn
    assert looks.shown(("a",)) is not None and looks.shown(("b",)) is None
    looks.keep(None, label)  # a look that may not be kept (text selected)
    assert looks.shown(None) is None and len(during) == 1
    looks.keep(("b",), label)
    looks.keep(("c",), label)  # past the most: the others forgotten
    assert looks.shown(("a",)) is None and looks.shown(("c",)) is not None
    looks.drawing = True
    assert looks.shown(("c",)) is None  # while drawing, the widget paints as Qt does
