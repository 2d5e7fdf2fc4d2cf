"""The main window: model list, settings, total and detail; all figures asked of the core."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.pricing.choices import fit_request, quote_or_reason
from imagine_calc.core.pricing.quotes import GenerationRequest, Quote, quote_generation
from imagine_calc.core.text.formatting import age_text
from imagine_calc.gui.estimate.estimate_host import EstimateHost
from imagine_calc.gui.generate.model_info import affordable_text, model_html
from imagine_calc.gui.generate.model_table import COST, MAX_RES, NAME, ModelFilterProxy, ModelTableModel
from imagine_calc.gui.generate.recordings import Recordings
from imagine_calc.gui.generate.settings_panel import SettingsPanel
from imagine_calc.gui.generate.total_panel import TotalPanel
from imagine_calc.gui.prices.price_updates import PriceUpdates, dropped_page
from imagine_calc.gui.shared.banner import Banner
from imagine_calc.gui.shared.settings_store import SettingsStore
from imagine_calc.gui.shared.widgets import QuietTabWidget, side_by_side
from imagine_calc.gui.upscale.drop_area import describe

if TYPE_CHECKING:
    from imagine_calc.gui.prices.update_dialog import PriceUpdateDialog
    from imagine_calc.gui.upscale.upscale_panel import UpscalePanel

DEFAULT_MODEL = "nano-banana-2"
#: After this many days the status bar suggests updating the prices from a saved page.
STALE_DAYS = 45


class MainWindow(QMainWindow):
    """Emits `cost_changed(quote)` once the total shows the new figure."""

    cost_changed = Signal(object)

    def __init__(self, loaded: LoadedCatalog, store: SettingsStore, icon: QIcon | None = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.catalog = loaded.catalog
        self.store = store
        self.setWindowTitle("imagine-calc: ImagineArt credit calculator")
        if icon is not None:
            self.setWindowIcon(icon)

        self.table_model = ModelTableModel(self.catalog, self)
        self.proxy = ModelFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.filter = QLineEdit(objectName="modelFilter", placeholderText="Find a model (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Find a model")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = self._make_view()
        self.settings_panel = SettingsPanel()
        self.settings_panel.changed.connect(self.set_request)
        self.total_panel = TotalPanel()
        self.recordings = Recordings(self, lambda: self.loaded, self.set_loaded)
        self.total_panel.record.clicked.connect(lambda: self.recordings.ask(self.request))
        self.detail = QTextBrowser(objectName="detailPane")
        self.detail.setOpenLinks(False)  # offline: never follow a link from here
        self.detail.setAccessibleName("Model details")
        self.detail.anchorClicked.connect(self.recordings.follow_link)
        self.banner = Banner()
        self.add_estimate = QPushButton("Add to es&timate", objectName="addToEstimateButton")
        self.add_estimate.setToolTip("Add these settings to the estimate as a line (Ctrl+E)")
        self.add_estimate.clicked.connect(self.add_to_estimate)
        self.balances: Balances = store.balances()

        self._build_layout()
        self._build_menus()
        self._hovered: str | None = None
        self._sized_for: str | None = None  # model whose fullest breakdown the total panel is sized for
        self.request = self._initial_request()
        for problem in store.problems:  # a setting that was out of bounds, a file set aside
            self.banner.add_message(escape(problem))
        self._show_override_state()
        self._restore_geometry()
        self.set_request(self.request, select=True)
        self.view.setFocus()

    # --- building ----------------------------------------------------------------------

    def _make_view(self) -> QTableView:
        view = QTableView(objectName="modelList")
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        view.setMouseTracking(True)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setAccessibleName("Models")
        header = view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: ResizeToContents would query every cell on every change of settings.
        metrics = view.fontMetrics()
        header.setSectionResizeMode(COST, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(MAX_RES, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COST, metrics.horizontalAdvance("≥ 00,000.5 + ?") + 16)
        header.resizeSection(MAX_RES, metrics.horizontalAdvance("Max res.") + 24)
        header.setHighlightSections(False)
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        view.entered.connect(self._on_hover)
        view.viewport().installEventFilter(self)
        return view

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        models_label = QLabel("&Models")
        models_label.setBuddy(self.view)
        left_layout.addWidget(models_label)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.view, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.total_panel)
        right_layout.addWidget(self.add_estimate, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.settings_panel)
        right_layout.addWidget(self.detail, 1)

        self.splitter = side_by_side("mainSplitter", left, right, (3, 2))

        self._upscale: UpscalePanel | None = None
        self.upscale_page = QWidget(objectName="upscalePage")
        QVBoxLayout(self.upscale_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QuietTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.splitter, "&Generate")
        self.tabs.addTab(self.upscale_page, "&Upscale")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(
            lambda index: self.upscale_panel if self.tabs.widget(index) is self.upscale_page else None
        )
        self.estimates = EstimateHost(self, self.tabs, self.store, lambda: self.catalog)
        self.prices = PriceUpdates(self, lambda: self.loaded, self.set_loaded)
        self.estimates.balances_changed.connect(self._set_balances)
        self.estimates.problem.connect(lambda text: self.banner.add_message(escape(text)))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # a drop anywhere goes to the upscale quotes
        self.age_label = QLabel(objectName="catalogAge")
        self.statusBar().addPermanentWidget(self.age_label)
        self.setTabOrder(self.filter, self.view)
        self.setTabOrder(self.view, self.settings_panel.resolution)
        self.setTabOrder(self.settings_panel.resolution, self.settings_panel.aspect)
        self.setTabOrder(self.settings_panel.aspect, self.settings_panel.images)
        self.setTabOrder(self.settings_panel.images, self.settings_panel.enhancer)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        find = QAction("&Find model", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.filter.setFocus(), self.filter.selectAll()))
        self.addAction(find)
        add_images = QAction("&Add images to upscale…", self, shortcut=QKeySequence.StandardKey.Open)
        add_images.triggered.connect(lambda: self.show_upscale().choose_files())
        file_menu.insertAction(quit_action, add_images)
        paste = QAction("&Paste images to upscale", self, shortcut=QKeySequence.StandardKey.Paste)
        paste.triggered.connect(self.paste_images)
        file_menu.insertAction(quit_action, paste)
        update = QAction("&Update prices from a saved ImagineArt page…", self)
        update.setToolTip(
            "Compare ImagineArt's Image Credits page, saved as Markdown or HTML, with the prices in use"
        )
        update.triggered.connect(self.prices.choose_page)
        file_menu.insertAction(quit_action, update)
        revert = QAction("Re&vert prices to before the last change", self, objectName="revertPricesAction")
        revert.setToolTip("Put your override file back as it was before the last page update or recording")
        revert.triggered.connect(self.prices.revert)
        file_menu.insertAction(quit_action, revert)
        file_menu.insertSeparator(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.estimates.add_menus(file_menu, add_images, edit_menu)
        add_line = QAction("Add to es&timate", self, shortcut=QKeySequence("Ctrl+E"))
        add_line.triggered.connect(self.add_to_estimate)
        edit_menu.addSeparator()
        edit_menu.addAction(add_line)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About imagine-calc", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _initial_request(self) -> GenerationRequest:
        saved = self.store.request(DEFAULT_MODEL)
        if saved.model_id not in {m.id for m in self.catalog.models}:
            known = {m.id for m in self.catalog.models}
            saved = replace(
                saved, model_id=DEFAULT_MODEL if DEFAULT_MODEL in known else self.catalog.models[0].id
            )
        return saved

    def _show_override_state(self) -> None:
        error = self.loaded.override_error
        if error is not None:
            first = error.first
            where = f"{first.file}" + (f", line {first.line}" if first.line else "")
            more = f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
            self.banner.add_message(
                f"<b>Your override catalog was not used.</b> {escape(where)}: "
                f"{escape((first.key_path + ': ') if first.key_path else '')}{escape(first.message)}"
                f"{escape(more)}. Prices shown are the bundled catalog's."
            )
        age = self.catalog.age_days()
        stale = age > STALE_DAYS
        self.age_label.setText(
            f"Prices as of {self.catalog.as_of.isoformat()} ({age_text(age)})"
            + (" + your override" if self.loaded.override_active else "")
            + (" · may be stale: File > Update prices" if stale else "")
        )
        self.age_label.setToolTip(
            "ImagineArt says its credit costs are updated regularly. Save its Image Credits page "
            "(Markdown or web page) and use File > Update prices from a saved ImagineArt page, or "
            "drop the file here."
            if stale
            else "The date of the prices in use"
        )

    # --- behaviour ---------------------------------------------------------------------

    def set_request(self, req: GenerationRequest, select: bool = False) -> None:
        """Fit `req` to its model, recompute everything at once, and show it."""
        fitted, notices = fit_request(self.catalog, req)
        self.request = fitted
        quote = quote_generation(self.catalog, fitted)
        self.settings_panel.show_request(self.catalog, fitted, notices)
        fullest = None
        if self._sized_for != fitted.model_id:
            self._sized_for = fitted.model_id
            fullest = quote_generation(self.catalog, replace(fitted, prompt_enhancer=True))
        self.total_panel.show_quote(self.catalog, fitted, quote, fullest)
        self.table_model.set_request(fitted)
        if select:
            self._select(fitted.model_id)
        self._show_detail(self._hovered or fitted.model_id)
        if notices:
            self.statusBar().showMessage(" ".join(notices), 8000)
        self.cost_changed.emit(quote)

    def select_model(self, model_id: str) -> None:
        self.set_request(replace(self.request, model_id=model_id))

    def _select(self, model_id: str) -> None:
        row = self.table_model.row_of(model_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.table_model.index(row, NAME))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        model = self.table_model.model_at(self.proxy.mapToSource(current).row())
        if model.id != self.request.model_id:
            self.select_model(model.id)

    def _on_hover(self, index: QModelIndex) -> None:
        model = self.table_model.model_at(self.proxy.mapToSource(index).row())
        if model.id != self._hovered:
            self._hovered = model.id
            self._show_detail(model.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Leave and self._hovered:
            self._hovered = None
            self._show_detail(self.request.model_id)
        return super().eventFilter(watched, event)

    def _show_detail(self, model_id: str) -> None:
        model = self.catalog.model(model_id)
        current: Quote | str = quote_or_reason(self.catalog, replace(self.request, model_id=model_id))
        self.detail.setHtml(
            model_html(
                model,
                current,
                catalog=self.catalog,
                affordable=affordable_text(
                    self.catalog, replace(self.request, model_id=model_id), self.balances
                ),
            )
        )

    def _set_balances(self, balances: Balances) -> None:
        self.balances = balances
        self._show_detail(self._hovered or self.request.model_id)

    def add_to_estimate(self) -> None:
        """The current settings as an estimate line; its count is edited in the Estimate tab."""
        from imagine_calc.core.estimates.estimate import (
            GenerationItem,  # with the Estimate tab, off the start-up path
        )

        model = self.catalog.model(self.request.model_id)
        self.estimates.add([GenerationItem(self.request, 1, model.name)])

    def show_about(self) -> None:
        from imagine_calc.gui.about import show_about  # imported on first use, off the start-up path

        show_about(self, self.loaded)

    # --- price updates -------------------------------------------------------------------

    def update_prices_from(self, path: Path) -> PriceUpdateDialog | bool:
        """Review a saved ImagineArt page (see PriceUpdates.review)."""
        return self.prices.review(path)

    def set_loaded(self, loaded: LoadedCatalog) -> None:
        """Show a new catalog everywhere at once: list, tooltips, totals, upscale quotes."""
        self.loaded, self.catalog = loaded, loaded.catalog
        self.table_model.set_catalog(self.catalog)
        if self._upscale is not None:
            self._upscale.set_catalog(self.catalog)
        self.estimates.set_catalog(self.catalog)
        self._sized_for = None
        self._show_override_state()
        known = {m.id for m in self.catalog.models}
        model_id = self.request.model_id if self.request.model_id in known else self.catalog.models[0].id
        self.set_request(replace(self.request, model_id=model_id), select=True)

    # --- upscale drops and pastes, anywhere in the window -------------------------------

    @property
    def upscale_is_built(self) -> bool:
        return self._upscale is not None

    @property
    def upscale_panel(self) -> UpscalePanel:
        """The Upscale tab's content, built on first use: its imaging stack (Pillow, the size
        readers, the scan worker) would otherwise add ~30 ms to every start."""
        if self._upscale is None:
            from imagine_calc.gui.upscale.upscale_panel import UpscalePanel

            self._upscale = UpscalePanel(self.catalog)
            self._upscale.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            self._upscale.add_to_estimate.connect(lambda item: self.estimates.add([item]))
            self.upscale_page.layout().addWidget(self._upscale)
        return self._upscale

    def show_upscale(self) -> UpscalePanel:
        panel = self.upscale_panel
        self.tabs.setCurrentWidget(self.upscale_page)
        return panel

    def paste_images(self) -> None:
        self.show_upscale().paste()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if describe(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        page = dropped_page(event.mimeData())
        if page is not None and self.prices.review(page, dropped=True) is not False:
            event.acceptProposedAction()  # a credits page: reviewed, or it matches the prices
            return
        if self.show_upscale().drop_area.accept_mime(event.mimeData()):
            event.acceptProposedAction()

    # --- persistence -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.store.geometry("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(980, 640)
        splitter = self.store.geometry("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.store.save_request(self.request)
        self.store.save_geometry("window/geometry", self.saveGeometry())
        self.store.save_geometry("window/splitter", self.splitter.saveState())
        self.store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        self.save_state()
        super().closeEvent(event)

    def shut_down(self, keep_working_copy: bool = True) -> None:
        """Finish what runs off the window's thread: the folder scan, the working copy
        (not for a screenshot, which must leave the user's session alone)."""
        if self._upscale is not None:
            self._upscale.shut_down()
        if keep_working_copy:
            self.estimates.flush()
