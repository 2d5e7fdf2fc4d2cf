"""Autosave cadence under a continuous stream of edits: how often the working copy is written
while lines keep being added, and how long an edit waits until a write on disk holds it.

Run: .venv/bin/python benchmarks/bench_autosave.py [--seconds 10] [--every 50 100 200] [--big N]

Each edit adds a line to the estimate of a real window (offscreen, a throw-away config folder),
driven by a QTimer. `--big N` first adds an upscale line of N images, so every write is large.
`--restarting` emulates the timer of before issue 21 (restarted by every change, no cap), for
comparison. Every figure is measured in this run; timings on a busy 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def stream(seconds: float, every_ms: int, big: int) -> tuple[list[float], list[tuple[float, float, int]]]:
    """(edit times, writes as (start, end, lines held)) for one stream of edits."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.core.catalog.records import Catalog
    from imagine_calc.core.estimates.estimate import GenerationItem, PricedEstimate, UpscaleItem
    from imagine_calc.core.pricing.requests import GenerationRequest
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared.settings_store import SettingsStore

    window = MainWindow(load_with_override(), SettingsStore())
    panel = window.estimates.show()
    document = panel.document
    if big:
        sizes = tuple((1000 + i % 997, 700 + i % 991) for i in range(big))
        panel.add([UpscaleItem("topaz", 2, sizes, 1, "batch")])
        document.flush()
    writes: list[tuple[float, float, int]] = []
    write = document._write  # traced: when each write starts and ends, and what it holds

    def traced(priced: PricedEstimate, catalog: Catalog, session: tuple[Path | None, bool]) -> str:
        start = time.monotonic()
        error = write(priced, catalog, session)
        writes.append((start, time.monotonic(), len(priced.items)))
        return error

    document._write = traced  # type: ignore[method-assign]  # the measurement wraps the writer
    edits: list[float] = []
    base = len(panel.model.priced)
    request = GenerationRequest("nano-banana-2", "1K", "1:1", 1, False)
    begin = time.monotonic()

    def edit() -> None:
        if time.monotonic() - begin >= seconds:
            timer.stop()
            return
        panel.add([GenerationItem(request, 1, f"line {len(edits) + 1}")])
        edits.append(time.monotonic())

    timer = QTimer(interval=every_ms)
    timer.timeout.connect(edit)
    timer.start()
    while timer.isActive():
        QCoreApplication.processEvents()
        time.sleep(0.001)
    end_of_stream = time.monotonic()
    during = [w for w in writes if w[1] <= end_of_stream and w[0] >= begin]
    document.flush()
    window.shut_down()
    return [e - begin for e in edits], [(s - begin, e - begin, n - base) for s, e, n in during]


def report(every_ms: int, edits: list[float], writes: list[tuple[float, float, int]]) -> None:
    ends = [end for _, end, _ in writes]
    gaps = [b - a for a, b in pairwise(ends)]
    lags = []
    for i, t in enumerate(edits, start=1):
        held = next((end for _, end, lines in writes if lines >= i and end >= t), None)
        if held is not None:
            lags.append(held - t)
    waited = len(edits) - len(lags)
    print(
        f"a line every {every_ms} ms: {len(edits)} edits, {len(writes)} writes during the stream; "
        f"between writes median {statistics.median(gaps) if gaps else float('nan'):.2f} s, "
        f"max {max(gaps) if gaps else float('nan'):.2f} s; edit to a write holding it: median "
        f"{statistics.median(lags) if lags else float('nan'):.2f} s, max "
        f"{max(lags) if lags else float('nan'):.2f} s"
        + (f"; {waited} edits not on disk when the stream ended" if waited else "")
        + (f"; each write {statistics.median(e - s for s, e, _ in writes) * 1000:.0f} ms" if writes else "")
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--every", type=int, nargs="+", default=[50, 100, 200])
    parser.add_argument("--big", type=int, default=0)
    parser.add_argument("--restarting", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from imagine_calc.gui.estimate import estimate_document

    app = QApplication(sys.argv[:1])
    if args.restarting:
        estimate_document.AUTOSAVE_MAX_MS = 10**9
    with tempfile.TemporaryDirectory() as tmp:
        for every in args.every:
            os.environ["IMAGINE_CALC_CONFIG_DIR"] = str(Path(tmp) / f"config-{every}")
            report(every, *stream(args.seconds, every, args.big))
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
