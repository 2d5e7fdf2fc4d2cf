"""Writing the user's own file in the team's shared folder: the only file of that folder the
app ever writes.

The file is the app's, named from the user's name and install id (`Sharing.own_file`), so it is
written whole each time (no comments to keep) and atomically, through `core/writes.py`: a sync
tool or a teammate sees the old file or the new one, never half. The folder is the user's
choice (a synced folder is fine) and must exist: it is never made. A link found at the file's
name is refused, not followed: nobody's file elsewhere is written through the shared folder.
A file of ours that no longer reads (edited by hand, damaged) is not written over: the message
says what is wrong with it, so the user's recordings in it are not lost.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imagine_calc.core.catalog.override_file import observation_entry
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_recordings import Refused, SharedReading, Stamp, read_recordings, stamp
from imagine_calc.core.catalog.sharing import Sharing
from imagine_calc.core.files import utf8
from imagine_calc.core.limits import MAX_SHARED_FILE_BYTES
from imagine_calc.core.writes import replace_file

HEADER = (
    "# imagine-calc: prices {name} recorded from ImagineArt's Create button, shared with the team.\n"
    "# Written by imagine-calc record --shared (and the window); each person writes only their own file.\n"
)


class NotShared(Exception):
    """Why a recording cannot go to the shared folder, as data: a `reason` and a `detail`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail


#: The reasons of NotShared, for the words in core/text.
NO_FOLDER, NO_NAME, FOLDER_MISSING, LINK, UNREADABLE, TOO_LARGE, CANNOT_WRITE = (
    "no_folder",
    "no_name",
    "folder_missing",
    "link",
    "unreadable",
    "too_large",
    "cannot_write",
)


@dataclass(frozen=True)
class SharedWritten:
    path: Path
    recording: Observation
    #: Everything the file holds now, `recording` last, and the file's stamp after the write.
    recordings: tuple[Observation, ...] = ()
    stamp: Stamp = (0, 0, 0, 0)


def record_shared(sharing: Sharing, o: Observation, reading: SharedReading | None = None) -> SharedWritten:
    """Keep `o` in the user's own file in the shared folder, replacing one for the same settings;
    NotShared says why not. What the file holds is taken from `reading` (the window's) when the
    file is unchanged since it was read, else the file is parsed."""
    if sharing.folder is None:
        raise NotShared(NO_FOLDER)
    if not sharing.name:
        raise NotShared(NO_NAME)
    if not os.path.isdir(sharing.folder):
        raise NotShared(FOLDER_MISSING, os.fsdecode(sharing.folder))
    path = sharing.own_file()
    o = Observation(*o.settings(), o.credits, o.date, sharing.name)
    kept = [e for e in _existing(path, reading) if e.settings() != o.settings()]
    data = _text(sharing.name, [*kept, o])
    if len(data) > MAX_SHARED_FILE_BYTES:
        raise NotShared(TOO_LARGE, path.name)
    try:
        replace_file(path, data)
    except OSError as exc:
        raise NotShared(CANNOT_WRITE, f"{path}: {exc.strerror or exc}") from None
    try:
        now = stamp(os.lstat(path))
    except OSError:
        now = (0, 0, 0, 0)  # matches no file: parsed when next recorded
    return SharedWritten(path, o, (*kept, o), now)


def _existing(path: Path, reading: SharedReading | None) -> list[Observation]:
    """The recordings already in the user's file (as `reading` found it, when unchanged since);
    NotShared for a link at its name or a file that does not read (it is not written over)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise NotShared(UNREADABLE, f"{path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        raise NotShared(LINK, os.fsdecode(path))
    try:
        if reading is not None and _same(reading.folder, path.parent):
            known = reading.recordings_of(path.name, stamp(st))
            if known is not None:
                return known
        return read_recordings(os.path.realpath(path.parent), path, path.name)
    except Refused as exc:
        raise NotShared(UNREADABLE, f"{path}: {exc}") from None


def _same(folder: Path, other: Path) -> bool:
    try:
        return os.path.samefile(folder, other)
    except OSError:
        return False


def _text(name: str, recordings: list[Observation]) -> bytes:
    import yaml

    entries: list[dict[str, Any]] = [observation_entry(o) for o in recordings]
    body = yaml.safe_dump(
        {"recorded_by": name, "observed": entries}, sort_keys=False, allow_unicode=True, width=100
    )
    return utf8(HEADER.format(name=" ".join(name.splitlines())) + body)
