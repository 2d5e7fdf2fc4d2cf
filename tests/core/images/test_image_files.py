"""Folders are searched for images however deep they go."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from imagine_calc.core.images import image_files
from imagine_calc.core.images.image_files import Candidate, ScanTally, iter_candidates, size_candidate
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.text.upscale import skipped_words
from tests.images import write_image


def test_a_thousand_nested_folders_are_walked_without_recursion(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(1100):  # one level at a time: pathlib's mkdir(parents=True) recurses itself
        folder = folder / "d"
        folder.mkdir()
    write_image(folder / "deep.png", 10, 10)
    write_image(tmp_path / "top.png", 10, 10)
    try:
        found = [c.path for c in iter_candidates([str(tmp_path)]) if isinstance(c, Candidate)]
        assert [Path(p).name for p in found] == ["deep.png", "top.png"]  # depth-first, name order
    finally:  # pytest's own clean-up (shutil.rmtree) recurses and would fail on this tree
        (folder / "deep.png").unlink()
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent


def test_each_file_found_carries_its_real_path_through_links(tmp_path: Path) -> None:
    """Two drops of one file are known as one by their real path, whether a link is the file
    itself or a folder above it; walked files get it from their folder's, resolved once."""
    real = tmp_path / "real"
    write_image(real / "a.png", 10, 10)
    (real / "b.png").symlink_to(real / "a.png")
    (tmp_path / "via").symlink_to(real, target_is_directory=True)
    found = {
        Path(c.path).name: c.real_path
        for c in iter_candidates([str(tmp_path / "via"), str(real / "b.png")])
        if isinstance(c, Candidate)
    }
    assert set(found) == {"a.png", "b.png"}
    assert found["a.png"] == found["b.png"] == os.path.realpath(real / "a.png")
    walked = [c for c in iter_candidates([str(tmp_path / "via")]) if isinstance(c, Candidate)]
    assert [c.real_path for c in walked] == [os.path.realpath(real / "a.png")] * 2
    assert all(not c.explicit and c.path.startswith(str(tmp_path / "via")) for c in walked)


def test_a_folder_of_many_files_is_walked_in_name_order_from_sorted_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorting a big folder in one go held the interpreter for 45 ms (100,000 names): runs of
    SORT_RUN merged lazily give the same order."""
    monkeypatch.setattr(image_files, "SORT_RUN", 7)
    folder = tmp_path / "f"
    folder.mkdir()
    names = [f"{i * 7919 % 1000:03}-{c}.png" for i, c in enumerate("abcdefghijklmnopqrstuvwxyz" * 2)]
    for name in names:
        (folder / name).touch()
    found = [Path(c.path).name for c in image_files.iter_candidates([str(folder)])]
    assert found == sorted(names)


def tally(*kinds: str) -> ScanTally:
    counted = ScanTally()
    for kind in kinds:
        counted.add(kind)
    return counted


def test_what_a_scan_passed_over_is_counted_by_kind() -> None:
    assert tally("svg", "other", "svg").counts() == {"svg": 2, "other": 1}
    assert tally().counts() == {} and skipped_words(tally().counts()) == ""


def test_what_a_scan_passed_over_is_said_in_one_sentence_other_files_last() -> None:
    assert skipped_words(tally("psd").counts()) == "1 Photoshop file"
    assert skipped_words(tally("other", "svg").counts()) == "1 SVG drawing and 1 other file"
    assert skipped_words(tally("other", "svg", "svg", "pdf", "raw", "other").counts()) == (
        "2 SVG drawings, 1 PDF document, 1 camera RAW file and 2 other files"
    )
    assert (
        skipped_words(tally("raw", "pdf").counts()) == "1 camera RAW file and 1 PDF document"
    )  # as first met


def found(paths: list[str]) -> list[tuple[str, bool] | SizeError]:
    """What a walk yields: each candidate's path and whether the user named it, or an error."""
    return [(c.path, c.explicit) if isinstance(c, Candidate) else c for c in iter_candidates(paths)]


def test_hidden_files_and_folders_are_passed_over_and_the_walk_goes_on(tmp_path: Path) -> None:
    write_image(tmp_path / ".thumb.png", 4, 4)
    write_image(tmp_path / ".git" / "x.png", 4, 4)
    write_image(tmp_path / "b.png", 4, 4)
    write_image(tmp_path / "c" / "d.png", 4, 4)
    assert found([str(tmp_path)]) == [
        (str(tmp_path / "b.png"), False),
        (str(tmp_path / "c" / "d.png"), False),
    ]


def test_a_link_to_a_folder_is_not_followed(tmp_path: Path) -> None:
    write_image(tmp_path / "elsewhere" / "x.png", 4, 4)
    (tmp_path / "shots").mkdir()
    (tmp_path / "shots" / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert found([str(tmp_path / "shots")]) == [(str(tmp_path / "shots" / "link"), False)]


def test_a_named_file_is_explicit_and_kept_in_the_order_given(tmp_path: Path) -> None:
    a, b = write_image(tmp_path / "a.png", 4, 4), tmp_path / "missing.png"
    assert found([str(b), str(a)]) == [(str(b), True), (str(a), True)]


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "a-locked"
    write_image(locked / "x.png", 4, 4)
    write_image(tmp_path / "b.png", 4, 4)
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if path == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert found([str(tmp_path)]) == [
        SizeError(str(locked), "unreadable", "cannot read folder: Permission denied"),
        (str(tmp_path / "b.png"), False),
    ]


@pytest.mark.parametrize(
    ("name", "content", "skipped"),
    [
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "svg"),
        ("notes.txt", b"hello", "other"),
        ("empty.txt", b"", "other"),
        ("photo.png", b"hello", None),  # named as an image: the user hears it is not one
        ("PHOTO.PNG", b"hello", None),
        ("empty.jpg", b"", None),
    ],
)
def test_a_file_found_in_a_folder_that_is_no_image_is_counted_not_reported(
    tmp_path: Path, name: str, content: bytes, skipped: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    counted = ScanTally()
    result = size_candidate(Candidate(str(path), explicit=False), counted)
    if skipped is None:
        assert isinstance(result, SizeError) and counted.counts() == {}
    else:
        assert result is None and counted.counts() == {skipped: 1}
    assert size_candidate(Candidate(str(path), explicit=False)) == result  # counting is optional


def test_a_file_named_by_the_user_is_always_reported(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello")
    counted = ScanTally()
    result = size_candidate(Candidate(str(path), explicit=True), counted)
    assert isinstance(result, SizeError) and result.kind == "not-an-image" and counted.counts() == {}
    image = write_image(tmp_path / "a.png", 6, 4)
    assert size_candidate(Candidate(str(image), explicit=False), counted) == ImageSize(
        str(image), 6, 4, "PNG"
    )
