"""Every save error is a dialog that says why, never an exception out of a menu command: Ctrl+S
on an estimate too large to open again raised an uncaught EstimateFileError."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates import estimate_file
from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.main_window import MainWindow
from tests.gui.dialogs import Dialogs
from tests.gui.estimate.test_working_copies import saved_estimate

REQUEST = GenerationRequest("nano-banana-2", "1K", "1:1", 1, False)


def menu_action(window: MainWindow, text: str) -> QAction:
    """The File or Edit menu's action of that text, as a user picks it."""
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            if action.text() == text:
                return action
    raise LookupError(text)


def test_ctrl_s_on_an_estimate_too_large_to_open_again_says_so_and_writes_nothing(
    dialogs: Dialogs, qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = saved_estimate(tmp_path / "plan.icalc.json", "small")
    before = target.read_bytes()
    # The bound an estimate file must keep to be opened (20 MB), made small to keep the test quick.
    monkeypatch.setattr(estimate_file, "MAX_ESTIMATE_BYTES", len(before) + 2000)
    panel = window.estimates.show()
    assert panel.open(target)
    panel.add([GenerationItem(REQUEST, 1, f"line {n}") for n in range(40)])

    menu_action(window, "&Save estimate").trigger()  # what Ctrl+S does
    ((title, text),) = dialogs.warnings()
    assert title == "Estimate not saved" and "too large to save" in text and "split it" in text
    assert target.read_bytes() == before  # refused before writing: what is written opens again
    assert panel.document.modified  # and the work is still there to split
    # The working copy cannot hold it either: the banner says so as soon as it is tried.
    qtbot.waitUntil(lambda: "could not be kept" in window.banner.label.text())
    assert "too large to save" in window.banner.label.text()
    dialogs.prefer = (QMessageBox.StandardButton.Discard,)  # quitting asks: Quit anyway
    window.close()
    assert dialogs.shown[-1].title == "Unsaved estimate" and "too large to save" in dialogs.shown[-1].text
    assert not window.isVisible()


def test_a_folder_that_cannot_be_written_is_a_dialog_for_save_and_export(
    dialogs: Dialogs, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    panel = window.estimates.show()
    panel.add([GenerationItem(REQUEST, 1, "hero")])
    chosen = str(blocked / "plan.icalc.json")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (chosen, ""))

    menu_action(window, "&Save estimate").trigger()  # untitled: asks where, then fails
    assert panel.export("csv", blocked / "plan.csv") is False
    assert [title for title, _ in dialogs.warnings()] == ["Estimate not saved", "Not exported"]
    assert all("cannot write" in text and str(blocked) in text for _, text in dialogs.warnings())
    assert panel.document.path is None and panel.document.modified


def test_a_file_name_is_shown_as_typed_never_as_markup(
    dialogs: Dialogs, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "<b>bold<b> <img src=x>.icalc.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.estimates.show().open(bad)
    (shown,) = dialogs.shown
    assert shown.text_format == Qt.TextFormat.PlainText and "<img src=x>" in shown.text
