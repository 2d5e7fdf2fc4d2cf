"""Quitting never drops unsaved work that could not be kept without asking: with the config
folder full, 200 unsaved lines vanished on quit with only a banner earlier. When the working
copy cannot hold the work (a full disk, a read-only or only temporary folder, an estimate too
large), closing asks: Save as…, Quit anyway or Cancel, and each does what it says."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc.core import writes
from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.estimate_file import read_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate import estimate_document, working_copies
from imagine_calc.gui.estimate.estimate_panel import EstimatePanel
from imagine_calc.gui.main_window import MainWindow
from tests.gui.dialogs import Dialogs
from tests.gui.estimate.test_working_copies import report, saved_estimate, start

REQUEST = GenerationRequest("nano-banana-2", "1K", "1:1", 1, False)
Button = QMessageBox.StandardButton


@pytest.fixture
def config_full(monkeypatch: pytest.MonkeyPatch, user_dirs: Path) -> None:
    """The config folder's disk is full: every write there fails as it would (ENOSPC)."""
    real = writes.write_atomic

    def write(path: Path, data: bytes, follow_links: bool = False) -> None:
        if user_dirs in Path(path).parents:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data, follow_links)

    monkeypatch.setattr(estimate_document, "write_atomic", write)
    monkeypatch.setattr(working_copies, "write_atomic", write)


def titles(dialogs: Dialogs) -> list[str]:
    return [shown.title for shown in dialogs.shown]


def add_lines(panel: EstimatePanel, n: int) -> None:
    panel.add([GenerationItem(REQUEST, 1, f"line {i + 1}") for i in range(n)])


@pytest.fixture
def unsaved_on_a_full_disk(
    dialogs: Dialogs, config_full: None, qtbot: QtBot, window: MainWindow
) -> EstimatePanel:
    panel = window.estimates.show()
    add_lines(panel, 200)
    # Said at once: the first write of the working copy fails, and the banner says why.
    qtbot.waitUntil(lambda: "No space left on device" in window.banner.label.text(), timeout=2000)
    text = window.banner.label.text()
    assert "The working estimate could not be kept: cannot write " in text and "[Errno" not in text
    return panel


def test_cancel_keeps_the_window_and_everything_in_it(
    dialogs: Dialogs, window: MainWindow, unsaved_on_a_full_disk: EstimatePanel
) -> None:
    dialogs.prefer = (Button.Cancel,)
    window.close()
    assert titles(dialogs) == ["Unsaved estimate"]
    assert "No space left on device" in dialogs.shown[0].text
    assert window.isVisible() and unsaved_on_a_full_disk.model.rowCount() == 200
    assert window.estimates.working.copy.lock.held  # nothing was shut down

    dialogs.prefer = (Button.Discard,)  # Quit anyway
    window.close()
    assert titles(dialogs) == ["Unsaved estimate"] * 2 and not window.isVisible()
    assert not window.estimates.working.copy.lock.held


def test_save_as_saves_every_line_then_quits(
    dialogs: Dialogs,
    window: MainWindow,
    unsaved_on_a_full_disk: EstimatePanel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept = tmp_path / "kept.icalc.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(kept), ""))
    dialogs.prefer = (Button.Save,)  # Save as…
    window.close()
    assert not window.isVisible()
    assert [i.label for i in read_estimate(kept).estimate.items] == [f"line {i + 1}" for i in range(200)]


def test_save_as_given_up_or_failing_keeps_the_window_open(
    dialogs: Dialogs,
    window: MainWindow,
    unsaved_on_a_full_disk: EstimatePanel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = iter([("", ""), (str(tmp_path / "not a folder" / "x.icalc.json"), "")])
    (tmp_path / "not a folder").write_text("x")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: next(chosen))
    dialogs.prefer = (Button.Save,)  # Save as…, then Ok to the error
    window.close()  # the file dialog is cancelled
    assert window.isVisible()
    window.close()  # the file cannot be written: said, and the window stays
    assert window.isVisible()
    assert titles(dialogs) == ["Unsaved estimate", "Unsaved estimate", "Estimate not saved"]
    dialogs.prefer = (Button.Discard,)
    window.close()
    assert not window.isVisible()


def test_nothing_unsaved_closes_without_asking_even_on_a_full_disk(
    dialogs: Dialogs, config_full: None, window: MainWindow, tmp_path: Path
) -> None:
    panel = window.estimates.show()
    assert panel.open(saved_estimate(tmp_path / "saved.icalc.json", "saved"))
    window.close()
    assert dialogs.shown == [] and not window.isVisible()


def test_work_the_working_copy_holds_closes_without_asking(
    dialogs: Dialogs, qtbot: QtBot, window: MainWindow
) -> None:
    add_lines(window.estimates.show(), 3)
    window.close()
    assert dialogs.shown == [] and not window.isVisible()


def test_the_question_is_a_real_box_whose_buttons_say_what_they_do(
    config_full: None, qtbot: QtBot, window: MainWindow
) -> None:
    add_lines(window.estimates.show(), 2)
    seen: list[tuple[str, Qt.TextFormat, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return  # not shown yet: the timer comes again
        poll.stop()
        seen.append((box.objectName(), box.textFormat(), [b.text() for b in box.buttons()]))
        quit_anyway = next(b for b in box.buttons() if b.text() == "&Quit anyway")
        quit_anyway.click()

    poll = QTimer(interval=20)
    poll.timeout.connect(answer)
    poll.start()
    window.close()
    assert seen and seen[0][0] == "quitDialog" and seen[0][1] == Qt.TextFormat.PlainText
    assert sorted(seen[0][2]) == ["&Quit anyway", "&Save as…", "Cancel"]
    assert not window.isVisible()


def test_a_temporary_working_folder_asks_and_is_removed_when_the_window_closes(
    dialogs: Dialogs, qtbot: QtBot, user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    (user_dirs / "working-estimates").write_text("not a folder")  # the config folder cannot hold them
    window = make_window()
    copy = window.estimates.working.copy
    assert copy.temporary and copy.folder.is_dir() and user_dirs not in copy.folder.parents
    add_lines(window.estimates.show(), 1)
    qtbot.waitUntil(lambda: copy.estimate.is_file())
    dialogs.prefer = (Button.Discard,)
    window.close()
    assert titles(dialogs) == ["Unsaved estimate"] and str(copy.folder) in dialogs.shown[0].text
    assert not copy.folder.exists()


def test_the_temporary_folder_of_a_window_process_is_gone_after_it_exits(tmp_path: Path) -> None:
    config = tmp_path / "process-config"
    config.mkdir()
    (config / "working-estimates").write_text("not a folder")
    process = start(config)
    seen = report(process)
    assert process.wait(timeout=30) == 0
    folder = Path(str(seen["copy"])).parent
    assert folder.name.startswith("imagine-calc-working-") and not folder.exists()
