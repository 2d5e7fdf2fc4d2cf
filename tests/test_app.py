"""Starting the window: without a display it says so and how to use the command line (before Qt
can abort), the self-test runs on its own, the collector is handed back however the window ends,
and a screenshot's words are the words its picture shows, in reading order."""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc import app
from imagine_calc.cli.parser import build_parser


def window_args(*argv: str) -> argparse.Namespace:
    return build_parser(commands=False).parse_args(list(argv))


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Linux with no display variable and no Qt platform set."""
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_on_linux_a_display_is_likely_only_with_a_display_variable(linux: pytest.MonkeyPatch) -> None:
    assert not app._display_likely()
    linux.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app._display_likely()
    linux.delenv("WAYLAND_DISPLAY")
    linux.setenv("DISPLAY", ":0")
    assert app._display_likely()


@pytest.mark.parametrize(
    ("platform", "likely"), [("xcb", False), ("wayland;xcb", False), ("offscreen", True)]
)
def test_a_qt_platform_that_needs_no_display_server_needs_no_display(
    linux: pytest.MonkeyPatch, platform: str, likely: bool
) -> None:
    linux.setenv("QT_QPA_PLATFORM", platform)
    assert app._display_likely() is likely


def test_other_systems_always_have_a_display_to_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert app._display_likely()


def test_without_a_display_the_window_is_not_tried(
    linux: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tried: list[object] = []
    linux.setattr(app, "_run_window", lambda *a: tried.append(a) or 0)
    assert app.run_app(window_args(), None, []) == 1
    assert tried == []
    err = capsys.readouterr().err
    assert err.startswith("imagine-calc: no display found, so the window cannot open (neither DISPLAY nor ")
    assert 'imagine-calc quote "Nano Banana 2"' in err


def test_no_display_says_so_and_how_to_use_the_command_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "imagine_calc"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1
    assert "no display found" in done.stderr and "imagine-calc quote" in done.stderr
    assert "xcb" not in done.stderr


def test_a_screenshot_needs_no_display(linux: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[Path | None] = []
    linux.setattr(app, "_run_window", lambda args, file, qt: asked.append(args.screenshot) or 0)
    assert app.run_app(window_args("--screenshot", str(tmp_path / "shot.png")), None, []) == 0
    assert asked == [tmp_path / "shot.png"]


def test_the_self_test_runs_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import imagine_calc.selftest

    monkeypatch.setattr(imagine_calc.selftest, "run_selftest", lambda: 3)
    monkeypatch.setattr(app, "_run_window", lambda *a: pytest.fail("the self-test opened the window"))
    assert app.run_app(window_args("--selftest"), None, []) == 3


def test_the_collector_is_off_while_the_window_runs_and_back_however_it_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    seen: list[bool] = []

    def window(*_: object) -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("the window failed")

    monkeypatch.setattr(app, "_run_window", window)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        app.run_app(window_args(), None, [])
    assert seen == [False] and gc.isenabled()


def test_the_words_a_picture_shows_in_reading_order(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget

    top = QWidget()
    top.resize(500, 400)
    qtbot.addWidget(top)

    def place(widget: QWidget, x: int, y: int) -> None:
        widget.setParent(top)
        widget.move(x, y)

    place(QLabel("second   line"), 10, 60)
    place(QLabel("first"), 10, 10)
    place(QPushButton("beside it"), 250, 10)
    hidden = QLabel("hidden")
    place(hidden, 10, 100)
    hidden.hide()
    age = QLabel("7 days old")  # the prices' age changes every day: not in the words
    age.setObjectName("catalogAge")
    place(age, 10, 120)
    rich = QLabel("<b>at least</b> 25 &amp; more")
    rich.setTextFormat(Qt.TextFormat.RichText)
    place(rich, 10, 140)
    combo = QComboBox()
    combo.addItems(["1K", "2K"])
    combo.setCurrentIndex(1)
    place(combo, 10, 180)
    table = QTableWidget(1, 2)
    table.setItem(0, 0, QTableWidgetItem("Flux Dev"))
    table.setItem(0, 1, QTableWidgetItem("5"))
    table.setGeometry(10, 230, 400, 120)
    table.setParent(top)
    top.show()
    qtbot.waitExposed(top)
    words = app.shown_words(top).splitlines()
    assert words[:5] == ["first", "beside it", "second line", "at least 25 & more", "2K"]
    assert words[-2:] == ["Flux Dev", "5"]
    assert "hidden" not in words and "7 days old" not in words
