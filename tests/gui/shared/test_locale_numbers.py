"""Figures in the user's locale: grouped as they read them, and grouped under LANG=C too (no
locale chosen is not a wish for "12800")."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.estimate_file import dumps
from imagine_calc.core.paths import config_dir
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers

PROBE = """
import json
from decimal import Decimal
from PySide6.QtWidgets import QApplication, QSpinBox
from imagine_calc.gui.shared import locale_numbers as numbers
app = QApplication([])
numbers.use_a_readable_default()
box = QSpinBox()
box.setRange(0, 100000)
box.setGroupSeparatorShown(True)
box.setValue(12800)
print(json.dumps({"label": numbers.credits(Decimal("12800.5")), "field": box.text()}))
"""


@pytest.mark.parametrize(
    ("lang", "label", "field"),
    [("C.UTF-8", "12,800.5", "12,800"), ("de_DE.UTF-8", "12.800,5", "12.800")],
)
def test_figures_and_fields_are_grouped_under_every_locale(lang: str, label: str, field: str) -> None:
    env = {**os.environ, "LANG": lang, "LC_ALL": lang}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"label": label, "field": field}


def test_a_style_is_made_once_per_locale_and_follows_a_new_default(qapp: object) -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert numbers.style(german).integer(1234567) == "1.234.567"
    before = QLocale()
    try:
        QLocale.setDefault(german)
        numbers.forget_default_style()
        assert numbers.credits(Decimal("1040.25")) == "1.040,25"
    finally:
        QLocale.setDefault(before)
        numbers.forget_default_style()


@pytest.mark.parametrize(
    ("name", "pattern", "written"),
    [
        ("en_US", "M/d/yyyy", "1/9/2027"),  # the short format's own "1/9/27" left the century to guess
        ("de_DE", "dd.MM.yyyy", "09.01.2027"),
        ("sv_SE", "yyyy-MM-dd", "2027-01-09"),
        ("ja_JP", "yyyy/MM/dd", "2027/01/09"),
    ],
)
def test_a_date_is_the_locales_short_date_with_the_whole_year(
    qapp: object, name: str, pattern: str, written: str
) -> None:
    locale = QLocale(name)
    assert numbers.date_format(locale) == pattern
    assert numbers.date(dt.date(2027, 1, 9), locale) == written
    assert numbers.style(locale).date(dt.date(2027, 1, 9)) == written  # what core/text is handed
    moment = dt.datetime(2027, 1, 9, 18, 36)
    assert numbers.date_time(moment, locale).startswith(written + " ")


def test_every_date_the_window_shows_is_written_by_the_one_function(
    qapp: object, make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    """Under a German locale (where ISO and the locale differ): the status bar, the detail pane,
    the date field, the budget's renewal, the recovery prompt and the About box."""
    from imagine_calc.gui.about import about_html
    from imagine_calc.gui.estimate import working_copies

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        numbers.forget_default_style()
        window = make_window()
        as_of = window.session.catalog.as_of
        said, iso = numbers.date(as_of), as_of.isoformat()
        assert said == as_of.strftime("%d.%m.%Y") != iso
        age = window.statusBar().findChild(QLabel, "catalogAge")
        assert f"Prices as of {said} " in age.text() and iso not in age.text()
        detail = window.generate.detail.toPlainText()
        assert f"as of {said}" in detail and iso not in detail
        assert f"prices as of <b>{said}</b>" in about_html(window.session.loaded)
        window.estimates.add([GenerationItem(GenerationRequest("nano-banana-2"), 1)])
        box = window.estimates.panel.budget_box
        box.subscribed.setChecked(True)
        box.subscription.setValue(500)
        box.renewal_set.setChecked(True)
        box.renewal.setDate(QDate(2027, 3, 4))
        assert box.renewal.text() == "04.03.2027"
        assert "lost at renewal on 04.03.2027 unless spent" in window.estimates.panel.budget.text()
        copy = config_dir() / working_copies.FOLDER / f"other{working_copies.SUFFIX}"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(dumps(window.estimates.panel.priced(), window.session.catalog), encoding="utf-8")
        stamp = dt.datetime(2027, 3, 4, 18, 36)
        os.utime(copy, (stamp.timestamp(), stamp.timestamp()))
        assert "last changed 04.03.2027 18:36)" in working_copies.describe("other")
    finally:
        QLocale.setDefault(before)
        numbers.forget_default_style()


@pytest.mark.parametrize("code", ["de", "es", "fr", "pt_BR"])
def test_the_command_line_groups_figures_as_the_window_does(code: str) -> None:
    """One locale, one way of writing a figure: Spanish leaves four digits whole ("2940") and
    groups five ("12.940"), in the window (Qt's CLDR) and on the command line (figures.json)."""
    from imagine_calc.core.numbers import locale_style

    style, qt = locale_style(code), QLocale(code)
    for n in (999, 2940, 12940, 1234567):
        assert style.integer(n) == qt.toString(n), (code, n)
