"""Two processes sharing one local folder (no sync tool can run here: a plain folder stands in
for one): a teammate records from the command line, this window shows their price by itself."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_recordings import layer, read_shared
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


def test_a_window_started_without_the_folder_read_reads_it_itself(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "ana-1.recordings.yaml").write_text(
        "recorded_by: Ana\nobserved:\n"
        "- model: nano-banana-2\n  resolution: 1K\n  credits: 52\n  date: 2026-11-30\n",
        encoding="utf-8",
    )
    # As imagine-calc starts: the folder is named, not read (parsing 200 files would delay the start).
    loaded = replace(load_with_override(), shared_folder=folder)
    window = MainWindow(loaded, SettingsStore())
    qtbot.addWidget(window)
    assert window.session.view.quote.total == Decimal(49) and window.session.loaded.shared is None
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(52), timeout=5000)
    assert os.fspath(folder / "ana-1.recordings.yaml") in window.shared_watch.watcher.files()


def test_a_reading_layered_over_prices_replaced_meanwhile_is_not_used_but_done_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    window = open_window(qtbot, folder)
    stale = window.session.loaded.catalog
    catalog, reading = layer(stale, read_shared(folder))  # as the reading thread made it
    own = Observation("nano-banana-2", "1K", None, 1, False, Decimal(60), dt.date.today())
    window.generate.recordings.keep(own)  # the user records while the folder is read
    window.shared_watch.reading = True
    window.shared_watch._show((stale, catalog, reading))
    assert window.session.view.quote.total == Decimal(60)  # the user's recording is not lost
    assert window.shared_watch.reading  # read again, over the prices now in use
    qtbot.waitUntil(lambda: not window.shared_watch.reading, timeout=5000)
    assert window.session.view.quote.total == Decimal(60)
