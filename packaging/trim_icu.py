"""Keep only the ICU data the app can reach: 32 MB of libicudata down to under 1 MB.

Qt links ICU, so the bundle must carry libicudata.so.NN, a library that is nothing but one data
package (exported as icudtNN_dat). The app reaches none of Qt's ICU paths (collation, legacy
text codecs, ICU time zones, locale-specific case mapping: Qt's own CLDR tables format its
numbers, Python decodes its files, the tz database gives time zones on Linux). What is kept,
should anything still ask: Unicode properties, case and bidi tables, normalization and
stringprep, the converter alias table, and the root and English locale resources. Left out:
converters, collation, break-iterator dictionaries, time zones, units, currencies, language
and region names, transliterators, and every other locale.

The package format (ICU's "CmnD" common data): a header, then a table of contents of
(name offset, data offset) pairs sorted by name, then the names, then the items, each 16-byte
aligned. The trimmed package is assembled into a library with the same soname and symbol by
binutils' `as` and `ld`, which the build already needs for `strip`.

Usage: python packaging/trim_icu.py path/to/libicudata.so.73
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

#: Top-level items kept by suffix, and locale resources kept by name.
KEEP_SUFFIXES = (".icu", ".nrm", ".spp", ".cfu")
KEEP_RESOURCES = frozenset({"pool.res", "res_index.res", "root.res", "en.res"})


def wanted(name: str) -> bool:
    """`name` is "icudt73l/uprops.icu" or "icudt73l/coll/de.res": only top-level items stay."""
    parts = name.split("/")
    if len(parts) != 2:
        return False
    return parts[1].endswith(KEEP_SUFFIXES) or parts[1] in KEEP_RESOURCES


def find_package(data: bytes) -> int:
    """Offset of the common data package: its header says 0xda 0x27 and format "CmnD"."""
    at = -1
    while True:
        at = data.find(b"CmnD", at + 1)
        if at < 0:
            raise ValueError("no ICU common data package in this file")
        start = at - 12
        if start >= 0 and data[start + 2 : start + 4] == b"\xda\x27":
            return start


def items(data: bytes, start: int) -> tuple[bytes, list[tuple[str, int, int | None]]]:
    """(header, [(name, start, end)]) of the package at `start`, in table order. The last
    item's end is None: an item does not record its length, and the package's is not stored."""
    header_size = struct.unpack_from("<H", data, start)[0]
    toc = start + header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * k) for k in range(count)]
    found: list[tuple[str, int, int | None]] = []
    for k, (name_at, data_at) in enumerate(entries):
        name = data[toc + name_at : data.index(b"\0", toc + name_at)].decode("ascii")
        end = toc + entries[k + 1][1] if k + 1 < count else None
        found.append((name, toc + data_at, end))
    return data[start:toc], found


def build(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """A package of `kept` items: same header, new table, names, 16-byte aligned items."""
    count = len(kept)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    table_size = 4 + 8 * count
    first = _align(table_size + len(names))
    offsets, body, name_at, at = [], bytearray(), table_size, first
    for name, item in kept:
        offsets.append((name_at, at))
        name_at += len(name) + 1
        body += item + b"\0" * (_align(len(item)) - len(item))
        at += _align(len(item))
    table = struct.pack("<I", count) + b"".join(struct.pack("<II", n, d) for n, d in offsets)
    toc = table + names + b"\0" * (first - table_size - len(names))
    return header + toc + bytes(body)


def _align(n: int) -> int:
    return (n + 15) & ~15


def trim(library: Path, keep: Callable[[str], bool] = wanted) -> tuple[int, int]:
    """Replace `library` by one holding only the items `keep` accepts; (bytes before, after)."""
    match = re.fullmatch(r"libicudata\.so\.(\d+)", library.name)
    if match is None:
        raise ValueError(f"not an ICU data library: {library.name}")
    symbol = f"icudt{match.group(1)}_dat"
    data = library.read_bytes()
    start = find_package(data)
    header, found = items(data, start)
    if all(keep(name) for name, _begin, _end in found):
        return len(data), len(data)  # trimmed already
    kept = []
    for name, begin, end in found:
        if keep(name):
            if end is None:
                raise ValueError(f"cannot keep {name}: the last item's length is not recorded")
            kept.append((name, data[begin:end]))
    package = build(header, kept)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "data.dat").write_bytes(package)
        (work / "data.S").write_text(
            f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n"
            f'.incbin "{work / "data.dat"}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.S")], check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", library.name, "-o", str(work / library.name), str(work / "data.o")],
            check=True,
        )
        shutil.copy2(work / library.name, library)
    return len(data), library.stat().st_size


if __name__ == "__main__":
    before, after = trim(Path(sys.argv[1]))
    print(f"{sys.argv[1]}: {before / 1e6:.1f} MB -> {after / 1e6:.2f} MB")
