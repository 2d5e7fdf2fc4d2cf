"""Python's cycle collector, run on the window's thread only.

The folder scan and the autosave run Python in other threads, and the collector runs in
whichever thread happens to allocate past its threshold. Collecting a cycle that holds a Qt
object there deletes the object from the wrong thread, which crashes inside libshiboken6 at
some random later moment. So automatic collection is switched off and the same thresholds are
checked on a timer in the window's thread (the approach of pyqtgraph's GarbageCollector).
A reader thread that builds a large graph of short-lived objects (a teammate's file parsed, about
100,000 of them a file) holds the collector meanwhile (`held`): scanning them on the window's
thread took 40-70 ms of it, and they are gone when the reading ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

_lock = threading.Lock()
_holders = 0


@contextmanager
def held() -> Iterator[None]:
    """No collection on the window's thread while a reader builds what the block builds."""
    global _holders
    with _lock:
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1


class MainThreadCollector(QObject):
    #: How many objects the oldest generation held after the last full collection.
    _after_full: int | None = None

    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()
        self.destroyed.connect(lambda *_: gc.enable() if was_enabled else None)

    @staticmethod
    def collect() -> None:
        """Collect the oldest generation whose count is past its threshold, as Python would
        (not while a reader holds the collector: at the next tick after).

        Python also holds back a full collection until the oldest generation has grown by a
        quarter since the last: each walks every long-lived object (the window's 40,000 take
        11-14 ms, a team's shared recordings as many again), and without that rule one ran
        every few seconds of settings changes, into one of them."""
        if _holders:
            return
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = max((g for g in range(3) if counts[g] > thresholds[g]), default=-1)
        if generation == 2 and not MainThreadCollector._full_pass_due():
            generation = 1
        if generation >= 0:
            gc.collect(generation)
        if generation == 2:
            MainThreadCollector._after_full = len(gc.get_objects(generation=2))

    @staticmethod
    def _full_pass_due() -> bool:
        """Whether the oldest generation grew by more than a quarter since the last full pass
        (counted, ~1.5 ms for 60,000 objects, only when its threshold says a pass is due)."""
        before = MainThreadCollector._after_full
        return before is None or len(gc.get_objects(generation=2)) - before > before / 4
