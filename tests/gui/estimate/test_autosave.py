"""Unsaved work reaches disk within seconds however fast the edits come: the working copy is
written a quarter of a second after the last change, and at most two seconds after the first
change it does not hold yet. A timer restarted by every change never fired during a stream of
edits (a line every 200 ms for 13 s, then a kill, lost all 66 lines)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.estimate_file import EstimateFileError, read_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.estimate_document import AUTOSAVE_MAX_MS, AUTOSAVE_MS, EstimateDocument
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.main_window import MainWindow
from tests.gui.sessions import session_of

REQUEST = GenerationRequest("nano-banana-2", "1K", "1:1", 1, False)


def line(n: int) -> GenerationItem:
    return GenerationItem(REQUEST, 1, f"line {n}")


def lines_on_disk(copy: Path) -> int:
    try:
        return len(read_estimate(copy).estimate.items)
    except EstimateFileError:  # not written yet
        return 0


def test_changes_put_the_write_off_by_a_quarter_second_but_never_past_two_seconds(
    qtbot: QtBot, user_dirs: Path
) -> None:
    now = [100.0]
    model = EstimateTableModel(session_of(load_catalog()))
    document = EstimateDocument(model, clock=lambda: now[0])
    timer = document._timer  # when the next write is due is what this test is about

    def change_at(seconds: float) -> int:
        now[0] = 100.0 + seconds
        model.add([line(1)], "add")
        assert timer.isActive()
        return timer.interval()

    assert change_at(0.0) == AUTOSAVE_MS
    assert change_at(1.0) == AUTOSAVE_MS  # changes keep coming: still a quarter second...
    assert change_at(1.9) == AUTOSAVE_MAX_MS - 1900  # ...but no later than 2 s after the first
    assert change_at(2.5) == 0  # overdue: written as soon as the window is idle

    def write_at(seconds: float) -> None:
        now[0] = 100.0 + seconds
        document.autosave()
        assert document._pending is not None
        document._pending.result()  # written (off the window's thread)

    write_at(2.5)  # the write takes what the window holds: the count starts again...
    assert change_at(2.6) == AUTOSAVE_MS
    assert change_at(4.4) == AUTOSAVE_MAX_MS - 1900  # ...from that write: one every 2 s
    write_at(4.4)
    assert change_at(8.0) == AUTOSAVE_MS  # after a pause, from the first change
    assert change_at(9.95) == AUTOSAVE_MAX_MS - 1950
    document.flush()


def test_the_working_copy_keeps_up_with_a_line_every_200_ms(qtbot: QtBot, window: MainWindow) -> None:
    """A line every 200 ms for 5 s, as fast as a user adds them with Ctrl+E: at every edit the
    working copy on disk holds every line added more than 2 s before (plus slack for a busy
    machine), and it is written again and again while the edits come."""
    panel = window.estimates.show()
    copy = panel.document.session
    samples: list[tuple[float, int, int]] = []  # (seconds, lines added, lines on disk)
    added: list[float] = []  # when each line was added
    start = time.monotonic()

    def edit() -> None:
        now = time.monotonic() - start
        samples.append((now, len(added), lines_on_disk(copy)))
        if now >= 5.0:
            stream.stop()
            return
        panel.add([line(len(added) + 1)])
        added.append(now)

    stream = QTimer(interval=200)
    stream.timeout.connect(edit)
    stream.start()
    qtbot.waitUntil(lambda: not stream.isActive(), timeout=20_000)

    assert len(added) >= 20
    promised, slack = 2.0, 1.0  # slack: a 2-core machine shared with other work runs timers late
    for now, _, on_disk in samples:
        due = sum(1 for t in added if t <= now - promised - slack)
        assert on_disk >= due, f"at {now:.1f} s the working copy held {on_disk} of {due} lines due"
    during_stream = {on_disk for _, _, on_disk in samples}
    assert len(during_stream - {0}) >= 2  # written at least twice while the edits kept coming
    qtbot.waitUntil(lambda: lines_on_disk(copy) == len(added))  # and the last edit too
