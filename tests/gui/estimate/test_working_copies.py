"""Two windows, one user: each running window keeps its own working estimate, a new window
takes over the one a closed or killed window left, and offers the others' unsaved work; no
sequence of starts, opens, kills and quits loses a line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.estimate_file import dumps, read_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.working_copies import FOLDER, claim
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.settings_store import SettingsStore

ROOT = Path(__file__).resolve().parents[3]
REQUEST = GenerationRequest("nano-banana-2", "1K", "1:1", 1, False)


def saved_estimate(path: Path, label: str) -> Path:
    catalog = load_catalog()
    estimate = Estimate((GenerationItem(REQUEST, 1, label),), label)
    path.write_text(dumps(price_estimate(catalog, estimate), catalog), encoding="utf-8")
    return path


def add_line(qtbot: QtBot, window: MainWindow, label: str) -> None:
    panel = window.estimates.show()
    panel.add([GenerationItem(REQUEST, 1, label)])
    session = panel.document.session
    qtbot.waitUntil(lambda: session.is_file() and label in session.read_text(encoding="utf-8"))


def labels(path: Path) -> list[str]:
    return [item.label for item in read_estimate(path).estimate.items]


def test_two_windows_keep_two_working_copies(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    first, second = make_window(), make_window()
    add_line(qtbot, first, "first window")
    add_line(qtbot, second, "second window")
    one, two = first.estimates.panel.document.session, second.estimates.panel.document.session
    assert one != two
    assert labels(one) == ["first window"] and labels(two) == ["second window"]


def test_a_new_window_adopts_the_newest_orphan_and_offers_the_other(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    first, second = make_window(), make_window()
    add_line(qtbot, first, "older work")
    add_line(qtbot, second, "newer work")
    first.close()
    second.close()  # both quit with unsaved work: both working copies stay

    third = make_window()
    assert [p.label for p in third.estimates.show().model.priced] == ["newer work"]
    launched: list[str] = []
    box = third.offer_recovery(launch=launched.append)
    assert isinstance(box, QMessageBox)
    qtbot.addWidget(box)
    assert "older work" in box.informativeText()
    box.buttons()[0].click()  # Open in a new window
    assert launched == third.estimates.working.recoverable and len(launched) == 1


def test_later_keeps_the_orphans_and_a_saved_one_is_not_offered(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    first = make_window()
    add_line(qtbot, first, "unsaved")
    second = make_window()
    add_line(qtbot, second, "saved")
    second.estimates.panel.document.save(tmp_path / "saved.icalc.json")
    orphan = first.estimates.panel.document.session
    second.close()
    first.close()

    third = make_window()  # adopts the newest: the first window's unsaved estimate
    assert [p.label for p in third.estimates.show().model.priced] == ["unsaved"]
    assert third.estimates.working.recoverable == []  # the saved one is in its file
    assert third.offer_recovery() is None
    assert orphan.exists()


def test_recover_takes_over_exactly_the_estimate_offered(
    qtbot: QtBot, make_window: Callable[[], MainWindow], user_dirs: Path
) -> None:
    first, second = make_window(), make_window()
    add_line(qtbot, first, "pick me")
    add_line(qtbot, second, "not me")
    wanted = first.estimates.panel.document.session.name.removesuffix(".icalc.json")
    first.close()
    second.close()
    working = claim(SettingsStore().estimate_session(), wanted)
    assert working.adopted and working.copy.ident == wanted
    assert labels(working.copy.estimate) == ["pick me"]
    working.copy.release()


def start(config: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IMAGINE_CALC_CONFIG_DIR": str(config)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.gui.estimate.window_process", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def report(process: subprocess.Popen[str]) -> dict[str, object]:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, process.stderr.read() if process.stderr else ""
    result: dict[str, object] = json.loads(line)
    return result


def test_two_processes_one_killed_lose_no_edit(tmp_path: Path) -> None:
    config = tmp_path / "config"
    x = saved_estimate(tmp_path / "x.icalc.json", "X saved")
    y = saved_estimate(tmp_path / "y.icalc.json", "Y saved")
    quit_a = tmp_path / "quit-a"

    a = start(config, "--open", str(x), "--add", "A edit", "--quit-when", str(quit_a))
    time.sleep(0.1)  # started 100 ms apart, as the issue asks
    b = start(config, "--open", str(y), "--add", "B edit", "--quit-when", str(tmp_path / "never"))
    try:
        assert report(a)["labels"] == ["X saved", "A edit"]
        assert report(b)["labels"] == ["Y saved", "B edit"]
        b.send_signal(signal.SIGKILL)  # no chance to save or close
        b.wait(timeout=30)

        c = start(config)  # while A still runs: takes over what B left, not A's
        c_seen = report(c)
        assert c.wait(timeout=30) == 0
        assert c_seen["adopted"] is True and c_seen["labels"] == ["Y saved", "B edit"]

        quit_a.touch()  # A quits as a user would, its edit unsaved
        assert a.wait(timeout=30) == 0
        d = start(config)
        d_seen = report(d)
        assert d.wait(timeout=30) == 0
    finally:
        for process in (a, b):
            if process.poll() is None:
                process.kill()
    # D reopens the newest estimate and offers the other: every edit of both is there.
    offered = [labels(config / FOLDER / f"{ident}.icalc.json") for ident in d_seen["recoverable"]]  # type: ignore[union-attr]
    every = [d_seen["labels"], *offered]
    assert sorted(map(tuple, every)) == [("X saved", "A edit"), ("Y saved", "B edit")]  # type: ignore[arg-type]
