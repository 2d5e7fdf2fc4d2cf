"""Figures in the user's locale: grouped as they read them, and grouped under LANG=C too (no
locale chosen is not a wish for "12800")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

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
