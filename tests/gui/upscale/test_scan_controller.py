"""Reading dropped files into rows without the panel's widgets: rows arrive in drop order, a
file dropped twice is quoted once unless duplicates count, a removed file is quoted again, files
passed over are tallied, and busy is said at the start and the end."""

from __future__ import annotations

import gc
import itertools
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.gui.upscale import scan_controller
from imagine_calc.gui.upscale.scan_controller import UpscaleScans
from imagine_calc.gui.upscale.scan_worker import ScanJob
from imagine_calc.gui.upscale.upscale_rows import UpscaleTableModel
from tests.gui.sessions import session_of
from tests.images import write_image

CATALOG = load_catalog()


def scans_of(qtbot: QtBot, count_duplicates: bool = False) -> tuple[UpscaleScans, list[object]]:
    model = UpscaleTableModel(session_of(CATALOG))
    scans = UpscaleScans(model, lambda: count_duplicates)
    said: list[object] = []
    for signal in (scans.busy, scans.message):
        signal.connect(said.append)
    return scans, said


def read(qtbot: QtBot, scans: UpscaleScans, *paths: Path) -> None:
    with qtbot.waitSignal(scans.busy, timeout=10_000, check_params_cb=lambda busy: not busy):
        scans.add_paths([str(p) for p in paths])


def test_rows_arrive_in_drop_order_and_busy_is_said_at_start_and_end(qtbot: QtBot, tmp_path: Path) -> None:
    scans, said = scans_of(qtbot)
    files = [write_image(tmp_path / f"{name}.png", w, 100) for name, w in (("b", 300), ("a", 200))]
    read(qtbot, scans, *files)
    assert [r.name for r in scans.model.rows] == ["b.png", "a.png"]
    assert said == [True, False] and not scans.jobs
    assert gc.get_freeze_count() == 0  # nothing stays frozen after the drop


def test_a_file_dropped_twice_is_quoted_once_unless_duplicates_count(qtbot: QtBot, tmp_path: Path) -> None:
    hd = write_image(tmp_path / "hd.png", 1920, 1080)
    once, _ = scans_of(qtbot)
    read(qtbot, once, hd)
    read(qtbot, once, hd)
    assert (once.model.row_count(), once.duplicates_skipped) == (1, 1)
    twice, _ = scans_of(qtbot, count_duplicates=True)
    read(qtbot, twice, hd)
    read(qtbot, twice, hd)
    assert (twice.model.row_count(), twice.duplicates_skipped) == (2, 0)


def test_a_removed_file_is_quoted_again_and_reset_forgets_everything(qtbot: QtBot, tmp_path: Path) -> None:
    hd = write_image(tmp_path / "hd.png", 1920, 1080)
    (tmp_path / "notes.txt").write_text("not an image")
    scans, _ = scans_of(qtbot)
    read(qtbot, scans, tmp_path)
    assert scans.model.row_count() == 1 and scans.skipped.counts()
    scans.forget(list(scans.model.rows))
    scans.model.remove_rows([0])
    read(qtbot, scans, hd)
    assert (scans.model.row_count(), scans.duplicates_skipped) == (1, 0)
    scans.reset()
    assert (scans.duplicates_skipped, scans.skipped.counts()) == (0, {})


def test_cancelling_before_the_reader_starts_says_so_and_ends_busy(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader thread waits until the cancel has been sent: three small files are otherwise
    # read before the window's thread gets to cancel, and there is nothing left to stop.
    cancelled = threading.Event()
    run = ScanJob.run

    def run_after_cancel(job: ScanJob) -> None:
        cancelled.wait(10)
        run(job)

    monkeypatch.setattr(ScanJob, "run", run_after_cancel)
    scans, said = scans_of(qtbot)
    files = [write_image(tmp_path / f"{i}.png", 10 + i, 10) for i in range(3)]
    first = scans.add_paths([str(files[0])])
    second = scans.add_paths([str(f) for f in files[1:]])  # queued behind the first
    with qtbot.waitSignal(scans.busy, timeout=10_000, check_params_cb=lambda busy: not busy):
        scans.cancel()
        cancelled.set()
    assert first.cancelled and second.cancelled
    assert "Reading stopped: the files read so far are quoted." in said
    scans.shut_down()
    assert not scans.jobs


def test_a_tick_makes_rows_or_shows_them_never_both_and_shows_them_five_times_a_second(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Showing rows repaints the table, the total and the progress (7 ms and more with 100,000
    rows): done at every tick, and in the tick that made the rows, it was the window's longest
    wait during a drop of 100,000 files. So a tick makes rows of what was read or shows the rows
    made since the last showing, and rows are shown at most every SHOW_INTERVAL until the end."""
    monkeypatch.setattr(scan_controller, "DRAIN_BUDGET", 0.0005)  # many ticks from a few files
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(5000):
        (folder / f"img{i:05}.png").touch()
    scans, _said = scans_of(qtbot)
    events: list[tuple[str, float]] = []  # ("made" | "shown" | "tick", when)
    stage = scans._stage

    def noted_stage(batch: list[tuple[str, str, ImageSize | SizeError]]) -> None:
        events.append(("made", time.perf_counter()))
        stage(batch)

    monkeypatch.setattr(scans, "_stage", noted_stage)
    scans.model.rowsInserted.connect(lambda *_: events.append(("shown", time.perf_counter())))
    scans._drain_timer.timeout.connect(lambda: events.append(("tick", 0.0)))  # after each tick's work
    read(qtbot, scans, folder)
    assert scans.model.row_count() == 5000
    ticks: list[set[str]] = [set()]
    for what, _ in events:
        if what == "tick":
            ticks.append(set())
        else:
            ticks[-1].add(what)
    assert sum("made" in t for t in ticks) > 10 and sum("shown" in t for t in ticks) >= 3
    assert not [t for t in ticks if t == {"made", "shown"}]
    shown = [when for what, when in events if what == "shown"][:-1]  # the last: when the drop ended
    assert min(b - a for a, b in itertools.pairwise(shown)) >= 0.2 - 0.001  # five a second at most


class PaintNoted(QWidget):
    """A window that notes, at each repaint, whether the reader could run meanwhile."""

    def __init__(self, scans: UpscaleScans) -> None:
        super().__init__()
        self.scans = scans
        self.reader_free_while_painting: list[bool] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.scans.jobs:
            self.reader_free_while_painting.append(self.scans.reader_gate.is_open())


def test_the_reader_waits_while_a_window_repaints(qtbot: QtBot, tmp_path: Path) -> None:
    """Both threads run Python, one at a time: a repaint (a call into Python per cell it draws)
    that waited for the interpreter behind the reader at each call was the longest stall of a
    100,000-file drop. So a window's repaint holds the reader, and nothing does after the drop."""
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(4000):
        (folder / f"img{i:05}.png").touch()
    scans, _said = scans_of(qtbot)
    window = PaintNoted(scans)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    ticker = QTimer(interval=1)
    ticker.timeout.connect(window.update)
    ticker.start()
    read(qtbot, scans, folder)
    ticker.stop()
    assert scans.model.row_count() == 4000
    assert window.reader_free_while_painting and not any(window.reader_free_while_painting)
    assert scans.reader_gate.is_open()  # and free again once the drop is over
    window.reader_free_while_painting.clear()
    scans.jobs.append(ScanJob([]))  # as if reading: the repaint notes the gate
    window.update()  # a repaint after the drop holds nothing
    qtbot.waitUntil(lambda: bool(window.reader_free_while_painting))
    scans.jobs.clear()
    assert window.reader_free_while_painting == [True]


def test_a_window_closed_and_deleted_during_a_drop_is_no_trouble_at_its_end(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A dialog open when the drop began may be gone when it ends (a price update's, say)."""
    dialog = QWidget()
    dialog.show()
    qtbot.waitExposed(dialog)
    scans, said = scans_of(qtbot)
    with qtbot.waitSignal(scans.busy, timeout=10_000, check_params_cb=lambda busy: not busy):
        scans.add_paths([str(write_image(tmp_path / "a.png", 20, 10))])
        Shiboken.delete(dialog)
    assert said == [True, False] and scans.reader_gate.is_open()
