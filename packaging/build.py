"""Build the standalone app from a clean clone: `python3 packaging/build.py`.

Steps: a build venv (build/venv) with imagine-calc installed from this checkout (not
editable, so the bundle holds exactly what a wheel holds) and PyInstaller; icons rendered from
the SVG; PyInstaller run on packaging/imagine-calc.spec; the .desktop file and icons added under
share/; then dist/imagine-calc-VERSION-PLATFORM.tar.gz and its .sha256. Prints the bundle's
unpacked size. Needs only Python 3.11+ with venv and pip, and the package index.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER = "pyinstaller==6.22.3"
NAME = "imagine-calc"


def run(*cmd: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=cwd, env=env)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def prepare_venv(venv: Path) -> Path:
    python = venv_python(venv)
    if not python.exists():
        run(sys.executable, "-m", "venv", venv)
        run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
    # Re-installed every time, so the bundle never holds a stale copy of the package; and
    # setuptools' own build/lib would carry files deleted from the tree into the wheel.
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    run(python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", ".")
    run(python, "-m", "pip", "install", "-q", ".", PYINSTALLER)
    return python


def tree_size(path: Path) -> int:
    """Bytes in regular files, links not followed: what unpacking the archive writes."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def add_desktop_files(bundle: Path, icons: Path) -> None:
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / f"{NAME}.desktop", share / "applications")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / f"{NAME}.svg", scalable)


def archive(bundle: Path, version: str) -> Path:
    machine = platform.machine().lower() or "unknown"
    target = bundle.parent / f"{NAME}-{version}-{sys.platform}-{machine}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname=NAME)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (target.parent / f"{target.name}.sha256").write_text(f"{digest}  {target.name}\n")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "venv", help="build venv (reused)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle lands")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]

    if sys.platform.startswith("linux") and shutil.which("strip") is None:
        print("note: no `strip` (binutils): the bundle keeps its debug symbols, ~20 MB more", flush=True)
    python = prepare_venv(args.venv.resolve())
    icons = ROOT / "build" / "icons"
    run(python, ROOT / "packaging" / "make_icons.py", icons)
    env = {**os.environ, "IMAGINE_CALC_ICONS": str(icons)}
    dist = args.dist.resolve()
    # Not run from the checkout: `-m` puts the working directory first on sys.path, and the
    # source tree's imagine_calc (without its catalog) would shadow the installed package.
    work = ROOT / "build" / "pyinstaller"
    work.mkdir(parents=True, exist_ok=True)
    run(
        python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "ERROR",
        "--distpath", dist, "--workpath", work, ROOT / "packaging" / f"{NAME}.spec",
        env=env, cwd=work,
    )  # fmt: skip
    bundle = dist / NAME
    add_desktop_files(bundle, icons)
    tarball = archive(bundle, version)

    size = tree_size(bundle)
    print(f"bundle: {bundle} ({size / 1e6:.1f} MB unpacked, {size / 2**20:.1f} MiB)")
    print(f"archive: {tarball} ({tarball.stat().st_size / 1e6:.1f} MB) and {tarball.name}.sha256")
    print(f"built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
