"""Two processes sharing one local folder (no sync tool can run here: a plain folder stands in
for one): a teammate records from the command line, this window shows their price by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.paths import CONFIG_ENV
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.settings_store import SettingsStore


def open_window(qtbot: QtBot, folder: Path) -> MainWindow:
    window = MainWindow(load_with_override(None, folder), SettingsStore())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_teammates_recording_shows_in_the_window_without_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    window = open_window(qtbot, folder)
    assert window.session.view.quote.total == Decimal(49)  # Nano Banana 2 at 1K, the page's price
    teammate = {**os.environ, CONFIG_ENV: str(tmp_path / "teammate-config")}
    subprocess.run(
        [
            *(sys.executable, "-m", "imagine_calc", "record", "--shared", "--shared-folder", str(folder)),
            *("--name", "Bo <b>", "Nano Banana 2", "52"),
        ],
        env=teammate,
        check=True,
        capture_output=True,
        timeout=60,
    )
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(52), timeout=10_000)
    assert "52" in window.generate.total_panel.total.text()
    assert any(o.by == "Bo <b>" for o in window.session.catalog.observations)


def test_a_hostile_file_in_the_folder_is_named_in_the_banner(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    window = open_window(qtbot, folder)
    os.mkfifo(folder / "<img src=dev>.recordings.yaml")
    qtbot.waitUntil(
        lambda: any("<img src=dev>.recordings.yaml was left out" in m for m in window.banner.messages),
        timeout=10_000,
    )
    assert window.session.view.quote.total == Decimal(49)
