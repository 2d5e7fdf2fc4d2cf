"""Pixel sizes read from PNG, JPEG, WebP, TIFF and GIF headers by us, not by Pillow.

Pillow's `Image.open` reads on past the size: everything before the image data of a PNG or a
JPEG (a gigabyte of private chunks or APP segments is read and kept), every tag's data of a
TIFF's first directory, the whole file of a WebP. These readers read the few bytes that hold
the size and seek over the rest, so a file costs the same to size whatever it carries. Each
gives what Pillow gives (tests/core/images/test_headers.py compares them), and reads through a
BoundedReader, which stops any file at HEADER_BYTES.
"""

from __future__ import annotations

import struct
import zlib

from imagine_calc.core.images.bounded import BoundedReader
from imagine_calc.core.language import N_, _, ngettext

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: JPEG markers whose segment is a frame header: SOF0-3, 5-7, 9-11, 13-15 (not DHT, JPG, DAC)
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
#: JPEG markers that stand alone, without a length: TEM, RST0-7, SOI
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})
#: What may follow 0xFF where a segment with a length is expected, but has none: fill, stuffing,
#: the standalone markers, the end of the image and the start of the scan (handled one by one)
_NO_LENGTH = frozenset({0xFF, 0x00, 0xD9, 0xDA}) | _STANDALONE
#: How far a scan over stray bytes (between GIF blocks, JPEG segments) reads at a time.
_SCAN = 256


class HeaderError(ValueError):
    """The file is of a known format, but its header does not give a size: says why."""


def _exactly(fh: BoundedReader, size: int, cut_short: str) -> bytes:
    """`size` bytes, or HeaderError saying `cut_short` (marked N_: "it ends inside its header")."""
    data = fh.read_exactly(size)
    if data is None:
        raise HeaderError(_(cut_short))
    return data


def png_size(fh: BoundedReader) -> tuple[int, int]:
    """From the IHDR chunk. Chunks before it are skipped unread, as Pillow skips them."""
    if _exactly(fh, 8, N_("it ends inside its signature")) != PNG_SIGNATURE:
        raise HeaderError(_("its signature is damaged"))
    while True:
        length, kind = struct.unpack(">I4s", _exactly(fh, 8, N_("it ends inside its chunks")))
        if not kind.isalpha():  # ASCII letters only, for bytes
            raise HeaderError(_("a chunk is named {name}, which no PNG chunk is").format(name=repr(kind)))
        if kind == b"IHDR":
            if length != 13:
                raise HeaderError(_("its IHDR chunk is {n} bytes, not 13").format(n=length))
            body = _exactly(fh, 17, N_("it ends inside its IHDR chunk"))
            crc = struct.unpack(">I", body[13:])[0]
            if crc != zlib.crc32(kind + body[:13]):
                raise HeaderError(_("its IHDR chunk's checksum is wrong"))
            width, height = struct.unpack(">II", body[:8])
            return width, height
        if kind in (b"IDAT", b"IEND"):
            raise HeaderError(
                _("its {name} chunk comes before IHDR, which gives the size").format(name=kind.decode())
            )
        fh.seek(length + 4, 1)  # the chunk's data and checksum


def jpeg_size(fh: BoundedReader) -> tuple[int, int]:
    """From the first frame header (SOFn), skipping every segment before it unread: four bytes
    read per segment, however long it is."""
    if _exactly(fh, 3, N_("it ends inside its start")) != b"\xff\xd8\xff":
        raise HeaderError(_("it does not start with a JPEG marker"))
    fh.seek(2)
    while True:
        at = fh.tell()
        head = fh.read(4)
        if len(head) == 4 and head[0] == 0xFF and head[1] not in _NO_LENGTH:
            marker, length = head[1], struct.unpack(">H", head[2:])[0]
        else:  # stray or fill bytes, a marker without a length, or the end: byte by byte
            fh.seek(at)
            _skip_until(fh, b"\xff", N_("it ends before its frame header"))
            while (marker := _exactly(fh, 1, N_("it ends inside its markers"))[0]) == 0xFF:
                pass  # fill bytes
            if marker in _STANDALONE or marker == 0x00:
                continue
            if marker in (0xD9, 0xDA):
                raise HeaderError(_("its image data starts before any frame header gives the size"))
            (length,) = struct.unpack(">H", _exactly(fh, 2, N_("it ends inside its segments")))
        if length < 2:
            raise HeaderError(
                ngettext("a segment claims {n} byte", "a segment claims {n} bytes", length).format(n=length)
            )
        if marker in _SOF:
            if length < 8:
                raise HeaderError(_("its frame header is cut short"))
            height, width = struct.unpack(">xHH", _exactly(fh, 5, N_("it ends inside its frame header")))
            return width, height
        fh.seek(length - 2, 1)


def webp_size(fh: BoundedReader) -> tuple[int, int]:
    """From the first chunk (VP8X: the canvas, VP8L: lossless, VP8: lossy), as libwebp reads it."""
    riff = _exactly(fh, 12, N_("it ends inside its RIFF header"))
    if riff[:4] != b"RIFF" or riff[8:12] != b"WEBP":
        raise HeaderError(_("its RIFF header is damaged"))
    kind = _exactly(fh, 8, N_("it ends inside its first chunk"))[:4]
    if kind == b"VP8X":
        body = _exactly(fh, 10, N_("it ends inside its VP8X chunk"))
        return 1 + int.from_bytes(body[4:7], "little"), 1 + int.from_bytes(body[7:10], "little")
    if kind == b"VP8L":
        body = _exactly(fh, 5, N_("it ends inside its VP8L chunk"))
        if body[0] != 0x2F:
            raise HeaderError(_("its VP8L chunk has no lossless signature"))
        bits = int.from_bytes(body[1:5], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if kind == b"VP8 ":
        body = _exactly(fh, 10, N_("it ends inside its VP8 chunk"))
        if body[0] & 1 or body[3:6] != b"\x9d\x01\x2a":
            raise HeaderError(_("its VP8 chunk does not start with a key frame"))
        width, height = struct.unpack("<HH", body[6:10])
        return width & 0x3FFF, height & 0x3FFF
    raise HeaderError(_("its first chunk is {name}, not VP8, VP8L or VP8X").format(name=repr(kind)))


def tiff_size(fh: BoundedReader) -> tuple[int, int]:
    """ImageWidth and ImageLength of the first image (IFD0), tags' data left unread."""
    head = _exactly(fh, 8, N_("it ends inside its header"))
    order = {b"II": "<", b"MM": ">"}.get(head[:2])
    if order is None:
        raise HeaderError(_("its byte order mark is damaged"))
    (magic,) = struct.unpack(order + "H", head[2:4])
    if magic == 42:
        (offset,) = struct.unpack(order + "I", head[4:8])
        count_format, entry_format = "H", "HHI4s"
    elif magic == 43:  # BigTIFF: 8-byte offsets and counts
        if struct.unpack(order + "HH", head[4:8]) != (8, 0):
            raise HeaderError(_("its BigTIFF header is damaged"))
        offset = struct.unpack(order + "Q", _exactly(fh, 8, N_("it ends inside its header")))[0]
        count_format, entry_format = "Q", "HHQ8s"
    else:
        raise HeaderError(_("its version is {n}, not 42 (TIFF) or 43 (BigTIFF)").format(n=magic))
    fh.seek(offset)
    count_size, entry_size = struct.calcsize(count_format), struct.calcsize(order + entry_format)
    (count,) = struct.unpack(
        order + count_format, _exactly(fh, count_size, N_("it ends inside its first directory"))
    )
    found: dict[int, int] = {}
    while count and len(found) < 2:
        batch = min(count, 256)
        data = _exactly(fh, batch * entry_size, N_("it ends inside its first directory"))
        count -= batch
        for tag, kind, _n, value in struct.iter_unpack(order + entry_format, data):
            if tag in (256, 257):
                found[tag] = _tiff_number(order, kind, value)
    if len(found) < 2:
        raise HeaderError(_("its first directory gives no width or no height"))
    return found[256], found[257]


def _tiff_number(order: str, kind: int, value: bytes) -> int:
    """A SHORT, LONG or LONG8 held in the entry itself, as the width and height are."""
    formats = {3: "H", 4: "I", 16: "Q"}
    if kind not in formats or struct.calcsize(formats[kind]) > len(value):
        raise HeaderError(_("its width or height is of type {n}, not a whole number").format(n=kind))
    number: int = struct.unpack_from(order + formats[kind], value)[0]
    return number


def gif_size(fh: BoundedReader) -> tuple[int, int]:
    """The logical screen, widened to the first frame where that frame goes beyond it, as in
    Pillow; extensions before the frame are skipped block by block, unread."""
    head = _exactly(fh, 13, N_("it ends inside its header"))
    if head[:6] not in (b"GIF87a", b"GIF89a"):
        raise HeaderError(_("its signature is damaged"))
    width, height, flags = struct.unpack("<HHB", head[6:11])
    if flags & 0x80:
        fh.seek(3 << ((flags & 7) + 1), 1)  # the global colour table
    while True:
        block = _skip_until(fh, b"!,;", N_("it ends before its first frame"))
        if block == b";":
            raise HeaderError(_("it has no frame"))
        if block == b"!":
            _exactly(fh, 1, N_("it ends inside an extension"))
            while size := _exactly(fh, 1, N_("it ends inside an extension"))[0]:
                fh.seek(size, 1)
            continue
        x, y, w, h = struct.unpack("<HHHH", _exactly(fh, 9, N_("it ends inside its first frame"))[:8])
        return max(width, x + w), max(height, y + h)


def _skip_until(fh: BoundedReader, wanted: bytes, cut_short: str) -> bytes:
    """The next byte that is one of `wanted`, stray bytes before it passed over (as Pillow
    passes over them) a few hundred at a time rather than one by one."""
    first = fh.read(1)
    if first and first in wanted:  # the usual case: nothing stray
        return first
    while True:
        start = fh.tell()
        data = fh.read(_SCAN)
        if not data:
            raise HeaderError(_(cut_short))
        at = min((i for i in (data.find(b) for b in wanted) if i >= 0), default=-1)
        if at >= 0:
            fh.seek(start + at + 1)
            return data[at : at + 1]
