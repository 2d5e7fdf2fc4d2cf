"""Folders are searched for images however deep they go."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from imagine_calc.core.images import image_files
from imagine_calc.core.images.image_files import Candidate, ScanTally, iter_candidates
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
    assert tally().counts() == {} and tally().words() == ""


def test_what_a_scan_passed_over_is_said_in_one_sentence_other_files_last() -> None:
    assert tally("psd").words() == "1 Photoshop file"
    assert tally("other", "svg").words() == "1 SVG drawing and 1 other file"
    assert tally("other", "svg", "svg", "pdf", "raw", "other").words() == (
        "2 SVG drawings, 1 PDF document, 1 camera RAW file and 2 other files"
    )
    assert tally("raw", "pdf").words() == "1 camera RAW file and 1 PDF document"  # as first met
