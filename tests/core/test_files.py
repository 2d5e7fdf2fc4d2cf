"""Whatever is at a path (a FIFO, a device, a folder, a huge or mis-encoded file) is refused
with a reason, at once, never read without a bound."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from imagine_calc.core.files import (
    FileProblem,
    decode_any,
    read_bytes,
    read_text,
    set_aside,
    utf8,
    write_atomic,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


def returns_within(seconds: float, call):  # type: ignore[no-untyped-def]
    """`call()`'s outcome, failing the test if it blocks (as a FIFO read without care does)."""
    outcome: list[object] = []
    thread = threading.Thread(target=lambda: outcome.append(_outcome(call)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"blocked for more than {seconds} s"
    return outcome[0]


def _outcome(call):  # type: ignore[no-untyped-def]
    try:
        return call()
    except Exception as exc:
        return exc


@posix_only
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "x.icalc.json"
    os.mkfifo(fifo)
    result = returns_within(5, lambda: read_text(fifo, 1000))
    assert isinstance(result, FileProblem) and "not a regular file" in str(result)


@posix_only
def test_a_device_is_refused_instead_of_read_until_memory_runs_out() -> None:
    result = returns_within(5, lambda: read_bytes("/dev/zero", 1000))
    assert isinstance(result, FileProblem) and "not a regular file" in str(result)


def test_folders_missing_and_too_large_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder"):
        read_bytes(tmp_path, 10)
    with pytest.raises(FileProblem, match="file not found"):
        read_bytes(tmp_path / "nothing", 10)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(FileProblem, match=r"too large \(2 KB; at most 1 KB\)"):
        read_bytes(big, 1000)


def test_text_that_is_not_utf8_says_where(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("price: 5 # café".encode("latin-1"))
    with pytest.raises(FileProblem, match="not UTF-8 text"):
        read_text(latin, 1000)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "latin-1"])
def test_a_saved_page_is_read_in_whatever_encoding_it_was_saved(codec: str) -> None:
    text = "| Model | Credits |\n| **Café Pro** | 73.5 ü |"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_any(data) == text


def test_set_aside_renames_and_never_overwrites(tmp_path: Path) -> None:
    first = tmp_path / "settings.ini"
    first.write_text("one")
    a = set_aside(first, "set-aside", "2026-11-27_10-00-00")
    first.write_text("two")
    b = set_aside(first, "set-aside", "2026-11-27_10-00-00")
    assert a != b and a.read_text() == "one" and b.read_text() == "two" and not first.exists()


def test_utf8_never_fails_and_what_it_writes_reads_back() -> None:
    text = "photo-" + os.fsdecode(b"\xff\xfe") + ".heic \ud800 café"
    with pytest.raises(UnicodeEncodeError):
        text.encode("utf-8")  # what stopped every save
    data = utf8(text)
    assert data.decode("utf-8") == "photo-\ufffd\ufffd.heic \ufffd café"
    assert utf8("plain café") == "plain café".encode()


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
