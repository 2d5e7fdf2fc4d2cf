"""Reading the size of hostile files (tests/core/images/hostile.py, sparse: gigabytes of metadata
before the size, endless directories, a header that claims gigabytes) and of issue 21's JPEG of
20,000 APP segments of 64 KB: each in a fresh process, its time, its peak memory and the bytes
it read from the disk, against an honest 1 MP PNG read in the same process.

Run: .venv/bin/python benchmarks/bench_headers.py
Targets: every file quoted or refused in under 1 s and 150 MB, reading at most HEADER_BYTES.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.images import hostile  # noqa: E402  (the repository root first)

ISSUE_JPEG = "JPEG, 20,000 APP segments of 64 KB (issue 21)"


def measure(path: Path) -> dict[str, object]:
    """In this (fresh) process: the honest PNG's read time, then the hostile file's."""
    from PIL import Image

    from imagine_calc.core.images.image_size import ImageSize, read_size

    honest = path.parent / "honest-1mp.png"
    Image.new("RGB", (1000, 1000)).save(honest)
    Image.new("RGB", (10, 10)).save(path.parent / "warm.bmp")
    read_size(path.parent / "warm.bmp")  # Pillow's BMP reader imported, not counted below
    read_size(honest)
    t = time.perf_counter()
    read_size(honest)
    honest_s = time.perf_counter() - t
    before = _read_bytes()
    t = time.perf_counter()
    result = read_size(path)
    seconds = time.perf_counter() - t
    read = _read_bytes() - before
    outcome = f"{result.width} x {result.height}" if isinstance(result, ImageSize) else result.message
    return {
        "seconds": seconds,
        "honest_s": honest_s,
        "read": read,
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "outcome": outcome,
    }


def _read_bytes() -> int:
    try:
        with open("/proc/self/io") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("rchar:"))
    except OSError:
        return -1


def main() -> None:
    from imagine_calc.core.images.bounded import HEADER_BYTES

    cases = {name: make for name, (make, _) in hostile.CASES.items()}
    cases[ISSUE_JPEG] = lambda folder: hostile.jpeg_app_segments(folder, 20_000)
    print(f"{'file':48} {'time':>8} {'x 1 MP PNG':>10} {'peak':>8} {'read':>9}  outcome")
    worst_s = worst_mem = worst_read = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases.items():
            folder = Path(tmp) / str(len(os.listdir(tmp)))
            folder.mkdir()
            path = make(folder)
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(path)], capture_output=True, text=True, check=True
            ).stdout
            m = json.loads(out)
            worst_s, worst_mem = max(worst_s, m["seconds"]), max(worst_mem, m["peak"])
            worst_read = max(worst_read, m["read"])
            print(
                f"{name:48} {m['seconds'] * 1e3:6.1f} ms {m['seconds'] / m['honest_s']:10.0f} "
                f"{m['peak'] / 1e6:5.0f} MB {m['read'] / 1e3:6.0f} KB  {str(m['outcome'])[:60]}"
            )
            for leftover in folder.iterdir():
                leftover.unlink()
    print(
        f"worst: {worst_s * 1e3:.0f} ms (target < 1000 ms), {worst_mem / 1e6:.0f} MB peak (target < 150 MB), "
        f"{worst_read / 1e3:.0f} KB read (bound {HEADER_BYTES / 1e3:.0f} KB, plus this script's own reads)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        main()
