"""Words about the team's shared folder: whose recording a price is, recordings that differ,
teammates' files left out of a reading, and why a recording could not be shared.

A teammate's name and a file's name are outside text: filled in as they are, for the window to
show as plain text and the command line to print escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.sharing import NAME_CONTROL, NAME_EMPTY, NAME_TOO_LONG, SharingError
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_NAME_CHARS
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.pricing.findings import RecordingsConflict
from imagine_calc.core.text.plurals import plural

if TYPE_CHECKING:
    from imagine_calc.core.catalog.shared_file import NotShared
    from imagine_calc.core.catalog.shared_recordings import SharedReading


def observed_by(o: Observation, style: NumberStyle = PLAIN) -> str:
    """ "observed by you on 2026-12-02", "observed by Ana on 2026-12-02" """
    if o.by is None:
        return _("observed by you on {date}").format(date=style.date(o.date))
    return _("observed by {name} on {date}").format(name=o.by, date=style.date(o.date))


def _one(o: Observation, style: NumberStyle) -> str:
    return _("{credits} credits, {observed}").format(
        credits=number(o.credits, style), observed=observed_by(o, style)
    )


def conflict_words(c: RecordingsConflict, style: NumberStyle = PLAIN) -> str:
    """Every recording for the settings, the one used first, and why it is the one."""
    others = "; ".join(_one(o, style) for o in c.others)
    if c.tie:
        template = _(
            "Recordings for these settings of {model} differ: {used} is used (recorded the same day as "
            "another: yours come first, then names in alphabetical order); also {others}."
        )
    else:
        template = _(
            "Recordings for these settings of {model} differ: {used} is used, the newest; also {others}."
        )
    return template.format(model=c.model, used=_one(c.used, style), others=others)


def shared_notes(reading: SharedReading | None, style: NumberStyle = PLAIN) -> list[str]:
    """One sentence for each teammate's file not read whole, and for a folder not read at all."""
    if reading is None:
        return []
    if reading.unreadable is not None:
        return [
            _("The shared prices folder {folder} was not read: {why}.").format(
                folder=reading.folder, why=reading.unreadable
            )
        ]
    said = [
        _("Shared prices: {file} was left out: {why}. It is a teammate's file: it was not changed.").format(
            file=aside.file, why=aside.why
        )
        for aside in reading.set_aside
    ]
    said += [
        plural(
            left.count,
            "Shared prices: {n} recording in {file} is for a model or settings this catalog does not "
            "have; left out.",
            "Shared prices: {n} recordings in {file} are for models or settings this catalog does not "
            "have; left out.",
            style,
            file=left.file,
        )
        for left in reading.left_out
    ]
    if reading.not_read:
        said.append(
            plural(
                reading.not_read,
                "Shared prices: {n} more file in the folder was not read (too many files, or too "
                "much to read in all).",
                "Shared prices: {n} more files in the folder were not read (too many files, or too "
                "much to read in all).",
                style,
            )
        )
    return said


def not_shared_words(exc: NotShared) -> str:
    """Why a recording did not go to the shared folder, and what to do."""
    # Here, not at the top: the window's detail pane speaks through this module from the start,
    # and the writing side (shared_file, the override file and its backups) waits for a recording.
    from imagine_calc.core.catalog.shared_file import (
        CANNOT_WRITE,
        FOLDER_MISSING,
        LINK,
        NO_FOLDER,
        NO_NAME,
        TOO_LARGE,
    )

    if exc.reason == NO_FOLDER:
        return _(
            "No shared prices folder is set: set one first with imagine-calc record --shared-folder PATH."
        )
    if exc.reason == NO_NAME:
        return _(
            "Give your name as teammates will see it first (imagine-calc record --name NAME): "
            "your recordings in the shared folder carry it."
        )
    if exc.reason == FOLDER_MISSING:
        return _("The shared prices folder {folder} does not exist.").format(folder=exc.detail)
    if exc.reason == LINK:
        return _(
            "{path} is a link: your file in the shared folder is never written through a link. "
            "Remove the link to record there."
        ).format(path=exc.detail)
    if exc.reason == TOO_LARGE:
        return _("{file} would be too large.").format(file=exc.detail)
    if exc.reason == CANNOT_WRITE:
        return _("Cannot write {detail}.").format(detail=exc.detail)
    return _("Your file in the shared folder cannot be read, so it was not changed: {detail}").format(
        detail=exc.detail
    )


def share_choice_words(name: str | None) -> str:
    """The record dialog's choice, with the name teammates will see ("" or None: not given)."""
    if name:
        return _("&Share with the team, as {name}").format(name=name)
    return _("&Share with the team (your name is asked first)")


def shared_recorded_words(credits: str) -> str:
    """The status bar once a recording is in the shared folder; `credits` already in words."""
    return _("Recorded {credits} in the team's shared folder.").format(credits=credits)


def shared_reading_failed_words(folder: str, why: str, own_shown: bool) -> str:
    """The banner when reading the team's folder stopped on something unforeseen (a fault of
    ours, or no memory left): what is shown instead, so no one prices on a silent gap."""
    if own_shown:
        return _(
            "The team's prices in {folder} could not be laid under yours ({why}); your own prices "
            "are shown without them."
        ).format(folder=folder, why=why)
    return _(
        "The team's prices in {folder} could not be read again ({why}); the prices shown are as they were."
    ).format(folder=folder, why=why)


# --- File > Shared prices folder (gui/prices/sharing_dialog.py) -------------------------------


def sharing_action_words() -> tuple[str, str]:
    """The File menu's item and its tooltip."""
    return (
        _("S&hared prices folder…"),
        _("Read the prices your team recorded from a folder you all share, and share yours there"),
    )


def sharing_explanation() -> str:
    """What the shared folder does, said once in the dialog where it is set."""
    return _(
        "Prices your teammates recorded are read from this folder, one you all share (a synced "
        "folder, for example). Each person writes only their own file there, so nobody's "
        "recordings are written over. When recordings for the same settings differ, all are shown "
        "with their dates and the newest is used. Leave the folder empty to stop sharing."
    )


def sharing_field_words() -> dict[str, str]:
    """The dialog's title, labels, button, placeholders and the folder chooser's title."""
    return {
        "title": _("Shared prices folder"),
        "folder": _("&Folder:"),
        "folder_empty": _("none: sharing is off"),
        "choose": _("C&hoose…"),
        "choose_title": _("Choose the team's shared prices folder"),
        "name": _("Your &name:"),
        "name_hint": _("as teammates will see it"),
        "name_accessible": _("Your name as teammates see it"),
    }


def folder_missing_words(folder: str) -> str:
    """A folder typed that is not there: it is never made."""
    return _("The shared prices folder {folder} does not exist.").format(folder=folder)


def name_problem_words(exc: SharingError, style: NumberStyle = PLAIN) -> str:
    """Why the name typed cannot be the one teammates see."""
    if exc.reason == NAME_EMPTY:
        return _("Type your name as teammates will see it.")
    if exc.reason == NAME_TOO_LONG:
        return plural(
            MAX_NAME_CHARS,
            "Your name is longer than {n} character: shorten it.",
            "Your name is longer than {n} characters: shorten it.",
            style,
        )
    if exc.reason == NAME_CONTROL:
        return _("Your name holds control or formatting characters: type it again without them.")
    return str(exc)


def sharing_kept_words(folder: str | None) -> str:
    """The status bar once the dialog's choice is kept."""
    if folder is None:
        return _("Sharing is off: only your own recorded prices are used.")
    return _("Reading the team's recorded prices from {folder}.").format(folder=folder)


def sharing_not_kept_words(why: str) -> str:
    """sharing.json could not be written (the config folder full or read-only)."""
    return _("The shared prices folder and your name were not kept: {why}").format(why=why)


def more_recordings_words(n: int, style: NumberStyle = PLAIN) -> str:
    """Under the newest recordings the detail pane lists, how many older ones it leaves out."""
    return plural(
        n,
        "…and {n} older recording of this model, not shown (imagine-calc record --list lists every one).",
        "…and {n} older recordings of this model, not shown (imagine-calc record --list lists every one).",
        style,
    )
