"""The Estimate tab's place in the window: a tab from the start whose panel is built only when
first used, lines added without leaving the tab the user is on, the window's title naming the
estimate and marking unsaved work, the File and Edit menus' entries, and closing that asks only
when unsaved work would be lost.

Run on a bare main window with a tab widget and a session (the whole window is test_main_window.py).
Prices from ImagineArt's Image Credits page: Flux Dev 5 per image."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.estimate_host import EstimateHost
from imagine_calc.gui.shared.settings_store import SettingsStore
from tests.gui.dialogs import Dialogs
from tests.gui.sessions import session_of

FLUX = GenerationItem(GenerationRequest("flux-dev"), 3)


class Setup:
    def __init__(self, qtbot: QtBot) -> None:
        self.window = QMainWindow()
        self.window.setWindowTitle("imagine-calc")
        qtbot.addWidget(self.window)
        self.tabs = QTabWidget()
        self.generate = QWidget()
        self.tabs.addTab(self.generate, "&Generate")
        self.window.setCentralWidget(self.tabs)
        self.host = EstimateHost(self.window, self.tabs, SettingsStore(), session_of(load_catalog()))


@pytest.fixture
def setup(qtbot: QtBot, user_dirs: Path, dialogs: Dialogs) -> Iterator[Setup]:
    setup = Setup(qtbot)
    yield setup
    setup.host.flush()


def test_the_tab_is_there_from_the_start_and_its_panel_built_when_first_chosen(setup: Setup) -> None:
    tabs, host = setup.tabs, setup.host
    assert tabs.tabText(tabs.indexOf(host.page)) == "Es&timate"
    assert not host.built
    assert host.undo.text() == "&Undo" and host.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    tabs.setCurrentWidget(host.page)
    assert host.built and host.panel.parent() is host.page


def test_lines_are_added_without_leaving_the_tab_the_user_is_on(setup: Setup) -> None:
    setup.host.add([FLUX])
    assert setup.tabs.currentWidget() is setup.generate
    assert setup.host.panel.model.items == [FLUX]
    assert setup.window.statusBar().currentMessage() == "Added to the estimate: Flux Dev."
    assert setup.host.undo.isEnabled()  # Edit > Undo takes it back
    setup.host.undo.trigger()
    assert setup.host.panel.model.items == []


def test_the_window_title_names_the_estimate_and_marks_unsaved_work(setup: Setup, tmp_path: Path) -> None:
    setup.host.show()
    assert setup.window.windowTitle() == "imagine-calc — Untitled estimate[*]"
    assert not setup.window.isWindowModified()
    setup.host.add([FLUX])
    assert setup.window.isWindowModified()
    setup.host.panel.document.save(tmp_path / "spring.icalc.json")
    assert setup.window.windowTitle() == "imagine-calc — spring.icalc.json[*]"
    assert not setup.window.isWindowModified()


def test_a_problem_with_the_working_copy_is_passed_on_to_the_window(setup: Setup) -> None:
    said: list[str] = []
    setup.host.problem.connect(said.append)
    setup.host.panel.document.problem.emit("The working estimate could not be kept: disk full")
    assert said == ["The working estimate could not be kept: disk full"]


def entries(menu: QMenu) -> list[tuple[str, str]]:
    return [
        (a.text(), a.shortcut().toString(QKeySequence.SequenceFormat.PortableText))
        for a in menu.actions()
        if not a.isSeparator()
    ]


def test_the_file_and_edit_menus_get_the_estimates_commands(setup: Setup) -> None:
    file_menu, edit_menu = QMenu("&File"), QMenu("&Edit")
    quit_action = file_menu.addAction("&Quit")
    setup.host.add_menus(file_menu, quit_action, edit_menu)
    assert entries(file_menu) == [
        ("&New estimate", "Ctrl+N"),
        ("&Open estimate…", "Ctrl+Shift+O"),
        ("&Save estimate", "Ctrl+S"),
        ("Save estimate &as…", "Ctrl+Shift+S"),
        ("E&xport estimate", ""),
        ("Cop&y estimate as text", "Ctrl+Shift+C"),
        ("&Quit", ""),  # everything goes before the action named
    ]
    export = next(a.menu() for a in file_menu.actions() if a.text() == "E&xport estimate")
    assert [a.text() for a in export.actions()] == ["&CSV…", "&Markdown…", "&JSON…"]
    assert edit_menu.actions() == [setup.host.undo, setup.host.redo]


def test_a_menu_command_opens_the_tab_it_works_on(setup: Setup, dialogs: Dialogs) -> None:
    file_menu = QMenu("&File")
    setup.host.add_menus(file_menu, file_menu.addAction("&Quit"), QMenu("&Edit"))
    new = next(a for a in file_menu.actions() if isinstance(a, QAction) and a.text() == "&New estimate")
    new.trigger()
    assert setup.tabs.currentWidget() is setup.host.page and dialogs.shown == []


def test_closing_asks_nothing_when_no_work_would_be_lost(setup: Setup, dialogs: Dialogs) -> None:
    assert setup.host.may_close()  # never built: nothing to lose
    setup.host.add([FLUX])
    assert setup.host.may_close()  # unsaved, but the working copy holds it for the next start
    assert dialogs.shown == []
