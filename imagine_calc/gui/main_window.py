"""The main window: the tabs, the menus, drops anywhere, the banner and what is remembered.

Each tab renders the one Session (core/session.py) and sends its changes there; the window
only composes them. The Upscale and Estimate tabs are built on first use, off the start-up path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.language import _
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text.catalog import prices_in_use
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sharing import shared_notes
from imagine_calc.gui.estimate.estimate_host import EstimateHost
from imagine_calc.gui.generate.generate_tab import GenerateTab
from imagine_calc.gui.prices.shared_watch import SharedWatch
from imagine_calc.gui.shared import locale_numbers, settings_keys
from imagine_calc.gui.shared.banner import Banner
from imagine_calc.gui.shared.languages import add_view_menu
from imagine_calc.gui.shared.markup import fill, message_box, plain_label, tooltip
from imagine_calc.gui.shared.settings_store import SettingsStore
from imagine_calc.gui.shared.widgets import QuietTabWidget, ShortcutsBeforeTyping
from imagine_calc.gui.shortcuts import show_keys_in_tooltips

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDialog

    from imagine_calc.gui.estimate.working_copies import Claim
    from imagine_calc.gui.prices.price_updates import PriceUpdates
    from imagine_calc.gui.prices.update_dialog import PriceUpdateDialog
    from imagine_calc.gui.upscale.upscale_panel import UpscalePanel


#: After this many days the status bar suggests updating the prices from a saved page.
STALE_DAYS = 45
#: The window's narrowest, the same from the start: the widest tab (the Estimate tab's lines
#: beside the budget, 826 px) fits in it, so building a tab never makes the window jump wider,
#: and it fits a 1024-pixel screen with room for a frame.
MIN_WIDTH = 840


class MainWindow(QMainWindow):
    """Emits `cost_changed(quote)` once the Generate tab's total shows the new figure."""

    cost_changed = Signal(object)

    def __init__(
        self,
        loaded: LoadedCatalog,
        store: SettingsStore,
        icon: QIcon | None = None,
        working: Claim | None = None,
    ) -> None:
        super().__init__()
        self.session = Session(loaded, store.request(), store.balances())
        self.store = store
        self.setWindowTitle(_("imagine-calc: ImagineArt credit calculator"))
        if icon is not None:
            self.setWindowIcon(icon)
        self.banner = Banner()
        self.age_label = plain_label(objectName="catalogAge")
        self.statusBar().addPermanentWidget(self.age_label)

        self.generate = GenerateTab(self.session, self)
        self.generate.cost_changed.connect(self.cost_changed)
        self.generate.add_to_estimate.connect(self.add_to_estimate)
        self.generate.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self._upscale: UpscalePanel | None = None
        self.upscale_page = QWidget(objectName="upscalePage")
        self._upscale_layout = QVBoxLayout(self.upscale_page)
        self._upscale_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QuietTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.generate, _("&Generate"))
        self.tabs.addTab(self.upscale_page, _("&Upscale"))
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.estimates = EstimateHost(self, self.tabs, store, self.session, working)
        self.estimates.problem.connect(self.banner.add_message)
        self._prices: PriceUpdates | None = None
        self.shared_watch = SharedWatch(self.session, self)  # a teammate's price, without a restart
        self.shared_watch.failed.connect(self.banner.add_message)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.setMinimumWidth(MIN_WIDTH)
        self.setAcceptDrops(True)  # a drop anywhere goes to the upscale quotes
        self._build_menus()
        # A setting out of bounds, a working copy or file set aside, settings fitted to the prices.
        for problem in [*store.problems, *self.estimates.working.problems, *self.generate.start_notices]:
            self.banner.add_message(problem)
        self.session.listen(self._session_changed)
        self._show_catalog_state(loaded)
        self._restore_geometry()
        self.generate.view.setFocus()

    # --- the catalog in use ------------------------------------------------------------------

    def _session_changed(self, parts: frozenset[Part]) -> None:
        if Part.CATALOG in parts:
            self._show_catalog_state(self.session.loaded)

    def _show_catalog_state(self, loaded: LoadedCatalog) -> None:
        for note in [*loaded.notes, *shared_notes(loaded.shared, locale_numbers.style())]:
            self.banner.add_message(note)
        error = loaded.override_error
        if error is not None:
            first = error.first
            where = f"{first.file}" + (_(", line {n}").format(n=first.line) if first.line else "")
            more = _(" (and {n} more)").format(n=len(error.problems) - 1) if len(error.problems) > 1 else ""
            self.banner.add_message(
                fill(
                    _(
                        "<b>Your override catalog was not used.</b> {}: {}{}{}. Prices shown are the "
                        "bundled catalog's."
                    ),
                    where,
                    (first.key_path + ": ") if first.key_path else "",
                    first.message,
                    more,
                )
            )
        catalog = loaded.catalog
        days = catalog.age_days()
        stale = days > STALE_DAYS
        style = locale_numbers.style()
        self.age_label.setText(prices_in_use(catalog.as_of, days, loaded.override_active, stale, style))
        self.age_label.setToolTip(
            tooltip(
                _(
                    "ImagineArt says its credit costs are updated regularly. Save its Image Credits page "
                    "(Markdown or web page) and use File > Update prices from a saved ImagineArt page, or "
                    "drop the file here."
                )
                if stale
                else _("The date of the prices in use")
            )
        )

    # --- menus and actions -------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        quit_action = QAction(_("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        find = QAction(_("&Find model"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find_model)
        self.addAction(find)
        add_images = QAction(_("&Add images to upscale…"), self, shortcut=QKeySequence.StandardKey.Open)
        add_images.triggered.connect(lambda: self.show_upscale().choose_files())
        file_menu.insertAction(quit_action, add_images)
        paste = QAction(_("&Paste images to upscale"), self, shortcut=QKeySequence.StandardKey.Paste)
        paste.triggered.connect(self.paste_images)
        file_menu.insertAction(quit_action, paste)
        update = QAction(_("&Update prices from a saved ImagineArt page…"), self)
        update.setToolTip(
            tooltip(
                _(
                    "Compare ImagineArt's Image Credits page, saved as Markdown or HTML, with the prices "
                    "in use"
                )
            )
        )
        update.triggered.connect(lambda: self.prices.choose_page())
        file_menu.insertAction(quit_action, update)
        revert = QAction(_("Re&vert prices to before the last change"), self, objectName="revertPricesAction")
        revert.setToolTip(
            tooltip(_("Put your override file back as it was before the last page update or recording"))
        )
        revert.triggered.connect(lambda: self.prices.revert())
        file_menu.insertAction(quit_action, revert)
        self.shared_watch.add_action(self, file_menu, quit_action)  # File > Shared prices folder…
        file_menu.insertSeparator(quit_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.estimates.add_menus(file_menu, add_images, edit_menu)
        add_line = QAction(
            _("Add to es&timate"), self, shortcut=QKeySequence("Ctrl+E"), objectName="addLineAction"
        )
        add_line.triggered.connect(self.add_to_estimate)
        edit_menu.addSeparator()
        edit_menu.addAction(add_line)
        self._shortcuts_first = ShortcutsBeforeTyping(self, [add_line.shortcut()])
        add_view_menu(self, self.store)
        help_menu = self.menuBar().addMenu(_("&Help"))
        keys = QAction(
            _("&Keyboard shortcuts"),
            self,
            shortcut=QKeySequence.StandardKey.HelpContents,
            objectName="shortcutsAction",
        )
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(_("&About imagine-calc"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        show_keys_in_tooltips(self)

    def find_model(self) -> None:
        self.tabs.setCurrentWidget(self.generate)
        self.generate.filter.setFocus()
        self.generate.filter.selectAll()

    def add_to_estimate(self) -> None:
        """The current settings as an estimate line; its count is edited in the Estimate tab."""
        from imagine_calc.core.estimates.estimate import GenerationItem  # off the start-up path

        request = self.session.request
        model = self.session.catalog.model(request.model_id)
        self.estimates.add([GenerationItem(request, 1, model.name)])

    def show_shortcuts(self) -> QDialog:
        """Every shortcut the window has, the tabs' own included (they are built for it)."""
        from imagine_calc.gui.shortcuts import ShortcutsDialog

        self.estimates.panel  # noqa: B018 - built, so its shortcuts are listed
        self.upscale_panel  # noqa: B018
        dialog = ShortcutsDialog(self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from imagine_calc.gui.about import show_about  # imported on first use, off the start-up path

        show_about(self, self.session.loaded)

    @property
    def prices(self) -> PriceUpdates:
        """Price updates from a saved page, made on first use: a menu entry or a drop."""
        if self._prices is None:
            from imagine_calc.gui.prices.price_updates import PriceUpdates

            self._prices = PriceUpdates(self, self.session)
        return self._prices

    def update_prices_from(self, path: Path) -> PriceUpdateDialog | bool:
        """Review a saved ImagineArt page (see PriceUpdates.review)."""
        return self.prices.review(path)

    # --- upscale drops and pastes, anywhere in the window -------------------------------------

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.upscale_page:
            self.upscale_panel  # noqa: B018 - built on first show
        QTimer.singleShot(0, self._fit_widest_tab)  # once the tab is built (the Estimate tab's host)

    def _fit_widest_tab(self) -> None:
        """MIN_WIDTH holds every tab in English; a longer language's may need more (German's
        Estimate tab, 913 px): the window then keeps that much, never cutting a tab's words."""
        self.tabs.updateGeometry()
        central = self.centralWidget()
        needed = central.minimumSizeHint().width() if central is not None else 0
        if needed > self.minimumWidth():
            self.setMinimumWidth(needed)

    @property
    def upscale_is_built(self) -> bool:
        return self._upscale is not None

    @property
    def upscale_panel(self) -> UpscalePanel:
        """The Upscale tab's content, built on first use: its imaging stack (Pillow, the size
        readers, the scan worker) would otherwise add ~30 ms to every start."""
        if self._upscale is None:
            from imagine_calc.gui.upscale.upscale_panel import UpscalePanel

            self._upscale = UpscalePanel(self.session)
            self._upscale.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            self._upscale.add_to_estimate.connect(lambda item: self.estimates.add([item]))
            self._upscale_layout.addWidget(self._upscale)
        return self._upscale

    def show_upscale(self) -> UpscalePanel:
        panel = self.upscale_panel
        self.tabs.setCurrentWidget(self.upscale_page)
        return panel

    def paste_images(self) -> None:
        self.show_upscale().paste()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # With the first drag, not at start: the drop area's words bring the image readers (7 ms).
        from imagine_calc.gui.upscale.drop_area import describe

        if describe(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from imagine_calc.gui.prices.price_updates import dropped_page

        page = dropped_page(event.mimeData())
        if page is not None and self.prices.review(page, dropped=True) is not False:
            event.acceptProposedAction()  # a credits page: reviewed, or it matches the prices
            return
        if self.show_upscale().drop_area.accept_mime(event.mimeData()):
            event.acceptProposedAction()

    def offer_recovery(self, launch: Callable[[str], object] | None = None) -> QDialog | None:
        """Offer the unsaved estimates of windows that closed without saving (a crash, a kill),
        each to open in a window of its own; "Later" keeps them for the next start."""
        idents = self.estimates.working.recoverable
        if not idents:
            return None
        from PySide6.QtWidgets import QMessageBox  # here: its class costs start-up 4 ms

        from imagine_calc.gui.estimate.working_copies import describe, launch_window

        n = len(idents)
        box = message_box(
            self,
            QMessageBox.Icon.Question,
            _("Recover unsaved estimates"),
            plural(
                n,
                "An estimate with unsaved work was left by a window that closed without saving:",
                "{n} estimates with unsaved work were left by windows that closed without saving:",
            ),
            QMessageBox.StandardButton.NoButton,
            informative="\n".join(f"• {describe(i)}" for i in idents)
            + "\n\n"
            + _("Later keeps them: they are offered again at the next start."),
        )
        box.setObjectName("recoverDialog")
        recover = box.addButton(
            plural(n, "&Open in a new window", "&Open in new windows"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(_("&Later"), QMessageBox.ButtonRole.RejectRole)
        start = launch or launch_window

        def chosen(button: object) -> None:
            if button is recover:
                for ident in idents:
                    start(ident)

        box.buttonClicked.connect(chosen)
        box.open()
        return box

    def open_file(self, path: Path) -> None:
        """What double-clicking or "Open with" a file asks for: a saved estimate opens in the
        Estimate tab (after asking about unsaved work), anything else is quoted for upscaling."""
        if path.name.lower().endswith(".json"):
            panel = self.estimates.show()
            if panel.confirm_discard():
                panel.open(path)
        else:
            self.show_upscale().add_paths([str(path)])
        self.raise_()
        self.activateWindow()

    # --- what is remembered ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.store.get(settings_keys.WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(980, 640)
        splitter = self.store.get(settings_keys.SPLITTER)
        if splitter is not None:
            self.generate.restoreState(splitter)

    def save_state(self) -> None:
        self.store.save_request(self.session.request)
        self.store.set(settings_keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.store.set(settings_keys.SPLITTER, self.generate.saveState())
        self.store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved work the working copy could not keep is asked about first (Cancel: the
        window stays, nothing shut down)."""
        if not self.estimates.may_close():
            event.ignore()
            return
        self.shut_down()
        self.save_state()
        super().closeEvent(event)

    def shut_down(self, keep_working_copy: bool = True) -> None:
        """Finish what runs off the window's thread: the folder scan, the working copy
        (not for a screenshot, which must leave the user's session alone)."""
        if self._upscale is not None:
            self._upscale.shut_down()
        self.shared_watch.wait()
        if keep_working_copy:
            self.estimates.flush()
        else:
            self.estimates.working.copy.release()
