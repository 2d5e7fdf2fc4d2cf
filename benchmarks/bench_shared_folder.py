"""The window re-reading a team's shared prices folder: the longest stall of its event loop while
the watcher reads MAX_SHARED_FILES teammates' files and the window shows their prices, then
settings changes with those prices in use and, in the same window, with the user's own only.

Run: .venv/bin/python benchmarks/bench_shared_folder.py [--size realistic|large] [--runs K]
realistic: each file a few KB (20 recordings, as a teammate who records now and then has):
200 files, 0.5 MB, 4,000 recordings. large: each file just under MAX_SHARED_FILE_BYTES (256 KB;
every setting the catalog has, then repeats): the folder is read up to MAX_SHARED_BYTES (2 MB)
in all, 8 files and 13,818 recordings, the most the bounds let the window take in (the other
192 files are counted, not read). Parsing runs at about 1.3 s a MB, on the watcher's thread.
Each run is a fresh window process; it also prints the idle window's longest gap, for scale (on
this shared 2-core machine a stall may be another program's). Target: no stall over 50 ms while
the folder is read and shown; a settings change as without the team's prices (bench_gui.py
holds it to 12 ms p99).

Measured 2026-12-03, 5 runs each, other sessions busy on both cores (load 1.6-1.9):
- large: longest stall 23-36 ms (idle window's own 6-10 ms), of it showing 10-17 ms; read and
  shown in 2.0-3.4 s; a settings change p50 8.2-13.2 ms against 5.2-9.7 ms with the user's own
  prices only (under cProfile the Python work per change is the same, 8.1 and 8.2 ms; the detail
  pane's 20 recordings add about 1 ms of Qt layout and paint); p99 29-40 ms, which holds the
  window's first collection of the ~40,000 objects a reading leaves (17-28 ms, seen with
  gc.callbacks) when it falls among the changes.
- realistic: longest stall 12-34 ms (idle 10-19 ms), of it showing 6-18 ms; a change p50 5.6-9.2
  ms against 5.5-9.2 ms, p99 8.3-20.8 ms against 8.4-23.6 ms.
Before (2026-12-02 and this morning): large 69-121 ms while reading (the window's collector
scanning the reading thread's parse trees, 39-71 ms a collection) and 20-49 ms showing; a change
15-47 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
STALL_TARGET_MS = 50
#: Settings changes timed with the team's prices in use, and again without them.
CHANGES = 100


def entries() -> list[str]:
    """One YAML entry for each setting the bundled catalog has."""
    from imagine_calc.core.catalog.loader import load_catalog

    catalog = load_catalog()
    out = []
    for m in catalog.models:
        for resolution in m.tier_prices:
            for ratio in (None, *m.aspect_ratios):
                for images in range(catalog.images_min, catalog.images_max + 1):
                    for enhancer in (False, True):
                        ratio_line = f"  aspect_ratio: '{ratio}'\n" if ratio else ""
                        out.append(
                            f"- model: {m.id}\n  resolution: {resolution}\n{ratio_line}"
                            f"  images: {images}\n  prompt_enhancer: {str(enhancer).lower()}\n"
                            "  credits: {credits}\n  date: 2026-11-{day:02d}\n"
                        )
    return out


def make_folder(folder: Path, files: int, size: str) -> int:
    """`files` teammates' files; returns the bytes written."""
    from imagine_calc.core.limits import MAX_SHARED_FILE_BYTES

    all_settings = entries()
    total = 0
    for n in range(files):
        head = f"# a teammate's recordings\nrecorded_by: Teammate {n:03d}\nobserved:\n"
        body, used = [head], len(head)
        count = 20 if size == "realistic" else 10**9
        for i in range(count):
            setting = all_settings[(i * 7 + n) % len(all_settings)]
            entry = setting.format(credits=10 + (n + i) % 90, day=1 + n % 28)
            if used + len(entry.encode()) > MAX_SHARED_FILE_BYTES - 64:
                break
            body.append(entry)
            used += len(entry.encode())
        data = "".join(body).encode()
        (folder / f"teammate-{n:03d}-{n:08x}.recordings.yaml").write_bytes(data)
        total += len(data)
    return total


def window_run(folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.core.catalog.shared_recordings import SharedReading, layer
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared.garbage import MainThreadCollector
    from imagine_calc.gui.shared.paint_thread import paint_on_window_thread
    from imagine_calc.gui.shared.settings_store import SettingsStore

    paint_on_window_thread()  # as imagine-calc runs: large fills on this thread
    app = QApplication.instance() or QApplication([])
    MainThreadCollector(app)
    t = time.perf_counter()
    loaded = load_with_override(None, folder)  # in one go, as the command line reads it
    start_read_s = time.perf_counter() - t
    window = MainWindow(loaded, SettingsStore())
    window.show()
    app.processEvents()
    recordings = len(window.session.catalog.observations)

    from stall_probe import StallProbe  # beside this script

    probe = StallProbe()
    longest_stall = probe.longest_stall

    idle_until = time.perf_counter() + 2.0
    idle_stall = longest_stall(lambda: None, lambda: time.perf_counter() < idle_until)
    before = window.session.loaded.shared
    began: list[float] = []

    def reread() -> None:
        began.append(time.perf_counter())
        window.shared_watch.start_reading()  # as a change in the folder starts it, settled

    shown: list[float] = []
    window.session.listen(lambda _parts: shown.append(time.perf_counter()))
    reread_stall = longest_stall(reread, lambda: window.session.loaded.shared is before)
    reread_s = time.perf_counter() - began[0]
    # The longest gap before the reading was handed to the session (the reading thread's), and
    # the one the showing made (from the hand-over to the next tick).
    while_reading = max(
        (g for g, e in zip(probe.gaps, probe.ends, strict=True) if e <= shown[0]), default=0.0
    )
    showing = max((g for g, e in zip(probe.gaps, probe.ends, strict=True) if e > shown[0]), default=0.0)
    panel = window.generate.settings_panel

    def changes(n: int = CHANGES) -> tuple[float, float]:
        """p50 and p99 (ms) of `n` settings changes, each until the window has repainted."""
        took = []
        for _ in range(n):
            t = time.perf_counter()
            panel.images.setValue(panel.images.value() % 4 + 1)
            app.processEvents()
            took.append((time.perf_counter() - t) * 1e3)
        took.sort()
        return took[n // 2], took[min(n - 1, round(n * 0.99))]

    first_change_ms = changes(1)[0]
    change_p50, change_p99 = changes()
    # The same window with the user's own prices only, for scale.
    loaded = window.session.loaded
    catalog, _none = layer(loaded.catalog, SharedReading(folder))
    window.session.set_loaded(replace(loaded, catalog=catalog, shared=None))
    app.processEvents()
    changes(5)
    bare_p50, bare_p99 = changes()
    window.shut_down(keep_working_copy=False)
    return {
        "recordings": recordings,
        "start_read_s": start_read_s,
        "idle_stall_ms": idle_stall,
        "reread_stall_ms": reread_stall,
        "reread_s": reread_s,
        "while_reading_ms": while_reading,
        "showing_ms": showing,
        "first_change_ms": first_change_ms,
        "change_p50_ms": change_p50,
        "change_p99_ms": change_p99,
        "bare_p50_ms": bare_p50,
        "bare_p99_ms": bare_p99,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=("realistic", "large"), default="realistic")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    from imagine_calc.core.limits import MAX_SHARED_FILES

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "team"
        folder.mkdir()
        written = make_folder(folder, MAX_SHARED_FILES, args.size)
        env = {**os.environ, "IMAGINE_CALC_CONFIG_DIR": str(Path(tmp) / "config")}
        for n in range(args.runs):
            out = subprocess.run(
                [sys.executable, __file__, "--window", str(folder)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            w = json.loads(out.strip().splitlines()[-1])
            print(
                f"run {n + 1}: {MAX_SHARED_FILES} files, {written / 2**20:.1f} MB, "
                f"{w['recordings']} recordings in use; read in one go (as the CLI does) in "
                f"{w['start_read_s'] * 1e3:.0f} ms; "
                f"re-read and shown in {w['reread_s'] * 1e3:.0f} ms, longest event-loop stall "
                f"{w['reread_stall_ms']:.0f} ms (target <= {STALL_TARGET_MS} ms): "
                f"{w['while_reading_ms']:.0f} ms while reading, {w['showing_ms']:.0f} ms showing it; "
                "idle window's own "
                f"{w['idle_stall_ms']:.0f} ms); a settings change after: the first "
                f"{w['first_change_ms']:.0f} ms, then p50 {w['change_p50_ms']:.1f} / p99 "
                f"{w['change_p99_ms']:.1f} ms (the user's own prices only: p50 {w['bare_p50_ms']:.1f} / "
                f"p99 {w['bare_p99_ms']:.1f} ms)"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--window"]:
        print(json.dumps(window_run(Path(sys.argv[2]))))
    else:
        main()
