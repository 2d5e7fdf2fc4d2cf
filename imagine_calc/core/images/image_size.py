"""Pixel size from the file header only: quoting an upscale never decodes an image, and reading
a size reads at most HEADER_BYTES of the file, whatever its length or content."""

from __future__ import annotations

import io
import os
import stat
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, BinaryIO, cast

from imagine_calc.core.files import FileProblem, open_regular
from imagine_calc.core.images import headers, heif
from imagine_calc.core.images.bounded import HEADER_BYTES, BoundedReader, HeaderTooLong
from imagine_calc.core.language import N_, _
from imagine_calc.core.limits import MAX_PIXEL_SIDE
from imagine_calc.core.numbers import whole
from imagine_calc.core.text.offline import OFFLINE, is_web_address


class NotAnImage(Exception):
    """Pillow knows no format in the file."""


def _pillow_size(reader: IO[bytes]) -> tuple[int, int, str | None]:
    """Width, height and format as Pillow reads them from the header. Pillow is imported here,
    on the first file our own readers do not know: importing it cost every start of the window
    24 ms, though most starts read no image at all."""
    from PIL import Image, UnidentifiedImageError

    # Pillow refuses to *open* images above ~179 MP as a guard against decompression bombs. We
    # only read headers here (never .load()), so the guard would just stop us from quoting a
    # real 400 MP scan; code that decodes pixels (thumbnails) checks the size itself first.
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(reader, formats=PILLOW_FORMATS) as im:
            width, height = im.size
            return width, height, im.format
    except UnidentifiedImageError:
        raise NotAnImage from None


#: Formats whose size we read ourselves (headers.py, heif.py), by what their files start with:
#: Pillow reads on past the size in each of them.
_OWN_READERS: dict[str, Callable[[BoundedReader], tuple[int, int]]] = {
    "PNG": headers.png_size,
    "JPEG": headers.jpeg_size,
    "WebP": headers.webp_size,
    "TIFF": headers.tiff_size,
    "GIF": headers.gif_size,
    "AVIF": heif.heif_size,
    "HEIC": heif.heif_size,
    "HEIF": heif.heif_size,
}
#: What Pillow is asked to read (always through a BoundedReader): BMP, whose header is small
#: and whose many variants Pillow knows, and what our signatures miss (such as a TIFF whose
#: byte order mark is wrong), should Pillow know it.
PILLOW_FORMATS = ("BMP", "TIFF", "PNG", "JPEG", "GIF")

#: File signatures: a file that starts like an image but cannot be read is corrupt,
#: not "not an image", and the user should be told so.
_SIGNATURES = (
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"II+\x00", "TIFF"),  # BigTIFF
    (b"MM\x00+", "TIFF"),
)


def _signature(head: bytes) -> str | None:
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return heif.box_format(head)


@dataclass(frozen=True)
class ImageSize:
    path: str
    width: int
    height: int
    format: str


@dataclass(frozen=True)
class SizeError:
    """Why a file has no size to quote; one per file, never an exception to the caller."""

    path: str
    #: "missing", "web-address", "unreadable", "empty", "not-an-image", "corrupt", "folder", or one of
    #: OTHER_KINDS ("svg", "pdf", "psd", "raw"): a file with no pixel size to upscale
    kind: str
    message: str


def read_size(path: str | os.PathLike[str]) -> ImageSize | SizeError:
    """Width and height of the image at `path`, from its header."""
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        if is_web_address(name):
            return SizeError(name, "web-address", _("a web address: {offline}").format(offline=_(OFFLINE)))
        return SizeError(name, "missing", _("file not found"))
    except OSError as exc:
        return SizeError(name, "unreadable", _cannot_read(exc))
    if stat.S_ISDIR(st.st_mode):
        return SizeError(name, "folder", _("is a folder"))
    if not stat.S_ISREG(st.st_mode):
        return SizeError(name, "not-an-image", _("not a regular file"))
    if st.st_size == 0:
        return SizeError(name, "empty", _("empty file (0 bytes)"))
    try:
        fd = open_regular(name)  # without blocking: the path may have become a FIFO since stat
    except FileProblem as exc:
        return SizeError(name, "unreadable", str(exc))
    try:
        with os.fdopen(fd, "rb", buffering=0) as fh:  # unbuffered: only what is asked is read
            return size_from_stream(cast(BinaryIO, fh), name)
    except OSError as exc:
        return SizeError(name, "unreadable", _cannot_read(exc))


def _cannot_read(exc: BaseException) -> str:
    return _("cannot read: {why}").format(why=getattr(exc, "strerror", None) or exc)


def size_from_stream(fh: BinaryIO, name: str) -> ImageSize | SizeError:
    """The size of the image `fh` holds (seekable, from its start), reading at most HEADER_BYTES
    of it: unbuffered, that is all that is read from the disk too."""
    try:
        reader = BoundedReader(fh, HEADER_BYTES)
        head = reader.read(1024)
    except (OSError, ValueError) as exc:
        return SizeError(name, "unreadable", _cannot_read(exc))
    fmt = _signature(head)
    try:
        reader.seek(0)
        own = _OWN_READERS.get(fmt or "")
        if own is not None:
            width, height = own(reader)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                width, height, named = _pillow_size(cast(IO[bytes], reader))
                fmt = named or "image"
    except HeaderTooLong as exc:
        # The detail after the colon (a header's own words: chunks, boxes, markers) is in the
        # language in use too; a bug report quotes the file itself, and --json says it in English.
        if fmt:
            said = _("corrupt {format} file: {detail} (a real image gives its size far sooner)")
        else:
            said = _("corrupt file: {detail} (a real image gives its size far sooner)")
        return SizeError(name, "corrupt", said.format(format=fmt, detail=exc))
    except (headers.HeaderError, heif.HeifError) as exc:
        return SizeError(name, "corrupt", _("corrupt {format} file: {detail}").format(format=fmt, detail=exc))
    except NotAnImage:
        return _unreadable(name, head, "not-an-image", _("not an image (its content is no known format)"))
    except Exception:
        return _unreadable(name, head, "corrupt", _("corrupt image: its header is damaged or cut off"))
    fmt = fmt or "image"
    if width <= 0 or height <= 0:
        said = _("corrupt image header (size {width} x {height})").format(width=width, height=height)
        return SizeError(name, "corrupt", said)
    if width > MAX_PIXEL_SIDE or height > MAX_PIXEL_SIDE:
        return SizeError(
            name,
            "corrupt",
            _(
                "its {format} header claims {width} x {height} pixels, more than {most} on a side: a "
                "damaged header, not a real image"
            ).format(format=fmt, width=whole(width), height=whole(height), most=whole(MAX_PIXEL_SIDE)),
        )
    return ImageSize(name, width, height, fmt)


def read_size_bytes(data: bytes, name: str = "<pasted>") -> ImageSize | SizeError:
    """The same for bytes already in memory (pasted or dropped image data)."""
    if not data:
        return SizeError(name, "empty", _("empty image data"))
    return size_from_stream(io.BytesIO(data), name)


#: Files people keep beside their images that have no pixel size to upscale: (kind, what it
#: is and what to do), recognised by content first, then by name.
OTHER_KINDS = {
    "svg": N_("SVG is a vector drawing: export it as PNG to upscale it"),
    "pdf": N_("PDF is a document: export the page as PNG to upscale it"),
    "psd": N_("Photoshop file: export it as PNG or JPEG to upscale it"),
    "raw": N_("camera RAW file: export it as JPEG or PNG to upscale it"),
}
_RAW_SUFFIXES = frozenset({".cr2", ".cr3", ".nef", ".arw", ".dng", ".orf", ".rw2", ".raf", ".srw", ".pef"})


def other_kind(name: str, head: bytes) -> str | None:
    """Which of OTHER_KINDS a file is, from its first bytes or its name; None if none."""
    suffix = os.path.splitext(name)[1].lower()
    text = head[:1024].lstrip().lower()
    if b"<svg" in text or suffix in (".svg", ".svgz"):
        return "svg"
    if head.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if head.startswith(b"8BPS") or suffix in (".psd", ".psb"):
        return "psd"
    if suffix in _RAW_SUFFIXES:
        return "raw"
    return None


def _unreadable(name: str, head: bytes, kind: str, message: str) -> SizeError:
    """A file that starts like a known format but fails is corrupt, and says which format; a
    drawing, a document or a camera RAW file says what it is and what to do."""
    fmt = _signature(head[:64])
    if fmt is not None:
        said = _("corrupt {format} file: its header is damaged or cut off").format(format=fmt)
        return SizeError(name, "corrupt", said)
    other = other_kind(name, head)
    if other is not None:
        return SizeError(name, other, _(OTHER_KINDS[other]))
    return SizeError(name, kind, message)
