"""Finds the images among dropped or named paths: files as given, folders searched recursively."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size

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
            yield Candidate(path, explicit=True)


def _walk(folder: str, should_stop: Callable[[], bool]) -> Iterator[Candidate | SizeError]:
    """Depth-first in name order, with a stack of its own: a tree 10,000 folders deep is walked
    like a flat one (recursion would stop at Python's limit)."""
    stack: list[Iterator[os.DirEntry[str]] | str] = [folder]
    while stack:
        if should_stop():
            return
        top = stack[-1]
        if isinstance(top, str):  # a folder not yet listed
            stack.pop()
            try:
                with os.scandir(top) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                yield SizeError(top, "unreadable", f"cannot read folder: {exc.strerror or exc}")
                continue
            stack.append(iter(entries))
            continue
        entry = next(top, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            stack.append(entry.path)
        else:
            yield Candidate(entry.path, explicit=False)


def size_candidate(candidate: Candidate) -> ImageSize | SizeError | None:
    """The size, or an error to show; None for a non-image found inside a folder (ignored)."""
    result = read_size(candidate.path)
    if isinstance(result, ImageSize) or candidate.explicit:
        return result
    looks_like_image = os.path.splitext(candidate.path)[1].lower() in IMAGE_SUFFIXES
    if result.kind in ("not-an-image", "folder") and not looks_like_image:
        return None
    if result.kind == "empty" and not looks_like_image:
        return None
    return result
