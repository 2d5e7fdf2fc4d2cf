"""The team's recordings: each person's file in the shared folder, read as input from outside,
and layered between the bundled catalog and the user's own override.

No lock spans two machines and a sync tool keeps whichever copy it saw last, so each person
writes only their own file (`shared_file`) and the files are merged here, on read. Every file
is a teammate's: it is read bounded (at most MAX_SHARED_FILE_BYTES, MAX_SHARED_FILES of them, a
FIFO or device refused unopened, a link out of the folder not followed), parsed with the
catalog's own safe YAML rules (aliases bounded), and one that does not fit is left out of this
reading with why, never moved, changed or deleted. A recording keeps who made it (`by`, the
name their file gives) and its date. Recordings for the same settings that differ are all
kept: pricing uses the newest (a tie: the user's own, then the first name in alphabetical
order) and says that others differ (`pricing.observations.conflicts`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from imagine_calc.core.catalog.records import Catalog, Model, Observation
from imagine_calc.core.catalog.sharing import SUFFIX, SharingError, check_name
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.files import FileProblem, read_text
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _, ngettext
from imagine_calc.core.limits import (
    MAX_SHARED_BYTES,
    MAX_SHARED_ENTRIES,
    MAX_SHARED_FILE_BYTES,
    MAX_SHARED_FILES,
)
from imagine_calc.core.outside_text import readable

#: The keys a recordings file may hold.
KEYS = ("recorded_by", "observed")


@record
class SetAside(Frozen):
    """A teammate's file left out of this reading (it stays as it is), and why."""

    file: str
    why: str


@record
class LeftOut(Frozen):
    """Recordings of a file for models or settings this catalog does not have."""

    file: str
    count: int


@record
class SharedReading(Frozen):
    """What the shared folder held when it was read."""

    folder: Path
    #: (file name, recording) of every recording read, in file order.
    found: tuple[tuple[str, Observation], ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    #: Why the folder itself could not be read (missing, not a folder), else None.
    unreadable: str | None = None
    #: Files past MAX_SHARED_FILES, or past MAX_SHARED_BYTES read in all, not read.
    not_read: int = 0
    #: Each file read (its name in the folder) -> its stamp when read (`stamp`): a file whose
    #: stamp is the same now holds what this reading found in it.
    stamps: Mapping[str, Stamp] = field(default_factory=dict, compare=False)

    def recordings_of(self, name: str, now: Stamp) -> list[Observation] | None:
        """What file `name`, whose stamp is `now`, holds, as this reading found it; None when it
        was not read or has changed since. Refused (with why) when it was set aside."""
        if self.stamps.get(name) != now:
            return None
        shown = readable(name)
        why = next((a.why for a in self.set_aside if a.file == shown), None)
        if why is not None:
            raise Refused(why)
        return [o for file, o in self.found if file == shown]

    def with_file(self, name: str, recordings: Sequence[Observation], now: Stamp) -> SharedReading:
        """This reading with file `name` (in the folder), stamped `now`, holding `recordings`:
        the user's own file just written, shown at once without parsing the folder again (the
        watcher reads it again soon after, off the window's thread, seeing the write)."""
        shown = readable(name)
        kept = [(file, o) for file, o in self.found if file != shown]
        at = next((i for i, (file, _o) in enumerate(kept) if file > shown), len(kept))  # name order
        found = (*kept[:at], *((shown, o) for o in recordings), *kept[at:])
        aside = tuple(a for a in self.set_aside if a.file != shown)
        return replace(self, found=found, set_aside=aside, stamps={**self.stamps, name: now})


#: A file's identity and version: (device, inode, size, modified in ns). A sync tool or our own
#: write replaces a file (a new inode); one written in place changes its size or time.
Stamp = tuple[int, int, int, int]


def stamp(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Refused(Exception):
    """One file that does not fit; the message says why."""


def read_shared(folder: Path) -> SharedReading:
    """Every `*.recordings.yaml` in `folder`, in name order, each read as the module says."""
    try:
        names = _names(folder)
    except OSError as exc:
        return SharedReading(folder, unreadable=_why(exc))
    real = os.path.realpath(folder)
    found: list[tuple[str, Observation]] = []
    aside: list[SetAside] = []
    stamps: dict[str, Stamp] = {}
    budget, read = MAX_SHARED_BYTES, 0
    for name in names[:MAX_SHARED_FILES]:
        shown = readable(name)
        try:
            # A file over its own bound is refused unread (read_recordings): it costs nothing.
            st = os.stat(folder / name)
            cost = st.st_size if st.st_size <= MAX_SHARED_FILE_BYTES else 0
        except OSError:
            st, cost = None, 0  # read_recordings says why it cannot be read
        if cost > budget:
            continue
        budget -= cost
        read += 1
        if st is not None:  # stamped before it is read: a change meanwhile makes it differ after
            stamps[name] = stamp(st)
        try:
            found += [(shown, o) for o in read_recordings(real, folder / name, shown)]
        except Refused as exc:
            aside.append(SetAside(shown, str(exc)))
    return SharedReading(folder, tuple(found), tuple(aside), (), None, len(names) - read, stamps)


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("the folder does not exist")
    if isinstance(exc, NotADirectoryError):
        return _("it is not a folder")
    return _("cannot read it: {why}").format(why=exc.strerror or exc)


def _names(folder: Path) -> list[str]:
    """The recordings files' names, sorted; the listing stops after MAX_SHARED_ENTRIES names."""
    names = []
    with os.scandir(folder) as entries:
        for count, entry in enumerate(entries):
            if count >= MAX_SHARED_ENTRIES:
                break
            if entry.name.endswith(SUFFIX) and not entry.name.startswith("."):
                names.append(entry.name)
    return sorted(names)


def read_recordings(folder: str, path: Path, shown: str) -> list[Observation]:
    from imagine_calc.core.catalog.schema import check_fragment
    from imagine_calc.core.catalog.yaml_source import YamlDocument, parse_yaml

    if path.is_symlink():
        target = os.path.realpath(path)
        if os.path.commonpath([folder, target]) != folder:
            raise Refused(_("a link to a file outside the shared folder: not followed"))
    try:
        doc = parse_yaml(read_text(path, MAX_SHARED_FILE_BYTES), shown)
    except FileProblem as exc:
        raise Refused(str(exc)) from None
    except CatalogError as exc:
        raise Refused(_problem(exc)) from None
    data = doc.data
    if not isinstance(data, dict) or any(key not in KEYS for key in data):
        raise Refused(_("not a recordings file (it holds only recorded_by: and observed:)"))
    by = data.get("recorded_by")
    try:
        name = check_name(by) if isinstance(by, str) else None
    except SharingError as exc:
        raise Refused(f"recorded_by: {exc}") from None
    if name is None:
        raise Refused(_("it does not say who recorded it (recorded_by:)"))
    frag, problems = check_fragment(
        YamlDocument(shown, {"observed": data.get("observed") or []}, doc.root), partial=True
    )
    if problems:
        raise Refused(_problem(CatalogError(problems)))
    kept: dict[tuple[Any, ...], Observation] = {}
    for _key, v in frag.observed:
        o = Observation(
            v["model"],
            v["resolution"],
            v.get("aspect_ratio"),
            v.get("images", 1),
            v.get("prompt_enhancer", False),
            v["credits"],
            v["date"],
            name,
        )
        kept.pop(o.settings(), None)  # a later one for the same settings replaces an earlier one
        kept[o.settings()] = o
    return list(kept.values())


def _problem(error: CatalogError) -> str:
    first = error.first
    said = f"{first.key_path}: {first.message}" if first.key_path else first.message
    if first.line:
        said = _("line {line}: {problem}").format(line=first.line, problem=said)
    if len(error.problems) > 1:
        n = len(error.problems) - 1
        said = ngettext("{problem} (and {n} more)", "{problem} (and {n} more)", n).format(problem=said, n=n)
    return said


def fits(catalog: Catalog, o: Observation) -> bool:
    """Whether `catalog` has `o`'s model and settings (a teammate's override may have more)."""
    return _fits(catalog, {m.id: m for m in catalog.models}, o)


def _fits(catalog: Catalog, models: dict[str, Model], o: Observation) -> bool:
    model = models.get(o.model_id)
    return (
        model is not None
        and o.resolution in model.tier_prices
        and (o.aspect_ratio is None or o.aspect_ratio in model.aspect_ratios)
        and catalog.images_min <= o.images <= catalog.images_max
    )


def layer(catalog: Catalog, reading: SharedReading) -> tuple[Catalog, SharedReading]:
    """`catalog` (the bundled one with the user's override) with the team's recordings that fit
    it added under the user's own, and `reading` with what did not fit counted. The order is
    what pricing breaks a tie of dates by (the last wins): the team's by name, the first name
    last, then the user's own."""
    models = {m.id: m for m in catalog.models}  # each looked up once: a team's folder holds thousands
    fit = [(file, o, _fits(catalog, models, o)) for file, o in reading.found]
    kept = [o for _, o, ok in fit if ok]
    missing = Counter(file for file, _, ok in fit if not ok)
    kept.sort(key=lambda o: (o.by or "").casefold(), reverse=True)
    own = [o for o in catalog.observations if o.by is None]
    left = tuple(LeftOut(file, n) for file, n in missing.items())
    return replace(catalog, observations=(*kept, *own)), replace(reading, left_out=left)
