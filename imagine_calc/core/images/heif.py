"""The pixel size of a HEIC/HEIF or AVIF image from its boxes, without decoding and without libheif.

A HEIF file (ISO/IEC 23008-12) is a tree of boxes. Its `meta` box names the primary item
(`pitm`) and lists item properties (`iprp`: the properties in `ipco`, which item has which in
`ipma`). The primary item's `ispe` property is its width and height; for a phone's grid image
it is the grid's, already cropped to the photo. An `irot` of 90° or 270° turns it on its side,
and a `clap` crops it: what is shown, and upscaled, is the result.

pillow-heif reads the same with libheif, but adds 26 MB of libraries (libheif, x265,
libde265) to a bundle that must stay under 100 MB, to learn two numbers these boxes hold.
AVIF is HEIF coded with AV1, in the same boxes. Pillow reads it, but reads the whole file to
do so; these boxes give its size (shown upright and cropped, as for HEIC) from a few hundred
bytes, and the boxes before `meta` are skipped unread.
"""

from __future__ import annotations

import struct

from imagine_calc.core.images.bounded import HEADER_BYTES, BoundedReader
from imagine_calc.core.language import _, ngettext

#: ftyp brands of HEIF still images and sequences coded with HEVC, or of HEIF in general
HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})
AVIF_BRANDS = frozenset({b"avif", b"avis"})
_HEIC_MAJOR = (b"heic", b"heix", b"heim", b"heis")

#: A meta box is a few kilobytes; one larger than all a header may read is not a photo's.
_MAX_META = HEADER_BYTES


class HeifError(ValueError):
    """The file is HEIF but its boxes do not give a size: says what is wrong."""


def box_format(head: bytes) -> str | None:
    """ "AVIF", "HEIC" or "HEIF" from the first bytes (the `ftyp` box and its brands), else None."""
    if head[4:8] != b"ftyp" or len(head) < 12:
        return None
    size = struct.unpack(">I", head[:4])[0]
    brands = {head[8:12]} | {head[i : i + 4] for i in range(16, min(size, len(head)) - 3, 4)}
    if brands & AVIF_BRANDS:
        return "AVIF"
    if brands & HEIF_BRANDS:
        return "HEIC" if head[8:12] in _HEIC_MAJOR else "HEIF"
    return None


def heif_size(fh: BoundedReader) -> tuple[int, int]:
    """(width, height) of the primary image as shown; HeifError if the boxes do not say."""
    try:
        return _size(fh)
    except (struct.error, IndexError):  # a field runs past the end of its box
        raise HeifError(_("a box is cut off")) from None


def _size(fh: BoundedReader) -> tuple[int, int]:
    fh.seek(0)
    meta = _top_level_meta(fh)
    children = dict(_boxes(meta, 4))  # meta is a full box: version and flags first
    if b"pitm" not in children:
        raise HeifError(_("no primary image (pitm box)"))
    primary = _primary(children[b"pitm"])
    if b"iprp" not in children:
        raise HeifError(_("no image properties (iprp box)"))
    iprp = _boxes(children[b"iprp"], 0)
    container = next((body for kind, body in iprp if kind == b"ipco"), None)
    associations = [body for kind, body in iprp if kind == b"ipma"]
    if container is None or not associations:
        raise HeifError(_("no image properties (ipco or ipma box)"))
    properties = _boxes(container, 0)
    width = height = 0
    turned = False
    crop: tuple[int, int] | None = None
    for index in _associated(associations, primary):
        if not 0 < index <= len(properties):
            raise HeifError(_("property {n} does not exist").format(n=index))
        kind, body = properties[index - 1]
        if kind == b"ispe" and len(body) >= 12:
            width, height = struct.unpack(">II", body[4:12])
        elif kind == b"irot" and body:
            turned = (body[0] & 3) in (1, 3)
        elif kind == b"clap" and len(body) >= 16:
            wn, wd, hn, hd = struct.unpack(">IIII", body[:16])
            if wd and hd:
                crop = (wn // wd, hn // hd)
    if crop is not None:
        width, height = crop
    if not (width and height):
        raise HeifError(_("the primary image has no size (ispe property)"))
    return (height, width) if turned else (width, height)


def _top_level_meta(fh: BoundedReader) -> bytes:
    while True:
        header = fh.read(8)
        if len(header) < 8:
            raise HeifError(_("no meta box: the file ends first"))
        size, kind = struct.unpack(">I4s", header)
        body_start = 8
        if size == 1:
            large = fh.read(8)
            if len(large) < 8:
                raise HeifError(_("a box header is cut off"))
            size = struct.unpack(">Q", large)[0]
            body_start = 16
        if kind == b"meta":
            length = size - body_start if size else _MAX_META
            if length < 0 or length > _MAX_META:
                raise HeifError(_("a meta box of {n} bytes is not a photo's").format(n=size))
            body = fh.read(length)
            if size and len(body) < length:
                raise HeifError(_("the meta box is cut off"))
            return body
        if size == 0:
            raise HeifError(_("no meta box"))
        if size < body_start:
            raise HeifError(ngettext("a box claims {n} byte", "a box claims {n} bytes", size).format(n=size))
        fh.seek(size - body_start, 1)


def _boxes(data: bytes, start: int) -> list[tuple[bytes, bytes]]:
    """The boxes in `data` from `start`, in order, as (type, body)."""
    found: list[tuple[bytes, bytes]] = []
    pos = start
    while pos + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, pos)
        head = 8
        if size == 1:
            if pos + 16 > len(data):
                raise HeifError(_("a box header is cut off"))
            size = struct.unpack_from(">Q", data, pos + 8)[0]
            head = 16
        elif size == 0:
            size = len(data) - pos
        if size < head or pos + size > len(data):
            raise HeifError(
                ngettext(
                    "the {name} box is cut off or claims {n} byte",
                    "the {name} box is cut off or claims {n} bytes",
                    size,
                ).format(name=repr(kind.decode("latin-1")), n=size)
            )
        found.append((kind, data[pos + head : pos + size]))
        pos += size
    return found


def _primary(pitm: bytes) -> int:
    if len(pitm) < 6:
        raise HeifError(_("the pitm box is cut off"))
    item: int = struct.unpack_from(">H" if pitm[0] == 0 else ">I", pitm, 4)[0]
    return item


def _associated(ipma_boxes: list[bytes], item: int) -> list[int]:
    """The 1-based property indices associated with `item`, in order."""
    for body in ipma_boxes:
        if len(body) < 8:
            raise HeifError(_("the ipma box is cut off"))
        version, flags = body[0], int.from_bytes(body[1:4], "big")
        (count,) = struct.unpack_from(">I", body, 4)
        pos = 8
        try:
            for _entry in range(count):
                if version < 1:
                    (item_id,) = struct.unpack_from(">H", body, pos)
                    pos += 2
                else:
                    (item_id,) = struct.unpack_from(">I", body, pos)
                    pos += 4
                n = body[pos]
                pos += 1
                indices = []
                for _index in range(n):
                    if flags & 1:
                        (value,) = struct.unpack_from(">H", body, pos)
                        indices.append(value & 0x7FFF)
                        pos += 2
                    else:
                        indices.append(body[pos] & 0x7F)
                        pos += 1
                if item_id == item:
                    return indices
        except (struct.error, IndexError):
            raise HeifError(_("the ipma box is cut off")) from None
    raise HeifError(_("the primary image (item {n}) has no properties").format(n=item))
