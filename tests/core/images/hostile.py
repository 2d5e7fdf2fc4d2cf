"""Image files built to make a size reader read far: gigabytes of metadata before the size,
endless directories, a header that claims to be huge. The big ones are sparse (`truncate`), so
they take no disk and are made in milliseconds; only their headers are written."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image

GiB = 1 << 30
HEIC = Path(__file__).resolve().parents[2] / "fixtures" / "heic"


def _sparse(path: Path, total: int, parts: list[tuple[int, bytes]]) -> Path:
    """A file of `total` bytes, zeros except `parts` (offset, bytes)."""
    with open(path, "wb") as f:
        f.truncate(total)
        for offset, data in parts:
            f.seek(offset)
            f.write(data)
    return path


def _chunk(kind: bytes, data: bytes, length: int | None = None) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data) if length is None else length) + kind + data + struct.pack(">I", crc)


def _ihdr(width: int, height: int) -> bytes:
    return _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


def webp_sparse(folder: Path) -> Path:
    """2 GiB: a lossless WebP header for 100 x 80, then zeros; named as no image is."""
    bits = (100 - 1) | ((80 - 1) << 14)
    head = b"RIFF" + struct.pack("<I", 2 * GiB - 8) + b"WEBPVP8L" + struct.pack("<I", 5) + b"\x2f"
    return _sparse(folder / "notes.txt", 2 * GiB, [(0, head + struct.pack("<I", bits))])


def webp_sparse_no_chunk(folder: Path) -> Path:
    """2 GiB: the RIFF and WEBP marks, then nothing but zeros."""
    return _sparse(folder / "zeros.webp", 2 * GiB, [(0, b"RIFF\xf8\xff\xff\x7fWEBP")])


def png_private_before_idat(folder: Path) -> Path:
    """IHDR for 640 x 480, then 1 GiB of a private chunk, then the image data."""
    ihdr = b"\x89PNG\r\n\x1a\n" + _ihdr(640, 480)
    private = struct.pack(">I", GiB) + b"prVt"
    end = len(ihdr) + 8 + GiB + 4
    tail = _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b"")
    return _sparse(folder / "private.png", end + len(tail), [(0, ihdr + private), (end, tail)])


def png_private_before_ihdr(folder: Path) -> Path:
    """1 GiB of a private chunk before IHDR (which Pillow allows), then IHDR for 640 x 480."""
    head = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", GiB) + b"prVt"
    at = len(head) + GiB + 4
    tail = _ihdr(640, 480) + _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b"")
    return _sparse(folder / "late-ihdr.png", at + len(tail), [(0, head), (at, tail)])


def png_endless_chunks(folder: Path) -> Path:
    """150,000 empty private chunks before IHDR: 1.8 MB, each chunk's 8-byte head to read."""
    chunks = _chunk(b"prVt", b"") * 150_000
    (folder / "chunks.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunks + _ihdr(640, 480))
    return folder / "chunks.png"


def jpeg_app_segments(folder: Path, count: int = 2_000) -> Path:
    """`count` APP1 segments of 64 KB (128 MB for 2,000) before the frame header of 1024 x 768."""
    step = 2 + 65535
    parts = [(0, b"\xff\xd8")] + [(2 + i * step, b"\xff\xe1\xff\xff") for i in range(count)]
    at = 2 + count * step
    sof = (
        b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", 768, 1024) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    )
    tail = sof + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\xff\xd9"
    return _sparse(folder / "segments.jpg", at + len(tail), [*parts, (at, tail)])


def jpeg_endless_segments(folder: Path) -> Path:
    """300,000 empty APP segments (1.2 MB): each one's 4-byte head to read."""
    (folder / "tiny-segments.jpg").write_bytes(b"\xff\xd8" + b"\xff\xe0\x00\x02" * 300_000 + b"\xff\xd9")
    return folder / "tiny-segments.jpg"


def tiff_huge_tag(folder: Path) -> Path:
    """A first directory whose third tag holds 1 GiB (as Photoshop's layers do), 300 x 200."""
    entries = (
        struct.pack("<HHII", 256, 4, 1, 300)
        + struct.pack("<HHII", 257, 4, 1, 200)
        + struct.pack("<HHII", 37724, 7, GiB, 4096)
    )
    head = b"II*\x00" + struct.pack("<IH", 8, 3) + entries + b"\0\0\0\0"
    return _sparse(folder / "layers.tif", 4096 + GiB, [(0, head)])


def bigtiff_endless_directory(folder: Path) -> Path:
    """A BigTIFF whose first directory claims 2**40 entries: 2 GiB of zeros follow."""
    head = b"II+\x00\x08\x00\x00\x00" + struct.pack("<QQ", 16, 1 << 40)
    return _sparse(folder / "endless.tif", 2 * GiB, [(0, head)])


def gif_zeros(folder: Path) -> Path:
    """A GIF screen of 64 x 64, then 1 GiB of zeros where its first frame should be."""
    return _sparse(folder / "zeros.gif", GiB, [(0, b"GIF89a\x40\x00\x40\x00\x00\x00\x00")])


def gif_long_comment(folder: Path) -> Path:
    """4 MB of comment before the first frame: one length byte to read per 255 bytes."""
    comment = b"!\xfe" + (b"\xff" + b"c" * 255) * 16_000 + b"\x00"
    frame = b"," + struct.pack("<HHHHB", 0, 0, 120, 90, 0) + b"\x02\x02\x4c\x01\x00;"
    (folder / "comment.gif").write_bytes(
        b"GIF89a" + struct.pack("<HHBBB", 120, 90, 0, 0, 0) + comment + frame
    )
    return folder / "comment.gif"


def bmp_huge_header(folder: Path) -> Path:
    """A BMP whose info header claims 2 GB; Pillow would read all of it."""
    head = b"BM" + struct.pack("<IHHI", 2 * GiB, 0, 0, 2 * GiB - 64) + struct.pack("<I", 2 * GiB - 100)
    return _sparse(folder / "header.bmp", 2 * GiB, [(0, head)])


def bmp_huge_pixels(folder: Path) -> Path:
    """An honest header for 16384 x 16384 at 32 bits, then its 1 GiB of pixels (zeros)."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1)).save(out, format="BMP")
    head = bytearray(out.getvalue()[:54])
    struct.pack_into("<iiHH", head, 18, 16384, 16384, 1, 32)
    return _sparse(folder / "pixels.bmp", 54 + GiB, [(0, bytes(head))])


def _boxes_after_a_huge_one(path: Path, original: bytes) -> Path:
    """`original`'s ftyp, then a 2 GiB `free` box (a 64-bit size), then the rest of its boxes."""
    (ftyp_size,) = struct.unpack(">I", original[:4])
    free = struct.pack(">I4sQ", 1, b"free", 2 * GiB)
    rest = original[ftyp_size:]
    at = ftyp_size + 2 * GiB
    return _sparse(path, at + len(rest), [(0, original[:ftyp_size] + free), (at, rest)])


def avif_after_huge_box(folder: Path) -> Path:
    """A 321 x 123 AVIF (as Pillow writes it) whose meta comes after 2 GiB."""
    out = io.BytesIO()
    Image.new("RGB", (321, 123)).save(out, format="AVIF")
    return _boxes_after_a_huge_one(folder / "late-meta.avif", out.getvalue())


def heic_after_huge_box(folder: Path) -> Path:
    """The 640 x 480 HEIC fixture, its meta after 2 GiB."""
    return _boxes_after_a_huge_one(folder / "late-meta.heic", (HEIC / "single.heic").read_bytes())


def heic_endless_boxes(folder: Path) -> Path:
    """150,000 empty `free` boxes before any meta (1.2 MB): each box's head to read."""
    ftyp = (HEIC / "single.heic").read_bytes()
    (ftyp_size,) = struct.unpack(">I", ftyp[:4])
    path = folder / "boxes.heic"
    path.write_bytes(ftyp[:ftyp_size] + struct.pack(">I4s", 8, b"free") * 150_000)
    return path


#: Each hostile file, and what reading it gives: its (width, height), or a refusal (None).
CASES: dict[str, tuple[Callable[[Path], Path], tuple[int, int] | None]] = {
    "WebP, 2 GiB sparse": (webp_sparse, (100, 80)),
    "WebP, 2 GiB of zeros": (webp_sparse_no_chunk, None),
    "PNG, 1 GiB private chunk before IDAT": (png_private_before_idat, (640, 480)),
    "PNG, 1 GiB private chunk before IHDR": (png_private_before_ihdr, (640, 480)),
    "PNG, 150,000 chunks before IHDR": (png_endless_chunks, None),
    "JPEG, 2,000 APP segments of 64 KB": (jpeg_app_segments, (1024, 768)),
    "JPEG, 300,000 empty APP segments": (jpeg_endless_segments, None),
    "TIFF, a 1 GiB tag": (tiff_huge_tag, (300, 200)),
    "BigTIFF, 2**40 directory entries": (bigtiff_endless_directory, None),
    "GIF, 1 GiB of zeros before the frame": (gif_zeros, None),
    "GIF, 4 MB comment": (gif_long_comment, (120, 90)),
    "BMP, a 2 GB info header": (bmp_huge_header, None),
    "BMP, 1 GiB of pixels": (bmp_huge_pixels, (16384, 16384)),
    "AVIF, meta after 2 GiB": (avif_after_huge_box, (321, 123)),
    "HEIC, meta after 2 GiB": (heic_after_huge_box, (640, 480)),
    "HEIC, 150,000 boxes before meta": (heic_endless_boxes, None),
}
