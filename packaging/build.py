"""Build the standalone app from a clean clone: `python3 packaging/build.py`.

Steps: a build venv (build/venv) with imagine-calc installed from this checkout (not
editable, so the bundle holds exactly what a wheel holds) and PyInstaller; icons rendered from
the SVG; PyInstaller run on packaging/imagine-calc.spec. On Linux then: ICU's data trimmed to
what the app can reach (packaging/trim_icu.py), the desktop entry, icons, MIME type and
AppStream metainfo added under share/, dist/imagine-calc-VERSION-PLATFORM.tar.gz with its
.sha256, and, where dpkg-deb exists, dist/imagine-calc_VERSION_ARCH.deb (packaging/debian.py).
Prints the bundle's unpacked size and its ten biggest files. Needs only Python 3.11+ with venv
and pip, and the package index (and binutils on Linux).
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
APP_ID = "io.github.imagine_calc.ImagineCalc"


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
    """share/ as /usr/share wants it: desktop entry, icons, MIME type, AppStream metainfo."""
    share = bundle / "share"
    resources = ROOT / "resources"
    for folder, source, name in (
        ("applications", f"{APP_ID}.desktop", f"{APP_ID}.desktop"),
        ("metainfo", f"{APP_ID}.metainfo.xml", f"{APP_ID}.metainfo.xml"),
        ("mime/packages", f"{NAME}-mime.xml", f"{APP_ID}.xml"),
    ):
        (share / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(resources / source, share / folder / name)
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / f"{NAME}.svg", scalable)


def trim_icu_data(bundle: Path) -> None:
    """ICU's 32 MB data library down to what the app can reach (see packaging/trim_icu.py)."""
    if shutil.which("as") is None or shutil.which("ld") is None:
        print("note: no `as`/`ld` (binutils): ICU's data is left whole, ~31 MB more", flush=True)
        return
    from trim_icu import trim  # packaging/, beside this script

    for library in bundle.rglob("libicudata.so.*"):
        if library.is_symlink():  # PyInstaller links _internal/ to the copy beside Qt
            continue
        before, after = trim(library)
        print(f"ICU data: {library.name} {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB", flush=True)


def archive(bundle: Path, version: str) -> Path:
    """tar.gz on Linux; zip on macOS (of imagine-calc.app) and Windows, as people unpack there."""
    machine = platform.machine().lower() or "unknown"
    stem = bundle.parent / f"{NAME}-{version}-{sys.platform}-{machine}"
    if sys.platform == "darwin" or os.name == "nt":
        app = bundle.parent / f"{NAME}.app"
        base = app if app.exists() else bundle
        target = Path(shutil.make_archive(str(stem), "zip", root_dir=base.parent, base_dir=base.name))
    else:
        target = stem.with_name(stem.name + ".tar.gz")
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
    linux = sys.platform.startswith("linux")
    if linux:
        trim_icu_data(bundle)
        add_desktop_files(bundle, icons)
    tarball = archive(bundle, version)

    size = tree_size(bundle)
    print("ten biggest files:")
    for path in sorted(bundle.rglob("*"), key=lambda p: -p.lstat().st_size if p.is_file() else 0)[:10]:
        print(f"  {path.lstat().st_size / 1e6:6.1f} MB  {path.relative_to(bundle)}")
    print(f"bundle: {bundle} ({size / 1e6:.1f} MB unpacked, {size / 2**20:.1f} MiB)")
    print(f"archive: {tarball} ({tarball.stat().st_size / 1e6:.1f} MB) and {tarball.name}.sha256")
    if linux and shutil.which("dpkg-deb") is not None:
        from debian import build_deb  # packaging/, beside this script

        deb = build_deb(bundle, dist, version)
        print(f"package: {deb} ({deb.stat().st_size / 1e6:.1f} MB): sudo apt install ./{deb.name}")
    print(f"built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
