"""Each window's own working estimate, so that two running copies never write over each other.

In the config folder, `working-estimates/` holds, per window:

- `ID.icalc.json`: the estimate, written shortly after every change (EstimateDocument);
- `ID.session.json`: the file it was last saved to, and whether it has unsaved work;
- `ID.lock`: locked while the window runs (core/locks.py: the system drops the lock when the
  process ends, however it ends).

Each is written by core/writes.write_atomic: a link planted at one of these paths is replaced,
never written through. Where the config folder cannot hold them, a window keeps its copy in a
temporary folder of its own, removed when the window lets it go (its work is then kept only
while it runs: quitting with unsaved work asks first).

A working copy no window holds is an orphan: its window quit, crashed or was killed. A new
window adopts the newest orphan, so starting again reopens the last estimate, unsaved work and
all. Other orphans with unsaved work are offered for recovery, each in a window of its own,
and kept until then; orphans with nothing unsaved are removed, their estimate being in the file
they were saved to.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from imagine_calc.core.files import FileProblem, read_bytes, stamp, utf8
from imagine_calc.core.language import _
from imagine_calc.core.locks import ProcessLock
from imagine_calc.core.paths import config_dir
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.writes import cannot_write, set_aside, write_atomic
from imagine_calc.gui.shared import locale_numbers

FOLDER = "working-estimates"
#: The single working copy of versions before one per window; adopted as an orphan.
LEGACY = "unsaved-estimate.icalc.json"
SUFFIX = ".icalc.json"


@dataclass
class WorkingCopy:
    """Where this window keeps its unsaved estimate, and the lock that makes it its own."""

    folder: Path
    ident: str
    lock: ProcessLock
    #: the folder is this window's own temporary one (the config folder could not be used)
    temporary: bool = False

    @property
    def estimate(self) -> Path:
        return self.folder / f"{self.ident}{SUFFIX}"

    @property
    def session_file(self) -> Path:
        return self.folder / f"{self.ident}.session.json"

    def session(self) -> tuple[Path | None, bool]:
        """(saved to, unsaved work). Unknown counts as unsaved: nothing is thrown away on a guess."""
        try:
            data = json.loads(read_bytes(self.session_file, 64 * 1024))
            path, modified = data["path"], data["modified"]
            if not (path is None or isinstance(path, str)) or not isinstance(modified, bool):
                raise ValueError("not a session")
        except (OSError, FileProblem, ValueError, KeyError, TypeError, RecursionError):
            return None, True
        return (Path(path) if path else None), modified

    def save_session(self, path: Path | None, modified: bool) -> None:
        """Written beside the estimate (by its writing thread: a synced write can take 100 ms).
        JSON escapes a path's lone surrogates (bytes that are not UTF-8), so it reads back as is."""
        text = json.dumps({"path": str(path) if path else None, "modified": modified})
        try:
            write_atomic(self.session_file, utf8(text))
        except OSError as exc:
            raise cannot_write(self.session_file, exc) from None

    def unsaved(self) -> bool:
        """Whether this copy holds work that is nowhere else: unsaved, or saved to a file that
        is gone."""
        path, modified = self.session()
        return modified or (path is not None and not path.is_file())

    def release(self) -> None:
        """Let the copy go for the next window; a temporary folder goes with it (no window
        would ever look there)."""
        self.lock.release()
        if self.temporary:
            shutil.rmtree(self.folder, ignore_errors=True)

    def remove(self) -> None:
        """Delete a copy with nothing unsaved (its estimate is in its saved file)."""
        for file in (self.estimate, self.session_file):
            file.unlink(missing_ok=True)
        self.lock.release(delete=True)


def _lock(folder: Path, ident: str) -> ProcessLock | None:
    lock = ProcessLock(folder / f"{ident}.lock")
    return lock if lock.acquire() else None


def _new(folder: Path) -> WorkingCopy:
    ident = f"{stamp()}-{os.urandom(4).hex()}"
    lock = _lock(folder, ident)
    if lock is None:
        raise OSError(_("cannot lock a new working estimate in {folder}").format(folder=folder))
    return WorkingCopy(folder, ident, lock)


def orphans(folder: Path) -> list[WorkingCopy]:
    """Working copies no running window holds, newest first, each now locked by this one."""
    found = []
    for estimate in folder.glob(f"*{SUFFIX}"):
        ident = estimate.name.removesuffix(SUFFIX)
        lock = _lock(folder, ident)
        if lock is not None:
            found.append(WorkingCopy(folder, ident, lock))

    def newest(copy: WorkingCopy) -> float:
        try:
            return copy.estimate.lstat().st_mtime
        except OSError:
            return 0.0

    return sorted(found, key=newest, reverse=True)


@dataclass
class Claim:
    """This window's working copy, whether it holds an earlier window's estimate, and the
    orphans with unsaved work it leaves for recovery (released: another window may take them)."""

    copy: WorkingCopy
    adopted: bool
    recoverable: list[str]
    problems: list[str]


def claim(legacy_session: tuple[Path | None, bool], recover: str | None, adopt: bool = True) -> Claim:
    """The working copy for a new window: `recover` (an id offered by another window) if it is
    still free, else the newest orphan when `adopt` (not when the window opens a file), else a
    new one."""
    folder = config_dir() / FOLDER
    problems: list[str] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _migrate(folder, legacy_session)
    except OSError as exc:
        if folder.is_dir():  # else the new copy's fallback says it
            problems.append(
                _("The working estimate of an earlier version could not be adopted ({why}).").format(why=exc)
            )
    free = orphans(folder) if folder.is_dir() else []
    chosen = next((c for c in free if c.ident == recover), None)
    if chosen is None and adopt and not recover and free:
        chosen = free[0]
    recoverable = []
    for copy in free:
        if copy is chosen:
            continue
        if copy.unsaved():
            recoverable.append(copy.ident)
            copy.release()
        else:
            copy.remove()
    if chosen is not None:
        return Claim(chosen, True, recoverable, problems)
    return Claim(_new_anywhere(folder, problems), False, recoverable, problems)


def claim_new() -> Claim:
    """A fresh working copy that adopts nothing and leaves every orphan alone."""
    problems: list[str] = []
    return Claim(_new_anywhere(config_dir() / FOLDER, problems), False, [], problems)


def _new_anywhere(folder: Path, problems: list[str]) -> WorkingCopy:
    """A new copy in `folder`; where it cannot be (a file in its place, no permission), in a
    temporary folder for this run, said in `problems`: the window opens either way."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _new(folder)
    except OSError as exc:
        fallback = Path(tempfile.mkdtemp(prefix="imagine-calc-working-"))
        atexit.register(shutil.rmtree, fallback, True)  # however the app ends, short of a kill
        problems.append(
            _(
                "Working estimates cannot be kept in {folder} ({why}); this window keeps its own in "
                "{fallback} until it closes."
            ).format(folder=folder, why=exc.strerror or exc, fallback=fallback)
        )
        copy = _new(fallback)
        copy.temporary = True
        return copy


def _migrate(folder: Path, session: tuple[Path | None, bool]) -> None:
    """The single working copy of earlier versions becomes an orphan like any other."""
    legacy = config_dir() / LEGACY
    if not os.path.lexists(legacy):
        return
    copy = _new(folder)
    try:
        os.replace(legacy, copy.estimate)
        copy.save_session(*session)
    finally:
        copy.release()


def set_aside_copy(copy: WorkingCopy) -> Path:
    """Rename an unreadable working estimate out of the way (never deleted)."""
    return set_aside(copy.estimate, "set-aside", stamp())


def describe(ident: str) -> str:
    """ "Spring campaign: Hero images, Drafts, Social stories… (12 lines, last changed
    2026-11-27 18:36)", for the recovery prompt."""
    import datetime as dt

    from imagine_calc.core.estimates.estimate_file import EstimateFileError, read_estimate

    path = config_dir() / FOLDER / f"{ident}{SUFFIX}"
    try:
        saved = read_estimate(path)
        when = path.stat().st_mtime
    except (EstimateFileError, OSError) as exc:
        return _("{id}: cannot be read ({why})").format(id=ident, why=exc)
    items = saved.estimate.items
    shown = ", ".join(item.label or _("unlabelled") for item in items[:3]) + ("…" if len(items) > 3 else "")
    changed = locale_numbers.date_time(dt.datetime.fromtimestamp(when))
    return plural(
        len(items),
        "{title}: {lines} ({n} line, last changed {changed})",
        "{title}: {lines} ({n} lines, last changed {changed})",
        locale_numbers.style(),
        title=saved.estimate.title or _("Untitled estimate"),
        lines=shown,
        changed=changed,
    )


def launch_window(recover: str) -> bool:
    """Start another imagine-calc window that takes over the working estimate `recover`."""
    import sys

    from PySide6.QtCore import QProcess

    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "imagine_calc"]
    ok, _pid = QProcess.startDetached(command[0], [*command[1:], "--recover", recover])
    return bool(ok)
