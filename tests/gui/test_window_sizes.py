"""Nothing is cut off at the sizes designers' screens have (issue 25.12): every tab (a full
estimate open, a batch dropped, the team mode) and every dialog at 1024 × 640 and 1366 × 768, light and dark,
at Qt's scale 1 and 1.5, each in a fresh process (the scale is set before Qt starts)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.clipping import clipped

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_no_tab_or_dialog_cuts_its_text_at_common_sizes_light_and_dark(tmp_path: Path, scale: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.window_sizes", str(tmp_path), "--scale", scale],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(done.stdout.splitlines()[-1])
    assert len(found) == 26 == len(list(tmp_path.glob("*.png")))  # 16 tabs (team too), 10 dialogs
    assert not {name: cut for name, cut in found.items() if cut}


def test_the_check_finds_a_scale_box_cut_to_16_and_a_label_cut_short(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItem("Magnific 16×")
    combo.setFixedWidth(50)  # shows "16›" or less
    label = QLabel("Subscription credits")
    label.setFixedWidth(40)
    fits = QPushButton("OK")
    for widget in (combo, label, fits):
        layout.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    cut = clipped(page)
    assert len(cut) == 2 and "'Magnific 16×'" in cut[0] and "'Subscription credits'" in cut[1]
