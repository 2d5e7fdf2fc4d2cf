"""The gate between the window's thread and the folder reader: held, the reader stops before its
next file until released (never longer than MAX_PAUSE); while reading, the window waits at most
1 ms for the interpreter. How the scan and the panel use it is tests/gui/upscale/test_reader.py."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.gui.upscale.reader_gate import ReaderGate, current_core


def reader(gate: ReaderGate) -> tuple[threading.Thread, threading.Event]:
    """A reader thread at its pause between two files; the event is set once it goes on."""
    went_on = threading.Event()

    def run() -> None:
        gate.pause()
        went_on.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, went_on


def test_an_open_gate_lets_the_reader_straight_on(qtbot: QtBot) -> None:
    _, went_on = reader(ReaderGate())
    qtbot.waitUntil(went_on.is_set, timeout=1000)


def test_a_held_reader_goes_on_only_when_released(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ReaderGate, "MAX_PAUSE", 60.0)  # only the release lets it on
    gate = ReaderGate()
    gate.hold()
    thread, went_on = reader(gate)
    thread.join(0.2)  # it had every chance to go on
    assert thread.is_alive() and not went_on.is_set()
    gate.release()
    qtbot.waitUntil(went_on.is_set, timeout=1000)


def test_a_release_that_never_comes_holds_the_reader_no_longer_than_max_pause(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReaderGate, "MAX_PAUSE", 0.2)
    gate = ReaderGate()
    gate.hold()
    start = time.monotonic()
    _, went_on = reader(gate)
    qtbot.waitUntil(went_on.is_set, timeout=5000)  # it did not wait for ever...
    assert time.monotonic() - start >= 0.15  # ...but it did wait, about MAX_PAUSE


@pytest.fixture
def switch_interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("switch_interval")
def test_reading_never_lengthens_a_shorter_switch_interval() -> None:
    sys.setswitchinterval(0.0005)
    with ReaderGate().reading():
        assert sys.getswitchinterval() == pytest.approx(0.0005)
    assert sys.getswitchinterval() == pytest.approx(0.0005)


@pytest.mark.usefixtures("switch_interval")
def test_the_switch_interval_comes_back_when_reading_fails() -> None:
    sys.setswitchinterval(0.005)
    with pytest.raises(OSError), ReaderGate().reading():
        assert sys.getswitchinterval() == pytest.approx(ReaderGate.SWITCH_INTERVAL)
        raise OSError("the disk went away")
    assert sys.getswitchinterval() == pytest.approx(0.005)


pinning = pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="threads are pinned on Linux only")


def reader_in_reading(gate: ReaderGate) -> tuple[threading.Event, list[set[int]], threading.Thread]:
    """A reader thread, started now, that enters `reading` when told (the event) and notes its
    cores inside and after: a pool thread is often older than the drop it reads."""
    go = threading.Event()
    seen: list[set[int]] = []

    def run() -> None:
        go.wait(5)
        with gate.reading():
            seen.append(os.sched_getaffinity(0))
        seen.append(os.sched_getaffinity(0))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return go, seen, thread


def affinity_in_reading(reader: tuple[threading.Event, list[set[int]], threading.Thread]) -> list[set[int]]:
    go, seen, thread = reader
    go.set()
    thread.join(5)
    return seen


@pinning
def test_while_a_core_is_shared_the_window_and_the_reader_keep_to_it_then_get_theirs_back() -> None:
    """On two idle cores the window's thread, woken for every system call of the reader's, never
    got the interpreter (stalls of 100-175 ms); on one, it runs in the reader's place."""
    cores = os.sched_getaffinity(0)
    gate = ReaderGate()
    older = reader_in_reading(gate)
    try:
        gate.share_core()
        assert gate.core is not None and gate.core in cores
        assert os.sched_getaffinity(0) == {gate.core}
        younger = reader_in_reading(gate)  # started while the window keeps to one core
        assert affinity_in_reading(older) == [{gate.core}, cores]
        assert affinity_in_reading(younger) == [{gate.core}, cores]
    finally:
        gate.unshare_core()
    assert os.sched_getaffinity(0) == cores and gate.core is None
    assert affinity_in_reading(reader_in_reading(gate)) == [cores, cores]  # nothing shared


@pinning
def test_sharing_twice_keeps_the_window_threads_first_cores() -> None:
    cores = os.sched_getaffinity(0)
    gate = ReaderGate()
    try:
        gate.share_core()
        gate.share_core()  # a second drop while the first is read
    finally:
        gate.unshare_core()
    assert os.sched_getaffinity(0) == cores


def test_the_current_core_is_one_the_thread_may_run_on() -> None:
    core = current_core()
    if hasattr(os, "sched_getaffinity") and core is not None:
        assert core in os.sched_getaffinity(0)
