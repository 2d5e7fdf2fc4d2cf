"""A file lock the operating system drops when its process ends, for as long as a window runs.

Qt's QLockFile writes a PID into the file, syncs it to disk (fdatasync: 0 to 170 ms at start-up
on a busy disk, measured) and judges staleness by whether that PID still runs. An advisory lock
on an open file (flock, or msvcrt.locking on Windows) needs neither: no write, no sync, and a
crashed or killed process cannot leave it held. Two locks on the same file conflict even within
one process, as two windows of one process must.

The lock file is opened without following a link: a link planted at its path is not a lock this
app can take (the file it points to is never opened, let alone created).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_NO_LINKS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class ProcessLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if no one holds it, without waiting; True if now held here."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NO_LINKS, 0o644)
        except OSError:
            return False
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self, delete: bool = False) -> None:
        """Let the lock go; with `delete`, remove its file first (while still held, so no
        other process takes a lock on a file about to vanish)."""
        if self._fd is None:
            return
        if delete:
            self.path.unlink(missing_ok=True)
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
