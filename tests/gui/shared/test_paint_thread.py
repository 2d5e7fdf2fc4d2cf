"""The window fills and blends on its own thread: no thread pool to wait for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from imagine_calc.gui.shared.paint_thread import NO_POOL, paint_on_window_thread

#: A large half-transparent fill, as a repaint of the window's background would be, and how
#: many threads it started.
FILL = """
import os, sys
if sys.argv[1] == "window":
    from imagine_calc.gui.shared.paint_thread import paint_on_window_thread
    paint_on_window_thread()
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
app = QGuiApplication([])
before = len(os.listdir("/proc/self/task"))
image = QImage(1000, 1000, QImage.Format.Format_ARGB32_Premultiplied)
with QPainter(image) as painter:
    painter.fillRect(0, 0, 1000, 1000, QColor(10, 0, 0, 128))
print(len(os.listdir("/proc/self/task")) - before)
"""


def test_the_window_asks_qt_for_no_thread_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NO_POOL, raising=False)
    paint_on_window_thread()
    assert os.environ[NO_POOL] == "1"


def test_a_value_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_POOL, "yes")
    paint_on_window_thread()
    assert os.environ[NO_POOL] == "yes"


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="threads counted in /proc (Linux)")
def test_a_large_fill_starts_no_thread_in_the_window_where_qt_alone_would() -> None:
    """Checked against this Qt: without the switch the same fill starts the pool's threads, so
    a Qt that renamed or dropped the variable fails here."""
    env = {k: v for k, v in os.environ.items() if k != NO_POOL} | {"QT_QPA_PLATFORM": "offscreen"}

    def started(how: str) -> int:
        run = subprocess.run(
            [sys.executable, "-c", FILL, how], env=env, capture_output=True, text=True, check=True
        )
        return int(run.stdout.split()[-1])

    assert started("qt") > 0
    assert started("window") == 0
