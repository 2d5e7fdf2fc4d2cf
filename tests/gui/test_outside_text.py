"""Text from outside never reaches Qt as markup (gui/shared/markup.py).

Qt renders a string that looks like a tag as rich text, and rich text loads `<img src=...>`
from disk on the window's thread: a FIFO there blocks the window for good. Two checks:

- by reading the code: no widget of the package shows text except through markup.py;
- by attack: a window full of outside text that points at a FIFO (a model name, estimate
  labels and title, a folder name, a setting, a broken estimate's `kind`), every tab drawn,
  every widget and every visible cell hovered and every dialog shown. A watcher process
  notices if anything ever opens the FIFO, and lets it go, so a failure is an assertion,
  not a hang.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.record_dialog import RecordDialog
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.markup import TOOLTIP_START, RichLabel
from imagine_calc.gui.shared.settings_store import SettingsStore
from tests.gui.dialogs import Dialogs
from tests.gui.shown import visible
from tests.images import write_image

GUI = Path(__file__).resolve().parents[2] / "imagine_calc" / "gui"
MARKUP = "shared/markup.py"

#: Constructors that would show text Qt may take for markup: only markup.py makes these.
CONSTRUCTED_IN_MARKUP = {"QLabel", "QMessageBox", "QTextBrowser", "QTextEdit", "QTextDocument", "Html"}
#: QMessageBox's static functions guess the format of their text.
STATIC_BOXES = {"warning", "information", "question", "critical", "about"}
#: Methods that choose a format or set text in a box's guessed format.
METHODS_IN_MARKUP = {"setTextFormat", "setInformativeText", "showText"}


def _is_tooltip_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tooltip"


def _tooltip_names(tree: ast.AST) -> set[str]:
    """Names the module binds to `tooltip(...)`: they may be handed to setToolTip."""
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_tooltip_call(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _violations(tree: ast.AST, rel: str) -> Iterator[str]:
    made_by_tooltip = _tooltip_names(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func, where = node.func, f"{rel}:{node.lineno}"
        for keyword in node.keywords:
            if keyword.arg == "toolTip" and not _is_tooltip_call(keyword.value):
                yield f"{where} toolTip= without markup.tooltip(...)"
        if isinstance(func, ast.Name) and func.id in CONSTRUCTED_IN_MARKUP:
            yield f"{where} {func.id}(...): make it with markup.py"
        if not isinstance(func, ast.Attribute):
            continue
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        if owner == "QMessageBox" and func.attr in STATIC_BOXES:
            yield f"{where} QMessageBox.{func.attr}: use markup.warn / inform / ask"
        if func.attr in METHODS_IN_MARKUP:
            yield f"{where} .{func.attr}(): only markup.py chooses a text format"
        if func.attr == "setToolTip" and node.args:
            arg = node.args[0]
            allowed = (
                _is_tooltip_call(arg)
                or (isinstance(arg, ast.Constant) and arg.value == "")
                or (isinstance(arg, ast.Name) and arg.id in made_by_tooltip)
            )
            if not allowed:
                yield f"{where} setToolTip without markup.tooltip(...)"
        if func.attr == "addRow" and node.args and isinstance(node.args[0], ast.JoinedStr | ast.BinOp):
            yield f"{where} a form label built from text: use plain_label"


def test_no_widget_shows_text_except_through_markup() -> None:
    found = []
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI).as_posix()
        if rel != MARKUP:
            found += _violations(ast.parse(path.read_text(encoding="utf-8")), rel)
    assert not found, "\n".join(found)


def test_the_code_check_finds_each_way_around_markup() -> None:
    """The check above fails on each thing it forbids (else it would pass on anything)."""
    planted = """
QLabel(NAME)
def f(self, name, box):
    tip = tooltip(name)
    QLabel(name)
    QMessageBox.warning(self, "t", name)
    box.setTextFormat(1)
    self.x.setToolTip(name)
    self.x.setToolTip(f"<b>{name}</b>")
    self.x.setToolTip(tip)
    self.x.setToolTip(tooltip(name))
    form.addRow(f"{name}:", w)
    Html(name)
    QPushButton("x", toolTip=name)
"""
    found = list(_violations(ast.parse(planted), "planted.py"))
    lines = sorted(int(v.split(":")[1].split()[0]) for v in found)
    assert lines == [2, 5, 6, 7, 8, 9, 12, 13, 14], found


# --- by attack ---------------------------------------------------------------------------------

WATCH = """
import os, sys, time
fifo, marker = sys.argv[1], sys.argv[2]
while True:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        time.sleep(0.002)
        continue
    with open(marker, "a") as fh:
        fh.write("opened\\n")
    os.close(fd)
"""


class Canary:
    """A FIFO that records, in another process, whether anything opens it for reading (the
    process opens the writing end, which also lets the reader go on at once)."""

    def __init__(self, folder: Path) -> None:
        self.fifo = folder / "canary"
        self.marker = folder / "canary-opened"
        os.mkfifo(self.fifo)
        self._watcher = subprocess.Popen([sys.executable, "-c", WATCH, str(self.fifo), str(self.marker)])

    def opened(self) -> bool:
        return self.marker.exists()

    def stop(self) -> None:
        self._watcher.kill()
        self._watcher.wait()


@pytest.fixture
def canary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Canary]:
    """`<img src=canary>` anywhere in outside text points at the FIFO (a folder name cannot
    hold a slash, so the path is relative: the current folder is the FIFO's)."""
    folder = tmp_path / "den"
    folder.mkdir()
    watched = Canary(folder)
    monkeypatch.chdir(folder)
    yield watched
    watched.stop()


def test_the_canary_notices_a_label_that_takes_outside_text_for_markup(qtbot: QtBot, canary: Canary) -> None:
    """What the attack below relies on: Qt does open the FIFO for a plain QLabel, and goes on."""
    label = QLabel("Shiny <img src=canary>")  # noqa: the unsafe way, on purpose
    qtbot.addWidget(label)
    label.sizeHint()
    assert canary.opened()


HOSTILE = "<img src=canary>"
TYPED = "<b>x</b>"


def _hostile_files(root: Path, override_file: Path, config: Path) -> tuple[Path, Path, Path]:
    override_file.write_text(
        "models:\n"
        "  - id: shiny\n"
        f"    name: 'Shiny {HOSTILE}'\n"
        f"    description: '{HOSTILE} {TYPED}'\n"
        "    price: 3\n    max_resolution: 1K\n    aspect_ratios: ['1:1']\n",
        encoding="utf-8",
    )
    (config / "settings.ini").write_text(f"[quote]\naspect_ratio={HOSTILE}\n", encoding="utf-8")
    estimate = root / "shared.icalc.json"
    estimate.write_text(
        json.dumps(
            {
                "format": "imagine-calc-estimate",
                "format_version": 1,
                "title": f"Client {HOSTILE}",
                "items": [
                    {"kind": "generation", "model": "shiny", "label": HOSTILE, "count": 2},
                    {"kind": "generation", "model": "flux-dev", "label": TYPED},
                    {"kind": "generation", "model": "midjourney-v7", "label": f"{HOSTILE}\n{TYPED}"},
                    {
                        "kind": "upscale",
                        "engine": "topaz",
                        "scale": 2,
                        "sizes": [[640, 480]],
                        "label": HOSTILE,
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    broken = root / "broken.icalc.json"
    broken.write_text(
        json.dumps({"format": "imagine-calc-estimate", "format_version": 1, "items": [{"kind": HOSTILE}]}),
        encoding="utf-8",
    )
    folder = root / HOSTILE
    write_image(folder / f"{HOSTILE}.png", 64, 48)
    return estimate, broken, folder


def _hover(widget: QWidget, pos: QPoint) -> None:
    QApplication.sendEvent(widget, QHelpEvent(QHelpEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    if QToolTip.isVisible():
        for tip in QApplication.topLevelWidgets():
            if tip.metaObject().className() == "QTipLabel":
                tip.grab()  # drawn, as a person would see it
        QToolTip.hideText()


def _sweep(window: MainWindow) -> Iterator[None]:
    """Every tab drawn, every widget and every visible cell hovered, one step at a time."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        yield
        window.grab()
        for widget in window.findChildren(QWidget):
            if widget.isVisible():
                _hover(widget, widget.rect().center())
                yield
        for view in window.findChildren(QAbstractItemView):
            model = view.model()
            if not view.isVisible() or model is None:
                continue
            for row in range(min(model.rowCount(), 40)):
                for col in range(model.columnCount()):
                    rect = view.visualRect(model.index(row, col))
                    if rect.isValid() and view.viewport().rect().contains(rect.center()):
                        _hover(view.viewport(), rect.center())
                yield
    for label in window.findChildren(QLabel):
        label.sizeHint()
        label.grab()


@pytest.mark.timeout(180)
def test_hostile_outside_text_never_loads_a_resource_and_shows_as_typed(
    qtbot: QtBot, canary: Canary, tmp_path: Path, override_file: Path, user_dirs: Path, dialogs: Dialogs
) -> None:
    estimate, broken, folder = _hostile_files(tmp_path, override_file, user_dirs)
    window = MainWindow(load_with_override(), SettingsStore())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert any("aspect_ratio" in m for m in window.banner.messages)  # the bad setting, said

    window.session.set_request(GenerationRequest("shiny"))
    window.open_file(estimate)
    window.open_file(broken)  # refused: its kind is said in a message box, drawn (dialogs.py)
    window.show_upscale().add_paths([str(folder)])
    panel = window.upscale_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.scans.jobs, timeout=10000)
    window.show_about()
    record = RecordDialog(window.session.catalog, window.session.request, window)
    qtbot.addWidget(record)
    record.show()
    record.credits.setText(HOSTILE)  # its error names what was typed
    record.grab()

    # The sweep runs in steps from the event loop while a timer ticks beside it.
    ticks: list[int] = []
    ticker = QTimer(interval=10)
    clock = QTimer()
    clock.start()
    ticker.timeout.connect(lambda: ticks.append(clock.remainingTime()))
    steps = _sweep(window)
    done: list[bool] = []

    def step() -> None:
        if next(steps, "end") == "end":
            done.append(True)
        else:
            QTimer.singleShot(0, step)

    ticker.start()
    QTimer.singleShot(0, step)
    qtbot.waitUntil(lambda: bool(done), timeout=150_000)
    ticker.stop()

    assert not canary.opened(), "outside text was taken for markup and loaded a resource"
    assert len(ticks) > 3, "the event loop kept running through the sweep"
    shown = dialogs.shown
    assert any(s.title == "Estimate not opened" and HOSTILE in s.text for s in shown)
    assert all(s.text_format == Qt.TextFormat.PlainText for s in shown)
    lines = window.estimates.panel.model
    labels = [lines.index(row, 0).data() for row in range(lines.rowCount())]
    assert TYPED in labels and HOSTILE in labels
    assert window.estimates.panel.title.text() == f"Client {HOSTILE}"
    subtotals = window.estimates.panel.subtotals.model()
    names = [subtotals.index(row, 0).data() for row in range(subtotals.rowCount())]
    assert f"Shiny {HOSTILE}" in names  # a cell's text, as typed
    tips = [visible(subtotals.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)) for row in range(len(names))]
    assert any(tip.startswith(f"Shiny {HOSTILE}: ") for tip in tips)  # rich, escaped
    upscale_tip = panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert HOSTILE in visible(upscale_tip) and HOSTILE not in upscale_tip


def _all_tooltips(window: MainWindow) -> Iterator[tuple[str, str]]:
    for widget in window.findChildren(QWidget):
        yield widget.objectName() or type(widget).__name__, widget.toolTip()
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                yield (
                    f"{model.objectName() or type(model).__name__}[{row},{col}]",
                    (model.index(row, col).data(Qt.ItemDataRole.ToolTipRole) or ""),
                )
        for col in range(model.columnCount()):
            tip = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
            yield f"{type(model).__name__} header {col}", tip


def test_every_label_is_plain_or_ours_and_every_tooltip_comes_from_markup(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    """The check by reading the code can miss a widget made another way; this one looks at
    what the window really holds, every tab built and the dialogs open."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.add_to_estimate()  # the estimate's line and labels in use
    window.show_about()
    RecordDialog(window.session.catalog, window.session.request, window).show()
    for widget in QApplication.topLevelWidgets():
        for label in widget.findChildren(QLabel):
            parent = label.parent()
            ours = isinstance(label, RichLabel) or label.textFormat() == Qt.TextFormat.PlainText
            in_our_box = isinstance(parent, QMessageBox) and parent.property("markup") is True
            literal = label.textFormat() == Qt.TextFormat.AutoText and not QtGuiNamespace.mightBeRichText(
                label.text()
            )
            assert ours or in_our_box or literal, f"{label.objectName()}: {label.text()!r}"
    for where, tip in _all_tooltips(window):
        assert not tip or tip.startswith(TOOLTIP_START), f"{where}: {tip[:80]!r}"
