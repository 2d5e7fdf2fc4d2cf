"""Reading a file the user named or the app saved without trusting what is at the path (writing
is core/writes.py).

Every read goes through `read_bytes`: it opens without blocking (a FIFO at the path would
otherwise wait forever for a writer), refuses anything but a regular file (FIFOs, devices such
as /dev/zero, folders), and never reads more than the caller's limit. Text is decoded with a
clear message for a wrong encoding; a saved web page may be UTF-8, UTF-16 (with its byte-order
mark) or Latin-1.

Text the app writes is encoded by `utf8`, which cannot fail.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import stat

from imagine_calc.core.language import _, ngettext


class FileProblem(OSError):
    """A path that cannot be read as the file it should be; the message says why, in words."""


def _kilobytes(n: int) -> str:
    return f"{round(n / 1e3)} KB"


def _bytes(n: int) -> str:
    return ngettext("{n} byte", "{n} bytes", n).format(n=n)


def describe_size(n: int) -> str:
    """ "2.0 MB", "4 KB", "12 bytes": the size of a file, as people read it."""
    if n >= 1_000_000:
        return f"{round(n / 1e6, 1)} MB"
    return _kilobytes(n) if n >= 1000 else _bytes(n)


def describe_sizes(n: int, most: int) -> tuple[str, str]:
    """`n` and the limit `most` it is over, each as describe_size says it unless that makes them
    read the same ("4.0 MB, over 4.0 MB"): then in kilobytes, or bytes, whichever tells them
    apart."""
    for unit in (describe_size, _kilobytes):
        if unit(n) != unit(most):
            return unit(n), unit(most)
    return _bytes(n), _bytes(most)


def open_regular(path: str | os.PathLike[str], max_bytes: int | None = None) -> int:
    """A file descriptor of the regular file at `path` (caller closes it), or FileProblem."""
    name = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise FileProblem(_("file not found")) from None
    except IsADirectoryError:
        raise FileProblem(_("is a folder, not a file")) from None
    except PermissionError:
        raise FileProblem(_("cannot read: permission denied")) from None
    except OSError as exc:
        raise FileProblem(_("cannot read: {why}").format(why=exc.strerror or exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileProblem(_("is a folder, not a file"))
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(_("not a regular file (a pipe, socket or device): it is not read"))
        if max_bytes is not None and st.st_size > max_bytes:
            size, most = describe_sizes(st.st_size, max_bytes)
            raise FileProblem(_("too large ({size}; at most {most})").format(size=size, most=most))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: reads never wait anyway
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """All of a regular file of at most `max_bytes`, or FileProblem saying why not."""
    fd = open_regular(path, max_bytes)
    try:
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)  # a file that grew since fstat is still bounded
    except OSError as exc:
        raise FileProblem(_("cannot read: {why}").format(why=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileProblem(_("too large (more than {most})").format(most=describe_size(max_bytes)))
    return data


def read_text(path: str | os.PathLike[str], max_bytes: int) -> str:
    """A UTF-8 text file (a byte-order mark is allowed), or FileProblem."""
    data = read_bytes(path, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(_("not UTF-8 text (byte {n} cannot be read)").format(n=exc.start + 1)) from None


def decode_any(data: bytes) -> str:
    """Text as a browser or editor may have saved it: UTF-16 or UTF-8 by their byte-order mark,
    else UTF-8, else Latin-1 (which reads any byte, so it is the last resort)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise FileProblem(
                    _("not {codec} text as its byte-order mark says ({reason})").format(
                        codec=codec.upper(), reason=exc.reason
                    )
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _readable_error(exc: UnicodeError) -> tuple[bytes, int]:
    if isinstance(exc, UnicodeEncodeError):  # bytes: the UTF-8 encoder takes only ASCII as str
        return "\ufffd".encode() * (exc.end - exc.start), exc.end
    raise exc


#: The error handler of `utf8`: what cannot be UTF-8 (only lone surrogates) is written as U+FFFD.
READABLE = "imagine-calc-readable"
codecs.register_error(READABLE, _readable_error)


def utf8(text: str) -> bytes:
    """`text` as UTF-8, never failing: a lone surrogate that got this far (a label should have
    been made readable where it came in) is written as U+FFFD, as `outside_text.readable` shows
    it, so whatever the app writes reads back as UTF-8."""
    return text.encode("utf-8", READABLE)


def stamp(when: dt.datetime | None = None) -> str:
    """A time for file names, sortable and valid on every platform: 2026-11-27_16-30-05."""
    return (when or dt.datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
