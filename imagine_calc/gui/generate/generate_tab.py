"""The Generate tab: the model list, the settings, the total and the model's details.

A settings change goes to the session (core/session.py), which makes one GenerateView
(core/pricing/generate_view.py); the list, the settings and the total only show it. The
settings sit right under the total and above the breakdown, so a longer breakdown never
moves a control under the pointer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.language import _, language
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text.catalog import missing_model_words, saved_settings_words
from imagine_calc.core.text.findings import fitted_words
from imagine_calc.core.text.settings import notices
from imagine_calc.gui.generate.cost_bars import CostBars, bar_room
from imagine_calc.gui.generate.find_box import FindBox
from imagine_calc.gui.generate.model_info import affordable_text, model_html
from imagine_calc.gui.generate.model_table import (
    COST,
    HEADERS,
    MAX_RES,
    NAME,
    IdRole,
    ModelFilterProxy,
    ModelTableModel,
)
from imagine_calc.gui.generate.pro_marks import ProMarks
from imagine_calc.gui.generate.recordings import Recordings
from imagine_calc.gui.generate.settings_panel import SettingsPanel
from imagine_calc.gui.generate.total_panel import TotalPanel
from imagine_calc.gui.shared.locale_numbers import style
from imagine_calc.gui.shared.markup import SafeBrowser, plain_label, tooltip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


class GenerateTab(QSplitter):
    """Emits `cost_changed(quote)` once the total shows a new figure, and `add_to_estimate`
    when the user adds the current settings as an estimate line.

    The tab is the splitter itself, with no layout around it: a label whose text changes then
    re-lays out only its own column, not the whole tab (which would repaint the window)."""

    cost_changed = Signal(object)
    add_to_estimate = Signal()
    #: A setting changed to fit the model (its resolution or ratio is not offered), said once.
    notice = Signal(str)

    def __init__(self, session: Session, window: QMainWindow) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("mainSplitter")
        self.session = session
        self._hovered: str | None = None
        self._scrolled = False
        self._detail_html = ""
        #: What the detail pane was last made from (_show_detail).
        self._detail_said: tuple[object, ...] = ()

        self.table_model = ModelTableModel(session.catalog, self)
        self.proxy = ModelFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.filter = QLineEdit(objectName="modelFilter", placeholderText=_("Find a model (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(_("Find a model"))
        self.view = self._make_view()
        self.find_box = FindBox(self.filter, self.view, self.proxy)
        self.settings_panel = SettingsPanel()
        self.settings_panel.changed.connect(self._settings_chosen)
        self.total_panel = TotalPanel()
        self.recordings = Recordings(window, session)
        self.total_panel.record.clicked.connect(lambda: self.recordings.ask(session.request))
        self.add_estimate = QPushButton(_("A&dd to estimate"), objectName="addToEstimateButton")
        self.add_estimate.setToolTip(tooltip(_("Add these settings to the estimate as a line (Ctrl+E)")))
        self.add_estimate.clicked.connect(self.add_to_estimate)
        self.detail = SafeBrowser(objectName="detailPane")
        self.detail.setOpenLinks(False)  # offline: never follow a link from here
        self.detail.setAccessibleName(_("Model details"))
        self.detail.anchorClicked.connect(self.recordings.follow_link)
        self._build_layout()
        self._show(quiet=True)
        session.listen(self._session_changed)
        # What the saved settings lost to fit the prices in use, for the window to say at start
        # (the tab has no window of its own yet, and nothing listens to `notice`).
        asked, request = session.asked, session.request
        self.start_notices: tuple[str, ...] = ()
        if request.model_id != asked.model_id:
            name = session.catalog.model(request.model_id).name
            self.start_notices += (missing_model_words(asked.model_id, name),)
        self.start_notices += tuple(saved_settings_words(fitted_words(n)) for n in session.view.notices)

    # --- building ------------------------------------------------------------------------------

    def _make_view(self) -> QTableView:
        view = QTableView(objectName="modelList")
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        view.setMouseTracking(True)
        rows = view.verticalHeader()
        rows.hide()
        # Rows as tall as the text needs, not the style's roomy default: at the default window
        # size the whole list but a few rows shows, and the chosen model is in view unscrolled.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setAccessibleName(_("Models"))
        header = view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: ResizeToContents would query every cell on every change of settings.
        metrics = view.fontMetrics()
        header.setSectionResizeMode(COST, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(MAX_RES, QHeaderView.ResizeMode.Fixed)
        # The header's own need too (its font, margins and sort mark): a longer language's title.
        cost = metrics.horizontalAdvance("≥ ≈ 00,000.5") + 16 + bar_room(metrics)
        header.resizeSection(COST, max(cost, header.sectionSizeFromContents(COST).width()))
        max_res = metrics.horizontalAdvance(_(HEADERS[MAX_RES])) + 24
        header.resizeSection(MAX_RES, max(max_res, header.sectionSizeFromContents(MAX_RES).width()))
        header.setHighlightSections(False)
        # Each cost as a bar (its ranking at a glance) and Pro models tagged as the CLI tags them.
        view.setItemDelegateForColumn(COST, CostBars(view))
        view.setItemDelegateForColumn(NAME, ProMarks(view))
        # Queued: a row changing under a filter must not re-price the list while the proxy is
        # still removing rows (a model change re-emits dataChanged into that same proxy).
        view.selectionModel().currentRowChanged.connect(
            self._on_current_row, Qt.ConnectionType.QueuedConnection
        )
        view.entered.connect(self._on_hover)
        view.viewport().installEventFilter(self)
        return view

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        models_label = plain_label(_("&Models"))
        models_label.setBuddy(self.view)
        left_layout.addWidget(models_label)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.view, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.total_panel.total)
        right_layout.addWidget(self.settings_panel)
        actions = QHBoxLayout()
        actions.addWidget(self.add_estimate)
        actions.addStretch(1)
        actions.addWidget(self.total_panel.record)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.total_panel)
        right_layout.addWidget(self.detail, 1)

        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)
        self.splitter: QSplitter = self
        self.setTabOrder(self.filter, self.view)
        self.setTabOrder(self.view, self.settings_panel.resolution)
        self.setTabOrder(self.settings_panel.resolution, self.settings_panel.aspect)
        self.setTabOrder(self.settings_panel.aspect, self.settings_panel.images)
        self.setTabOrder(self.settings_panel.images, self.settings_panel.enhancer)
        self.setTabOrder(self.settings_panel.enhancer, self.add_estimate)
        self.setTabOrder(self.add_estimate, self.total_panel.record)

    # --- behaviour -----------------------------------------------------------------------------

    def _settings_chosen(self, resolution: str | None, aspect: str, images: int, enhancer: bool) -> None:
        """What the settings controls say now, for the model in use."""
        req = self.session.request
        self.session.set_request(
            GenerationRequest(req.model_id, resolution or req.resolution, aspect, images, enhancer)
        )

    def _session_changed(self, parts: frozenset[Part]) -> None:
        if Part.REQUEST in parts:
            self._show()
        elif Part.BALANCES in parts:
            self._show_detail(self._hovered or self.session.request.model_id)

    def _show(self, quiet: bool = False) -> None:
        """Show the session's view: the list, the settings, the total and the details."""
        catalog, view = self.session.catalog, self.session.view
        self.settings_panel.show_view(catalog, view)
        self.total_panel.show_view(catalog, view)
        self.table_model.show_view(catalog, view)
        self._select(view.request.model_id)
        self._show_detail(self._hovered or view.request.model_id)
        if view.notices and not quiet:
            self.notice.emit(notices(view))
        self.cost_changed.emit(view.quote)

    def _select(self, model_id: str) -> None:
        """The list's current row follows the model in use, wherever the change came from."""
        current = self.view.currentIndex()
        if current.isValid() and self.proxy.data(current, IdRole) == model_id:
            return
        row = self.table_model.row_of(model_id)
        index = self.proxy.mapFromSource(self.table_model.index(row, NAME)) if row >= 0 else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
            if self._scrolled:
                self.view.scrollTo(index)

    def showEvent(self, event: QShowEvent) -> None:
        """Scroll to the chosen model once the list has its real height: before, it was scrolled
        for a viewport a few rows high, hiding the first rows."""
        super().showEvent(event)
        if not self._scrolled:
            self._scrolled = True
            QTimer.singleShot(0, lambda: self.view.scrollTo(self.view.currentIndex()))

    def _on_current_row(self) -> None:
        current = self.view.currentIndex()  # now, not when the (queued) change was announced
        if not current.isValid():
            return
        model = self.table_model.model_at(self.proxy.mapToSource(current).row())
        if model.id != self.session.request.model_id:
            self.session.select_model(model.id)

    def _on_hover(self, index: QModelIndex) -> None:
        model = self.table_model.model_at(self.proxy.mapToSource(index).row())
        if model.id != self._hovered:
            self._hovered = model.id
            self._show_detail(model.id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.table_model.new_palette()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Leave and self._hovered:
            self._hovered = None
            self._show_detail(self.session.request.model_id)
        return super().eventFilter(watched, event)

    def _show_detail(self, model_id: str) -> None:
        session = self.session
        catalog, view = session.catalog, session.view
        if model_id not in {m.id for m in catalog.models}:
            return
        cell = view.cell(model_id)
        selected = model_id == session.request.model_id
        # the current model's figure is the total above; a hovered one's is said here, under a
        # line that says whose the total above is
        shown = None if selected else (cell.quote or cell.why_not)
        affordable = affordable_text(view, cell.model, session.balances)
        pointed_at = None if selected else catalog.model(session.request.model_id).name
        # What the pane says follows from these alone: a settings change leaves them as they
        # were for the selected model, and its words are not made again (~0.15 ms a change).
        said = (catalog, model_id, shown, affordable, pointed_at, language(), QLocale().name(), style())
        if said == self._detail_said:
            return
        self._detail_said = said
        html = model_html(
            cell.model, shown, catalog=catalog, affordable=affordable, pointed_at_instead_of=pointed_at
        )
        if html != self._detail_html:  # re-laying out rich text costs a frame: only when it changed
            self._detail_html = html
            self.detail.setHtml(html)
