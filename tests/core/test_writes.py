"""Every write of the app is all or nothing and never goes through a link planted at its path;
a file the user chose may be a link on purpose, and is followed."""

from __future__ import annotations

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
