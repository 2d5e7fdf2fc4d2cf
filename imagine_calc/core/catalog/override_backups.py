"""The override file's backups: kept before every change, listed in order, put back by revert.

A backup is named `override.yaml.0007.2026-11-27_16-30-05.bak`: the number orders them (one more
than any backup there, so it only grows, whatever the clock does: a clock set back an hour for
the end of summer time, or by hand), the local time is for people. Backups made before
numbering (`override.yaml.2026-11-27_16-30-05.bak`, `...-2.bak`) are all older than any
numbered one, and keep the order of the times in their names.

Backups and set-aside copies are the app's own files, written where no planted link can
redirect them (core/writes.py), and only regular files are ever listed or put back. The override
itself may be the user's link (a dotfiles folder): revert then writes the backup into the file
the link names, and the link stays.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import os
import re
from collections.abc import Callable
from pathlib import Path

from imagine_calc.core.files import read_bytes, stamp
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_OVERRIDE_BYTES
from imagine_calc.core.writes import (
    link_target,
    mode_of,
    replace_file,
    set_aside,
    write_new,
)

#: The clock backups are named by; tests set it.
clock: Callable[[], dt.datetime] = dt.datetime.now

_STAMP = r"\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d"
_NUMBERED = re.compile(rf"\.(\d{{1,12}})\.({_STAMP})\.bak")
_BY_TIME = re.compile(rf"\.({_STAMP})(?:-(\d+))?\.bak")


def _order(suffix: str) -> tuple[int, int, str, int] | None:
    """Where a backup named `override.yaml` + `suffix` goes among the others; None if it is not
    a backup's name. Numbered ones by number; the older kind, before them, by time then -N."""
    m = _NUMBERED.fullmatch(suffix)
    if m:
        return (1, int(m.group(1)), m.group(2), 0)
    m = _BY_TIME.fullmatch(suffix)
    if m:
        return (0, 0, m.group(1), int(m.group(2) or 1))
    return None


def _named(path: Path) -> list[tuple[tuple[int, int, str, int], Path]]:
    if not path.parent.is_dir():
        return []
    found = []
    for p in path.parent.glob(f"{glob.escape(path.name)}.*.bak"):
        order = _order(p.name[len(path.name) :])
        if order is not None:
            found.append((order, p))
    return sorted(found)


def backups(path: Path) -> list[Path]:
    """Backups of the override at `path`, oldest first: regular files only (a link with a
    backup's name is not one the app made, and is never put back)."""
    return [p for _, p in _named(path) if not p.is_symlink() and p.is_file()]


def keep_backup(path: Path, data: bytes, now: dt.datetime | None = None) -> Path:
    """Keep `data` (the override as it was) as the next numbered backup of `path`."""
    taken = [order[1] for order, _ in _named(path) if order[0] == 1]  # links too: never reused
    first = max(taken, default=0) + 1
    when = stamp(now or clock())
    return _claim(lambda n: path.with_name(f"{path.name}.{first + n:04d}.{when}.bak"), write_new, data)


def _claim(name: Callable[[int], Path], put: Callable[[Path, bytes], None], data: bytes) -> Path:
    """`put` `data` at the first of name(0), name(1)... that is free; never over anything."""
    for n in range(1000):
        try:
            put(name(n), data)
        except FileExistsError:
            continue
        return name(n)
    raise FileExistsError(errno.EEXIST, _("no free name"), str(name(0)))


def revert(path: Path, now: dt.datetime | None = None) -> tuple[Path, Path | None]:
    """Put the newest backup back: returns (the backup restored, where the current file was
    set aside, or None when there was none). The backup is used up, so reverting again goes
    one step further back. Raises FileNotFoundError when there is no backup, OSError when a
    file cannot be read or written."""
    found = backups(path)
    if not found:
        raise FileNotFoundError(_("no backup of {path} to go back to").format(path=path))
    newest = found[-1]
    when = stamp(now or clock())
    if not os.path.islink(path):
        aside = set_aside(path, "reverted", when) if os.path.lexists(path) else None
        os.replace(newest, path)
        return newest, aside
    # the user's link: its file gets the backup's bytes; the file as it was is copied aside
    target = link_target(path)
    restored = read_bytes(newest, MAX_OVERRIDE_BYTES)
    aside = None
    if target.exists():
        current = read_bytes(target, MAX_OVERRIDE_BYTES)
        aside = _claim(
            lambda n: path.with_name(f"{path.name}.{when}{f'-{n + 1}' if n else ''}.reverted"),
            write_new,
            current,
        )
    replace_file(target, restored, mode_of(target))
    newest.unlink()  # its bytes are the override now, as a rename would have left them
    return newest, aside
