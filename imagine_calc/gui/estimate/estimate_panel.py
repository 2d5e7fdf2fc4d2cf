"""The Estimate tab: line items, subtotals and total, and whether the balance covers them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.estimates.budget import Balances, BudgetPlan, plan_budget
from imagine_calc.core.estimates.estimate import Item
from imagine_calc.core.estimates.shares import subtotal_shares
from imagine_calc.core.language import _
from imagine_calc.core.session import Session
from imagine_calc.core.text import estimates as words
from imagine_calc.core.text import quotes
from imagine_calc.core.text.breakdown import breakdown
from imagine_calc.core.text.budget import at_your_rate, budget_lines
from imagine_calc.core.text.exports import HEADER
from imagine_calc.gui.estimate.balance_bar import BalanceBar
from imagine_calc.gui.estimate.budget_box import BudgetBox, budget_html
from imagine_calc.gui.estimate.estimate_document import EstimateDocument
from imagine_calc.gui.estimate.estimate_files import EstimateFileCommands
from imagine_calc.gui.estimate.estimate_model import (
    COUNT,
    CREDITS,
    LABEL,
    MEMBER,
    PER_RUN,
    WHAT,
    CountDelegate,
    EstimateTableModel,
)
from imagine_calc.gui.estimate.member_column import MemberDelegate, show_assign_menu
from imagine_calc.gui.estimate.subtotals_view import SubtotalsView
from imagine_calc.gui.estimate.team_panel import TeamPanel
from imagine_calc.gui.estimate.working_copies import Claim
from imagine_calc.gui.shared import locale_numbers, settings_keys
from imagine_calc.gui.shared.markup import Html, RichLabel, fill, join, plain_label, tooltip
from imagine_calc.gui.shared.settings_store import SettingsStore
from imagine_calc.gui.shared.widgets import FillColumn, headline_label, side_by_side


class EstimatePanel(EstimateFileCommands):
    """The estimate's lines, totals and budget; the balances typed go to the session (the model
    list says what they buy). Its file commands (open, save, export) are in estimate_files.py."""

    def __init__(
        self,
        session: Session,
        store: SettingsStore,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        working: Claim | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self._team: TeamPanel | None = None
        self.model = EstimateTableModel(session, self, undo_stack)
        self.document = EstimateDocument(self.model, self, working)
        self.undo_stack = self.model.undo_stack

        self.title = QLineEdit(objectName="estimateTitle", placeholderText=_("Untitled estimate"))
        self.title.setAccessibleName(_("Estimate title"))
        self.title.editingFinished.connect(lambda: self.model.rename(self.title.text().strip()))
        self.model.title_changed.connect(self._show_title)
        self.table = self._make_table()
        self.total = headline_label("estimateTotal", _("Estimate total"), 1.6)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.money = plain_label(objectName="estimateMoney")
        self.by = QComboBox(objectName="subtotalsBy")
        self.by.addItem(_("Subtotals by model"), "group")
        self.by.addItem(_("Subtotals by kind"), "kind")
        self.by.setAccessibleName(_("Group subtotals"))
        self.by.currentIndexChanged.connect(self.refresh)
        self.subtotals = SubtotalsView()
        self.notes = RichLabel(objectName="estimateNotes", wordWrap=True)
        self.changes = RichLabel(objectName="estimateChanges", wordWrap=True)
        self.changes.hide()
        self.budget_box = BudgetBox(store)
        self.budget_box.setTitle("")  # the tab above it says "Your balance"
        self.balance_bar = BalanceBar()
        self.budget = RichLabel(objectName="budgetResult", wordWrap=True)
        self.budget.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.budget.setAccessibleName(_("Budget"))
        self._build_layout()

        self.model.changed.connect(self.refresh)
        self.budget_box.changed.connect(self._balances_edited)
        self.plan: BudgetPlan | None = None
        changes = self.document.restore()
        self.show_changes(changes)
        self.document.opened.connect(lambda: self.show_mode(self.session.team is not None))
        if self.session.team is not None:
            self.show_mode(True)
        self._mode_shown()
        self.refresh()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="estimateTable")
        table.setModel(self.model)
        table.setItemDelegateForColumn(COUNT, CountDelegate(table))
        table.setItemDelegateForColumn(MEMBER, MemberDelegate(self.session, table))
        table.setColumnHidden(MEMBER, True)  # team mode shows it
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda at: show_assign_menu(table, self.session, self.assign_selected, at)
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAccessibleName(_("Estimate lines"))
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        rows.hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        bold = header.fontMetrics()
        # A price not known reads "unknown" in the language ("desconhecido" is wider than any figure).
        unknown = metrics.horizontalAdvance(_("unknown"))
        for col, sample in (  # the widest a cell usually is; the header's text may be wider
            (LABEL, "Typography posters"),
            (COUNT, "1,000"),
            (PER_RUN, "≥ 1,280"),
            (CREDITS, "≥ 128,000"),
        ):
            width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(_(HEADER[col])) * 1.1)
            if col in (PER_RUN, CREDITS):
                width = max(width, unknown)
            header.resizeSection(col, int(width) + 24)
        header.resizeSection(MEMBER, max(metrics.horizontalAdvance(_("Unassigned")), 90) + 24)
        self._fill_what = FillColumn(table, WHAT)
        return table

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for text, name, tip, slot, keys in (
            (_("Move u&p"), "moveUpButton", _("Move the line up"), lambda: self.move_selected(-1), "Ctrl+Up"),
            (
                _("Move &down"),
                "moveDownButton",
                _("Move the line down"),
                lambda: self.move_selected(1),
                "Ctrl+Down",
            ),
            (
                _("&Remove"),
                "removeLineButton",
                _("Remove the selected lines"),
                self.remove_selected,
                "Delete",
            ),
        ):
            sequence = QKeySequence(keys)
            said = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            button = QPushButton(text, objectName=name, toolTip=tooltip(f"{tip} ({said})"))
            button.clicked.connect(slot)
            buttons.addWidget(button)
            shortcut = QShortcut(sequence, self.table)
            shortcut.setWhatsThis(tip)  # Help > Keyboard shortcuts lists it
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        buttons.addStretch(1)
        buttons.addWidget(self.by)

        left = QWidget()
        lines = QVBoxLayout(left)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.addWidget(self.title)
        lines.addWidget(self.changes)
        lines.addWidget(self.table, 3)
        lines.addLayout(buttons)
        lines.addWidget(self.total)
        lines.addWidget(self.money)
        # Subtotals and notes grow with the estimate: they scroll in their own share of the
        # height, so the lines above keep theirs (at the default size they took all but five).
        summary = QWidget(objectName="estimateSummary")
        column = QVBoxLayout(summary)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.subtotals)
        column.addWidget(self.notes)
        column.addStretch(1)
        scroll = QScrollArea(objectName="estimateSummaryScroll")
        scroll.setWidget(summary)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        summary.setAutoFillBackground(False)
        lines.addWidget(scroll, 2)

        self.personal = personal = QWidget(objectName="personalBudget")
        side = QVBoxLayout(personal)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.budget_box)
        side.addWidget(self.balance_bar)
        side.addWidget(self.budget, 1)
        # Your balance | Team: the team's page is built when first shown (team_panel.py).
        self.modes = QTabWidget(objectName="budgetModes")
        self.modes.setDocumentMode(True)
        self.modes.addTab(personal, _("Your ba&lance"))
        self.team_page = QWidget(objectName="teamPage")
        QVBoxLayout(self.team_page).setContentsMargins(0, 0, 0, 0)
        self.modes.addTab(self.team_page, _("Tea&m"))
        self.modes.setCurrentIndex(1 if self.store.get(settings_keys.BUDGET_MODE) == "team" else 0)
        self.modes.currentChanged.connect(self._mode_chosen)

        self.splitter = side_by_side("estimateSplitter", left, self.modes, (3, 1))
        QVBoxLayout(self).addWidget(self.splitter)

    # --- team mode -----------------------------------------------------------------------------

    @property
    def team_mode(self) -> bool:
        return self.modes.currentWidget() is self.team_page

    @property
    def team(self) -> TeamPanel:
        """The team mode's page, built on first use."""
        if self._team is None:
            self._team = TeamPanel(self.session, self.model, self.undo_stack)
            layout = self.team_page.layout()
            assert layout is not None
            layout.addWidget(self._team)
            self._team.show()  # at once, not when the layout's queued show comes
        return self._team

    def show_mode(self, team: bool) -> None:
        self.modes.setCurrentWidget(self.team_page if team else self.personal)
        self._mode_shown()

    def _mode_chosen(self) -> None:
        self.store.set(settings_keys.BUDGET_MODE, "team" if self.team_mode else "balance")
        self._mode_shown()

    def _mode_shown(self) -> None:
        if self.team_mode:
            self.team  # noqa: B018 - built as it is shown
        self.table.setColumnHidden(MEMBER, not self.team_mode)

    def assign_selected(self, member: str) -> None:
        """The selected lines given to `member` ("" unassigned), as one undo step."""
        self.model.assign(self.selected_rows(), member)

    # --- lines ---------------------------------------------------------------------------------

    def add(self, items: Sequence[Item]) -> None:
        if not items:
            return
        self.model.add(items, words.adding_words(len(items)))
        self.table.selectRow(self.model.rowCount() - 1)
        self.message.emit(words.added_words(self.model.priced[-1].label))

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        self.model.remove(rows)
        if self.model.rowCount():
            self.table.selectRow(min(rows[0] if rows else 0, self.model.rowCount() - 1))

    def move_selected(self, by: int) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and self.model.move_line(rows[0], by):
            self.table.selectRow(rows[0] + by)

    # --- totals and budget ---------------------------------------------------------------------

    def balances(self) -> Balances:
        return self.budget_box.balances()

    def _balances_edited(self) -> None:
        self.refresh()
        self.session.set_balances(self.balances())

    def _show_title(self, title: str) -> None:
        if self.title.text() != title:
            self.title.setText(title)

    def refresh(self) -> None:
        priced = self.priced()
        n = len(priced.items)
        style = locale_numbers.style()
        self.total.setText(words.estimate_headline(priced.total, n, style))
        self.total.setToolTip(tooltip(quotes.unrounded(priced.total, style) if n else ""))
        rate = self.budget_box.rate()
        if rate is not None and n:
            shown, exactly = at_your_rate(rate, priced.total, style)
            self.money.setText(shown)
            self.money.setToolTip(tooltip(exactly))
        else:
            self.money.clear()
        self.money.setVisible(bool(self.money.text()))  # no empty line under the total
        by: Literal["group", "kind"] = "kind" if self.by.currentData() == "kind" else "group"
        self.subtotals.show_shares(subtotal_shares(priced, by) if n > 1 else (), by, style)
        notes = breakdown(priced.total, style).remarks()
        self.notes.setText(fill("<small>{}</small>", join("<br>", notes)) if notes else "")
        balances = self.balances()
        self.plan = plan_budget(balances, priced)
        typed = bool(n) and (balances.subscribed or bool(balances.total))
        self.balance_bar.show_plan(self.plan if typed else None, priced.total.estimated)
        if not n:
            self.budget.setText("")
        elif not typed:
            self.budget.setText(fill("<p>{}</p>", words.no_balance_yet()))
        else:
            self.budget.setText(self._budget_html(self.plan, priced.total.estimated))

    def _budget_html(self, plan: BudgetPlan, estimated: bool) -> Html:
        """The budget's sentences (core/text/budget.py), as budget_html shows them."""
        return budget_html(budget_lines(plan, estimated, locale_numbers.style()), self.palette())

    def show_changes(self, changes: list[str]) -> None:
        self.changes.setVisible(bool(changes))
        self.changes.setText(
            fill("<b>{}</b><br>{}", words.repriced_heading(), join("<br>", changes)) if changes else ""
        )
