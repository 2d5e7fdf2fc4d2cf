"""Test images made on the fly: real small files, and huge ones that are only a header."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height, with one empty IDAT: a few dozen bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    )


def write_image(path: Path, width: int, height: int, fmt: str | None = None) -> Path:
    """A real image file of the given size, in the format its suffix (or `fmt`) names."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "P" if (fmt or path.suffix).lower().endswith("gif") else "RGB"
    Image.new(mode, (width, height)).save(path, format=fmt)
    return path
