"""Whatever is at a path (a FIFO, a device, a folder, a huge or mis-encoded file) is refused
with a reason, at once, never read without a bound."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from imagine_calc.core.files import (
    FileProblem,
    decode_any,
    describe_size,
    describe_sizes,
    read_bytes,
    read_text,
    utf8,
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


def test_utf8_never_fails_and_what_it_writes_reads_back() -> None:
    text = "photo-" + os.fsdecode(b"\xff\xfe") + ".heic \ud800 café"
    with pytest.raises(UnicodeEncodeError):
        text.encode("utf-8")  # what stopped every save
    data = utf8(text)
    assert data.decode("utf-8") == "photo-\ufffd\ufffd.heic \ufffd café"
    assert utf8("plain café") == "plain café".encode()


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 bytes"),
        (999, "999 bytes"),
        (1000, "1 KB"),
        (999_999, "1000 KB"),
        (1_000_000, "1.0 MB"),
        (4_250_000, "4.2 MB"),
    ],
)
def test_a_file_size_reads_as_people_read_it(n: int, text: str) -> None:
    assert describe_size(n) == text


@pytest.mark.parametrize(
    ("n", "most", "said"),
    [
        (5_000_000, 4_000_000, ("5.0 MB", "4.0 MB")),
        (4_020_000, 4_000_000, ("4020 KB", "4000 KB")),  # "4.0 MB, over 4.0 MB" said nothing
        (4_000_123, 4_000_000, ("4000123 bytes", "4000000 bytes")),
        (1001, 1000, ("1001 bytes", "1000 bytes")),
    ],
)
def test_a_size_over_a_limit_never_reads_the_same_as_the_limit(
    n: int, most: int, said: tuple[str, str]
) -> None:
    assert describe_sizes(n, most) == said


def test_a_file_over_the_limit_says_by_how_much_in_words_that_differ(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(FileProblem, match=r"^too large \(1001 bytes; at most 1000 bytes\)$"):
        read_text(path, 1000)


def test_text_whose_byte_order_mark_lies_is_refused_saying_so() -> None:
    with pytest.raises(
        FileProblem, match=r"^not UTF-16 text as its byte-order mark says \(truncated data\)$"
    ):
        decode_any(b"\xff\xfea")
