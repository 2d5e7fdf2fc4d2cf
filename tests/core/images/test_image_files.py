"""Folders are searched for images however deep they go."""

from __future__ import annotations

from pathlib import Path

from imagine_calc.core.images.image_files import Candidate, iter_candidates
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
