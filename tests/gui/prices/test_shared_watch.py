"""Two processes sharing one local folder (no sync tool can run here: a plain folder stands in
for one): a teammate records from the command line, this window shows their price by itself."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_recordings import layer, read_shared
from imagine_calc.core.catalog.sharing import Sharing, save_sharing
from imagine_calc.core.paths import CONFIG_ENV
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.prices.shared_watch import SharedWatch, _Done
from imagine_calc.gui.shared.settings_store import SettingsStore


def recordings(by: str, credits: int) -> str:
    """A teammate's file: one price for Nano Banana 2 at 1K."""
    return (
        f"recorded_by: {by}\nobserved:\n"
        f"- model: nano-banana-2\n  resolution: 1K\n  credits: {credits}\n  date: 2026-11-30\n"
    )


def open_window(qtbot: QtBot, folder: Path) -> MainWindow:
    window = MainWindow(load_with_override(None, folder), SettingsStore())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def watching(qtbot: QtBot, folder: Path) -> tuple[MainWindow, SharedWatch]:
    """A window over the team's `folder` (made here), once its first reading is done."""
    folder.mkdir()
    window = open_window(qtbot, folder)
    qtbot.waitUntil(lambda: not window.shared_watch.reading, timeout=5000)
    return window, window.shared_watch


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
    window, watch = watching(qtbot, folder)
    stale = window.session.loaded
    catalog, reading = layer(stale.catalog, read_shared(folder))  # as the reading thread made it
    own = Observation("nano-banana-2", "1K", None, 1, False, Decimal(60), dt.date.today())
    window.generate.recordings.keep(own)  # the user records while the folder is read
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(60), timeout=5000)
    watch.reading = True
    watch._show(_Done(stale, stale.catalog, folder, replace(stale, catalog=catalog, shared=reading)))
    assert window.session.view.quote.total == Decimal(60)  # the user's recording is not lost
    assert watch.reading  # read again, over the prices now in use
    qtbot.waitUntil(lambda: not watch.reading, timeout=5000)
    assert window.session.view.quote.total == Decimal(60)


def test_new_own_prices_while_the_folder_is_read_get_the_new_reading_under_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "team"
    window, watch = watching(qtbot, folder)
    (folder / "ana-1.recordings.yaml").write_text(
        "recorded_by: Ana\nobserved:\n"
        "- model: flux-dev\n  resolution: 1K\n  credits: 9\n  date: 2026-11-30\n",
        encoding="utf-8",
    )
    stale = window.session.loaded
    catalog, reading = layer(stale.catalog, read_shared(folder))  # Ana's file, read meanwhile
    watch.reading = True  # as if that reading were running when the user records
    own = Observation("nano-banana-2", "1K", None, 1, False, Decimal(60), dt.date.today())
    window.generate.recordings.keep(own)
    assert watch.own is not None and window.session.view.quote.total == Decimal(49)  # waits
    watch._show(_Done(stale, stale.catalog, folder, replace(stale, catalog=catalog, shared=reading)))
    qtbot.waitUntil(lambda: not watch.reading and watch.own is None, timeout=5000)
    assert window.session.view.quote.total == Decimal(60)  # the user's own
    by = {o.model_id: o.by for o in window.session.catalog.observations}
    assert by == {"nano-banana-2": None, "flux-dev": "Ana"}  # and Ana's, read meanwhile, under it


def test_the_windows_thread_never_parses_a_teammates_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, override_file: Path
) -> None:
    """A team's folder is up to 2 MB of YAML, about 3 s a MB to parse: whatever brings its
    recordings into the window (the folder read or changed, a price recorded for yourself or
    shared, File > Revert prices) parses on the watcher's thread, never on the window's."""
    from imagine_calc.core.catalog import shared_file, shared_recordings

    parsed: list[tuple[str, bool]] = []
    parse = shared_recordings.read_recordings

    def recorded_parse(folder: str, path: Path, shown: str) -> list[Observation]:
        parsed.append((path.name, threading.current_thread() is threading.main_thread()))
        return parse(folder, path, shown)

    monkeypatch.setattr(shared_recordings, "read_recordings", recorded_parse)
    monkeypatch.setattr(shared_file, "read_recordings", recorded_parse)
    folder = tmp_path / "team"
    folder.mkdir()
    ana = folder / "ana-1.recordings.yaml"
    ana.write_text(recordings("Ana", 52), encoding="utf-8")
    save_sharing(Sharing(folder, "Carla"))
    window = MainWindow(replace(load_with_override(), shared_folder=folder), SettingsStore())
    qtbot.addWidget(window)
    session = window.session

    def shows(credits: int) -> None:
        qtbot.waitUntil(lambda: session.view.quote.total == Decimal(credits), timeout=10_000)

    shows(52)  # the folder read at the start
    ana.write_text(recordings("Ana", 55), encoding="utf-8")
    shows(55)  # and again when a teammate's file changes
    today = dt.date.today()
    window.generate.recordings.keep(Observation("nano-banana-2", "1K", None, 1, False, Decimal(60), today))
    shows(60)  # a price recorded for yourself: the team's under it
    for credits in (61, 62):  # shared, twice (the second time, your file as last written)
        shared = Observation("nano-banana-2", "2K", None, 1, False, Decimal(credits), today)
        window.generate.recordings.share(shared)
        mine = replace(shared, by="Carla")
        qtbot.waitUntil(lambda mine=mine: mine in session.catalog.observations, timeout=10_000)
    assert "credits: 62" in next(folder.glob("carla-*.recordings.yaml")).read_text(encoding="utf-8")
    assert window.prices.revert()  # the override as before the recording of 60: Session.reload
    qtbot.waitUntil(lambda: not window.shared_watch.reading, timeout=10_000)
    assert [o.by for o in session.catalog.observations_of("nano-banana-2")] == ["Carla", "Ana"]
    assert parsed and all(not on_window for _name, on_window in parsed), parsed
    assert {name for name, _ in parsed} >= {ana.name}


def _fail_layering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Laying the team's recordings under the prices fails as a fault of ours would."""
    from imagine_calc.gui.prices import shared_watch

    def broken(*_args: object) -> object:
        raise RuntimeError("planted fault")

    monkeypatch.setattr(shared_watch, "layer", broken)


def test_a_reading_that_fails_keeps_the_prices_shown_says_so_and_the_watch_goes_on(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "team <b>"
    window, watch = watching(qtbot, folder)
    _fail_layering(monkeypatch)
    (folder / "ana-1.recordings.yaml").write_text(recordings("Ana", 52), encoding="utf-8")
    watch.start_reading()
    qtbot.waitUntil(lambda: any("planted fault" in m for m in window.banner.messages), timeout=10_000)
    assert not watch.reading
    assert window.session.view.quote.total == Decimal(49)  # as it was
    said = next(m for m in window.banner.messages if "planted fault" in m)
    assert f"The team's prices in {folder} could not be read again" in said
    assert "team &lt;b&gt;" in window.banner.label.text()  # the folder's name shown as it is named
    monkeypatch.undo()  # the fault gone: the next change is read as usual
    (folder / "ana-1.recordings.yaml").write_text(recordings("Ana", 53), encoding="utf-8")
    watch.start_reading()
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(53), timeout=10_000)


def test_own_prices_waiting_for_a_failed_layering_are_shown_without_the_teams(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "ana-1.recordings.yaml").write_text(recordings("Ana", 52), encoding="utf-8")
    window = open_window(qtbot, folder)
    watch = window.shared_watch
    qtbot.waitUntil(
        lambda: not watch.reading and window.session.view.quote.total == Decimal(52), timeout=10_000
    )
    _fail_layering(monkeypatch)
    mine = Observation("nano-banana-2", "1K", None, 1, False, Decimal(60), dt.date.today())
    window.generate.recordings.keep(mine)  # goes to the watch's thread to have Ana's laid under it
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(60), timeout=10_000)
    assert not watch.reading and watch.own is None
    assert window.session.loaded.shared is None  # the team's left out, and the banner says so
    assert any("your own prices are shown without them" in m for m in window.banner.messages)
