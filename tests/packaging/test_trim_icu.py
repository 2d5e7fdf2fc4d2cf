"""The bundle's ICU data, trimmed from 32 MB to what the app can reach, still serves what ICU is
asked for (Unicode properties and names, locale case mapping, the Latin-1 converter), and
reports what was left out as missing rather than failing to load."""

from __future__ import annotations

import ctypes
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6

from tests.packaging import packaging_script
from tests.tools import require

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"

PROBE = """
import ctypes, json, sys
version = sys.argv[2]
uc = ctypes.CDLL(sys.argv[1] + "/libicuuc.so." + version)
def fn(name):
    return getattr(uc, f"{name}_{version}")
err = ctypes.c_int(0)
fn("u_init")(ctypes.byref(err))
result = {"init": err.value}
name = ctypes.create_string_buffer(100)
err.value = 0
fn("u_charName")(0xE9, 0, name, 100, ctypes.byref(err))
result["name"] = name.value.decode()
text = "istanbul".encode("utf-16-le")
upper = ctypes.create_string_buffer(64)
err.value = 0
n = fn("u_strToUpper")(upper, 32, text, len(text) // 2, b"tr", ctypes.byref(err))
result["turkish_upper"] = upper.raw[: n * 2].decode("utf-16-le")
for charset in ("ISO-8859-1", "Shift_JIS"):
    err.value = 0
    converter = fn("ucnv_open")(charset.encode(), ctypes.byref(err))
    result[charset] = err.value
print(json.dumps(result))
"""


def trim_module() -> ModuleType:
    return packaging_script("trim_icu")


def test_trimmed_icu_data_still_serves_what_is_kept(tmp_path: Path) -> None:
    require("as", "binutils")
    require("ld", "binutils")
    (data,) = QT_LIB.glob("libicudata.so.[0-9]*")
    version = data.name.rsplit(".", 1)[1]
    for lib in (data, *QT_LIB.glob(f"libicuuc.so.{version}")):
        shutil.copy2(lib, tmp_path / lib.name)
    before, after = trim_module().trim(tmp_path / data.name)
    assert before > 25e6 and after < 1.5e6, (before, after)

    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path), version],
        capture_output=True,
        text=True,
        env={"LD_LIBRARY_PATH": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["init"] == 0  # the trimmed package loads
    assert result["name"] == "LATIN SMALL LETTER E WITH ACUTE"
    assert result["turkish_upper"] == "İSTANBUL"
    assert result["ISO-8859-1"] == 0
    assert result["Shift_JIS"] != 0  # left out, and said so: U_FILE_ACCESS_ERROR, not a crash
    ctypes.CDLL(str(tmp_path / data.name))  # and it is a library with its soname as before
    soname = subprocess.run(["readelf", "-d", str(tmp_path / data.name)], capture_output=True, text=True)
    assert f"[{data.name}]" in soname.stdout


def test_trimming_twice_changes_nothing(tmp_path: Path) -> None:
    require("as", "binutils")
    (data,) = QT_LIB.glob("libicudata.so.[0-9]*")
    copy = tmp_path / data.name
    shutil.copy2(data, copy)
    module = trim_module()
    module.trim(copy)
    once = copy.read_bytes()
    module.trim(copy)
    assert copy.read_bytes() == once
