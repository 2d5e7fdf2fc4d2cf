"""Start-up of the standalone bundle against the same app run from the venv, in one run.

Run: .venv/bin/python benchmarks/bench_bundle.py [DIST]   (DIST default dist/; built if missing)
Target: the bundle starts within 1.2x of the venv's time.

Both render the window offscreen and exit (`--screenshot`): the whole start-up a user waits for,
imports, catalog, widgets and the first paint. Best of 10 each, taking turns, with bytecode
compiled for the venv as pip would have.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best(cmds: dict[str, list[str]], env: dict[str, str], runs: int = 10) -> dict[str, float]:
    times = dict.fromkeys(cmds, float("inf"))
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            for name, cmd in cmds.items():
                shot = Path(tmp) / f"{name}-{i}.png"
                start = time.perf_counter()
                subprocess.run([*cmd, "--screenshot", str(shot)], env=env, check=True, capture_output=True)
                times[name] = min(times[name], time.perf_counter() - start)
    return times


def main() -> None:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    bundled = dist / "imagine-calc" / "imagine-calc"
    if not bundled.exists():
        build = [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)]
        subprocess.run(build, check=True)
    compileall.compile_dir(str(ROOT / "imagine_calc"), quiet=1)
    with tempfile.TemporaryDirectory() as config:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IMAGINE_CALC_CONFIG_DIR": config}
        times = best({"bundle": [str(bundled)], "venv": [sys.executable, "-m", "imagine_calc"]}, env)
    ratio = times["bundle"] / times["venv"]
    print(
        f"start to first painted window (--screenshot): bundle {times['bundle'] * 1e3:.0f} ms, "
        f"venv {times['venv'] * 1e3:.0f} ms, ratio {ratio:.2f}   (target <= 1.2)"
    )


if __name__ == "__main__":
    main()
