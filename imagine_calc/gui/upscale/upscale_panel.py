"""Upscale quotes: drop or paste images, pick engine and scale, read each row and the total."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
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
from imagine_calc.core.images.image_size import ImageSize
from imagine_calc.core.language import _
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text import quotes
from imagine_calc.core.text import upscale as upscale_text
from imagine_calc.core.text.sizes import scale as scale_words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import plain_label, tooltip
from imagine_calc.gui.shared.widgets import FillColumn, headline_label
from imagine_calc.gui.upscale.drop_area import DropArea
from imagine_calc.gui.upscale.scan_controller import UpscaleScans
from imagine_calc.gui.upscale.scan_worker import THUMBNAIL_SIZE, ScanJob
from imagine_calc.gui.upscale.upscale_rows import FILE, Row, UpscaleTableModel


class UpscalePanel(QWidget):
    """Emits `totals_changed` whenever rows, engine or scale change the total."""

    totals_changed = Signal(object)
    message = Signal(str)
    #: An UpscaleItem for the estimate: the selected rows, or every quoted row.
    add_to_estimate = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pasted = 0

        self.drop_area = DropArea()
        self.model = UpscaleTableModel(session, self)
        self.table = QTableView(objectName="upscaleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(_("Upscale quotes"))
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
        self.engine.setAccessibleName(_("Upscale engine"))
        self.scale = QComboBox(objectName="scaleCombo")
        self.scale.setAccessibleName(_("Scale"))
        # Its items change with the engine: sized on first show, "16×" was clipped to "16›".
        self.scale.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_duplicates = QCheckBox(_("Count duplicates"), objectName="countDuplicatesCheck")
        self.count_duplicates.setToolTip(tooltip(_("Quote the same file again when it is dropped twice")))
        add = QPushButton(_("Add images…"), objectName="addImagesButton")
        add.clicked.connect(self.choose_files)
        self.remove = QPushButton(_("Remove"), objectName="removeRowsButton")
        self.remove.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setWhatsThis(_("Remove the selected images"))  # Help > Keyboard shortcuts lists it
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.remove_selected)
        clear = QPushButton(_("Clear all"), objectName="clearRowsButton")
        clear.clicked.connect(self.clear)
        self.add_estimate = QPushButton(_("A&dd to estimate"), objectName="addUpscaleToEstimateButton")
        self.add_estimate.setToolTip(
            tooltip(_("Add the selected images (or all of them) to the estimate as one line"))
        )
        self.add_estimate.clicked.connect(self._add_to_estimate)
        self.progress = QProgressBar(objectName="scanProgress")
        self.progress.setRange(0, 0)
        # TRANSLATORS: %v is the number of files read so far (Qt's progress bar fills it in)
        self.progress.setFormat(_("%v files read"))
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(_("Cancel"), objectName="cancelScanButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.total = headline_label("upscaleTotal", _("Upscale total"), 1.4)
        self.counts = plain_label(objectName="upscaleCounts")
        self.counts.setWordWrap(True)
        self.status = plain_label(objectName="upscaleStatus")
        self.status.setWordWrap(True)
        self.scans = UpscaleScans(self.model, self.count_duplicates.isChecked, self)
        self.scans.busy.connect(self._set_busy)
        self.scans.progress.connect(self.progress.setValue)
        self.scans.rows_added.connect(self._refresh_total)
        self.scans.message.connect(self._say)

        controls = QHBoxLayout()
        for text, widget in ((_("E&ngine"), self.engine), (_("&Scale"), self.scale)):
            label = plain_label(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.count_duplicates)
        controls.addStretch(1)
        # What to quote above the rows, what to do with them below (as in the Estimate tab): one
        # row of both was the widest thing in the window, 818 px.
        actions = QHBoxLayout()
        actions.addWidget(add)
        actions.addWidget(self.remove)
        actions.addWidget(clear)
        actions.addStretch(1)
        actions.addWidget(self.add_estimate)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_area)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
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
        return self.scans.add_paths(paths)

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
            self._say(upscale_text.nothing_to_paste())

    def choose_files(self) -> None:
        patterns = "*.png *.jpg *.jpeg *.webp *.tif *.tiff *.gif *.bmp *.avif *.heic *.heif"
        files, _kind = QFileDialog.getOpenFileNames(
            self,
            _("Add images to quote"),
            "",
            _("Images ({patterns})").format(patterns=patterns) + ";;" + _("All files (*)"),
        )
        if files:
            self.add_paths(files)

    # --- changing ------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop reading; what was read stays quoted."""
        self.scans.cancel()

    def wait_until_read(self, timeout_ms: int = 60_000) -> bool:
        return self.scans.wait_until_read(timeout_ms)

    def shut_down(self) -> None:
        self.scans.shut_down()

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
            self._say(upscale_text.nothing_to_add())
            return
        self.add_to_estimate.emit(item)

    def remove_selected(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        self.scans.forget([self.model.rows[r] for r in rows])
        self.model.remove_rows(rows)
        self._refresh_total()

    def clear(self) -> None:
        self.cancel()
        self.model.clear()
        self.scans.reset()
        self.status.clear()
        self._refresh_total()

    def _refresh_total(self) -> None:
        t = self.model.totals()
        engine = self.session.catalog.engine(self.model.engine_id)
        style = locale_numbers.style()
        self.total.setText(upscale_text.headline(engine.name, self.model.scale, t.quote, t.quoted, style))
        self.total.setToolTip(tooltip(quotes.unrounded(t.quote, style) if t.quoted else ""))
        self.counts.setText(
            upscale_text.batch_words(
                t.quote,
                t.quoted,
                t.skipped,
                self.scans.duplicates_skipped,
                self.scans.skipped.counts(),
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
