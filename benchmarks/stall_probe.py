"""The event loop's longest stall while the window works: the probe the drop and shared-folder
benchmarks share (run beside them: `python benchmarks/bench_*.py` puts this folder on the path).

A precise timer ticks every TICK_MS; the gaps between its ticks are the stalls. Every tick runs
Python, which takes the interpreter from a reader thread, so a stall is seen to within TICK_MS,
and the benchmark waits in a real event loop rather than polling.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

#: A timer ticks every TICK_MS throughout; a gap between ticks longer than the target is a stall.
TICK_MS = 5


class StallProbe:
    """`gaps` between ticks (ms) of the last `longest_stall`, and `ends`, when each gap ended
    (perf_counter), to tell one part of the work from another."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.ends: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._ticker = QTimer(interval=TICK_MS)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.gaps.append(now - self._last)
        self.ends.append(time.perf_counter())
        self._last = now

    def longest_stall(self, action: Callable[[], object], busy: Callable[[], bool]) -> float:
        """Run `action` from inside the event loop while the ticker runs (its own synchronous
        work counts as a stall too), keep the loop running while `busy()`, then let the
        repaint after the work happen; the longest gap, in ms."""
        self.gaps.clear()
        self.ends.clear()
        loop = QEventLoop()
        poll = QTimer(interval=10)
        poll.timeout.connect(lambda: None if busy() else loop.quit())
        self._clock.restart()
        self._last = 0
        self._ticker.start()
        QTimer.singleShot(TICK_MS, action)
        QTimer.singleShot(TICK_MS * 3, poll.start)
        loop.exec()
        poll.stop()
        settle = QEventLoop()  # the repaint after the work
        QTimer.singleShot(50, settle.quit)
        settle.exec()
        self._ticker.stop()
        return max(self.gaps, default=0.0)
