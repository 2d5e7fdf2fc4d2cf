"""The .deb: the bundle under /opt/imagine-calc, the command in /usr/bin, and the desktop entry,
icons, MIME type and AppStream metainfo in /usr/share; built with dpkg-deb alone.

`sudo apt install ./imagine-calc_VERSION_ARCH.deb` installs it with the few system libraries
the bundle takes from the system (Depends: found by asking ldd what each bundled library
loads from outside the bundle, and dpkg which package owns that file).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

NAME = "imagine-calc"
APP_ID = "io.github.imagine_calc.ImagineCalc"
ROOT = Path(__file__).resolve().parent.parent
MAINTAINER = "The imagine-calc developers <imagine-calc@users.noreply.github.com>"

# Desktop caches are refreshed by dpkg triggers where desktop-file-utils, shared-mime-info and
# the icon cache are installed; these do it where a system lacks the triggers, never failing.
REFRESH = """refresh() {
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v update-mime-database >/dev/null; then
        update-mime-database /usr/share/mime || true
    fi
    if command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
}
"""
POSTINST = (
    """#!/bin/sh
set -e
"""
    + REFRESH
    + """if [ "$1" = "configure" ]; then
    refresh
fi
exit 0
"""
)
POSTRM = (
    """#!/bin/sh
set -e
"""
    + REFRESH
    + """if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
    refresh
fi
exit 0
"""
)


def system_packages(bundle: Path) -> list[str]:
    """The packages owning every library a bundled file loads from outside the bundle."""
    elves = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    folders = sorted({str(p.parent) for p in elves})
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(folders)}
    outside: set[str] = set()
    for elf in elves:
        done = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            parts = line.split("=>")
            target = parts[1].split("(")[0].strip() if len(parts) == 2 else ""
            if target.startswith("/") and not target.startswith(str(bundle)):
                outside.add(os.path.realpath(target))
    packages: set[str] = set()
    for path in sorted(outside):
        owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if owner.returncode == 0:
            packages.add(owner.stdout.split(":")[0].strip())
    return sorted(packages)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def build_deb(bundle: Path, out_dir: Path, version: str) -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
    architecture = arch.stdout.strip()
    target = out_dir / f"{NAME}_{version}_{architecture}.deb"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        opt = root / "opt" / NAME
        shutil.copytree(bundle, opt, symlinks=True, ignore=shutil.ignore_patterns("share"))
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
        shutil.copytree(bundle / "share", root / "usr" / "share", symlinks=True)
        doc = root / "usr" / "share" / "doc" / NAME
        doc.mkdir(parents=True)
        licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
        (doc / "copyright").write_text(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            f"Upstream-Name: {NAME}\n\nFiles: *\nLicense: MIT\n "
            + "\n ".join(line or "." for line in licence.splitlines())
            + "\n"
        )
        control = root / "DEBIAN"
        control.mkdir()
        depends = ", ".join(system_packages(opt))
        size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
        (control / "control").write_text(
            f"Package: {NAME}\nVersion: {version}\nArchitecture: {architecture}\n"
            f"Maintainer: {MAINTAINER}\nInstalled-Size: {size_kib}\nDepends: {depends}\n"
            "Section: graphics\nPriority: optional\n"
            "Homepage: https://github.com/imagine-calc/imagine-calc\n"
            "Description: offline calculator for ImagineArt image credits\n"
            " Prices image generation and upscaling on ImagineArt in credits, offline, from the\n"
            " prices ImagineArt publishes, with every figure's certainty: stated, lower bound,\n"
            " inferred, recorded by you, or unknown. Quotes dropped images and phone photos for\n"
            " upscaling, and keeps estimates with a budget.\n"
        )
        for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
            (control / name).write_text(text)
            (control / name).chmod(0o755)
        for path in [root, *root.rglob("*")]:  # what dpkg expects, whatever the umask was
            if path.is_symlink():
                continue
            executable = path.is_dir() or path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if executable else 0o644)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target
