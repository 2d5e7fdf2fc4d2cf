"""The window's thread first: the folder reader stands aside while the window works."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator

#: The core a thread ran on last is field 39 of /proc/thread-self/stat, 36th after the name.
_CORE_FIELD = 36


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

    On Linux both threads also run on one core while a drop is read (`share_core`). On two idle
    cores that interval did not hold: the reader gives the interpreter up at every system call
    (several a file) and takes it back within microseconds, and the window's thread, woken on
    its own core each time, came too late, started its 1 ms wait over, and so never asked for
    its turn. perf showed it in CPython's take_gil for 40-180 ms at a time, woken over a thousand
    times, in the folder listing and the header reading (100,000 files, quiet machine: longest
    stall 106-151 ms). On one core the woken window's thread (niceness 0) runs at once in the
    reader's place (niceness 10, scan_worker.stand_back) and finds the interpreter free: 16-23 ms
    in ten runs, and all rows in after 0.83-0.88x the CLI's time (benchmarks/bench_upscale_drop.py).
    """

    #: The longest the reader waits for a release that does not come (it always should).
    MAX_PAUSE = 0.1
    SWITCH_INTERVAL = 0.001

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        #: the core both threads run on while shared, and the window's thread's cores before
        self.core: int | None = None
        self._window_cores: set[int] | None = None

    def hold(self) -> None:
        """In the window's thread: the reader stops before its next file."""
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def is_open(self) -> bool:
        """Whether the reader may run now."""
        return self._open.is_set()

    def share_core(self) -> None:
        """In the window's thread, before reading starts: it keeps to the core it is on, which
        the reader joins (`reading`); nothing where threads cannot be pinned (not Linux)."""
        if self._window_cores is not None or not hasattr(os, "sched_setaffinity"):
            return
        with contextlib.suppress(OSError):  # never fatal: only the stalls come back
            cores = os.sched_getaffinity(0)
            core = current_core()
            self.core = core if core in cores else min(cores)
            os.sched_setaffinity(0, {self.core})
            self._window_cores = cores

    def unshare_core(self) -> None:
        """In the window's thread, once reading is over: its cores as before."""
        cores, self._window_cores = self._window_cores, None
        self.core = None
        if cores is not None:
            with contextlib.suppress(OSError):
                os.sched_setaffinity(0, cores)

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Around the reader's work, in its thread: the window takes the interpreter back
        sooner, and the reader runs on the window's core, if shared, with its cores after."""
        before = sys.getswitchinterval()
        sys.setswitchinterval(min(before, self.SWITCH_INTERVAL))
        # After, the window's cores: a pool thread started while they were shared has only one.
        cores = self._window_cores
        if self.core is not None:
            with contextlib.suppress(OSError):
                os.sched_setaffinity(0, {self.core})
        try:
            yield
        finally:
            sys.setswitchinterval(before)
            if cores is not None:
                with contextlib.suppress(OSError):
                    os.sched_setaffinity(0, cores)

    def pause(self) -> None:
        """In the reader thread, between files: wait while held."""
        if not self._open.is_set():
            self._open.wait(self.MAX_PAUSE)


def current_core() -> int | None:
    """The core the calling thread is on (Linux), None if that cannot be told."""
    try:
        with open("/proc/thread-self/stat", "rb") as stat:
            fields = stat.read(4096).rpartition(b")")[2].split()
        return int(fields[_CORE_FIELD])
    except (OSError, IndexError, ValueError):
        return None
