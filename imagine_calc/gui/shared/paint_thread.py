"""The window paints on its own thread, whole: Qt's raster engine would hand each large fill to
a thread pool and wait for it.

Qt 6 splits a fill or blend of many spans (a repainted column of the model list, a panel's
background behind changed labels) into pieces for its GUI thread pool and waits until every
piece is done. For the window's few hundred thousand pixels per change the hand-off costs
more than the fill, and on a busy machine the pool's thread may wait for a core while the
window waits for it: benchmarks/bench_gui.py on the 2-core VM gave, in runs taking turns,
p50 6.8-7.0 ms and p99 16.6-20.3 ms with the pool, 4.9-5.6 ms and 7.0-8.8 ms without
(2026-12-03). Qt's own switch, QT_NO_GUI_THREADPOOL (read once, at the first fill), turns the
pool off; Qt then fills on the calling thread.
"""

from __future__ import annotations

import os

#: Qt's switch: while it is set, to anything, Qt 6 makes no GUI thread pool.
NO_POOL = "QT_NO_GUI_THREADPOOL"


def paint_on_window_thread() -> None:
    """Before the first paint: fill and blend on the thread that paints (as the user's own
    setting of the variable, if any, already asks)."""
    os.environ.setdefault(NO_POOL, "1")
