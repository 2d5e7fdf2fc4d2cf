"""The keyboard: no two controls in view answer the same Alt key, Alt+P toggles the prompt
enhancer, and Ctrl+E adds to the estimate from every field of the Generate tab on a real X server
(offscreen Qt has no Emacs-style line-edit keys, so that part runs under Xvfb)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.credits_page import parse_credits_page
from imagine_calc.core.catalog.price_update import diff
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.record_dialog import RecordDialog
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.prices.update_dialog import PriceUpdateDialog
from tests.tools import require

ROOT = Path(__file__).resolve().parents[2]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Alt keys claimed by more than one control the user can see now (menus, tabs, buttons,
    labels of a field, group boxes)."""
    claimed: dict[str, list[str]] = defaultdict(list)

    def claim(text: str, what: str) -> None:
        key = mnemonic(text)
        if key:
            claimed[key].append(f"{what} {text!r}")

    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            claim(action.text(), "menu")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                claim(widget.tabText(i), "tab")
        elif isinstance(widget, QAbstractButton):
            claim(widget.text(), type(widget).__name__)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text(), "label")
        elif isinstance(widget, QGroupBox):
            claim(widget.title(), "group")
    return {key: where for key, where in claimed.items() if len(where) > 1}


def test_no_two_controls_in_view_share_an_alt_key(qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)
        assert clashes(window) == {}, window.tabs.tabText(index)


def test_no_dialog_has_two_controls_on_one_alt_key(qtbot: QtBot, window: MainWindow) -> None:
    record = RecordDialog(
        window.session.catalog, GenerationRequest("nano-banana-2", "2K", "1:1", 2, True), window
    )
    page = (ROOT / "tests" / "fixtures" / "image-credits.md").read_text(encoding="utf-8")
    changed = page.replace("| 49 |", "| 50 |", 1)
    update = PriceUpdateDialog(
        diff(window.session.catalog, parse_credits_page(changed)), "page.md", "2026-12-01", window
    )
    for dialog in (record, update):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clashes(dialog) == {}, dialog.objectName()


def test_alt_p_toggles_the_prompt_enhancer(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.generate)
    window.generate.view.setFocus()
    enhancer = window.generate.settings_panel.enhancer
    was = enhancer.isChecked()
    with qtbot.waitSignal(window.cost_changed):
        qtbot.keyClick(window.generate.view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert enhancer.isChecked() is not was
    assert window.tabs.currentWidget() is window.generate


UNDER_X11 = """
import json, os, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.settings_store import SettingsStore

app = QApplication([])
window = MainWindow(load_with_override(), SettingsStore())
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window, 5000)
result = {"platform": app.platformName()}
tab = window.generate
fields = {"filter": tab.filter, "images": tab.settings_panel.images, "list": tab.view}
for name, field in fields.items():
    field.setFocus()
    QTest.qWait(20)
    before = window.estimates.panel.model.rowCount()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(20)
    result[name] = window.estimates.panel.model.rowCount() - before
# The fields keep their other keys: Ctrl+K (Emacs's kill to end of line) still edits.
window.generate.filter.setText("nano banana")
window.generate.filter.setFocus()
window.generate.filter.setCursorPosition(4)
QTest.keyClick(window.generate.filter, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
result["after_ctrl_k"] = window.generate.filter.text()
print(json.dumps(result))
window.shut_down(keep_working_copy=False)
"""


def test_ctrl_e_adds_to_the_estimate_from_every_field_under_x11(tmp_path: Path) -> None:
    require("xvfb-run", "Xvfb")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "IMAGINE_CALC_CONFIG_DIR": str(tmp_path)}
    env.pop("DISPLAY", None)
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", UNDER_X11],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert {k: result[k] for k in ("filter", "images", "list")} == {"filter": 1, "images": 1, "list": 1}
    assert result["after_ctrl_k"] == "nano"  # proof the X11 line-edit keys are live here
