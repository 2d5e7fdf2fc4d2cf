"""The reader thread: a hostile file is quoted from its header and never decoded for a thumbnail
(Pillow would read all of it), while an honest image gets its thumbnail."""

from __future__ import annotations

import os
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from imagine_calc.core.images.image_size import ImageSize
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.upscale import scan_worker
from imagine_calc.gui.upscale.scan_worker import ScanJob, make_thumbnail
from tests.core.images import hostile
from tests.images import write_image


def test_a_file_far_larger_than_its_pixels_is_not_decoded_for_a_thumbnail(tmp_path: Path) -> None:
    webp = hostile.webp_sparse(tmp_path)  # 100 x 80, then 2 GiB of zeros
    honest = write_image(tmp_path / "honest.webp", 100, 80)
    tracemalloc.start()
    try:
        assert make_thumbnail(ImageSize(str(webp), 100, 80, "WebP")) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # Pillow alone would have read the 2 GiB into one bytes object
    thumbnail = make_thumbnail(ImageSize(str(honest), 100, 80, "WebP"))
    assert thumbnail is not None and (thumbnail.width(), thumbnail.height()) == (48, 38)


def test_a_dropped_folder_of_hostile_files_is_quoted_or_refused_row_by_row(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = window.upscale_panel
    folder = tmp_path / "dropped"
    folder.mkdir()
    made = {make(folder).name: expected for make, expected in hostile.CASES.values()}
    write_image(folder / "honest.png", 30, 20)
    job = panel.add_paths([str(folder)])
    qtbot.waitUntil(lambda: not panel.scans.jobs, timeout=30_000)
    assert job.done and not job.cancelled
    panel.model.flush_thumbnails()
    rows = {row.name: row for row in panel.model.rows}
    assert set(rows) == {*made, "honest.png"}
    for name, expected in made.items():
        size = rows[name].size
        if expected is None:
            assert not isinstance(size, ImageSize) and size.message.startswith("corrupt "), size
        else:
            assert isinstance(size, ImageSize) and (size.width, size.height) == expected, size
            assert rows[name].thumbnail is None, name  # every quoted one is far larger than its pixels
    qtbot.waitUntil(lambda: rows["honest.png"].thumbnail is not None, timeout=5000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's niceness is Linux's")
def test_the_reader_thread_yields_the_cpu_to_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    """On a busy machine the window waited behind the reader for a core: it runs nicer."""
    seen: list[tuple[int, int]] = []

    class Noted(ScanJob):
        def _read(self) -> list[ImageSize]:
            seen.append(
                (threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
            )
            return super()._read()

    pool = QThreadPool()
    job = Noted([str(write_image(tmp_path / "a.png", 20, 10))], thumbnails=False)
    job.setAutoDelete(False)
    pool.start(job)
    assert pool.waitForDone(10_000)
    [(thread, niceness)] = seen
    assert thread != threading.get_native_id()  # not the window's: its niceness is untouched
    assert niceness == scan_worker.READER_NICENESS > os.getpriority(os.PRIO_PROCESS, 0)
