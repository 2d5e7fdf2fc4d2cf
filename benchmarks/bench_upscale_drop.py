"""Drop a folder of N generated images (mixed formats) on the window and quote the same folder
with the CLI, in one run: time until every row is quoted against the CLI's time, peak memory of
each, the longest stall of the window's event loop during the drop, and the longest stall when
changing engine and scale re-prices every row.

Run: .venv/bin/python benchmarks/bench_upscale_drop.py [N] [--empty] [--runs K]   (N = 1000)
     .venv/bin/python benchmarks/bench_upscale_drop.py 100000 --empty --runs 3  (issue 21's folder)
--empty drops N empty files named like images instead (each a row that says why it is not
quoted): the walk, the rows and the table at a size where making real images would take long.
--runs K drops the folder in K fresh window processes: on a shared machine one run's longest
stall may be another program's; each run also prints the idle window's longest gap, for scale.
Targets: every row quoted within 1.5x the CLI's time; no stall over 50 ms, during the drop or
when engine or scale change; with 100,000 files, the window's peak memory under 250 MB.

The window and the CLI each run in a fresh process, so their peak memory (ru_maxrss from wait4)
is theirs alone. The CLI's time is its whole run, start-up included, as a script sees it; the
window's is from the drop, its start-up excluded, as a user sees it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")
#: A gap between the probe's ticks longer than this is a stall (benchmarks/stall_probe.py).
STALL_TARGET_MS = 50


def make_images(folder: Path, count: int) -> None:
    """Small images (header reading does not depend on size), all sizes different."""
    from PIL import Image

    for i in range(count):
        fmt = FORMATS[i % len(FORMATS)]
        size = (16 + (i * 37) % 400, 12 + (i * 53) % 300)
        Image.new("RGB", size, (i % 255, 80, 160)).save(folder / f"img{i:05}.{fmt.lower()}", format=fmt)


def make_empty_files(folder: Path, count: int) -> None:
    """Empty files with image names: each is read (and refused) like an image."""
    for i in range(count):
        (folder / f"img{i:06}.png").touch()


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall time, peak resident memory in bytes, and stdout of one process."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:4]} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss * 1024, text


def window_run(folder: Path, count: int) -> dict[str, float]:
    """In the window's process: drop the folder, then change engine and scale."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared.garbage import MainThreadCollector
    from imagine_calc.gui.shared.paint_thread import paint_on_window_thread
    from imagine_calc.gui.shared.settings_store import SettingsStore

    paint_on_window_thread()  # as imagine-calc runs: large fills on this thread
    app = QApplication.instance() or QApplication([])
    MainThreadCollector(app)  # as imagine-calc runs
    window = MainWindow(load_with_override(), SettingsStore())
    window.show()
    panel = window.show_upscale()
    app.processEvents()

    from stall_probe import StallProbe  # beside this script

    probe = StallProbe()
    longest_stall = probe.longest_stall

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    pos = QPointF(10, 10)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), *args)
    drop = QDropEvent(pos, *args)
    started_at: list[float] = []
    quoted_at: list[float] = []

    def do_drop() -> None:
        started_at.append(time.perf_counter())
        QApplication.sendEvent(panel.drop_area, enter)
        QApplication.sendEvent(panel.drop_area, drop)
        assert drop.isAccepted(), "the drop area refused the drop"

    def dropping() -> bool:
        if started_at and not quoted_at and panel.model.rowCount() >= count:
            quoted_at.append(time.perf_counter() - started_at[0])
        return not quoted_at or bool(panel.scans.jobs)

    # The machine's own noise, for scale: the same ticker with the window idle for 2 s.
    idle_until = time.perf_counter() + 2.0
    idle_stall = longest_stall(lambda: None, lambda: time.perf_counter() < idle_until)
    drop_stall = longest_stall(do_drop, dropping)
    done = time.perf_counter() - started_at[0]
    quoted = panel.model.totals().quoted

    def changed(set_index: object) -> tuple[float, float]:
        """The longest stall, and the time from the change to the new total being set."""
        before = panel.total.text()
        began: list[float] = []
        ended: list[float] = []

        def act() -> None:
            began.append(time.perf_counter())
            set_index()  # type: ignore[operator]

        def total_set(_totals: object) -> None:
            if not ended:
                ended.append(time.perf_counter())

        panel.totals_changed.connect(total_set)
        stall = longest_stall(act, lambda: panel.total.text() == before)
        panel.totals_changed.disconnect(total_set)
        return stall, ended[0] - began[0]

    engine_stall, engine_time = changed(lambda: panel.engine.setCurrentIndex(1 - panel.engine.currentIndex()))
    engine_quoted = panel.model.totals().quoted
    scale_stall, scale_time = changed(
        lambda: panel.scale.setCurrentIndex((panel.scale.currentIndex() + 1) % panel.scale.count())
    )
    window.shut_down(keep_working_copy=False)
    return {
        "quoted_s": quoted_at[0],
        "done_s": done,
        "quoted": quoted,
        "rows": panel.model.rowCount(),
        "drop_stall_ms": drop_stall,
        "idle_stall_ms": idle_stall,
        "engine_stall_ms": engine_stall,
        "engine_s": engine_time,
        "engine_quoted": engine_quoted,
        "scale_stall_ms": scale_stall,
        "scale_s": scale_time,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=1000, help="files to drop (1000)")
    parser.add_argument("--empty", action="store_true", help="empty files named like images")
    parser.add_argument("--runs", type=int, default=1, help="window runs, each in a fresh process (1)")
    args = parser.parse_args()
    count, what = args.count, "empty files" if args.empty else "images"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "images"
        folder.mkdir()
        t = time.perf_counter()
        (make_empty_files if args.empty else make_images)(folder, count)
        print(f"made {count} {what} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        env = {**os.environ, "IMAGINE_CALC_CONFIG_DIR": str(Path(tmp) / "config")}
        cli_s, cli_mem, cli_out = run_measured(
            [sys.executable, "-m", "imagine_calc", "upscale", str(folder), "--json"], env
        )
        cli_files = json.loads(cli_out)["files"]
        cli_quoted = sum(1 for f in cli_files if f.get("credits") is not None)
        runs = [
            run_measured([sys.executable, __file__, "--window", str(folder), str(count)], env)
            for _ in range(args.runs)
        ]
    target = f"(target <= {STALL_TARGET_MS} ms)"
    memory_target = "   (target < 250 MB)" if count >= 100_000 else ""
    for n, (_, win_mem, win_out) in enumerate(runs, 1):
        w = json.loads(win_out.strip().splitlines()[-1])
        if args.runs > 1:
            print(f"--- window run {n} of {args.runs}")
        print(
            f"{count} {what}: the window had all {w['rows']} rows ({w['quoted']} quoted) after "
            f"{w['quoted_s'] * 1e3:.0f} ms from the drop (thumbnails after {w['done_s'] * 1e3:.0f} ms); "
            f"the CLI answered for {len(cli_files)} ({cli_quoted} quoted) in {cli_s * 1e3:.0f} ms; "
            f"ratio {w['quoted_s'] / cli_s:.2f}   (target <= 1.5)"
        )
        print(f"peak memory: window {win_mem / 2**20:.0f} MB{memory_target}, CLI {cli_mem / 2**20:.0f} MB")
        print(
            f"longest event-loop stall during the drop: {w['drop_stall_ms']:.0f} ms   {target}; "
            f"with the window idle for 2 s before it: {w['idle_stall_ms']:.0f} ms (the machine's own noise)"
        )
        print(
            f"changing engine re-priced {w['engine_quoted']} rows in {w['engine_s'] * 1e3:.0f} ms, longest "
            f"stall {w['engine_stall_ms']:.0f} ms; changing scale: {w['scale_s'] * 1e3:.0f} ms, longest "
            f"stall {w['scale_stall_ms']:.0f} ms   {target}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--window"]:
        print(json.dumps(window_run(Path(sys.argv[2]), int(sys.argv[3]))))
    else:
        main()
