"""Upscale quotes: drop or paste images, pick engine and scale, read each row and the total."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.estimates.estimate import UpscaleItem
from imagine_calc.core.images.image_files import ScanTally
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text import quotes
from imagine_calc.core.text import upscale as upscale_text
from imagine_calc.core.text.sizes import scale as scale_words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import plain_label, tooltip
from imagine_calc.gui.shared.widgets import FillColumn, headline_label
from imagine_calc.gui.upscale.drop_area import DropArea
from imagine_calc.gui.upscale.reader_gate import ReaderGate
from imagine_calc.gui.upscale.scan_worker import THUMBNAIL_SIZE, ScanJob, real_key
from imagine_calc.gui.upscale.upscale_rows import FILE, Row, UpscaleTableModel

#: Scan results move into the table on a timer. Each move repaints the table, so a tick
#: every 40 ms (25 updates a second, still smooth) quotes 10,000 files in 3.1 s where a tick
#: every 15 ms took 5.2 s (benchmarks/bench_upscale_drop.py 10000).
DRAIN_INTERVAL_MS = 40
#: Seconds of each tick the GUI spends moving results in; adding a row prices nothing (its
#: quote is made when shown), so 8 ms moves about a thousand.
DRAIN_BUDGET = 0.008
DRAIN_CHUNK = 64
#: How long after a tick the reader is still held: the table and labels repaint with the rows
#: a tick added (10 ms of work with 100,000 rows), and would wait for the interpreter as often.
PAINT_ALLOWANCE_MS = 15


class UpscalePanel(QWidget):
    """Emits `totals_changed` whenever rows, engine or scale change the total."""

    totals_changed = Signal(object)
    message = Signal(str)
    #: An UpscaleItem for the estimate: the selected rows, or every quoted row.
    add_to_estimate = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one scan at a time keeps rows in drop order
        self.jobs: list[ScanJob] = []
        self._reader_gate = ReaderGate()
        self._finished_jobs: list[ScanJob] = []
        self._keys: set[str] = set()
        self._pasted = 0
        self.duplicates_skipped = 0
        self._frozen = False  # objects held out of the collector's passes while rows arrive
        self._drain_timer = QTimer(self, interval=DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)

        self.drop_area = DropArea()
        self.model = UpscaleTableModel(session, self)
        self.table = QTableView(objectName="upscaleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Upscale quotes")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL_SIZE + 6)
        self.table.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a failed row's reason, in full
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for col, sample in (
            (1, "20,000 × 20,000"),
            (2, "400.00"),
            (3, "320,000 × 320,000"),
            (4, "≈ 24,000"),
            (5, "Magnific Precision v2: 1,040"),
        ):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 18)
        self._fill_file = FillColumn(self.table, FILE, least=160)

        self.engine = QComboBox(objectName="engineCombo")
        self.engine.setAccessibleName("Upscale engine")
        self.scale = QComboBox(objectName="scaleCombo")
        self.scale.setAccessibleName("Scale")
        self.count_duplicates = QCheckBox("Count duplicates", objectName="countDuplicatesCheck")
        self.count_duplicates.setToolTip(tooltip("Quote the same file again when it is dropped twice"))
        add = QPushButton("Add images…", objectName="addImagesButton")
        add.clicked.connect(self.choose_files)
        self.remove = QPushButton("Remove", objectName="removeRowsButton")
        self.remove.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.remove_selected)
        clear = QPushButton("Clear all", objectName="clearRowsButton")
        clear.clicked.connect(self.clear)
        self.add_estimate = QPushButton("A&dd to estimate", objectName="addUpscaleToEstimateButton")
        self.add_estimate.setToolTip(
            tooltip("Add the selected images (or all of them) to the estimate as one line")
        )
        self.add_estimate.clicked.connect(self._add_to_estimate)
        self.progress = QProgressBar(objectName="scanProgress")
        self.progress.setRange(0, 0)
        self.progress.setFormat("%v files read")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", objectName="cancelScanButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.total = headline_label("upscaleTotal", "Upscale total", 1.4)
        self.counts = plain_label(objectName="upscaleCounts")
        self.counts.setWordWrap(True)
        self.skipped = ScanTally()
        self.status = plain_label(objectName="upscaleStatus")
        self.status.setWordWrap(True)

        controls = QHBoxLayout()
        for text, widget in (("E&ngine", self.engine), ("&Scale", self.scale)):
            label = plain_label(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.count_duplicates)
        controls.addStretch(1)
        controls.addWidget(add)
        controls.addWidget(self.remove)
        controls.addWidget(clear)
        controls.addWidget(self.add_estimate)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_area)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addLayout(busy)
        layout.addWidget(self.total)
        layout.addWidget(self.counts)
        layout.addWidget(self.status)
        self._set_busy(False)

        self.drop_area.paths_dropped.connect(self.add_paths)
        self.drop_area.image_dropped.connect(self.add_image)
        self.drop_area.refused.connect(self._say)
        self.engine.currentIndexChanged.connect(self._choice_changed)
        self.scale.currentIndexChanged.connect(self._choice_changed)
        self._show_choice()
        self._refresh_total()
        session.listen(self._session_changed)

    # --- engine and scale: the session's, shown and sent back -----------------------------

    def _session_changed(self, parts: frozenset[Part]) -> None:
        if Part.CATALOG in parts or Part.UPSCALE in parts:
            self._show_choice()
            self._refresh_total()

    def _show_choice(self) -> None:
        """Fill the engine and scale boxes for the session's choice, echoing nothing back."""
        catalog, choice = self.session.catalog, self.session.upscale
        blockers = [QSignalBlocker(self.engine), QSignalBlocker(self.scale)]
        engines = [(e.name, e.id) for e in catalog.engines]
        shown = [(self.engine.itemText(i), self.engine.itemData(i)) for i in range(self.engine.count())]
        if shown != engines:
            self.engine.clear()
            for name, ident in engines:
                self.engine.addItem(name, ident)
        self.engine.setCurrentIndex(self.engine.findData(choice.engine_id))
        scales = list(catalog.engine(choice.engine_id).scales)
        if [self.scale.itemData(i) for i in range(self.scale.count())] != scales:
            self.scale.clear()
            for scale in scales:
                self.scale.addItem(scale_words(scale), scale)
        self.scale.setCurrentIndex(self.scale.findData(choice.scale))
        for blocker in blockers:
            blocker.unblock()

    def _choice_changed(self) -> None:
        """An engine keeps the scale chosen where it offers it (the session fits it)."""
        self.session.set_upscale(self.engine.currentData(), self.scale.currentData() or 0)

    # --- adding -------------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> ScanJob:
        """Scan `paths` off the GUI thread; rows arrive in batches."""
        self.status.clear()  # what an earlier drop was told no longer applies
        if self.pool.activeThreadCount() == 0:
            self._finished_jobs.clear()
        job = ScanJob(list(paths), gate=self._reader_gate)
        job.setAutoDelete(False)
        job.signals.thumbnail.connect(self.model.set_thumbnail)
        job.signals.finished.connect(self._on_finished)
        self.jobs.append(job)
        self._set_busy(True)
        self.pool.start(job)
        self._drain_timer.start()
        return job

    def add_image(self, image: QImage) -> None:
        """A pasted or dropped image without a file: sized from the image itself."""
        self.status.clear()
        self._pasted += 1
        name = upscale_text.pasted_name(self._pasted)
        row = Row(name, ImageSize(name, image.width(), image.height(), "pasted"))
        row.thumbnail = image.scaled(
            THUMBNAIL_SIZE,
            THUMBNAIL_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.model.add_rows([row])
        self._refresh_total()

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.drop_area.accept_mime(mime):
            self._say("The clipboard holds no image and no files.")

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Add images to quote",
            "",
            "Images (*.png *.jpg *.jpeg *.webp *.tif *.tiff *.gif *.bmp *.avif *.heic *.heif);;All files (*)",
        )
        if files:
            self.add_paths(files)

    def _drain(self) -> None:
        """Move scan results into the table for at most DRAIN_BUDGET seconds, then yield; the
        reader waits meanwhile (ReaderGate)."""
        if not any(job.results for job in self.jobs):  # nothing to move in (making thumbnails)
            self._drain_for(DRAIN_BUDGET)
            return
        self._reader_gate.hold()
        try:
            self._drain_for(DRAIN_BUDGET)
        finally:  # after the repaint the rows cause, which comes after this slot
            QTimer.singleShot(PAINT_ALLOWANCE_MS, self._reader_gate.release)

    def _drain_for(self, budget: float) -> None:
        deadline = time.perf_counter() + budget
        added = False
        for job in self.jobs:
            # Chunks, so that the budget bounds the time however many results are waiting.
            while job.results and time.perf_counter() < deadline:
                chunk = [job.results.popleft() for _ in range(min(DRAIN_CHUNK, len(job.results)))]
                self._add_results(chunk)
                added = True
            if added:
                job.took_results()
        if self.jobs:
            # Rows (and thumbnails) stay as long as the table: out of the collector's passes with
            # them as they come, or each pass (on this thread) walks every row added since the
            # last, 60 ms for 100,000. Anything else made meanwhile waits for the end of the drop.
            gc.freeze()
            self._frozen = True
        if added:
            self._refresh_total()
        if self.jobs:
            self.progress.setValue(sum(j.seen for j in self.jobs))
        pending = any(j.results for j in self.jobs)
        for job in [j for j in self.jobs if j.done and not j.results and j.reported]:
            self._retire(job)
        if not self.jobs and not pending:
            self._drain_timer.stop()
            self._unfreeze()

    def _unfreeze(self) -> None:
        """What the drop froze goes back to the oldest generation, walked by full passes only."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _add_results(self, batch: list[tuple[str, str, ImageSize | SizeError]]) -> None:
        rows = []
        once = not self.count_duplicates.isChecked()
        for path, key, size in batch:
            if once and key in self._keys:
                self.duplicates_skipped += 1
                continue
            self._keys.add(key)
            rows.append(Row(path, size, key=path))
        self.model.add_rows(rows)

    def _on_finished(self, job: ScanJob, cancelled: bool) -> None:
        job.reported = True
        for kind, n in job.tally.counts().items():
            self.skipped.skipped[kind] = self.skipped.skipped.get(kind, 0) + n
        self.model.flush_thumbnails()
        if cancelled:
            job.results.clear()
            self._say("Reading stopped: the files read so far are quoted.")
        self._drain()

    def _retire(self, job: ScanJob) -> None:
        # Its `finished` arrives (queued) while the reader thread may still be returning from
        # run(): dropping the last reference now would delete the job, and its signals, under
        # that thread (segfaults in libshiboken6). It is kept until no reader thread runs.
        self.jobs.remove(job)
        self._finished_jobs.append(job)
        if self.pool.activeThreadCount() == 0:
            self._finished_jobs.clear()
        if not self.jobs:
            self._set_busy(False)
            self._refresh_total()

    # --- changing ------------------------------------------------------------------------

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
            self._drain_for(DRAIN_BUDGET)  # without holding the reader: this waits for it
        self.model.flush_thumbnails()
        return not self.jobs

    def shut_down(self) -> None:
        """Stop reading and wait for the reader thread: nothing may run on after the window
        (its signals would reach objects that are gone)."""
        self.cancel()
        self.pool.waitForDone()
        self._drain_timer.stop()
        self._unfreeze()
        self._finished_jobs.clear()

    def estimate_item(self) -> UpscaleItem | None:
        """The selected rows (or all) with a size, as one estimate line at this engine and scale."""
        selected = [i.row() for i in self.table.selectionModel().selectedRows()]
        rows = [self.model.rows[r] for r in sorted(selected)] if selected else self.model.rows
        sized = [r for r in rows if r.sized]
        if not sized:
            return None
        sizes = tuple((r.width, r.height) for r in sized)
        label = sized[0].name if len(sized) == 1 else upscale_text.batch_label(len(sized))
        return UpscaleItem(self.model.engine_id, self.model.scale, sizes, 1, label)

    def _add_to_estimate(self) -> None:
        item = self.estimate_item()
        if item is None:
            self._say("Nothing to add: drop or paste images first.")
            return
        self.add_to_estimate.emit(item)

    def remove_selected(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        for r in rows:
            self._keys.discard(real_key(self.model.rows[r].path))
        self.model.remove_rows(rows)
        self._refresh_total()

    def clear(self) -> None:
        self.cancel()
        self.model.clear()
        self._keys.clear()
        self.duplicates_skipped = 0
        self.skipped = ScanTally()
        self.status.clear()
        self._refresh_total()

    def _refresh_total(self) -> None:
        t = self.model.totals()
        engine = self.session.catalog.engine(self.model.engine_id)
        style = locale_numbers.style()
        self.total.setText(upscale_text.headline(engine.name, self.model.scale, t.quote, t.quoted, style))
        self.total.setToolTip(tooltip(f"Exactly: {quotes.exact(t.quote, style)}" if t.quoted else ""))
        self.counts.setText(
            upscale_text.batch_words(
                t.quote,
                t.quoted,
                t.skipped,
                self.duplicates_skipped,
                self.skipped.counts(),
                t.may_cost_more,
                style,
            )
        )
        self.totals_changed.emit(t)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    def _say(self, text: str) -> None:
        """The whole text under the table; its first sentence in the status bar, which is one
        line beside the prices' date and cut the rest off."""
        self.status.setText(text)
        first, dot, _rest = text.partition(". ")
        self.message.emit(first + dot.strip())
