"""Reading dropped files into upscale rows: one reader thread, results moved into the table in
timed chunks while the reader waits, duplicates skipped, files passed over tallied.

Apart from the panel so it can be driven and tested without its widgets: the panel lays out,
shows what this reports (busy, progress, a message, new rows) and hands over what the user does.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QCoreApplication,
    QEvent,
    QObject,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from imagine_calc.core.images.image_files import ScanTally
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.text import upscale as upscale_text
from imagine_calc.gui.upscale.reader_gate import ReaderGate
from imagine_calc.gui.upscale.scan_worker import ScanJob, real_key
from imagine_calc.gui.upscale.upscale_rows import Row, UpscaleTableModel

#: Scan results become rows on a timer: a tick every 40 ms makes rows of what the reader found
#: for at most DRAIN_BUDGET, and every SHOW_INTERVAL a tick of its own shows the rows made
#: since (the table, the total and the progress repaint, 7 ms and more with 100,000 rows). Shown
#: at every tick, the repaints were half of the window's work during a drop, and a tick that
#: made rows and repainted was the longest wait of its event loop (benchmarks/bench_upscale_drop.py).
DRAIN_INTERVAL_MS = 40
#: Seconds of each tick the GUI spends making rows; a row prices nothing (its quote is made
#: when shown), so 8 ms makes about a thousand.
DRAIN_BUDGET = 0.008
DRAIN_CHUNK = 64
#: Seconds at least between two showings of new rows while a drop goes on: five a second.
SHOW_INTERVAL = 0.2
#: How long after a tick the reader is still held: the table and labels repaint with the rows
#: a tick added (10 ms of work with 100,000 rows), and would wait for the interpreter as often.
PAINT_ALLOWANCE_MS = 15


class UpscaleScans(QObject):
    """Emits `busy(bool)` when reading starts or ends, `progress(files seen)`, `rows_added`
    after rows reach the table, and `message(text)` for the user."""

    busy = Signal(bool)
    progress = Signal(int)
    rows_added = Signal()
    message = Signal(str)

    def __init__(
        self, model: UpscaleTableModel, count_duplicates: Callable[[], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._count_duplicates = count_duplicates
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one scan at a time keeps rows in drop order
        self.jobs: list[ScanJob] = []
        self.reader_gate = ReaderGate()
        self._finished_jobs: list[ScanJob] = []
        self._keys: set[str] = set()
        self.duplicates_skipped = 0
        self.skipped = ScanTally()
        self._following = False  # repaints hold the reader (_follow_the_loop)
        self._painted: list[QWidget] = []  # the windows whose repaints hold it
        self._frozen = False  # objects held out of the collector's passes while rows arrive
        #: rows made from results but not yet in the table; shown at most every SHOW_INTERVAL
        self._staged: list[Row] = []
        self._shown_at = 0.0
        self._drain_timer = QTimer(self, interval=DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)

    # --- starting and stopping ------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> ScanJob:
        """Scan `paths` off the GUI thread; rows arrive in batches."""
        if self.pool.activeThreadCount() == 0:
            self._finished_jobs.clear()
        job = ScanJob(list(paths), gate=self.reader_gate)
        job.setAutoDelete(False)
        job.signals.thumbnail.connect(self.model.set_thumbnail)
        job.signals.finished.connect(self._on_finished)
        self.jobs.append(job)
        self.busy.emit(True)
        self.reader_gate.share_core()  # before the reader starts: it joins the window's core
        self.pool.start(job)
        self._drain_timer.start()
        self._follow_the_loop(True)
        return job

    def cancel(self) -> None:
        """Stop reading; what was read stays quoted. A running job reports back when it stops."""
        for job in list(self.jobs):
            job.cancel()
            if self.pool.tryTake(job):  # never started: it will not report, so finish it here
                job.done = True  # else it would wait to be retired forever, the panel busy
                self._on_finished(job, True)

    def wait_until_read(self, timeout_ms: int = 60_000) -> bool:
        """Let every running scan finish and its rows arrive (a screenshot of a dropped folder);
        False if they did not within the time."""
        deadline = time.perf_counter() + timeout_ms / 1000
        while self.jobs and time.perf_counter() < deadline:
            self.pool.waitForDone(20)
            QCoreApplication.processEvents()
            self.drain_for(DRAIN_BUDGET)  # without holding the reader: this waits for it
        self.model.flush_thumbnails()
        return not self.jobs

    def shut_down(self) -> None:
        """Stop reading and wait for the reader thread: nothing may run on after the window
        (its signals would reach objects that are gone)."""
        self.cancel()
        self.pool.waitForDone()
        self._drain_timer.stop()
        self._unfreeze()
        self._follow_the_loop(False)
        self.reader_gate.unshare_core()
        self._finished_jobs.clear()

    # --- the rows it remembers ------------------------------------------------------------

    def forget(self, rows: list[Row]) -> None:
        """Rows the user removed: the same files dropped again are quoted again."""
        for row in rows:
            self._keys.discard(real_key(row.path))

    def reset(self) -> None:
        """Everything cleared: no file is a duplicate any more, and nothing was passed over."""
        self._keys.clear()
        self._staged.clear()
        self.duplicates_skipped = 0
        self.skipped = ScanTally()

    # --- moving results in ----------------------------------------------------------------

    def _drain(self) -> None:
        """A tick: show the rows made since the last showing if it is time, else make rows of
        scan results for at most DRAIN_BUDGET seconds; never both, so a tick's work is one or
        the other. The reader waits meanwhile, and while the window repaints (ReaderGate)."""
        ending = all(j.done and j.reported and not j.results for j in self.jobs)
        show = bool(self._staged) and (ending or time.perf_counter() - self._shown_at >= SHOW_INTERVAL)
        if not show and not any(job.results for job in self.jobs):
            self.drain_for(DRAIN_BUDGET)  # nothing to move in (making thumbnails): the end, perhaps
            return
        self.reader_gate.hold()
        try:
            if show:
                self._show()
                self._settle()
            else:
                self.drain_for(DRAIN_BUDGET)
        finally:  # after the repaint the rows cause, which comes after this slot
            QTimer.singleShot(PAINT_ALLOWANCE_MS, self.reader_gate.release)

    def drain_for(self, budget: float) -> None:
        """Make rows of scan results for at most `budget` seconds; they are shown on a tick of
        their own, or at once when the drop has ended."""
        deadline = time.perf_counter() + budget
        made = False
        for job in self.jobs:
            added = False
            # Chunks, so that the budget bounds the time however many results are waiting.
            while job.results and time.perf_counter() < deadline:
                chunk = [job.results.popleft() for _ in range(min(DRAIN_CHUNK, len(job.results)))]
                self._stage(chunk)
                added = True
            if added:
                job.took_results()
                made = True
        if self.jobs:
            # Rows (and thumbnails) stay as long as the table: out of the collector's passes with
            # them as they come, or each pass (on this thread) walks every row added since the
            # last, 60 ms for 100,000. Anything else made meanwhile waits for the end of the drop.
            gc.freeze()
            self._frozen = True
        if not made:  # else the end of the drop, and its last rows shown, are the next tick's
            self._settle()

    def show_rows(self) -> None:
        """Rows made but not yet shown go into the table now (the last ones of a drop)."""
        if self._staged:
            self._show()

    def _show(self) -> None:
        rows, self._staged = self._staged, []
        self._shown_at = time.perf_counter()
        self.model.add_rows(rows)
        self.rows_added.emit()
        if self.jobs:
            self.progress.emit(sum(j.seen for j in self.jobs))

    def _settle(self) -> None:
        """Retire the jobs that are done; when the last is, show what is left and stop ticking."""
        pending = any(j.results for j in self.jobs)
        for job in [j for j in self.jobs if j.done and not j.results and j.reported]:
            self._retire(job)
        if not self.jobs and not pending:
            self._drain_timer.stop()
            self._unfreeze()  # first: nothing after it may leave the collector's objects frozen
            self._follow_the_loop(False)
            self.reader_gate.unshare_core()

    def _follow_the_loop(self, on: bool) -> None:
        """While reading, a window about to repaint holds the reader until the event loop goes
        back to waiting (eventFilter). A repaint calls into Python for every cell it draws, and
        with the reader running each call waited for the interpreter: repaints of 100 ms and
        more during a drop of 100,000 files, the longest stalls of the window's event loop."""
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is None or on == self._following:
            return
        self._following = on
        if on:
            dispatcher.aboutToBlock.connect(self.reader_gate.release)
            self._painted = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            for window in self._painted:
                window.installEventFilter(self)
        else:
            dispatcher.aboutToBlock.disconnect(self.reader_gate.release)
            for window in self._painted:
                if Shiboken.isValid(window):  # a dialog shown at the start may be gone
                    window.removeEventFilter(self)
            self._painted = []
            self.reader_gate.release()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A window about to repaint (the event Qt sends a top-level window for it) holds the
        reader; the event loop releases it when it next waits, after the repaint."""
        if event.type() == QEvent.Type.UpdateRequest:
            self.reader_gate.hold()
        return False

    def _unfreeze(self) -> None:
        """What the drop froze goes back to the oldest generation, walked by full passes only."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _stage(self, batch: list[tuple[str, str, ImageSize | SizeError]]) -> None:
        rows = self._staged
        once = not self._count_duplicates()
        for path, key, size in batch:
            if once and key in self._keys:
                self.duplicates_skipped += 1
                continue
            self._keys.add(key)
            rows.append(Row(path, size, key=path))

    def _on_finished(self, job: ScanJob, cancelled: bool) -> None:
        job.reported = True
        for kind, n in job.tally.counts().items():
            self.skipped.skipped[kind] = self.skipped.skipped.get(kind, 0) + n
        self.model.flush_thumbnails()
        if cancelled:
            job.results.clear()
            self.message.emit(upscale_text.reading_stopped())
        # The timer, running while any job is, retires it on its next tick: making rows and
        # ending the drop here as well would be a turn of the event loop that does both.

    def _retire(self, job: ScanJob) -> None:
        # Its `finished` arrives (queued) while the reader thread may still be returning from
        # run(): dropping the last reference now would delete the job, and its signals, under
        # that thread (segfaults in libshiboken6). It is kept until no reader thread runs.
        self.jobs.remove(job)
        self._finished_jobs.append(job)
        if self.pool.activeThreadCount() == 0:
            self._finished_jobs.clear()
        if not self.jobs:
            self.show_rows()  # every row in the table before the drop is said to be over
            self.busy.emit(False)
            self.rows_added.emit()  # the counts of what was passed over are final now
