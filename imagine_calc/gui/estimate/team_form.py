"""The team's pool as typed: the month planned, subscription credits and their renewal, top-ups,
and the auto top-up. Every edit is a step on the estimate's history (team_edits.py); the form
shows whatever team the session holds (an undo, a file opened)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QGroupBox, QWidget

from imagine_calc.core.estimates.team import Team
from imagine_calc.core.estimates.team_typed import whole_limit, with_pool
from imagine_calc.core.language import _
from imagine_calc.gui.estimate.budget_box import NOT_SET
from imagine_calc.gui.estimate.credits_spin import CreditsSpin
from imagine_calc.gui.estimate.team_edits import TeamEdits
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import tooltip


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class TeamForm(QGroupBox):
    """The pool's fields; `show_team` puts a team in them without making a step."""

    def __init__(self, edits: TeamEdits, parent: QWidget | None = None) -> None:
        super().__init__(_("Team pool"), parent)
        self.setObjectName("teamForm")
        self.edits = edits
        # A month, not a day: member limits reset on the first of each month.
        self.month = QDateEdit(objectName="teamMonth")
        self.month.setDisplayFormat("MMMM yyyy")
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month.setAccessibleName(_("Month planned"))
        self.month.setToolTip(tooltip(_("The month this plan is for: member limits reset on the 1st.")))
        self.subscription = CreditsSpin("teamSubscription", _("Subscription credits"))
        self.subscription.setToolTip(tooltip(_("The plan's credits left this month. They do not roll over.")))
        self.renewal_set = QCheckBox(_("Renews &on:"), objectName="teamRenewalSetCheck")
        self.renewal_set.setToolTip(tooltip(_("Tick to give the day your subscription renews.")))
        self.renewal = QDateEdit(objectName="teamRenewal", calendarPopup=True)
        self.renewal.setMinimumDate(NOT_SET)
        self.renewal.setSpecialValueText(_("not set"))
        self.renewal.setDisplayFormat(locale_numbers.date_format())
        self.renewal.setAccessibleName(_("Subscription renews on"))
        self.renewal.setToolTip(tooltip(_("Subscription credits left on this day are lost.")))
        self.top_up = CreditsSpin("teamTopUp", _("Top-up credits"))
        self.top_up.setToolTip(tooltip(_("Bought credits: they never expire.")))
        self.auto = QCheckBox(_("&Auto top-up"), objectName="autoTopUpCheck")
        self.auto.setToolTip(
            tooltip(_("Enterprise plans: credits are bought whenever the pool falls below a threshold."))
        )
        self.threshold = CreditsSpin("autoTopUpThreshold", _("Auto top-up threshold"))
        self.amount = CreditsSpin("autoTopUpAmount", _("Auto top-up amount"), least=1)

        form = QFormLayout(self)
        form.addRow(_("Month:"), self.month)
        form.addRow(_("Subscription:"), self.subscription)
        form.addRow(self.renewal_set, self.renewal)
        form.addRow(_("Top-up:"), self.top_up)
        form.addRow(self.auto)
        # TRANSLATORS: the auto top-up: "when below [threshold]", "buy [amount]"
        form.addRow(_("when below"), self.threshold)
        form.addRow(_("buy"), self.amount)

        self.show_team(None)
        self.month.dateChanged.connect(lambda: self._typed("month"))
        self.subscription.valueChanged.connect(lambda: self._typed("subscription"))
        self.renewal.dateChanged.connect(lambda: self._typed("renewal"))
        self.renewal_set.toggled.connect(self._renewal_toggled)
        self.top_up.valueChanged.connect(lambda: self._typed("top_up"))
        self.auto.toggled.connect(lambda: self._typed("auto"))
        self.threshold.valueChanged.connect(lambda: self._typed("threshold"))
        self.amount.valueChanged.connect(lambda: self._typed("amount"))

    def show_team(self, team: Team | None) -> None:
        """Show `team` (None: a new one's defaults: this month, nothing in the pool)."""
        shown = team or self.edits.team
        blockers = [QSignalBlocker(w) for w in self._fields()]
        self.month.setDate(qdate(shown.month))
        self.subscription.setValue(whole_limit(shown.subscription))
        self.renewal_set.setChecked(shown.renewal is not None)
        self.renewal.setDate(max(qdate(shown.renewal), NOT_SET) if shown.renewal else NOT_SET)
        self.top_up.setValue(whole_limit(shown.top_up))
        auto = shown.auto_top_up
        self.auto.setChecked(auto is not None)
        if auto is not None:
            self.threshold.setValue(whole_limit(auto.threshold))
            self.amount.setValue(whole_limit(auto.amount))
        del blockers
        self._enable()

    def _fields(self) -> tuple[QWidget, ...]:
        return (
            self.month,
            self.subscription,
            self.renewal_set,
            self.renewal,
            self.top_up,
            self.auto,
            self.threshold,
            self.amount,
        )

    def _enable(self) -> None:
        self.renewal.setEnabled(self.renewal_set.isChecked())
        self.threshold.setEnabled(self.auto.isChecked())
        self.amount.setEnabled(self.auto.isChecked())

    def _renewal_toggled(self, on: bool) -> None:
        """A date to start from once the user says there is one: today, for them to change."""
        with QSignalBlocker(self.renewal):
            if not on:
                self.renewal.setDate(NOT_SET)
            elif self.renewal.date() == NOT_SET:
                self.renewal.setDate(QDate.currentDate())
        self._typed("renewal")

    def typed(self) -> Team:
        """The team with the pool as the fields hold it now (members kept)."""
        d = self.renewal.date()
        given = self.renewal_set.isChecked() and d != NOT_SET
        return with_pool(
            self.edits.team,
            pydate(self.month.date()),
            self.subscription.value(),
            pydate(d) if given else None,
            self.top_up.value(),
            (self.threshold.value(), self.amount.value()) if self.auto.isChecked() else None,
        )

    def _typed(self, field: str) -> None:
        self._enable()
        # TRANSLATORS: an undo step, after "Undo" / "Redo" in the Edit menu
        self.edits.set(self.typed(), _("change the team's pool"), field)
