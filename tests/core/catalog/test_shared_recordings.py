"""Teammates' files in the shared folder: read bounded, each bad one left out with why, the
rest layered under the user's own recordings, conflicts kept for pricing to show."""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_recordings import read_shared

RECORDING = (
    "recorded_by: {name}\nobserved:\n"
    "  - {{model: nano-banana-2, resolution: 1K, credits: {credits}, date: {date}}}\n"
)


def teammate(folder: Path, stem: str, name: str, credits: int, date: str) -> Path:
    path = folder / f"{stem}.recordings.yaml"
    path.write_text(RECORDING.format(name=name, credits=credits, date=date))
    return path


def test_each_teammates_recording_keeps_who_and_when(tmp_path: Path) -> None:
    teammate(tmp_path, "ana", "Ana", 50, "2026-12-01")
    reading = read_shared(tmp_path)
    assert reading.found == (
        (
            "ana.recordings.yaml",
            Observation("nano-banana-2", "1K", None, 1, False, Decimal(50), dt.date(2026, 12, 1), "Ana"),
        ),
    )
    assert reading.set_aside == ()


def test_hostile_files_are_each_named_and_none_hangs(tmp_path: Path) -> None:
    teammate(tmp_path, "ana", "Ana", 50, "2026-12-01")
    os.mkfifo(tmp_path / "fifo.recordings.yaml")
    (tmp_path / "zero.recordings.yaml").symlink_to("/dev/zero")
    with open(tmp_path / "huge.recordings.yaml", "wb") as f:
        f.truncate(3 * 2**30)
    (tmp_path / "bad.recordings.yaml").write_bytes(b"recorded_by: \xff\xfe\n")
    teammate(tmp_path, "<img src=dev>", "<img src=/dev/zero>", 51, "2026-12-01")
    bomb = "a: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)
    )
    (tmp_path / "bomb.recordings.yaml").write_text(bomb)
    started = time.monotonic()
    reading = read_shared(tmp_path)
    assert time.monotonic() - started < 5
    aside = {a.file: a.why for a in reading.set_aside}
    assert set(aside) == {
        "fifo.recordings.yaml",
        "zero.recordings.yaml",
        "huge.recordings.yaml",
        "bad.recordings.yaml",
        "bomb.recordings.yaml",
    }
    assert "not a regular file" in aside["fifo.recordings.yaml"]
    assert "outside the shared folder" in aside["zero.recordings.yaml"]
    assert "too large" in aside["huge.recordings.yaml"]
    assert "not UTF-8" in aside["bad.recordings.yaml"]
    assert "aliases" in aside["bomb.recordings.yaml"]
    # the name with markup is a name like any other: kept as text, shown as text
    assert {(file, o.by) for file, o in reading.found} == {
        ("ana.recordings.yaml", "Ana"),
        ("<img src=dev>.recordings.yaml", "<img src=/dev/zero>"),
    }
    assert os.path.getsize(tmp_path / "huge.recordings.yaml") == 3 * 2**30  # never changed


def test_the_newer_recording_is_used_and_both_are_kept(tmp_path: Path, user_dirs: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    teammate(folder, "ana", "Ana", 50, "2026-12-01")
    teammate(folder, "bo", "Bo", 55, "2026-12-02")
    (user_dirs / "override.yaml").write_text(
        "observed:\n  - {model: nano-banana-2, resolution: 1K, credits: 49, date: 2026-11-30}\n"
    )
    catalog = load_with_override(user_dirs / "override.yaml", folder).catalog
    credits = sorted((o.credits, o.by) for o in catalog.observations_of("nano-banana-2"))
    assert credits == [(Decimal(49), None), (Decimal(50), "Ana"), (Decimal(55), "Bo")]


def test_a_recording_for_a_model_this_catalog_lacks_is_counted_not_used(tmp_path: Path) -> None:
    (tmp_path / "cy.recordings.yaml").write_text(
        "recorded_by: Cy\nobserved:\n"
        "  - {model: their-own-model, resolution: 1K, credits: 5, date: 2026-12-01}\n"
    )
    loaded = load_with_override(None, tmp_path)
    assert loaded.shared is not None and [(x.file, x.count) for x in loaded.shared.left_out] == [
        ("cy.recordings.yaml", 1)
    ]
    assert not loaded.catalog.observations_of("their-own-model")


def test_a_folder_that_is_not_there_says_so() -> None:
    reading = read_shared(Path("/nonexistent/team"))
    assert reading.unreadable == "the folder does not exist"


def test_a_folder_is_read_up_to_its_bound_in_all_and_the_rest_is_counted(tmp_path: Path) -> None:
    """Nine files of 240 KB each: 2 MB in all is read (eight), the ninth is counted as not
    read; a file over its own bound is refused unread and costs nothing."""
    from imagine_calc.core.limits import MAX_SHARED_BYTES, MAX_SHARED_FILE_BYTES

    padding = "#" + "x" * 99 + "\n"
    for i in range(9):
        path = teammate(tmp_path, f"p{i}", f"P{i}", 50, "2026-12-01")
        path.write_text(path.read_text() + padding * 2_400)  # 240 KB, under the file's bound
    huge = tmp_path / "huge.recordings.yaml"
    with huge.open("wb") as fh:
        fh.truncate(3 * 1024**3)  # sparse: 3 GB that no one reads
    size = (tmp_path / "p0.recordings.yaml").stat().st_size
    assert 8 * size <= MAX_SHARED_BYTES < 9 * size and size < MAX_SHARED_FILE_BYTES
    reading = read_shared(tmp_path)
    assert len(reading.found) == 8 and reading.not_read == 1
    assert [a.file for a in reading.set_aside] == ["huge.recordings.yaml"]


def test_a_file_just_written_takes_its_place_in_the_reading_by_name(tmp_path: Path) -> None:
    """The user's own file as they just wrote it goes into the reading in use, where a reading
    of the folder would put it (files in name order), its old recordings gone."""
    for stem, name, credits in (("ana", "Ana", 50), ("bo", "Bo", 53), ("cy", "Cy", 52)):
        teammate(tmp_path, stem, name, credits, "2026-12-01")
    before = read_shared(tmp_path)
    bo = before.found[1][1]
    after = replace(before, found=tuple(f for f in before.found if f[0] != "bo.recordings.yaml"))
    stamp = (1, 2, 3, 4)
    changed = after.with_file("bo.recordings.yaml", [bo], stamp)
    assert changed.found == before.found and changed.stamps["bo.recordings.yaml"] == stamp
    replaced = before.with_file("ana.recordings.yaml", [bo, bo], stamp)
    assert [f for f, _o in replaced.found] == ["ana.recordings.yaml"] * 2 + [
        "bo.recordings.yaml",
        "cy.recordings.yaml",
    ]
    assert [o.credits for _f, o in replaced.found] == [53, 53, 53, 52]
