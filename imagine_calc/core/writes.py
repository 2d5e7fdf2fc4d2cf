"""Every write of the app: all or nothing, and never through a link someone planted at the path.

The app's own files (working copies, sessions, the catalog cache, the override's backups and
set-aside copies) have names anyone who can write to the folder can guess. A link planted at one
must never carry the app's bytes into the file it names (a ~/.bashrc), so every write goes to a
temporary file made with O_CREAT | O_EXCL | O_NOFOLLOW in the same folder, synced, then moved
into place: a rename replaces a link itself, and a hard link refuses to replace anything. A
crash or a kill leaves the old file or the new one, never half of one. A file the user chose
(their override, a saved estimate, an export) may be a link on purpose (a dotfiles folder):
`link_target` follows it, so the link stays a link and the file it names gets the change.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from imagine_calc.core.language import _

_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
#: errno values of a folder whose file system has no hard links (FAT, some network shares).
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, getattr(errno, "ENOTSUP", -1), errno.EOPNOTSUPP}


def _temporary(path: Path, data: bytes, mode: int | None) -> Path:
    """A new file beside `path` holding `data`, synced to disk; the caller moves it into place.
    Its permissions are `mode`, else those the umask gives any new file."""
    for _attempt in range(100):
        # os.urandom is what secrets.token_hex reads; importing secrets (and hmac) cost every start.
        tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            fd = os.open(tmp, _FLAGS, 0o666)
        except FileExistsError:
            continue  # a name someone else took (or planted): never opened, try another
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            with os.fdopen(fd, "wb", closefd=False) as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, _("no free temporary name"), str(path.parent))


def replace_file(path: Path, data: bytes, mode: int | None = None) -> None:
    """All of `data` or nothing at `path`. What was at `path` (a file, or a link: the link itself,
    never the file it names) is replaced in one rename; a regular file replaced keeps its
    permissions unless `mode` says others."""
    tmp = _temporary(path, data, _regular_mode(path) if mode is None else mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # the rename is atomic: a kill before it leaves the old file, after it the new one


def write_atomic(path: Path, data: bytes, follow_links: bool = False) -> None:
    """All of `data` or nothing at `path` (replace_file). With `follow_links`, for a file the
    user chose, a link at `path` is followed to its file, which gets the data."""
    replace_file(link_target(path) if follow_links else path, data)


def write_new(path: Path, data: bytes, mode: int | None = None) -> None:
    """All of `data` at `path`, which must be free: FileExistsError if anything is there, even a
    link to nowhere. Nothing is ever overwritten or written through a link."""
    tmp = _temporary(path, data, mode)
    try:
        move_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def move_new(source: Path, path: Path) -> None:
    """Rename `source` to `path`, which must be free (FileExistsError otherwise, even for a
    dangling link). A hard link claims the name exclusively; where the file system has none,
    the name is checked first, and a rename (exclusive on Windows) does the rest."""
    try:
        os.link(source, path, follow_symlinks=False)  # a link moved is the link, not its file
    except FileExistsError:
        raise
    except (OSError, NotImplementedError) as exc:
        if isinstance(exc, OSError) and exc.errno not in _NO_HARD_LINKS:
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, _("already exists"), str(path)) from None
        os.rename(source, path)
        return
    os.unlink(source)


def set_aside(path: Path, why: str, stamp: str) -> Path:
    """Move `path` (a link: the link itself) out of the app's way as `NAME.STAMP.WHY`, numbered
    if taken; never over anything, never deleted. Returns where it went."""
    return _aside(path, why, stamp, lambda aside: move_new(path, aside))


def copy_aside(path: Path, data: bytes, why: str, stamp: str) -> Path:
    """Keep `data` (what was read at `path`) beside it as a new file `NAME.STAMP.WHY`, numbered
    if taken, with `path`'s permissions: never over an earlier copy, never through a link
    planted at the name. Returns where it went."""
    mode = mode_of(path)
    return _aside(path, why, stamp, lambda aside: write_new(aside, data, mode))


def _aside(path: Path, why: str, stamp: str, put: Callable[[Path], None]) -> Path:
    for n in range(1, 1000):
        aside = path.with_name(f"{path.name}.{stamp}{'' if n == 1 else f'-{n}'}.{why}")
        try:
            put(aside)
        except FileExistsError:
            continue
        return aside
    raise FileExistsError(errno.EEXIST, _("no free name to set it aside"), str(path))


def link_target(path: Path) -> Path:
    """Where a write to the user's own file at `path` goes: `path`, or the file its link names
    (followed to the end, relative links from the link's folder), so the link stays a link and
    the linked copy gets the change. OSError for a link that loops."""
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if os.path.islink(target):  # realpath stops at a loop
        raise OSError(errno.ELOOP, _("the link loops back on itself"), str(path))
    return target


def _regular_mode(path: Path) -> int | None:
    """The permission bits of a regular file at `path` (not through a link), else None."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None


def cannot_write(path: Path, exc: OSError) -> OSError:
    """`exc` in words for a dialog or a banner: "cannot write PATH: No space left on device"
    (no "[Errno 28]", no temporary file's name); its errno is kept."""
    said = OSError(_("cannot write {path}: {why}").format(path=path, why=exc.strerror or exc))
    said.errno = exc.errno
    return said


def mode_of(path: Path, default: int = 0o600) -> int:
    """The permission bits of the file at `path` (following a link), or `default` if none."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return default
