"""Reading a file's size reads at most HEADER_BYTES of it, whatever its length and format: the
hostile files of tests/core/images/hostile.py are each quoted or refused with a reason, their
bytes read counted by a stream of the test's own, and the memory held measured."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import BinaryIO, cast

import pytest

from imagine_calc.core.images.bounded import HEADER_BYTES, BoundedReader, HeaderTooLong
from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size, size_from_stream
from tests.core.images import hostile

ROOT = Path(__file__).resolve().parents[3]


class CountingStream(io.RawIOBase):
    """An unbuffered file that counts every byte it hands out."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._file = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]  # typeshed's Buffer
        n = self._file.readinto(buffer) or 0
        self.bytes_read += n
        return n

    def close(self) -> None:
        self._file.close()
        super().close()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder) for name, (make, _) in hostile.CASES.items()}


def check(result: ImageSize | SizeError, expected: tuple[int, int] | None) -> None:
    if expected is None:
        assert isinstance(result, SizeError) and result.kind == "corrupt", result
        assert result.message.startswith("corrupt ") and len(result.message) > 30
    else:
        assert isinstance(result, ImageSize), result
        assert (result.width, result.height) == expected


@pytest.mark.parametrize("case", hostile.CASES)
def test_a_hostile_file_is_sized_or_refused_reading_at_most_the_bound(
    made: dict[str, Path], case: str
) -> None:
    path = made[case]
    assert path.stat().st_size > HEADER_BYTES  # what is bounded here is more than the bound
    stream = CountingStream(path)
    tracemalloc.start()
    try:
        result = size_from_stream(cast(BinaryIO, stream), str(path))  # a RawIOBase reads bytes
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        stream.close()
    check(result, hostile.CASES[case][1])
    assert stream.bytes_read <= HEADER_BYTES
    assert peak < 3 * HEADER_BYTES


def io_read_bytes() -> int:
    with open("/proc/self/io") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("rchar:"))


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts the process's reads on Linux")
@pytest.mark.parametrize("case", ["JPEG, 2,000 APP segments of 64 KB", "PNG, 150,000 chunks before IHDR"])
def test_reading_a_path_reads_no_more_from_the_disk_than_the_bound(made: dict[str, Path], case: str) -> None:
    """What the kernel handed the process, not what the reader asked for: a buffered file would
    read 8 KB after every seek, 16 MB for 2,000 segments."""
    read_size(made["WebP, 2 GiB sparse"])  # first use of the code paths (imports) before counting
    before = io_read_bytes()
    result = read_size(made[case])
    read = io_read_bytes() - before
    check(result, hostile.CASES[case][1])
    assert read <= HEADER_BYTES + 4096  # reading /proc/self/io itself is counted too


#: Runs the command line, then reports its own peak resident memory (VmHWM): not ru_maxrss,
#: which a child started from this test process (by vfork) inherits from it, 250 MB late in
#: the suite.
CLI_WITH_PEAK = """
import runpy, sys
sys.argv = ["imagine-calc", "upscale", sys.argv[1], "--json"]
try:
    runpy.run_module("imagine_calc", run_name="__main__")
finally:
    sys.stderr.write(next(line for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="a process's peak memory, on Linux")
def test_every_hostile_file_is_quoted_or_refused_by_the_command_line_within_150_mb(
    made: dict[str, Path],
) -> None:
    """The whole folder in one process, as `imagine-calc upscale` reads it, where Pillow alone
    held 4.1 GB for the WebP."""
    folder = next(iter(made.values())).parent
    proc = subprocess.run(
        [sys.executable, "-c", CLI_WITH_PEAK, str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr  # the refused files are not quoted
    rows = {Path(row["path"]).name: row for row in json.loads(proc.stdout)["files"]}
    for case, path in made.items():
        expected = hostile.CASES[case][1]
        row = rows[path.name]
        if expected is None:
            assert row["error"].startswith("corrupt "), row
        else:
            assert (row["width"], row["height"]) == expected, row
    peak_kib = int(proc.stderr.strip().splitlines()[-1].split()[1])  # "VmHWM:  61234 kB"
    assert 10 * 1024 < peak_kib < 150 * 1024


def test_a_read_past_the_bound_is_refused_before_anything_is_read() -> None:
    reader = BoundedReader(io.BytesIO(b"x" * 100), limit=10)
    assert reader.read(6) == b"xxxxxx"
    with pytest.raises(HeaderTooLong, match="first 10 bytes"):
        reader.read(5)
    assert reader.consumed == 6
    reader.seek(97)  # seeking is free: the bound is on bytes read
    assert reader.read(10) == b"xxx"  # more asked than is left: short at the end, not refused
    assert reader.consumed == 9


def test_reads_are_bounded_in_number_too() -> None:
    reader = BoundedReader(io.BytesIO(b"x" * 100), max_reads=3)
    for at in (0, 50, 90):
        reader.seek(at)
        assert reader.read(1) == b"x"
    with pytest.raises(HeaderTooLong, match="first 3 blocks"):
        reader.read(1)
