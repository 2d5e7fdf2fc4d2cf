"""Finds the images among dropped or named paths: files as given, folders searched recursively."""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size
from imagine_calc.core.language import _

#: Names that say "image"; inside folders, other files count only if their content is one.
IMAGE_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".jpe",
        ".jfif",
        ".webp",
        ".tif",
        ".tiff",
        ".gif",
        ".bmp",
        ".avif",
        ".heic",
        ".heif",
    }
)


@dataclass(frozen=True)
class Candidate:
    """A path to size. `explicit` paths were named by the user; others came from a folder."""

    path: str
    explicit: bool
    #: the path with every link resolved, what makes two drops the same file ("" if unknown)
    real_path: str = ""


def real_path(path: str) -> str:
    """`path` with every link resolved (os.path.realpath), or as given if that fails."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path


def iter_candidates(
    paths: list[str], should_stop: Callable[[], bool] = lambda: False
) -> Iterator[Candidate | SizeError]:
    """Files in the order given, folders depth-first in name order; unreadable folders as errors."""
    for path in paths:
        if should_stop():
            return
        if os.path.isdir(path):
            yield from _walk(path, should_stop)
        else:
            yield Candidate(path, explicit=True, real_path=real_path(path))


#: Entries sorted in one go at most: sorting 100,000 names at once holds the interpreter for
#: 45 ms, and the window's thread, which needs it to paint, for as long (see _in_name_order).
SORT_RUN = 4096


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _in_name_order(entries: list[os.DirEntry[str]]) -> Iterator[os.DirEntry[str]]:
    """`entries` by name: runs of SORT_RUN sorted each in a millisecond, then merged lazily, so
    that no single step keeps other threads waiting."""
    if len(entries) <= SORT_RUN:
        return iter(sorted(entries, key=_name))
    runs = [sorted(entries[i : i + SORT_RUN], key=_name) for i in range(0, len(entries), SORT_RUN)]
    return heapq.merge(*runs, key=_name)


def _walk(folder: str, should_stop: Callable[[], bool]) -> Iterator[Candidate | SizeError]:
    """Depth-first in name order, with a stack of its own: a tree 10,000 folders deep is walked
    like a flat one (recursion would stop at Python's limit). Real paths are resolved once, for
    `folder`; below it a file's or folder's is its folder's and its name, unless it is a link:
    resolving each file's whole path took half of the time spent on 100,000 files."""
    stack: list[tuple[Iterator[os.DirEntry[str]], str] | tuple[str, str]] = [(folder, real_path(folder))]
    while stack:
        if should_stop():
            return
        top, real_folder = stack[-1]
        if isinstance(top, str):  # a folder not yet listed
            stack.pop()
            try:
                with os.scandir(top) as it:
                    entries = list(it)
            except OSError as exc:
                yield SizeError(
                    top, "unreadable", _("cannot read folder: {why}").format(why=exc.strerror or exc)
                )
                continue
            stack.append((_in_name_order(entries), real_folder))
            continue
        listing = top
        entry = next(listing, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:  # a folder, not a link to one: links to folders are not followed
            stack.append((entry.path, os.path.join(real_folder, entry.name)))
        else:
            try:
                link = entry.is_symlink()
            except OSError:
                link = True
            real = real_path(entry.path) if link else os.path.join(real_folder, entry.name)
            yield Candidate(entry.path, explicit=False, real_path=real)


#: How a skipped file is counted, by its SizeError kind.
#: Kinds of file a folder scan passes over and counts, not as errors (core/text/upscale names them).
SKIPPED_KINDS = frozenset({"svg", "pdf", "psd", "raw"})


@dataclass
class ScanTally:
    """What a folder scan passed over, by kind, so the user hears of it ("3 SVG drawings")."""

    skipped: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + 1

    def counts(self) -> dict[str, int]:
        return dict(self.skipped)


def size_candidate(candidate: Candidate, tally: ScanTally | None = None) -> ImageSize | SizeError | None:
    """The size, or an error to show; None for a file found inside a folder that is no image
    (counted in `tally` by kind: a drawing, a document, or some other file)."""
    result = read_size(candidate.path)
    if isinstance(result, ImageSize) or candidate.explicit:
        return result
    looks_like_image = os.path.splitext(candidate.path)[1].lower() in IMAGE_SUFFIXES
    if result.kind in SKIPPED_KINDS:
        skipped = result.kind
    elif result.kind in ("not-an-image", "folder", "empty") and not looks_like_image:
        skipped = "other"
    else:
        return result
    if tally is not None:
        tally.add(skipped)
    return None
