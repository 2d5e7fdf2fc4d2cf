"""A file whose name is not UTF-8 (`photo-\\xff\\xfe.heic`) quoted and added to the estimate: the
line reads "photo-��.heic", and the estimate is kept, saved, exported, reopened and recovered
after a kill like any other. It once stopped every save without a word."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate_file import read_estimate
from imagine_calc.gui.main_window import MainWindow
from tests.gui.dialogs import Dialogs
from tests.gui.estimate.test_working_copies import report, start

HEIC = Path(__file__).resolve().parents[2] / "fixtures" / "heic" / "single.heic"
SHOWN = "photo-\ufffd\ufffd.heic"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="names of raw bytes are POSIX")


def photo(folder: Path) -> Path:
    """A real HEIC photo whose name holds two bytes that are not UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.path.join(os.fsencode(folder), b"photo-\xff\xfe.heic")
    shutil.copyfile(HEIC, raw)
    return Path(os.fsdecode(raw))  # as Python names it: with lone surrogates


def quote_and_add(qtbot: QtBot, window: MainWindow, image: Path) -> None:
    upscale = window.show_upscale()
    upscale.add_paths([str(image)])
    qtbot.waitUntil(lambda: not upscale.scans.jobs and upscale.model.rowCount() == 1, timeout=10_000)
    upscale.add_estimate.click()


@posix_only
def test_a_line_named_by_such_a_file_is_kept_saved_exported_and_reopened(
    dialogs: Dialogs, qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    image = photo(tmp_path / "shots")
    assert "\udcff" in str(image)  # the name really holds lone surrogates
    window = make_window()
    quote_and_add(qtbot, window, image)
    panel = window.estimates.panel
    assert [p.label for p in panel.model.priced] == [SHOWN]

    copy = panel.document.session  # the working copy is written, with the line
    qtbot.waitUntil(lambda: copy.is_file() and SHOWN in copy.read_text(encoding="utf-8"))
    assert window.banner.isHidden()  # no problem to report

    saved = tmp_path / "client.icalc.json"
    assert panel._save_to(saved)
    assert [i.label for i in read_estimate(saved).estimate.items] == [SHOWN]
    for kind in ("csv", "md", "json"):
        out = tmp_path / f"export.{kind}"
        assert panel.export(kind, out)
        assert SHOWN in out.read_bytes().decode("utf-8")  # UTF-8 throughout, the line named
    assert [i["label"] for i in json.loads((tmp_path / "export.json").read_text())["items"]] == [SHOWN]

    panel.new()
    assert panel.model.rowCount() == 0
    assert panel.open(saved)
    assert [p.label for p in panel.model.priced] == [SHOWN]
    assert dialogs.shown == []  # no error at any step

    window.close()  # closes without an exception and without asking: all of it was kept
    assert not window.isVisible()
    assert read_estimate(copy).estimate.items[0].label == SHOWN


@posix_only
def test_an_estimate_file_holding_a_lone_surrogate_opens_and_saves(
    dialogs: Dialogs, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "odd.icalc.json"
    path.write_text(
        '{"format": "imagine-calc-estimate", "format_version": 1, "title": "Spring \\ud800",'
        ' "items": [{"kind": "generation", "label": "Hero \\udcff", "model": "flux-dev"}]}',
        encoding="ascii",
    )
    panel = window.estimates.show()
    assert panel.open(path)
    assert panel.model.title == "Spring \ufffd" and panel.model.priced[0].label == "Hero \ufffd"
    assert panel._save_to(tmp_path / "again.icalc.json")
    assert read_estimate(tmp_path / "again.icalc.json").estimate.title == "Spring \ufffd"
    assert dialogs.shown == []


@posix_only
def test_the_line_is_recovered_after_the_window_process_is_killed(tmp_path: Path) -> None:
    config = tmp_path / "config"
    image = photo(tmp_path / "shots")
    first = start(config, "--quote", str(image), "--quit-when", str(tmp_path / "never"))
    try:
        seen = report(first)  # printed once the working copy on disk holds the line
        assert seen["labels"] == [SHOWN]
        first.send_signal(signal.SIGKILL)  # no chance to save or close
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    again = start(config)
    after = report(again)
    assert again.wait(timeout=30) == 0
    assert after["adopted"] is True and after["labels"] == [SHOWN]
