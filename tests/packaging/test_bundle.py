"""The standalone bundle: built by the one build command, at most 100 MB, it passes its
self-test where no Python environment with PySide6 exists, draws the window, and starts in
under twice the time of the source app. Its .deb installs every file where the desktop entry
and the metainfo say, and the installed command passes its self-test with an empty
environment."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from imagine_calc import APP_ID
from tests.tools import require

ROOT = Path(__file__).resolve().parents[2]
# What a new login shell has: system paths only, no venv, no PYTHONPATH.
BARE_PATH = "/usr/local/bin:/usr/bin:/bin"


def bare_env(home: Path) -> dict[str, str]:
    return {"PATH": BARE_PATH, "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


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
    assert (bundle / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (bundle / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (bundle / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    for size in (16, 48, 256):
        assert (bundle / f"share/icons/hicolor/{size}x{size}/apps/imagine-calc.png").is_file()
    (tarball,) = built.glob("imagine-calc-*.tar.gz")
    digest, name = (built / f"{tarball.name}.sha256").read_text().split()
    assert name == tarball.name and digest == hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tarfile.open(tarball) as tar:
        assert "imagine-calc/imagine-calc" in tar.getnames()
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {size / 1e6:.1f} MB unpacked")
    assert size <= 100e6, f"bundle is {size / 1e6:.1f} MB unpacked"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_bundle_carries_each_language_and_no_other(built: Path) -> None:
    """Our compiled catalogs and each locale's figures (not their sources), and Qt's
    qtbase_LANG.qm for the app's languages only; Babel, the catalogs' tool, not at all."""
    from imagine_calc.core.language import ENGLISH, LANGUAGES

    bundle = built / "imagine-calc"
    translated = sorted(set(LANGUAGES) - {ENGLISH})
    catalogs = sorted(p.parents[1].name for p in bundle.rglob("locale/*/LC_MESSAGES/imagine_calc.mo"))
    assert catalogs == translated
    assert not [*bundle.rglob("imagine_calc.po"), *bundle.rglob("imagine_calc.pot")]
    assert sorted(p.name for p in bundle.rglob("qtbase_*.qm")) == [f"qtbase_{code}.qm" for code in translated]
    assert [p.name for p in bundle.rglob("locale/figures.json")] == ["figures.json"]
    assert not [*bundle.rglob("babel"), *bundle.rglob("locale-data")]


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
    assert [line.split(":")[0] for line in lines[:5]] == [
        "ok   catalog",
        "ok   quotes",
        "ok   sample image",
        "ok   language",
        "ok   window",
    ]
    assert lines[-1].startswith("passed: 5 of 5")
    assert "built in de" in lines[4]  # with Qt's own German (qtbase_de.qm) and CLDR's figures


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundled_window_draws_an_estimate(built: Path, tmp_path: Path) -> None:
    """The window itself, under the bundle (trimmed ICU and all), not only the self-test's."""
    sample = ROOT / "resources" / "screenshots" / "spring-campaign.icalc.json"
    out = tmp_path / "window.png"
    result = subprocess.run(
        [str(built / "imagine-calc" / "imagine-calc"), "--screenshot", str(out), str(sample)],
        env=bare_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    from PIL import Image

    with Image.open(out) as image:
        assert image.size[0] >= 700 and len(image.getcolors(1 << 20) or []) > 50  # drawn, not blank


def extract_deb(built: Path, root: Path) -> dict[str, str]:
    (deb,) = built.glob("imagine-calc_*.deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    info = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True)
    fields = dict(line.split(": ", 1) for line in info.stdout.splitlines() if ": " in line)
    scripts = root.parent / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(scripts)], check=True)
    for name in ("postinst", "postrm"):
        assert os.access(scripts / name, os.X_OK), name
        assert subprocess.run(["sh", "-n", str(scripts / name)]).returncode == 0, name
    return fields


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_deb_puts_every_file_where_the_desktop_entry_and_metainfo_say(
    built: Path, tmp_path: Path
) -> None:
    import configparser
    import xml.etree.ElementTree as ET

    root = tmp_path / "root"
    fields = extract_deb(built, root)
    assert fields["Package"] == "imagine-calc" and "libfontconfig1" in fields["Depends"]
    command = root / "usr" / "bin" / "imagine-calc"
    assert command.is_symlink() and os.readlink(command) == "/opt/imagine-calc/imagine-calc"
    assert os.access(root / "opt" / "imagine-calc" / "imagine-calc", os.X_OK)

    share = root / "usr" / "share"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(share / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"].split()[0] == "imagine-calc"  # found on PATH as /usr/bin/imagine-calc
    icon = entry["Icon"]
    for size in (16, 32, 48, 256):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{icon}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{icon}.svg").is_file()
    meta = ET.parse(share / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()
    assert (share / "applications" / (meta.findtext("launchable") or "")).is_file()
    assert meta.findtext("icon") == icon and meta.findtext("provides/binary") == "imagine-calc"
    mime = ET.parse(share / "mime" / "packages" / f"{APP_ID}.xml").getroot()
    assert meta.findtext("provides/mediatype") == mime[0].get("type")
    assert (share / "doc" / "imagine-calc" / "copyright").is_file()
    for tool, args in (
        ("desktop-file-validate", [str(share / "applications" / f"{APP_ID}.desktop")]),
        ("appstreamcli", ["validate", "--no-net", str(share / "metainfo" / f"{APP_ID}.metainfo.xml")]),
    ):
        done = subprocess.run([require(tool), *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_installed_command_passes_its_selftest_with_an_empty_environment(
    built: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    extract_deb(built, root)
    result = subprocess.run(
        [str(root / "opt" / "imagine-calc" / "imagine-calc"), "--selftest"],
        env={},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("passed: 5 of 5")
    assert result.stderr == ""
