"""The user's balances and, optionally, what a credit costs them; remembered between runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.estimates.money import Rate, parse_plan, parse_rate
from imagine_calc.core.language import _
from imagine_calc.core.limits import LimitError
from imagine_calc.core.text.budget import BudgetLine, exact_rate_words, no_money_words, rate_words
from imagine_calc.gui.estimate.credits_spin import CreditsSpin
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import Html, RichLabel, fill, join, tooltip
from imagine_calc.gui.shared.settings_store import MoneyFields, SettingsStore
from imagine_calc.gui.shared.theme import shortfall_red

#: The date edit's lowest date, shown as "not set": no renewal date was given.
NOT_SET = QDate(2000, 1, 1)


def budget_html(lines: Iterable[BudgetLine], palette: QPalette) -> Html:
    """A budget's sentences (core/text/budget.py, core/text/team.py), one paragraph each (the
    side column is narrow); a shortfall and the warnings in red. The personal and the team
    budget both read this way."""
    red = shortfall_red(palette).name()
    out = []
    for line in lines:
        if line.kind == "short":
            out.append(fill("<p style='color:{}'><b>{}</b></p>", red, line.text))
        elif line.kind == "warning":
            out.append(fill("<p style='color:{}'>{}</p>", red, line.text))
        else:
            out.append(fill("<p>{}</p>", line.text))
    return join("", out)


class BudgetBox(QGroupBox):
    """Emits `changed` on every edit; `balances()` and `rate()` read what is typed now."""

    changed = Signal()

    def __init__(self, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(_("Your balance"), parent)
        self.store = store
        self.subscribed = QCheckBox(_("&Subscribed"), objectName="subscribedCheck")
        self.subscribed.setToolTip(
            tooltip(_("Pro models need an active subscription; free daily credits stop with one."))
        )
        self.subscription = CreditsSpin("subscriptionCredits", _("Subscription credits"))
        self.subscription.setToolTip(
            tooltip(_("Credits of your plan left this month. They do not roll over."))
        )
        # No date until the user gives one: a date edit cannot be empty, so a check box says
        # whether it holds one, and its lowest date reads "not set".
        self.renewal_set = QCheckBox(_("Renews &on:"), objectName="renewalSetCheck")
        self.renewal_set.setToolTip(tooltip(_("Tick to give the day your subscription renews.")))
        self.renewal = QDateEdit(objectName="renewalDate", calendarPopup=True)
        self.renewal.setMinimumDate(NOT_SET)
        self.renewal.setSpecialValueText(_("not set"))
        self.renewal.setDisplayFormat(locale_numbers.date_format())  # as every date of the window
        self.renewal.setAccessibleName(_("Subscription renews on"))
        self.renewal.setToolTip(tooltip(_("Subscription credits left on this day are lost.")))
        self.top_up = CreditsSpin("topUpCredits", _("Top-up credits"))
        self.top_up.setToolTip(tooltip(_("Bought credits: they never expire.")))
        self.free_daily = CreditsSpin("freeDailyCredits", _("Free daily credits"))
        self.free_daily.setToolTip(
            tooltip(
                _(
                    "Accounts without a subscription get free credits each day (100 according to "
                    "ImagineArt's help page; an older version said 50). Type what your account shows."
                )
            )
        )
        # TRANSLATORS: an example of money per credit, with the decimal point your language writes
        self.rate_edit = QLineEdit(objectName="ratePerCredit", placeholderText=_("e.g. 0.012"))
        self.rate_edit.setAccessibleName(_("Money per credit"))
        self.plan_price = QLineEdit(objectName="planPrice", placeholderText=_("price"))
        self.plan_price.setAccessibleName(_("Plan price"))
        self.plan_credits = QLineEdit(objectName="planCredits", placeholderText=_("credits"))
        self.plan_credits.setAccessibleName(_("Plan credits"))
        self.currency = QLineEdit(objectName="currencyEdit", placeholderText="EUR", maxLength=8)
        self.currency.setAccessibleName(_("Currency"))
        self.rate_note = RichLabel(objectName="rateNote", wordWrap=True)

        form = QFormLayout(self)
        form.addRow(self.subscribed)
        form.addRow(_("Subscription:"), self.subscription)
        form.addRow(self.renewal_set, self.renewal)
        form.addRow(_("Top-up:"), self.top_up)
        form.addRow(_("Free today:"), self.free_daily)
        form.addRow(RichLabel(fill(_("<b>Money</b> <small>(optional, only what you type)</small>"))))
        form.addRow(_("Per credit:"), self.rate_edit)
        # Rows of this form, not a form of their own inside it: a nested one was squeezed to a
        # few pixels at the window's minimum size.
        # TRANSLATORS: "or a plan of [price] for [credits]", two rows of a form
        form.addRow(_("or a plan of"), self.plan_price)
        form.addRow(_("for"), self.plan_credits)
        form.addRow(_("Currency:"), self.currency)
        form.addRow(self.rate_note)

        self._load()
        for spin in (self.subscription, self.top_up, self.free_daily):
            spin.valueChanged.connect(self._edited)
        self.subscribed.toggled.connect(self._edited)
        self.renewal.dateChanged.connect(self._edited)
        self.renewal_set.toggled.connect(self._renewal_toggled)
        for edit in (self.rate_edit, self.plan_price, self.plan_credits, self.currency):
            edit.textChanged.connect(self._edited)
        self._enable()

    def _load(self) -> None:
        b = self.store.balances()
        self.subscribed.setChecked(b.subscribed)
        self.subscription.setValue(int(b.subscription))
        self.renewal_set.setChecked(b.renewal is not None)
        renewal = QDate(b.renewal.year, b.renewal.month, b.renewal.day) if b.renewal else NOT_SET
        self.renewal.setDate(max(renewal, NOT_SET))
        self.top_up.setValue(int(b.top_up))
        self.free_daily.setValue(int(b.free_daily))
        money = self.store.money()
        self.rate_edit.setText(money.per_credit)
        self.plan_price.setText(money.plan_price)
        self.plan_credits.setText(money.plan_credits)
        self.currency.setText(money.currency)
        self._show_rate()

    def _edited(self) -> None:
        self._enable()
        self.store.save_balances(self.balances())
        self.store.save_money(
            MoneyFields(
                self.rate_edit.text(), self.plan_price.text(), self.plan_credits.text(), self.currency.text()
            )
        )
        self._show_rate()
        self.changed.emit()

    def _enable(self) -> None:
        subscribed = self.subscribed.isChecked()
        self.subscription.setEnabled(subscribed)
        self.renewal_set.setEnabled(subscribed)
        self.renewal.setEnabled(subscribed and self.renewal_set.isChecked())
        self.free_daily.setEnabled(not subscribed)

    def _renewal_toggled(self, on: bool) -> None:
        """A date to start from once the user says there is one: today, for them to change."""
        with QSignalBlocker(self.renewal):
            if not on:
                self.renewal.setDate(NOT_SET)
            elif self.renewal.date() == NOT_SET:
                self.renewal.setDate(QDate.currentDate())
        self._edited()

    def balances(self) -> Balances:
        d = self.renewal.date()
        given = self.subscribed.isChecked() and self.renewal_set.isChecked() and d != NOT_SET
        return Balances.of_whole(
            self.subscribed.isChecked(),
            self.subscription.value(),
            dt.date(d.year(), d.month(), d.day()) if given else None,
            self.top_up.value(),
            self.free_daily.value(),
        )

    def rate(self) -> Rate | None:
        """The typed rate per credit, else the typed plan's price / credits, else None."""
        try:
            return self._typed_rate()
        except LimitError:
            return None

    def _typed_rate(self) -> Rate | None:
        currency = self.currency.text()
        if self.rate_edit.text().strip():
            return parse_rate(self.rate_edit.text(), currency)
        return parse_plan(self.plan_price.text(), self.plan_credits.text(), currency)

    def _show_rate(self) -> None:
        try:
            rate = self._typed_rate()
        except LimitError as exc:
            self.rate_note.setText(fill("<small>{}</small>", no_money_words(str(exc))))
            self.rate_note.setToolTip("")
            return
        if rate is None:
            self.rate_note.setText("")
            self.rate_note.setToolTip("")
            return
        self.rate_note.setText(fill("<small>{}</small>", rate_words(rate, locale_numbers.style())))
        self.rate_note.setToolTip(tooltip(exact_rate_words(rate, locale_numbers.style())))
