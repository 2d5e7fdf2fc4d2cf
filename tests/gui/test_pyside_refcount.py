"""Guards the Qt binding itself: PySide6 6.12.0 decref'd None on every void call, which
crashes Python 3.11 after a few thousand calls (the window makes that many in minutes)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    label, combo, item = QLabel(), QComboBox(), QStandardItem()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    combo.addItem("a", "a")
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        item.setText("x")
        combo.currentData(Qt.ItemDataRole.UserRole)
    assert abs(sys.getrefcount(None) - before) < 50
