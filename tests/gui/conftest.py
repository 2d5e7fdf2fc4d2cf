"""A main window on the bundled catalog (plus the test's override file, if it writes one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.settings_store import SettingsStore


@pytest.fixture
def make_window(qtbot: QtBot, user_dirs: Path) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(load_with_override(), SettingsStore())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(title, text) of every QMessageBox.warning, recorded instead of shown (it would block)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text)))
    return shown
