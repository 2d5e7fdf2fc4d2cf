"""Short monkey walks in the suite (benchmarks/monkey.py runs long ones): the window stays
alive and every total stays the core's through hundreds of random real actions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from imagine_calc.gui.main_window import MainWindow
from tests.gui.monkey import Fixtures, Monkey, quiet_message_boxes


@pytest.fixture
def fixtures(tmp_path: Path) -> Iterator[Fixtures]:
    restore = quiet_message_boxes()
    yield Fixtures.make(tmp_path / "files")
    restore()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_random_walk_keeps_the_window_alive_and_honest(
    seed: int, fixtures: Fixtures, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    monkey = Monkey(window, fixtures, seed)
    monkey.run(400)
    assert monkey.steps == 400 and len(set(monkey.log)) > 15  # most kinds of action were tried


@pytest.mark.timeout(300)
@pytest.mark.parametrize("seed", [4, 5])
def test_every_start_opens_the_window_whatever_changed_since_the_last(
    seed: int, fixtures: Fixtures, make_window: Callable[[], MainWindow]
) -> None:
    """Quits and starts again between actions, the catalog changed and saved state damaged or
    aged in between (tests/gui/restarts.py)."""
    monkey = Monkey(make_window(), fixtures, seed, start=make_window)
    monkey.actions = [(w * 3 if f == monkey.restart else w, f) for w, f in monkey.actions]
    monkey._weights = [w for w, _ in monkey.actions]
    monkey.run(250)
    assert monkey.starts > 5
