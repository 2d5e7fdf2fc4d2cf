"""Window speed: settings change to repainted total (p50/p99), and cold start vs a bare PySide6 window.

Run: .venv/bin/python benchmarks/bench_gui.py
Both figures are measured in one run, so the start-up ratio holds on a noisy machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
w = QLabel("hello"); w.resize(980, 640); w.show(); app.processEvents()
w.grab().save(sys.argv[1])
"""


def settings_to_paint(samples: int = 400) -> list[float]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from imagine_calc.core.catalog_loader import load_with_override
    from imagine_calc.core.pricing import GenerationRequest
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.settings_store import SettingsStore

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as cfg:
        os.environ["IMAGINE_CALC_CONFIG_DIR"] = cfg
        window = MainWindow(load_with_override(), SettingsStore())
        window.show()
        app.processEvents()
        label = window.total_panel.total
        painted: list[bool] = []

        class PaintSpy(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    painted.append(True)
                return False

        spy = PaintSpy()
        label.installEventFilter(spy)
        times = []
        for i in range(samples):
            req = GenerationRequest("nano-banana-2", ("1K", "2K", "4K")[i % 3], "16:9", 1 + i % 4, i % 2 == 0)
            painted.clear()
            t0 = time.perf_counter()
            window.set_request(req)
            # One pass of the event loop lays out and paints everything the change dirtied,
            # as the next frame would; the filter confirms the total was really painted.
            app.processEvents()
            times.append(time.perf_counter() - t0)
            assert painted, "the total label was not repainted"

        window.close()
    return times


def cold_start(cmd: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "IMAGINE_CALC_CONFIG_DIR": tmp}
            t0 = time.perf_counter()
            subprocess.run(
                [*cmd, str(Path(tmp) / "shot.png")],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    times = sorted(settings_to_paint())
    p50 = statistics.median(times)
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"settings change -> repainted total and list: p50 {p50 * 1e3:.2f} ms, "
        f"p99 {p99 * 1e3:.2f} ms, max {times[-1] * 1e3:.2f} ms   (target p99 < 16 ms)"
    )
    bare = cold_start([sys.executable, "-c", BARE])
    ours = cold_start([sys.executable, "-m", "imagine_calc", "--screenshot"])
    print(
        f"cold start to first painted window: bare PySide6 {bare * 1e3:.0f} ms, "
        f"imagine-calc {ours * 1e3:.0f} ms, ratio {ours / bare:.2f}   (target < 1.5)"
    )


if __name__ == "__main__":
    main()
