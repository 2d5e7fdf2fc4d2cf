"""Pricing core speed: one generation quote, header reads of a 200 MP vs a 1 MP image, and how
soon a mistyped command answers (it must not load Qt).

Run: .venv/bin/python benchmarks/bench_core.py
Prints absolute times and ratios measured in the same run (the machine is shared and noisy).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

from PIL import Image

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.images.image_size import read_size
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale


def per_call(stmt, number: int, repeat: int = 7) -> float:
    """Median seconds per call over `repeat` runs of `number` calls."""
    return statistics.median(t / number for t in timeit.repeat(stmt, number=number, repeat=repeat))


def main() -> None:
    catalog = load_catalog()
    req = GenerationRequest("nano-banana-2", "4K", "16:9", 3, False)
    gen = per_call(lambda: quote_generation(catalog, req), 20000)
    up = per_call(lambda: quote_upscale(catalog, "topaz", 2, 1920, 1080), 20000)
    load = per_call(load_catalog, 20)
    print(f"generation quote: {gen * 1e6:8.2f} us   (target well under 100 us)")
    print(f"upscale quote:    {up * 1e6:8.2f} us")
    print(f"catalog load:     {load * 1e3:8.2f} ms")

    with tempfile.TemporaryDirectory() as folder:
        # 200 MP as a real, fully written PNG (solid colour compresses to ~600 KB).
        big = Path(folder) / "200mp.png"
        Image.new("L", (20000, 10000)).save(big, optimize=False)
        small = Path(folder) / "1mp.png"
        Image.new("RGB", (1000, 1000)).save(small)
        t_big = per_call(lambda: read_size(big), 2000)
        t_small = per_call(lambda: read_size(small), 2000)
    print(f"size of 200 MP:   {t_big * 1e6:8.2f} us")
    print(f"size of 1 MP:     {t_small * 1e6:8.2f} us")
    print(f"ratio 200 MP / 1 MP: {t_big / t_small:.2f}   (target near 1)")

    code = "from imagine_calc.cli import main; main(['qoute', 'x'])"
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    empty = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=False)
        empty.append(time.perf_counter() - start)
    mistyped, python = min(runs), min(empty)
    print(
        f"mistyped command: {mistyped * 1e3:6.0f} ms, a bare python {python * 1e3:.0f} ms, "
        f"ratio {mistyped / python:.1f}   (target under 1 s)"
    )


if __name__ == "__main__":
    main()
