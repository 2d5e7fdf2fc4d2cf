"""A stream that hands out at most a fixed number of bytes, in a fixed number of reads, so
reading an image's size costs the same whatever the file's length or content.

Every header reader, ours and Pillow's, reads through it. Seeking is free: a reader may skip a
gigabyte of metadata to find the size, but never reads it. A read that would go past either
bound raises HeaderTooLong before reading anything, so no file can make the app read or hold
more, or take longer than HEADER_READS small reads (a quarter of a second here).
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from imagine_calc.core.files import describe_size
from imagine_calc.core.language import _, ngettext
from imagine_calc.core.numbers import whole

#: The most bytes read from one file to learn its size. Real headers take a few kilobytes
#: (a camera's EXIF block is at most 64 KB); this leaves room for odd but honest files.
HEADER_BYTES = 1_000_000
#: The most reads: a JPEG's segments, a PNG's chunks, a HEIF's boxes each cost one or two to
#: skip, and a file of a million 4-byte segments would take seconds to walk. A photo has tens.
HEADER_READS = 50_000


class HeaderTooLong(OSError):
    """The size was not found within the bound; an OSError, so that Pillow passes it on."""

    def __init__(self, why: str) -> None:
        super().__init__(why)


class BoundedReader(io.RawIOBase):
    """Reads from `raw` (seekable) at most `limit` bytes in all, in at most `max_reads` reads;
    `consumed` says how many bytes so far.

    Reads are passed on exactly as asked (no read-ahead), so what is counted is what the file
    gave; ask `raw` to be unbuffered for that to be what the disk gave too.
    """

    def __init__(self, raw: BinaryIO, limit: int = HEADER_BYTES, max_reads: int = HEADER_READS) -> None:
        super().__init__()
        self._raw = raw
        self.limit = limit
        self.consumed = 0
        self.max_reads = max_reads
        self._reads_left = max_reads
        self._pos = self._raw_pos = raw.tell()
        self._end = raw.seek(0, os.SEEK_END)
        raw.seek(self._pos)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        """Where the next read starts; the file itself is moved only when it is read."""
        if whence == os.SEEK_CUR:
            offset += self._pos
        elif whence == os.SEEK_END:
            offset += self._end
        elif whence != os.SEEK_SET:
            raise ValueError(f"invalid whence ({whence})")
        if offset < 0:
            raise ValueError("negative seek position")
        self._pos = offset
        return offset

    def read(self, size: int | None = -1) -> bytes:
        """Up to `size` bytes (all that is left if negative), short only at the end of the file."""
        left = max(0, self._end - self._pos)
        wanted = left if size is None or size < 0 else min(size, left)
        if self.consumed + wanted > self.limit:
            raise HeaderTooLong(_("no size within its first {size}").format(size=describe_size(self.limit)))
        self._reads_left -= 1
        if self._reads_left < 0:
            raise HeaderTooLong(
                ngettext(
                    "no size within the first {n} block of its header",
                    "no size within the first {n} blocks of its header",
                    self.max_reads,
                ).format(n=whole(self.max_reads))
            )
        if self._raw_pos != self._pos:
            self._raw.seek(self._pos)
        parts = []
        while wanted > 0:  # an unbuffered read may return less than asked before the end
            part = self._raw.read(wanted)
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
            self.consumed += len(part)
            self._pos += len(part)
        self._raw_pos = self._pos
        return b"".join(parts)

    def read_exactly(self, size: int) -> bytes | None:
        """`size` bytes, or None if the file ends first."""
        data = self.read(size)
        return data if len(data) == size else None
