"""Help > About: the version, the prices' date and source, the licence, and a button that opens
the override file's folder (it once vanished with its Python wrapper, leaving only Close)."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc import __version__
from imagine_calc.gui.about import show_about
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers


def test_the_about_box_says_what_and_offers_the_override_folder(qtbot: QtBot, window: MainWindow) -> None:
    box = show_about(window, window.session.loaded)
    qtbot.addWidget(box)
    gc.collect()  # the function's locals are gone; the box's buttons must not be
    qtbot.waitExposed(box)
    texts = sorted(b.text() for b in box.buttons() if b.isVisible())
    assert texts == ["Close", "Open override folder"]
    assert isinstance(box, QMessageBox)
    shown = box.text()
    assert f"imagine-calc {__version__}" in shown and "MIT licence" in shown
    assert (
        numbers.date(window.session.catalog.as_of) in shown
        and str(window.session.loaded.override_path) in shown
    )
