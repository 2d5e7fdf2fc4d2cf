"""Every write of the app is all or nothing and never goes through a link planted at its path;
a file the user chose may be a link on purpose, and is followed."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from imagine_calc.core.writes import set_aside, write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and modes are POSIX's")


def test_set_aside_renames_and_never_overwrites(tmp_path: Path) -> None:
    first = tmp_path / "settings.ini"
    first.write_text("one")
    a = set_aside(first, "set-aside", "2026-11-27_10-00-00")
    first.write_text("two")
    b = set_aside(first, "set-aside", "2026-11-27_10-00-00")
    assert a != b and a.read_text() == "one" and b.read_text() == "two" and not first.exists()


def test_write_atomic_replaces_the_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "saved" / "plan.icalc.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.icalc.json"]


@posix_only
def test_write_atomic_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "private.icalc.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_a_planted_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    """A link at the path of one of the app's own files: the file it points to stays byte for
    byte as it was, and the path holds the app's file."""
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_bytes(b"export PATH=/usr/bin\n")
    folder = tmp_path / "working-estimates"
    folder.mkdir()
    planted = folder / "ID.session.json"
    planted.symlink_to(victim)
    write_atomic(planted, b'{"path": null, "modified": true}')
    assert victim.read_bytes() == b"export PATH=/usr/bin\n"
    assert not planted.is_symlink() and planted.read_bytes() == b'{"path": null, "modified": true}'


@posix_only
def test_a_link_the_user_chose_is_followed_when_asked(tmp_path: Path) -> None:
    """Saving to a file the user named: a link there is theirs (a synced folder, say), so the
    file it points to is the one replaced, and the link stays."""
    real = tmp_path / "synced" / "plan.icalc.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "plan.icalc.json"
    link.symlink_to(real)
    write_atomic(link, b"new", follow_links=True)
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["plan.icalc.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "saved" / "plan.icalc.json"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.icalc.json"]


@posix_only
def test_set_aside_never_lands_on_a_link_planted_at_its_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    first = tmp_path / "settings.ini"
    first.write_text("one")
    (tmp_path / "settings.ini.2026-11-27_10-00-00.set-aside").symlink_to(victim)
    moved = set_aside(first, "set-aside", "2026-11-27_10-00-00")
    assert moved.name == "settings.ini.2026-11-27_10-00-00-2.set-aside" and moved.read_text() == "one"
    assert victim.read_bytes() == b"keep"


def test_set_aside_numbers_each_further_copy_from_two(tmp_path: Path) -> None:
    stamp = "2026-11-27_10-00-00"
    names = []
    for text in ("one", "two", "three", "four"):
        (tmp_path / "settings.ini").write_text(text)
        names.append(set_aside(tmp_path / "settings.ini", "set-aside", stamp).name)
    assert names == [
        f"settings.ini.{stamp}.set-aside",
        f"settings.ini.{stamp}-2.set-aside",
        f"settings.ini.{stamp}-3.set-aside",
        f"settings.ini.{stamp}-4.set-aside",
    ]
    assert (tmp_path / f"settings.ini.{stamp}-3.set-aside").read_text() == "three"


def test_an_atomic_write_goes_through_a_hidden_file_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "estimate.icalc.json"
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        seen.append(sorted(p.name for p in folder.iterdir()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(target, b"{}")
    (names,) = seen
    assert len(names) == 1 and names[0].startswith(".estimate.icalc.json.")
    assert target.read_bytes() == b"{}" and [p.name for p in folder.iterdir()] == ["estimate.icalc.json"]


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "settings.ini"
    target.write_bytes(b"old")

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert [p.name for p in folder.iterdir()] == ["settings.ini"] and target.read_bytes() == b"old"


NIGHT_STAMP = "2026-10-25_01-30-00"


def test_the_first_copy_set_aside_is_unnumbered_the_next_from_two(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    names = []
    for text in ("one", "two", "three"):
        path.write_text(text)
        names.append(set_aside(path, "reverted", NIGHT_STAMP).name)
    assert names == [
        f"override.yaml.{NIGHT_STAMP}.reverted",
        f"override.yaml.{NIGHT_STAMP}-2.reverted",
        f"override.yaml.{NIGHT_STAMP}-3.reverted",
    ]
    assert (tmp_path / names[1]).read_text() == "two" and not path.exists()


def test_when_every_name_is_taken_nothing_moves_and_it_says_so(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    path.write_text("mine")
    (tmp_path / f"override.yaml.{NIGHT_STAMP}.reverted").write_text("")
    for n in range(2, 1000):
        (tmp_path / f"override.yaml.{NIGHT_STAMP}-{n}.reverted").write_text("")
    with pytest.raises(FileExistsError) as info:
        set_aside(path, "reverted", NIGHT_STAMP)
    assert (info.value.errno, info.value.strerror, info.value.filename) == (
        errno.EEXIST,
        "no free name to set it aside",
        str(path),
    )
    assert path.read_text() == "mine"
