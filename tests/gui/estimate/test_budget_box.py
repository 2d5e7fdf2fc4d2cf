"""The balance box reads what is typed, remembers it for the next start, never invents a
renewal date, and says a rate it cannot use in words rather than guessing money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from imagine_calc.gui.estimate.budget_box import NOT_SET, BudgetBox
from imagine_calc.gui.shared.settings_store import SettingsStore


def box_of(qtbot: QtBot) -> BudgetBox:
    box = BudgetBox(SettingsStore())
    qtbot.addWidget(box)
    return box


def test_a_new_user_has_no_balance_and_no_renewal_date(qtbot: QtBot, user_dirs: Path) -> None:
    box = box_of(qtbot)
    b = box.balances()
    assert (b.subscribed, b.subscription, b.top_up, b.free_daily, b.renewal) == (False, 0, 0, 0, None)
    assert box.renewal.date() == NOT_SET and box.renewal.text() == "not set"
    assert box.rate() is None and box.rate_note.text() == ""


def test_what_is_typed_is_read_and_kept_for_the_next_start(qtbot: QtBot, user_dirs: Path) -> None:
    box = box_of(qtbot)
    with qtbot.waitSignal(box.changed):
        box.subscribed.setChecked(True)
    box.subscription.setValue(8000)
    box.top_up.setValue(3000)
    box.renewal_set.setChecked(True)
    assert box.renewal.date() == QDate.currentDate()  # a day to start from, once asked for
    box.renewal.setDate(QDate(2027, 1, 1))
    box.rate_edit.setText("0.012")
    box.currency.setText("EUR")
    again = box_of(qtbot)  # a new window reads the same settings
    b = again.balances()
    assert (b.subscribed, b.subscription, b.top_up, b.renewal) == (True, 8000, 3000, dt.date(2027, 1, 1))
    rate = again.rate()
    assert rate is not None and rate.per_credit == Decimal("0.012") and rate.currency == "EUR"


def test_free_credits_are_only_for_accounts_without_a_subscription(qtbot: QtBot, user_dirs: Path) -> None:
    box = box_of(qtbot)
    assert box.free_daily.isEnabled() and not box.subscription.isEnabled()
    box.subscribed.setChecked(True)
    assert not box.free_daily.isEnabled() and box.subscription.isEnabled()
    assert not box.renewal.isEnabled()  # until "Renews on" is ticked
    box.renewal_set.setChecked(True)
    assert box.renewal.isEnabled()
    box.renewal_set.setChecked(False)
    assert box.balances().renewal is None and box.renewal.date() == NOT_SET


def test_a_plan_gives_the_rate_when_no_rate_per_credit_is_typed(qtbot: QtBot, user_dirs: Path) -> None:
    box = box_of(qtbot)
    box.plan_price.setText("12")
    box.plan_credits.setText("1000")
    rate = box.rate()
    assert rate is not None and rate.per_credit == Decimal("0.012")
    box.rate_edit.setText("0.02")  # a rate typed wins over the plan
    rate = box.rate()
    assert rate is not None and rate.per_credit == Decimal("0.02")


def test_a_rate_it_cannot_use_is_said_and_shows_no_money(qtbot: QtBot, user_dirs: Path) -> None:
    box = box_of(qtbot)
    box.rate_edit.setText("9" * 30)
    assert box.rate() is None
    assert "no money shown" in box.rate_note.text()
