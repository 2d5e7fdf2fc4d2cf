"""Python's cycle collector, run on the window's thread only.

The folder scan and the autosave run Python in other threads, and the collector runs in
whichever thread happens to allocate past its threshold. Collecting a cycle that holds a Qt
object there deletes the object from the wrong thread, which crashes inside libshiboken6 at
some random later moment. So automatic collection is switched off and the same thresholds are
checked on a timer in the window's thread (the approach of pyqtgraph's GarbageCollector).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
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
        """Collect the oldest generation whose count is past its threshold, as Python would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = max((g for g in range(3) if counts[g] > thresholds[g]), default=-1)
        if generation >= 0:
            gc.collect(generation)
