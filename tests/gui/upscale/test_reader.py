"""The folder reader stands aside for the window: it stops while the window moves rows in, it
waits when the window falls behind, and a drop's rows stay out of the collector's passes."""

from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.upscale import scan_worker
from imagine_calc.gui.upscale.reader_gate import ReaderGate
from imagine_calc.gui.upscale.scan_worker import ScanJob
from tests.images import write_image


def empty_files(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"img{i:05}.png").touch()
    return folder


def in_thread(job: ScanJob) -> threading.Thread:
    thread = threading.Thread(target=job.run, daemon=True)
    thread.start()
    return thread


def test_a_held_reader_reads_no_file_until_released(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReaderGate, "MAX_PAUSE", 60.0)  # only the release lets it on
    gate = ReaderGate()
    waiting = threading.Event()
    pause = gate.pause

    def noted_pause() -> None:
        waiting.set()
        pause()

    monkeypatch.setattr(gate, "pause", noted_pause)
    job = ScanJob([str(empty_files(tmp_path / "f", 20))], thumbnails=False, gate=gate)
    gate.hold()
    thread = in_thread(job)
    qtbot.waitUntil(waiting.is_set, timeout=5000)
    assert job.seen == 0 and not job.results  # stopped before its first file
    gate.release()
    thread.join(10)
    assert job.done and job.seen == 20 and len(job.results) == 20


def test_a_reader_ahead_of_the_window_waits_for_room(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan_worker, "PENDING_LIMIT", 10)
    job = ScanJob([str(empty_files(tmp_path / "f", 50))], thumbnails=False)
    thread = in_thread(job)
    qtbot.waitUntil(lambda: len(job.results) == 10, timeout=5000)
    assert not job.done and job.seen <= 11  # it read no further than one file past the limit
    taken = []
    while thread.is_alive() or job.results:
        while job.results:
            taken.append(job.results.popleft())
        job.took_results()
        thread.join(0.01)
    assert len(taken) == 50 and job.done


def test_a_cancelled_reader_does_not_wait_for_a_release(qtbot: QtBot, tmp_path: Path) -> None:
    gate = ReaderGate()
    job = ScanJob([str(empty_files(tmp_path / "f", 20))], thumbnails=False, gate=gate)
    gate.hold()
    thread = in_thread(job)
    job.cancel()
    thread.join(ReaderGate.MAX_PAUSE / 2)  # less than a held reader's longest wait
    assert not thread.is_alive() and job.cancelled


def test_reading_shortens_the_switch_interval_only_while_it_reads() -> None:
    before = sys.getswitchinterval()
    with ReaderGate().reading():
        assert sys.getswitchinterval() == min(before, ReaderGate.SWITCH_INTERVAL)
    assert sys.getswitchinterval() == before


def test_a_drops_rows_stay_out_of_the_collectors_passes_until_it_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows outlive the drop; walked by every pass of the collector they cost 60 ms a pass at
    100,000. While rows arrive the ones in the table are frozen out of its passes; after the
    drop nothing stays frozen, so anything that became garbage meanwhile is collected."""
    panel = window.upscale_panel
    folder = empty_files(tmp_path / "f", 3000)
    seen_by_collector: list[int] = []
    drain_for = panel.scans.drain_for

    def drain_and_look(budget: float) -> None:
        drain_for(budget)
        if panel.scans.jobs:
            seen_by_collector.append(walked_rows())

    def walked_rows() -> int:
        """How many of the table's rows a pass of the collector would walk now."""
        ours = {id(row) for row in panel.model.rows}
        return sum(id(o) in ours for o in gc.get_objects())

    monkeypatch.setattr(panel.scans, "drain_for", drain_and_look)
    panel.add_paths([str(folder)])
    qtbot.waitUntil(lambda: not panel.scans.jobs, timeout=30_000)
    assert panel.model.rowCount() == 3000
    assert seen_by_collector and max(seen_by_collector) == 0
    assert gc.get_freeze_count() == 0
    assert walked_rows() == 3000


def test_the_window_holds_the_reader_while_it_moves_rows_in_and_repaints(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held for each tick that makes rows or shows them, and for the repaint after; not while
    the reader makes thumbnails with no rows to move (that slowed 1,000 images' thumbnails
    threefold)."""
    panel = window.upscale_panel
    scans = panel.scans
    ticks: list[tuple[bool, bool]] = [(False, False)]  # (held by this tick, rows made or shown)
    hold, stage = scans.reader_gate.hold, scans._stage

    def note(held: bool = False, moved: bool = False) -> None:
        was_held, was_moved = ticks[-1]
        ticks[-1] = (was_held or held, was_moved or moved)

    def noted_hold() -> None:
        note(held=True)
        hold()

    def noted_stage(batch: list[tuple[str, str, ImageSize | SizeError]]) -> None:
        note(moved=True)
        stage(batch)

    monkeypatch.setattr(scans.reader_gate, "hold", noted_hold)
    monkeypatch.setattr(scans, "_stage", noted_stage)
    panel.model.rowsInserted.connect(lambda *_: note(moved=True))
    scans._drain_timer.timeout.connect(lambda: ticks.append((False, False)))  # after each tick's work
    folder = empty_files(tmp_path / "f", 500)
    for i in range(3):
        write_image(folder / f"real{i}.png", 20, 10)
    panel.add_paths([str(folder)])
    qtbot.waitUntil(lambda: not scans.jobs, timeout=30_000)
    scans._drain()  # the timer's tick once more, with nothing left to move in
    assert any(moved for _, moved in ticks) and not ticks[-1][1]
    assert all(held for held, moved in ticks if moved)
    assert not any(held for held, moved in ticks if not moved)
    qtbot.waitUntil(scans.reader_gate._open.is_set, timeout=1000)  # released after the repaint


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="threads are pinned on Linux only")
def test_a_drop_is_read_on_the_window_threads_core_and_the_cores_come_back_after(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's thread and the reader keep to one core while rows arrive (stalls of 100-175
    ms on two idle cores: ReaderGate); after the drop, every thread has the cores it had."""
    panel = window.upscale_panel
    scans = panel.scans
    cores = os.sched_getaffinity(0)
    window_cores: list[set[int]] = []
    reader_cores: list[set[int]] = []
    pause, drain_for = scans.reader_gate.pause, scans.drain_for

    def noted_pause() -> None:
        reader_cores.append(os.sched_getaffinity(0))
        pause()

    def noted_drain_for(budget: float) -> None:
        if scans.jobs:
            window_cores.append(os.sched_getaffinity(0))
        drain_for(budget)

    monkeypatch.setattr(scans.reader_gate, "pause", noted_pause)
    monkeypatch.setattr(scans, "drain_for", noted_drain_for)
    panel.add_paths([str(empty_files(tmp_path / "f", 2000))])
    qtbot.waitUntil(lambda: not scans.jobs, timeout=30_000)
    assert panel.model.rowCount() == 2000
    assert window_cores and reader_cores
    shared = window_cores[0]
    assert len(shared) == 1 and shared <= cores
    assert all(c == shared for c in window_cores + reader_cores)
    assert os.sched_getaffinity(0) == cores
    scans.pool.waitForDone(5000)
    seen_after: list[set[int]] = []
    scans.pool.start(lambda: seen_after.append(os.sched_getaffinity(0)))  # the same pool thread
    scans.pool.waitForDone(5000)
    assert seen_after == [cores]


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="threads are pinned on Linux only")
def test_a_window_closed_during_a_drop_gets_its_cores_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReaderGate, "MAX_PAUSE", 60.0)  # held, the reader reads nothing more
    scans = window.upscale_panel.scans
    cores = os.sched_getaffinity(0)
    scans.reader_gate.hold()
    scans.add_paths([str(empty_files(tmp_path / "f", 50))])
    assert len(os.sched_getaffinity(0)) == 1 and scans.jobs
    scans.shut_down()
    assert os.sched_getaffinity(0) == cores
