"""The team's shared folder and the name teammates see, kept where the window and the command
line both read it.

Both are set once and used by both (the window's File > Shared prices, `record --shared-folder
PATH --name NAME`), so they live in one small JSON file in the config folder (`sharing.json`),
not in the window's Qt settings, which the command line does not read. Neither has a default:
no folder is read and nothing is written to one the user did not give. A file that does not
fit is set aside, never deleted, and sharing is then off until set again.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from imagine_calc.core.files import FileProblem, read_bytes, stamp, utf8
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_NAME_CHARS, MAX_SETTINGS_BYTES
from imagine_calc.core.paths import config_dir
from imagine_calc.core.writes import replace_file, set_aside

#: Set to a folder to read (and, with `record --shared`, write) another shared folder for a run.
SHARED_ENV = "IMAGINE_CALC_SHARED_FOLDER"
#: How each person's file in the shared folder ends; other files there are not read.
SUFFIX = ".recordings.yaml"
#: The most characters of a name kept in a file name (the name itself is kept whole inside).
_STEM_CHARS = 40


class SharingError(ValueError):
    """A name or folder that cannot be used; the message says why, and `reason` (NAME_EMPTY,
    NAME_TOO_LONG, NAME_CONTROL, or "") lets core/text say it in the user's language."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


#: The reasons check_name gives.
NAME_EMPTY, NAME_TOO_LONG, NAME_CONTROL = "name_empty", "name_too_long", "name_control"


@record
class Sharing(Frozen):
    """Where the team's recordings are, and who this user is to them."""

    folder: Path | None = None
    name: str | None = None
    #: Made once per install: part of this user's file name, so two teammates who give the same
    #: name never write one file (a sync tool would keep only one of them).
    install_id: str = ""

    def own_file(self) -> Path:
        """This user's file in the shared folder: the only one they write there."""
        if self.folder is None or not self.name:
            raise SharingError(_("no shared folder or name is set"))
        return self.folder / f"{file_stem(self.name)}-{self.install_id or 'x'}{SUFFIX}"


def check_name(text: str) -> str:
    """A name as teammates will see it: trimmed, 1 to MAX_NAME_CHARS characters, no control or
    formatting characters (it is shown in every teammate's window and terminal)."""
    name = " ".join(text.split())
    if not name:
        raise SharingError(_("the name is empty"), NAME_EMPTY)
    if len(name) > MAX_NAME_CHARS:
        raise SharingError(
            _("the name is longer than {most} characters").format(most=MAX_NAME_CHARS), NAME_TOO_LONG
        )
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in name):
        raise SharingError(_("the name holds control or formatting characters"), NAME_CONTROL)
    return name


def file_stem(name: str) -> str:
    """`name` as part of a file name on every platform: letters and digits kept, anything else
    (separators, dots, spaces, controls) a dash, at most _STEM_CHARS characters, never empty."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    stem = re.sub(r"[^\w]+|_", "-", folded, flags=re.UNICODE).strip("-")[:_STEM_CHARS].strip("-")
    return stem or "teammate"


def sharing_file() -> Path:
    return config_dir() / "sharing.json"


def load_sharing(path: Path | None = None) -> tuple[Sharing, str | None]:
    """The saved sharing (folder from IMAGINE_CALC_SHARED_FOLDER when set), and a note when the
    file did not fit and was set aside."""
    path = path or sharing_file()
    sharing, note = Sharing(), None
    if os.path.lexists(path):
        try:
            sharing = _parse(read_bytes(path, MAX_SETTINGS_BYTES))
        except (FileProblem, SharingError, ValueError) as exc:
            note = _set_aside(path, str(exc))
    if os.environ.get(SHARED_ENV):
        sharing = replace(sharing, folder=Path(os.environ[SHARED_ENV]))
    return sharing, note


def _parse(data: bytes) -> Sharing:
    raw = json.loads(data.decode("utf-8"))
    if not isinstance(raw, dict):
        raise SharingError(_("not an object"))
    folder, name, ident = raw.get("folder"), raw.get("name"), raw.get("install_id", "")
    if folder is not None and (not isinstance(folder, str) or not folder or "\0" in folder):
        raise SharingError(_("its folder is not a path"))
    if name is not None and not isinstance(name, str):
        raise SharingError(_("its name is not text"))
    if not isinstance(ident, str) or not re.fullmatch(r"[0-9a-f]{0,16}", ident):
        raise SharingError(_("its install id is not one this app writes"))
    return Sharing(Path(folder) if folder else None, check_name(name) if name else None, ident)


def _set_aside(path: Path, why: str) -> str:
    try:
        moved = set_aside(path, "set-aside", stamp())
    except OSError as exc:
        return _(
            "The shared-folder setting {path} was not used ({why}; it could not be moved: {error})."
        ).format(path=path, why=why, error=exc.strerror or exc)
    return _("The shared-folder setting {name} was not used ({why}); it is kept as {kept}.").format(
        name=path.name, why=why, kept=moved.name
    )


def save_sharing(sharing: Sharing, path: Path | None = None) -> Sharing:
    """Keep `sharing` for the window and the command line (written atomically, never through a
    link planted at the name); an install id is made the first time. Returns what was kept."""
    path = path or sharing_file()
    if not sharing.install_id:
        # os.urandom is what secrets.token_hex reads, without importing secrets at every start.
        sharing = replace(sharing, install_id=os.urandom(4).hex())
    data = {
        "folder": os.fsdecode(sharing.folder) if sharing.folder else None,
        "name": sharing.name,
        "install_id": sharing.install_id,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, utf8(json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
    return sharing
