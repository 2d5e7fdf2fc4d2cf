"""What macOS and Windows read from the bundle, checked here where neither can be built: the
icons render and read back at every size, the Info.plist declares the estimate document type,
and the Windows version resource names the version in pyproject."""

from __future__ import annotations

import plistlib
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

from PIL import Image

from tests.packaging import packaging_script

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def platform_files() -> ModuleType:
    return packaging_script("platform_files")


def test_the_icons_render_and_read_back_at_every_size(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(tmp_path)], check=True)
    with Image.open(tmp_path / "imagine-calc.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(tmp_path / "imagine-calc.icns") as icns:
        assert (512, 512) in {s[:2] for s in icns.info["sizes"]} or icns.size == (512, 512)
    for size in (16, 32, 48, 256):
        with Image.open(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "imagine-calc.png") as png:
            assert png.size == (size, size)
            alpha = png.getchannel("A")
            assert alpha.getextrema() == (0, 255)  # drawn, on a transparent ground


def test_the_mac_app_declares_the_estimate_type_and_its_version() -> None:
    files = platform_files()
    plist = files.mac_info_plist(VERSION)
    plistlib.loads(plistlib.dumps(plist))  # a valid property list
    assert plist["CFBundleShortVersionString"] == VERSION
    owned = [d for d in plist["CFBundleDocumentTypes"] if d["LSHandlerRank"] == "Owner"]
    assert owned[0]["LSItemContentTypes"] == [files.ESTIMATE_UTI]
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] == files.ESTIMATE_UTI
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["icalc.json"]
    assert plist["NSRequiresAquaSystemAppearance"] is False


def test_the_windows_version_resource_names_the_version() -> None:
    seen: dict[str, object] = {}

    def record(name: str):  # type: ignore[no-untyped-def]
        def make(*args: object, **kwargs: object) -> dict[str, object]:
            seen.setdefault(name, (args, kwargs))
            return {"type": name, "args": args, "kwargs": kwargs}

        return make

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    text = platform_files().windows_version_info(VERSION)
    eval(text, {name: record(name) for name in names})  # the syntax PyInstaller evaluates
    fixed = seen["FixedFileInfo"][1]  # type: ignore[index]
    major, minor, patch = (int(p) for p in VERSION.split("."))
    assert fixed["filevers"] == (major, minor, patch, 0)  # type: ignore[index]
    assert f"StringStruct('ProductVersion', '{VERSION}')" in text
    assert "StringStruct('OriginalFilename', 'imagine-calc.exe')" in text
