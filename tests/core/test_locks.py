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


def test_taking_a_lock_already_held_here_keeps_it(tmp_path: Path) -> None:
    lock = ProcessLock(tmp_path / "c.lock")
    assert lock.acquire() and lock.acquire() and lock.held
    assert not ProcessLock(tmp_path / "c.lock").acquire()
    lock.release()
    assert not lock.held


def test_a_lock_whose_file_cannot_be_made_is_not_held(tmp_path: Path) -> None:
    lock = ProcessLock(tmp_path / "no-such-folder" / "d.lock")
    assert not lock.acquire() and not lock.held


def test_a_released_lock_keeps_its_file_unless_told(tmp_path: Path) -> None:
    lock = ProcessLock(tmp_path / "e.lock")
    assert lock.acquire()
    lock.release()
    assert (tmp_path / "e.lock").exists()
    lock.release(delete=True)  # not held: nothing to let go, nothing removed
    assert (tmp_path / "e.lock").exists()


def test_the_lock_file_is_private_to_its_user_in_writing(tmp_path: Path) -> None:
    import os

    old = os.umask(0)
    try:
        lock = ProcessLock(tmp_path / "f.lock")
        assert lock.acquire()
    finally:
        os.umask(old)
    assert (tmp_path / "f.lock").stat().st_mode & 0o777 == 0o644
    lock.release()


def test_a_lock_whose_file_is_already_gone_is_released_and_deleted_quietly(tmp_path: Path) -> None:
    lock = ProcessLock(tmp_path / "g.lock")
    assert lock.acquire()
    (tmp_path / "g.lock").unlink()  # a user cleaning the folder
    lock.release(delete=True)
    assert not lock.held and not (tmp_path / "g.lock").exists()
