"""'ImagineArt showed …': the dialog names the exact settings it records for, takes only a price
the Create button could have shown, and gives back a recording of those settings, dated today.
(Values it refuses, one by one, are in tests/gui/generate/test_recorded_prices.py.)"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.record_dialog import RecordDialog
from tests.gui.shown import visible

SETTINGS = GenerationRequest("nano-banana-2", "2K", "16:9", 4, True)


@pytest.fixture
def dialog(qtbot: QtBot) -> RecordDialog:
    dialog = RecordDialog(load_catalog(), SETTINGS)
    qtbot.addWidget(dialog)
    return dialog


def record_button(dialog: RecordDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_it_names_the_exact_settings_it_records_for(dialog: RecordDialog) -> None:
    intro = " ".join(visible(dialog.findChildren(QLabel)[0].text()).split())
    assert "Type it here for Nano Banana 2 · 2K · 16:9 · 4 images · prompt enhancer;" in intro
    assert dialog.windowTitle() == "Record what ImagineArt showed"


def test_nothing_typed_records_nothing_and_says_nothing(dialog: RecordDialog) -> None:
    assert not record_button(dialog).isEnabled()
    assert dialog.observation() is None
    assert dialog.error.text() == ""


def test_a_price_typed_is_a_recording_of_these_settings_dated_today(
    qtbot: QtBot, dialog: RecordDialog
) -> None:
    qtbot.keyClicks(dialog.credits, "304")  # the page's 73.5 x 4 at 2K, and the enhancer's share
    assert record_button(dialog).isEnabled()
    assert dialog.observation() == Observation(
        "nano-banana-2", "2K", "16:9", 4, True, Decimal(304), dt.date.today()
    )


def test_a_mistake_is_said_under_the_field_and_goes_when_corrected(
    qtbot: QtBot, dialog: RecordDialog
) -> None:
    qtbot.keyClicks(dialog.credits, "0")
    assert "The credits must be more than 0" in visible(dialog.error.text())
    assert not record_button(dialog).isEnabled()
    qtbot.keyClicks(dialog.credits, ".5")
    assert dialog.error.text() == "" and record_button(dialog).isEnabled()
    seen = dialog.observation()
    assert seen is not None and seen.credits == Decimal("0.5")


def test_record_accepts_and_cancel_rejects(qtbot: QtBot, dialog: RecordDialog) -> None:
    dialog.credits.setText("98")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(record_button(dialog), Qt.MouseButton.LeftButton)
    again = RecordDialog(load_catalog(), SETTINGS)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.rejected):
        qtbot.mouseClick(
            again.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )
