"""Reads image sizes (and small thumbnails) off the GUI thread, in batches, cancellably."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections import deque

from PySide6.QtCore import QObject, QRunnable, QThread, Signal
from PySide6.QtGui import QImage

from imagine_calc.core.files import FileProblem, open_regular
from imagine_calc.core.images.bounded import HEADER_BYTES
from imagine_calc.core.images.image_files import (
    Candidate,
    ScanTally,
    iter_candidates,
    real_path,
    size_candidate,
)
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.gui.upscale.reader_gate import ReaderGate

#: Thumbnails are only made for images up to this size; decoding more would cost memory.
THUMBNAIL_MAX_PIXELS = 40_000_000
#: ... and files up to this many bytes: Pillow reads a whole WebP or AVIF, and everything
#: before a PNG's or JPEG's pixels, to decode it.
THUMBNAIL_MAX_BYTES = 64_000_000
#: An image's file holds at most this much per pixel (16-bit RGBA, uncompressed) beyond its
#: header: a 100 x 80 WebP of 2 GB is not decoded for a thumbnail.
THUMBNAIL_BYTES_PER_PIXEL = 8
THUMBNAIL_SIZE = 48
#: Results read but not yet in the table, at most: the reader waits for the window beyond it.
#: A reader 70,000 files ahead held that many results in memory, and Python's collector walked
#: them all on the window's thread (55 ms a pass); the window takes about 3,000 a tick.
PENDING_LIMIT = 8192


class ScanSignals(QObject):
    #: (key, QImage). The key as a Python object: a file name that is not valid UTF-8 holds
    #: surrogates, which a QString would drop, and the row would never get its thumbnail.
    thumbnail = Signal(object, QImage)
    #: (the job, True when cancelled). The job travels with the signal so that no slot has to
    #: capture it: a lambda holding the job made a cycle (job -> signals -> slot -> job) that
    #: Python's collector could free from the reader thread, deleting a QObject there.
    finished = Signal(object, bool)


class ScanJob(QRunnable):
    """One drop's worth of paths: walks folders, sizes files, then makes thumbnails.

    Results go into `results` (a deque: appends and pops are thread-safe), which the
    GUI drains on a timer with a time budget, so a flood of results can never stall it; the
    reader waits while PENDING_LIMIT are waiting, until `took_results` says there is room.
    """

    def __init__(self, paths: list[str], thumbnails: bool = True, gate: ReaderGate | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.thumbnails = thumbnails
        self.gate = gate
        self.signals = ScanSignals()
        #: (path, what makes it the same file as another: `real_key`, its size or why none)
        self.results: deque[tuple[str, str, ImageSize | SizeError]] = deque()
        #: what the walk passed over inside folders, by kind (read once `finished` arrives)
        self.tally = ScanTally()
        #: files looked at so far (including non-images skipped inside folders)
        self.seen = 0
        self.done = False
        #: set by the GUI once it has handled `finished`
        self.reported = False
        self._cancel = threading.Event()
        self._room = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()
        self._room.set()
        if self.gate is not None:
            self.gate.release()  # a held reader sees the cancel at once

    def took_results(self) -> None:
        """In the window's thread, having taken results: the reader may go on if it waits."""
        self._room.set()

    def _wait_for_room(self) -> None:
        while len(self.results) >= PENDING_LIMIT and not self.cancelled:
            self._room.wait(0.05)  # and look again: a wake-up may come between look and wait
            self._room.clear()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        stand_back()
        try:
            with self.gate.reading() if self.gate is not None else contextlib.nullcontext():
                sized = self._read()
                self.done = True
                if self.thumbnails:
                    self._make_thumbnails(sized)
        finally:
            self.done = True
            self.signals.finished.emit(self, self.cancelled)

    def _pause(self) -> None:
        if self.gate is not None:
            self.gate.pause()

    def _read(self) -> list[ImageSize]:
        """Every file's size (or why none) into `results`; the sized ones, for thumbnails."""
        sized: list[ImageSize] = []
        for candidate in iter_candidates(self.paths, lambda: self.cancelled):
            self._pause()
            self.seen += 1
            result = candidate if isinstance(candidate, SizeError) else size_candidate(candidate, self.tally)
            if result is None:
                continue
            # (a SizeError here is a folder that could not be read)
            key = candidate.real_path if isinstance(candidate, Candidate) else real_key(candidate.path)
            self._wait_for_room()
            self.results.append((candidate.path, key, result))
            if isinstance(result, ImageSize):
                sized.append(result)
        return sized

    def _make_thumbnails(self, sized: list[ImageSize]) -> None:
        for size in sized:
            if self.cancelled:
                return
            self._pause()
            image = make_thumbnail(size)
            if image is not None:
                self.signals.thumbnail.emit(size.path, image)


#: The reader thread's niceness on Linux, above the window's 0.
READER_NICENESS = 10


def stand_back() -> None:
    """The reading thread yields the CPU to the window's. On a machine busy with other programs
    the window waited behind the reader for a core, then for the interpreter: with one core kept
    busy beside a 100,000-file drop, the longest stall was 20-98 ms in six runs, and 16-21 ms in
    ten with the reader at niceness 10 (benchmarks/bench_upscale_drop.py, same minutes; all
    rows in took 0.93-1.70x the CLI's time against 0.84-1.65x). Linux sets a thread's niceness
    by its id; elsewhere Qt's low priority."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # never fatal: the reader still reads
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), READER_NICENESS)
        return
    thread = QThread.currentThread()
    if thread is not None:
        thread.setPriority(QThread.Priority.LowPriority)


def make_thumbnail(size: ImageSize) -> QImage | None:
    """A small preview, decoded at reduced size where the format allows (JPEG draft mode); none
    for a file too large to decode, or much larger than its pixels need."""
    pixels = size.width * size.height
    if pixels > THUMBNAIL_MAX_PIXELS:
        return None
    most = min(THUMBNAIL_MAX_BYTES, THUMBNAIL_BYTES_PER_PIXEL * pixels + HEADER_BYTES)
    try:
        fd = open_regular(size.path, most)  # also never waits on a FIFO put there since
    except FileProblem:
        return None
    try:
        from PIL import Image

        with os.fdopen(fd, "rb") as fh, Image.open(fh) as im:
            im.draft("RGB", (THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2))
            im.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
            rgba = im.convert("RGBA")
            data = rgba.tobytes()
            image = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
            return image.copy()  # own the pixels; `data` goes away
    except Exception:
        return None


def real_key(path: str) -> str:
    """What makes two drops the same file: its resolved path (a Candidate has it already)."""
    return real_path(path)
