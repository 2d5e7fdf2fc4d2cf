"""A main window on the bundled catalog (plus the test's override file, if it writes one)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.settings_store import SettingsStore
from tests.gui.dialogs import Dialogs, answer_message_boxes


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
def dialogs() -> Iterator[Dialogs]:
    """Every message box answered at once (it would block) and recorded."""
    recorded = Dialogs()
    restore = answer_message_boxes(recorded)
    yield recorded
    restore()
