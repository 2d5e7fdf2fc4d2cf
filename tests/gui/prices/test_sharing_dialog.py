"""File > Shared prices folder: setting the folder and name in the window keeps them where the
command line reads them, and the window reads the new folder at once, without a restart."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.sharing import load_sharing
from imagine_calc.core.limits import MAX_NAME_CHARS
from imagine_calc.core.paths import CONFIG_ENV
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.prices.sharing_dialog import SharingDialog, open_sharing
from imagine_calc.gui.shared.settings_store import SettingsStore

#: Nano Banana 2 at 1K: the page says 49; a teammate recorded 52.
ANA = (
    "recorded_by: Ana <b>x</b>\nobserved:\n"
    "- model: nano-banana-2\n  resolution: 1K\n  credits: 52\n  date: 2026-11-30\n"
)


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(load_with_override(), SettingsStore())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "ana-1.recordings.yaml").write_text(ANA, encoding="utf-8")
    return folder


def total(window: MainWindow) -> Decimal:
    return window.session.view.quote.total


def test_the_file_menu_opens_it_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    action = window.findChild(QAction, "sharingAction")
    assert action is not None and "&" in action.text() and action.toolTip()
    file_menu = window.menuBar().findChildren(QMenu)[0]
    assert action in file_menu.actions()
    action.trigger()
    dialog = window.findChild(SharingDialog, "sharingDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.folder.accessibleName() and dialog.name.accessibleName()
    buddies = [label.buddy() for label in dialog.findChildren(QLabel)]
    assert dialog.folder in buddies and dialog.name in buddies  # Alt+F, Alt+N reach the fields
    dialog.reject()


def test_ok_keeps_folder_and_name_for_the_command_line_and_reads_the_folder_at_once(
    window: MainWindow, team: Path, qtbot: QtBot, user_dirs: Path
) -> None:
    assert total(window) == Decimal(49)
    dialog = open_sharing(window, window.session, window.shared_watch)
    dialog.folder.setText(str(team))
    dialog.name.setText("  Carla   Mendes ")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    sharing, note = load_sharing()
    assert note is None and sharing.folder == team and sharing.name == "Carla Mendes"
    assert json.loads((user_dirs / "sharing.json").read_text(encoding="utf-8"))["folder"] == str(team)
    assert window.shared_watch.watched == team  # a teammate's later change is followed
    qtbot.waitUntil(lambda: total(window) == Decimal(52), timeout=5000)
    assert str(team) in window.statusBar().currentMessage()


def test_a_folder_that_is_not_there_is_refused_with_one_message_and_nothing_kept(
    window: MainWindow, tmp_path: Path, user_dirs: Path
) -> None:
    dialog = open_sharing(window, window.session, window.shared_watch)
    dialog.folder.setText(str(tmp_path / "nowhere"))
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == f"The shared prices folder {tmp_path / 'nowhere'} does not exist."
    assert not (user_dirs / "sharing.json").exists() and not (tmp_path / "nowhere").exists()
    dialog.reject()


def test_a_name_too_long_or_with_controls_is_refused_and_markup_is_kept_as_typed(
    window: MainWindow, team: Path
) -> None:
    dialog = open_sharing(window, window.session, window.shared_watch)
    dialog.folder.setText(str(team))
    dialog.name.setText("x" * (MAX_NAME_CHARS + 1))
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "Your name is longer than 60 characters: shorten it."
    dialog.name.setText("Bo\u202eevil")
    dialog.accept()
    assert dialog.isVisible() and "control or formatting characters" in dialog.error.text()
    dialog.name.setText("<b>Bo</b>")
    dialog.accept()
    assert not dialog.isVisible() and load_sharing()[0].name == "<b>Bo</b>"


def test_clearing_the_folder_turns_sharing_off_and_the_teams_prices_go(
    window: MainWindow, team: Path, qtbot: QtBot
) -> None:
    dialog = open_sharing(window, window.session, window.shared_watch)
    dialog.folder.setText(str(team))
    dialog.accept()
    qtbot.waitUntil(lambda: total(window) == Decimal(52), timeout=5000)
    dialog = open_sharing(window, window.session, window.shared_watch)
    assert dialog.folder.text() == str(team)  # what is kept is what it shows
    dialog.folder.setText("  ")
    dialog.accept()
    assert total(window) == Decimal(49)  # at once, not at the next reading
    assert window.session.loaded.shared_folder is None and window.shared_watch.watched is None
    assert load_sharing()[0].folder is None
    assert window.shared_watch.watcher.directories() == []


def test_a_config_folder_that_cannot_be_written_is_said_and_the_dialog_stays(
    window: MainWindow, team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "a-file"))  # no folder can be made there
    dialog = open_sharing(window, window.session, window.shared_watch)
    dialog.folder.setText(str(team))
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text().startswith(
        "The shared prices folder and your name were not kept:"
    )
    assert window.session.loaded.shared_folder is None
    dialog.reject()
