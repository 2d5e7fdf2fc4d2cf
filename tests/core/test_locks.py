"""A window's lock: one holder at a time, even within one process, and free again the moment
its process ends, however it ends (no PID file to judge stale, nothing synced to disk)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from imagine_calc.core.locks import ProcessLock

HOLD = """
import sys, time
from pathlib import Path

import pytest
from imagine_calc.core.locks import ProcessLock
lock = ProcessLock(Path(sys.argv[1]))
print(lock.acquire(), flush=True)
time.sleep(60)
"""


def test_one_holder_at_a_time_even_in_one_process(tmp_path: Path) -> None:
    first, second = ProcessLock(tmp_path / "a.lock"), ProcessLock(tmp_path / "a.lock")
    assert first.acquire() and first.held
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release(delete=True)
    assert not (tmp_path / "a.lock").exists()


def test_a_killed_holder_frees_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "b.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        assert not ProcessLock(path).acquire()  # held by a running process
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        assert ProcessLock(path).acquire()  # free at once: nothing stale to wait out
    finally:
        if holder.poll() is None:
            holder.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_planted_at_the_lock_is_not_followed(tmp_path: Path) -> None:
    """A lock path that is a link to another file is not taken: that file is never opened, so
    it is never created or touched."""
    victim = tmp_path / "client.icalc.json"
    victim.write_bytes(b"client's estimate")
    before = victim.stat()
    lock_path = tmp_path / "ID.lock"
    lock_path.symlink_to(victim)
    dangling = tmp_path / "other.lock"
    dangling.symlink_to(tmp_path / "created-through-the-link")
    assert not ProcessLock(lock_path).acquire()
    assert not ProcessLock(dangling).acquire()
    assert victim.read_bytes() == b"client's estimate" and victim.stat().st_mtime_ns == before.st_mtime_ns
    assert not (tmp_path / "created-through-the-link").exists()
