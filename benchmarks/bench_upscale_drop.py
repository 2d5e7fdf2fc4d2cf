"""Drop 1,000 generated images of mixed formats: time until all are quoted, and the longest
stall of the GUI event loop meanwhile (a 1 ms timer records the gaps between its ticks).

Run: .venv/bin/python benchmarks/bench_upscale_drop.py [N]
Targets: all quoted in under 1 s; longest stall under 50 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")


def make_images(folder: Path, count: int) -> None:
    from PIL import Image

    for i in range(count):
        fmt = FORMATS[i % len(FORMATS)]
        size = (64 + (i * 37) % 900, 48 + (i * 53) % 700)
        Image.new("RGB", size, (i % 255, 80, 160)).save(folder / f"img{i:05}.{fmt.lower()}", format=fmt)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from PySide6.QtCore import QElapsedTimer, QMimeData, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared.settings_store import SettingsStore

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["IMAGINE_CALC_CONFIG_DIR"] = tmp
        folder = Path(tmp) / "images"
        folder.mkdir()
        make_images(folder, count)
        window = MainWindow(load_with_override(), SettingsStore())
        window.show()
        window.tabs.setCurrentWidget(window.upscale_panel)
        app.processEvents()
        panel = window.upscale_panel

        gaps: list[float] = []
        clock = QElapsedTimer()
        ticker = QTimer(interval=1)
        last = [0]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            if os.environ.get("BENCH_DEBUG") and now - last[0] > 25:
                print(f"gap {now - last[0]} ms at {now} ms, rows {panel.model.rowCount()}", file=sys.stderr)
            last[0] = now

        ticker.timeout.connect(tick)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(folder))])
        pos = QPointF(10, 10)
        args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter = QDragEnterEvent(pos.toPoint(), *args)
        drop = QDropEvent(pos, *args)
        clock.start()
        ticker.start()
        t0 = time.perf_counter()
        QApplication.sendEvent(panel.drop_area, enter)
        QApplication.sendEvent(panel.drop_area, drop)
        assert drop.isAccepted(), "the drop area refused the drop"
        quoted_at = None
        while quoted_at is None or panel.jobs:
            app.processEvents()
            if quoted_at is None and panel.model.rowCount() >= count:
                quoted_at = time.perf_counter() - t0
            time.sleep(0.0005)
        done = time.perf_counter() - t0
        ticker.stop()
        totals = panel.model.totals()
        window.close()
    print(
        f"{count} images dropped: all {totals.quoted} quoted after {quoted_at * 1e3:.0f} ms "
        f"(thumbnails done after {done * 1e3:.0f} ms)   (target under 1000 ms)"
    )
    print(
        f"longest event-loop stall meanwhile: {max(gaps):.0f} ms over {len(gaps)} ticks"
        "   (target under 50 ms)"
    )


if __name__ == "__main__":
    main()
