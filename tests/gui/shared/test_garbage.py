"""Python's cycle collector runs on the window's thread only: automatic collection is off while
the window lives, and a timer there collects what Python itself would have collected."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.garbage import MainThreadCollector, held

THRESHOLDS = (700, 10, 10)  # Python's defaults


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, str]]]:
    """Each collection asked for: (generation, the thread that asked); gc left as it was found."""
    asked: list[tuple[int, str]] = []

    def collect(generation: int = 2) -> int:
        asked.append((generation, threading.current_thread().name))
        return 0

    monkeypatch.setattr(gc, "get_threshold", lambda: THRESHOLDS)
    monkeypatch.setattr(gc, "collect", collect)
    monkeypatch.setattr(MainThreadCollector, "_after_full", None)  # no full pass yet
    enabled = gc.isenabled()
    yield asked
    if enabled:
        gc.enable()


def test_automatic_collection_is_off_while_the_collector_lives_and_back_after(qtbot: QtBot) -> None:
    assert gc.isenabled()
    owner = QObject()
    MainThreadCollector(owner)
    try:
        assert not gc.isenabled()
    finally:
        with qtbot.waitSignal(owner.destroyed):
            owner.deleteLater()
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("counts", "generation"),
    [
        ((10, 0, 0), None),  # nothing past its threshold: no collection
        ((701, 3, 0), 0),
        ((701, 11, 4), 1),  # the oldest generation past its threshold, as Python picks it
        ((5, 11, 11), 2),
    ],
)
def test_a_collection_takes_the_oldest_generation_past_its_threshold(
    collections: list[tuple[int, str]],
    monkeypatch: pytest.MonkeyPatch,
    counts: tuple[int, int, int],
    generation: int | None,
) -> None:
    monkeypatch.setattr(gc, "get_count", lambda: counts)
    MainThreadCollector.collect()
    assert [g for g, _ in collections] == ([] if generation is None else [generation])


def test_the_timer_collects_on_the_windows_thread(
    qtbot: QtBot, collections: list[tuple[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc, "get_count", lambda: (701, 0, 0))
    owner = QObject()
    MainThreadCollector(owner, interval_ms=10)
    try:
        qtbot.waitUntil(lambda: len(collections) >= 2, timeout=2000)  # again and again, by itself
    finally:
        with qtbot.waitSignal(owner.destroyed):
            owner.deleteLater()
    assert {thread for _, thread in collections} == {threading.main_thread().name}


def test_a_reader_holding_the_collector_puts_collection_off_until_it_lets_go(
    collections: list[tuple[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teammate's file parsed is a graph of short-lived objects: the window's thread does not
    scan it while it lives (40-70 ms a scan), and collects as before once it is gone."""
    monkeypatch.setattr(gc, "get_count", lambda: (701, 0, 0))
    done = threading.Event()
    holding = threading.Event()

    def reader() -> None:
        with held():
            holding.set()
            done.wait(timeout=10)

    thread = threading.Thread(target=reader)
    thread.start()
    holding.wait(timeout=10)
    MainThreadCollector.collect()
    assert collections == []
    done.set()
    thread.join(timeout=10)
    MainThreadCollector.collect()
    assert [g for g, _ in collections] == [0]


@pytest.mark.parametrize(
    ("grown_to", "generation"),
    [
        (1240, 1),  # a quarter more at most: the full pass waits, the younger one runs
        (1260, 2),
    ],
)
def test_a_full_collection_waits_until_the_oldest_generation_grew_by_a_quarter(
    collections: list[tuple[int, str]], monkeypatch: pytest.MonkeyPatch, grown_to: int, generation: int
) -> None:
    """As Python's own collector: a full pass walks every long-lived object (11-14 ms for the
    window's), so it waits until there are a quarter more of them than after the last."""
    monkeypatch.setattr(gc, "get_count", lambda: (5, 11, 11))
    oldest = [1000]
    monkeypatch.setattr(gc, "get_objects", lambda generation=None: [None] * oldest[0])
    MainThreadCollector.collect()  # the first: nothing to compare with
    oldest[0] = grown_to
    MainThreadCollector.collect()
    assert [g for g, _ in collections] == [2, generation]
