"""Our header readers give the size Pillow gives, for the files Pillow itself writes in every
variant a user may drop, and for the odd ones Pillow reads its own way."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable

import pytest
from PIL import Image, ImageOps

from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size_bytes


def saved(fmt: str, size: tuple[int, int], mode: str = "RGB", **options: object) -> bytes:
    out = io.BytesIO()
    frames = [Image.new(mode, size, i * 40) for i in range(3)]
    if options.pop("animated", False):
        frames[0].save(out, format=fmt, save_all=True, append_images=frames[1:], **options)
    else:
        frames[0].save(out, format=fmt, **options)
    return out.getvalue()


def exif(orientation: int) -> bytes:
    data = Image.Exif()
    data[0x0112] = orientation
    return data.tobytes()


VARIANTS: dict[str, Callable[[], bytes]] = {
    "png": lambda: saved("PNG", (321, 123)),
    "png 16-bit grey": lambda: saved("PNG", (1, 4000), "I;16"),
    "png interlaced, alpha": lambda: saved("PNG", (640, 3), "RGBA", interlace=1),
    "apng": lambda: saved("PNG", (50, 70), animated=True),
    "jpeg": lambda: saved("JPEG", (321, 123)),
    "jpeg progressive, optimised": lambda: saved("JPEG", (2001, 17), progressive=True, optimize=True),
    "jpeg cmyk": lambda: saved("JPEG", (99, 100), "CMYK"),
    "jpeg with exif and icc": lambda: saved(
        "JPEG", (640, 480), exif=exif(6), icc_profile=b"\0" * 200_000
    ),  # an ICC profile over several APP2 segments
    "webp lossy": lambda: saved("WEBP", (321, 123)),
    "webp lossless": lambda: saved("WEBP", (16383, 2), lossless=True),
    "webp alpha (VP8X)": lambda: saved("WEBP", (300, 200), "RGBA"),
    "webp with exif (VP8X)": lambda: saved("WEBP", (300, 200), exif=exif(1)),
    "webp animated": lambda: saved("WEBP", (77, 55), animated=True),
    "tiff": lambda: saved("TIFF", (321, 123)),
    "tiff lzw, multi-page": lambda: saved("TIFF", (70000, 1), "L", compression="tiff_lzw", animated=True),
    "bigtiff": lambda: saved("TIFF", (300, 200), big_tiff=True),
    "gif": lambda: saved("GIF", (321, 123), "P"),
    "gif animated with comment": lambda: saved("GIF", (60, 40), "P", animated=True, comment=b"x" * 1000),
    "bmp": lambda: saved("BMP", (321, 123)),
    "bmp top-down": lambda: bytearray_top_down(saved("BMP", (30, 20))),
    "avif": lambda: saved("AVIF", (321, 123)),
    "avif animated": lambda: saved("AVIF", (64, 48), animated=True),
}


def bytearray_top_down(bmp: bytes) -> bytes:
    """The same BMP with a negative height: rows stored top to bottom."""
    data = bytearray(bmp)
    (height,) = struct.unpack_from("<i", data, 22)
    struct.pack_into("<i", data, 22, -height)
    return bytes(data)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_size_read_is_the_size_pillow_reads(variant: str) -> None:
    data = VARIANTS[variant]()
    with Image.open(io.BytesIO(data)) as im:
        expected = im.size
    result = read_size_bytes(data)
    assert isinstance(result, ImageSize), result
    assert (result.width, result.height) == expected


def test_an_avif_turned_by_its_irot_box_is_sized_upright_as_shown() -> None:
    """Pillow reports the stored size and keeps the turn as an EXIF orientation; what is shown
    (and upscaled) is upright, as for HEIC."""
    data = saved("AVIF", (300, 200), exif=exif(6))
    with Image.open(io.BytesIO(data)) as im:
        shown = ImageOps.exif_transpose(im).size
    result = read_size_bytes(data)
    assert isinstance(result, ImageSize)
    assert (result.width, result.height) == shown == (200, 300)


def gif(screen: tuple[int, int], frame: tuple[int, int, int, int], before: bytes = b"") -> bytes:
    """A GIF by hand: no colour table, `before` between the screen and the first frame."""
    image = b"," + struct.pack("<HHHHB", *frame, 0) + b"\x02\x02\x4c\x01\x00;"
    return b"GIF89a" + struct.pack("<HHBBB", *screen, 0, 0, 0) + before + image


@pytest.mark.parametrize(
    "data",
    [
        gif((100, 50), (90, 40, 30, 20)),  # a first frame beyond the screen widens it
        gif((100, 50), (0, 0, 10, 10), before=b"\0\0\0junk"),  # stray bytes are passed over
        gif((100, 50), (0, 0, 10, 10), before=b"!\xfe\x03abc\x02de\x00"),  # a comment
    ],
)
def test_odd_gifs_are_read_as_pillow_reads_them(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as im:
        expected = im.size
    result = read_size_bytes(data)
    assert isinstance(result, ImageSize) and (result.width, result.height) == expected


def big_endian_tiff(width: int, height: int, short: bool) -> bytes:
    kind, value = (3, struct.pack(">HH", width, 0)) if short else (4, struct.pack(">I", width))
    entries = struct.pack(">HHI4s", 256, kind, 1, value) + struct.pack(">HHII", 257, 4, 1, height)
    return b"MM\x00*" + struct.pack(">IH", 8, 2) + entries + b"\0\0\0\0"


@pytest.mark.parametrize("short", [True, False])
def test_a_big_endian_tiff_is_read_with_short_or_long_sizes(short: bool) -> None:
    result = read_size_bytes(big_endian_tiff(5000, 7, short))
    assert isinstance(result, ImageSize) and (result.width, result.height, result.format) == (5000, 7, "TIFF")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\0" + b"\0" * 9 + b"\xff\xda\x00\x02", "image data starts before"),
        (b"\xff\xd8\xff\xe1\x00\x01", "claims 1 byte"),
        (saved("PNG", (10, 10))[:20], "ends inside its IHDR"),
        (saved("PNG", (10, 10)).replace(b"IHDR", b"IHDX"), "IDAT chunk comes before IHDR"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\0\0\0\0\0", "which no PNG chunk is"),
        (b"RIFF\0\0\0\0WEBPVP8Z\0\0\0\0", "not VP8, VP8L or VP8X"),
        (b"II*\x00\x08\x00\x00\x00\x00\x00", "no width or no height"),
        (b"II+\x00\x04\x00\x00\x00", "BigTIFF header is damaged"),
        (b"GIF89a\x10\x00\x10\x00\x00\x00\x00;", "no frame"),
    ],
)
def test_a_damaged_header_says_what_is_wrong(data: bytes, reason: str) -> None:
    result = read_size_bytes(data, "bad")
    assert isinstance(result, SizeError) and result.kind == "corrupt"
    assert reason in result.message, result.message
