"""The standalone bundle: built by the one build command, it passes its self-test where no
Python environment with PySide6 exists, and starts in under twice the time of the source app."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a new login shell has: system paths only, no venv, no PYTHONPATH.
BARE_PATH = "/usr/local/bin:/usr/bin:/bin"


def bare_env(home: Path) -> dict[str, str]:
    return {"PATH": BARE_PATH, "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def best_time(cmd: list[str], env: dict[str, str], cwd: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(result.stdout.splitlines()[-3:])
    return dist


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_build_writes_a_bundle_with_desktop_files_an_archive_and_its_checksum(built: Path) -> None:
    bundle = built / "imagine-calc"
    assert os.access(bundle / "imagine-calc", os.X_OK)
    assert (bundle / "share" / "applications" / "imagine-calc.desktop").is_file()
    for size in (16, 48, 256):
        assert (bundle / f"share/icons/hicolor/{size}x{size}/apps/imagine-calc.png").is_file()
    (tarball,) = built.glob("imagine-calc-*.tar.gz")
    digest, name = (built / f"{tarball.name}.sha256").read_text().split()
    assert name == tarball.name and digest == hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tarfile.open(tarball) as tar:
        assert "imagine-calc/imagine-calc" in tar.getnames()
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 120e6, f"bundle is {size / 1e6:.1f} MB unpacked"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundled_selftest_passes_without_any_python_environment(built: Path, tmp_path: Path) -> None:
    env = bare_env(tmp_path)
    python3 = shutil.which("python3", path=BARE_PATH)
    assert python3, "no python3 on the system path to prove the point with"
    probe = subprocess.run([python3, "-c", "import PySide6"], env=env, cwd=tmp_path, capture_output=True)
    assert probe.returncode != 0, "PySide6 is importable outside the venv: this test would prove nothing"

    result = subprocess.run(
        [str(built / "imagine-calc" / "imagine-calc"), "--selftest"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == [
        "ok   catalog",
        "ok   quotes",
        "ok   sample image",
        "ok   window",
    ]
    assert lines[-1].startswith("passed: 4 of 4")


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundle_starts_in_under_twice_the_time_of_the_source_app(built: Path, tmp_path: Path) -> None:
    env = bare_env(tmp_path)
    bundled = best_time([str(built / "imagine-calc" / "imagine-calc"), "--selftest"], env, tmp_path)
    source_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    source = best_time([sys.executable, "-m", "imagine_calc", "--selftest"], source_env, tmp_path)
    print(f"bundled --selftest {bundled * 1e3:.0f} ms, from source {source * 1e3:.0f} ms")
    assert bundled < 2 * source, f"bundled {bundled:.3f} s vs source {source:.3f} s"
