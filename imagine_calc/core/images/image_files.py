"""Finds the images among dropped or named paths: files as given, folders searched recursively."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

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


#: How a skipped file is counted, by its SizeError kind.
_SKIPPED_WORDS = {
    "svg": "SVG drawing",
    "pdf": "PDF document",
    "psd": "Photoshop file",
    "raw": "camera RAW file",
}


@dataclass
class ScanTally:
    """What a folder scan passed over, by kind, so the user hears of it ("3 SVG drawings")."""

    skipped: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + 1

    def counts(self) -> dict[str, int]:
        return dict(self.skipped)

    def words(self) -> str:
        """ "2 SVG drawings, 1 PDF document and 14 other files" """
        parts = [
            f"{n} {_SKIPPED_WORDS.get(kind, 'other file')}{'s' if n != 1 else ''}"
            for kind, n in sorted(self.skipped.items(), key=lambda kv: kv[0] == "other")
        ]
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""


def size_candidate(candidate: Candidate, tally: ScanTally | None = None) -> ImageSize | SizeError | None:
    """The size, or an error to show; None for a file found inside a folder that is no image
    (counted in `tally` by kind: a drawing, a document, or some other file)."""
    result = read_size(candidate.path)
    if isinstance(result, ImageSize) or candidate.explicit:
        return result
    looks_like_image = os.path.splitext(candidate.path)[1].lower() in IMAGE_SUFFIXES
    if result.kind in _SKIPPED_WORDS:
        skipped = result.kind
    elif result.kind in ("not-an-image", "folder", "empty") and not looks_like_image:
        skipped = "other"
    else:
        return result
    if tally is not None:
        tally.add(skipped)
    return None
