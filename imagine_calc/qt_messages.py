"""What Qt says on stderr: only what went wrong, and, when no display can be reached, how to
use the command line instead (Qt aborts then, with a misleading note about xcb-cursor). The
window, its screenshot and the self-test install it first."""

from __future__ import annotations

import os
import sys

from imagine_calc.core.language import N_, _

#: Said when no display can be reached (translated where said: `_(NO_DISPLAY)`).
NO_DISPLAY = N_(
    "imagine-calc: no display found, so the window cannot open{why}. The command line works "
    'without one: imagine-calc quote "Nano Banana 2", imagine-calc upscale photo.png, '
    "imagine-calc --help."
)


#: Notes Qt prints that say nothing went wrong: offscreen, that there is no window manager to
#: pass size hints to; under LANG=C, that it uses C.UTF-8 instead (the app groups digits itself).
QUIET = ("propagateSizeHints", "Detected locale", "Qt depends on a UTF-8 locale", "If this causes problems")


def handle_qt_messages(quiet: bool) -> None:
    """Qt's messages to stderr; with `quiet` (a screenshot, the self-test) not the notes in
    QUIET, so stderr holds only what went wrong. And
    when no display can be reached Qt aborts (exit 134, with a misleading note about
    xcb-cursor): say what happened and how to use the command line instead."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    no_display: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "could not connect to display" in message:
            no_display.append(message.strip())
        if kind == QtMsgType.QtFatalMsg:
            if no_display:
                print(_(NO_DISPLAY).format(why=f" (Qt: {no_display[0]})"), file=sys.stderr)
            else:
                print(
                    _("imagine-calc: the window cannot open. Qt says: {message}").format(message=message),
                    file=sys.stderr,
                )
            sys.stderr.flush()
            os._exit(1)
        if no_display:
            return  # what follows (a note about xcb-cursor) would mislead; the fatal message says it
        if not (quiet and any(note in message for note in QUIET)):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
