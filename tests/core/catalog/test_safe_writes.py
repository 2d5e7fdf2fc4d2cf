"""Setting a file aside: under its own name with the time and why, numbered from 2 when taken,
never over anything, and a clear refusal when every number is taken."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from imagine_calc.core.catalog.safe_writes import set_aside

STAMP = "2026-10-25_01-30-00"


def test_the_first_copy_set_aside_is_unnumbered_the_next_from_two(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    names = []
    for text in ("one", "two", "three"):
        path.write_text(text)
        names.append(set_aside(path, "reverted", STAMP).name)
    assert names == [
        f"override.yaml.{STAMP}.reverted",
        f"override.yaml.{STAMP}-2.reverted",
        f"override.yaml.{STAMP}-3.reverted",
    ]
    assert (tmp_path / names[1]).read_text() == "two" and not path.exists()


def test_when_every_name_is_taken_nothing_moves_and_it_says_so(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    path.write_text("mine")
    (tmp_path / f"override.yaml.{STAMP}.reverted").write_text("")
    for n in range(2, 1000):
        (tmp_path / f"override.yaml.{STAMP}-{n}.reverted").write_text("")
    with pytest.raises(FileExistsError) as info:
        set_aside(path, "reverted", STAMP)
    assert (info.value.errno, info.value.strerror, info.value.filename) == (
        errno.EEXIST,
        "no free name to set it aside",
        str(path),
    )
    assert path.read_text() == "mine"
