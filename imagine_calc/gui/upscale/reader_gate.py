"""The window's thread first: the folder reader stands aside while the window works."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator


class ReaderGate:
    """Holds the reader thread while the window's thread moves rows in, and keeps the window's
    waits for the interpreter short while reading.

    Both threads run Python, and only one at a time. With both busy, the window's thread waited
    for the interpreter at every call into Qt and back (5 ms each at most, Python's switch
    interval), so a tick that needed 13 ms of work took 54 and more (100,000 files:
    benchmarks/bench_upscale_drop.py). The window holds the reader for a tick and the repaint
    that follows it, and for any other repaint while reading (the reader stops before its next
    file; UpscaleScans.eventFilter), then releases it; while reading,
    the switch interval is 1 ms, the longest the window waits when it wakes for anything else.
    """

    #: The longest the reader waits for a release that does not come (it always should).
    MAX_PAUSE = 0.1
    SWITCH_INTERVAL = 0.001

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()

    def hold(self) -> None:
        """In the window's thread: the reader stops before its next file."""
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def is_open(self) -> bool:
        """Whether the reader may run now."""
        return self._open.is_set()

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Around the reader's work: the window takes the interpreter back sooner."""
        before = sys.getswitchinterval()
        sys.setswitchinterval(min(before, self.SWITCH_INTERVAL))
        try:
            yield
        finally:
            sys.setswitchinterval(before)

    def pause(self) -> None:
        """In the reader thread, between files: wait while held."""
        if not self._open.is_set():
            self._open.wait(self.MAX_PAUSE)
