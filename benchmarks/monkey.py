"""Long monkey walks: thousands of random real user actions through every tab, per seed, with
faulthandler on and the app's own main-thread garbage collector, as `imagine-calc` runs.

Run: .venv/bin/python benchmarks/monkey.py [--seeds 1 2 3] [--steps 5000]
A failure prints the seed, the step and the last actions; `--seeds N` replays it exactly.
Prints steps per second for each seed (a slowdown is a finding too).
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--steps", type=int, default=5000)
    args = parser.parse_args()
    faulthandler.enable()
    from PySide6.QtWidgets import QApplication

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared.garbage import MainThreadCollector
    from imagine_calc.gui.shared.paint_thread import paint_on_window_thread
    from imagine_calc.gui.shared.settings_store import SettingsStore
    from imagine_calc.qt_messages import handle_qt_messages
    from tests.gui.monkey import Fixtures, Monkey, quiet_message_boxes

    handle_qt_messages(quiet=True)  # offscreen's size-hint notes hid anything that went wrong
    paint_on_window_thread()  # as imagine-calc runs: large fills on this thread
    app = QApplication.instance() or QApplication([])
    MainThreadCollector(app)
    quiet_message_boxes()
    failed = 0
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["IMAGINE_CALC_CONFIG_DIR"] = str(Path(tmp) / "config")
            window = MainWindow(load_with_override(), SettingsStore())
            window.show()
            monkey = Monkey(window, Fixtures.make(Path(tmp) / "files"), seed)
            start = time.perf_counter()
            try:
                monkey.run(args.steps)
            except AssertionError as exc:
                failed += 1
                print(f"seed {seed}: FAILED: {exc}", flush=True)
            else:
                rate = monkey.steps / (time.perf_counter() - start)
                kinds = len(set(monkey.log))
                print(f"seed {seed}: {monkey.steps} steps, {kinds} kinds of action, {rate:.0f} steps/s")
            window.shut_down()
            window.close()
            window.deleteLater()
            app.processEvents()
    print("passed" if not failed else f"{failed} of {len(args.seeds)} seeds failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
