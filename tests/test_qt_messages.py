"""What Qt says on stderr: only what went wrong (a screenshot or the self-test drops Qt's notes),
and, when no display can be reached, that it cannot be and how to use the command line, instead
of Qt's own abort with its misleading note about xcb-cursor. Each case runs in a process of its
own: a fatal message ends the process."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SAYS = """
import sys
from imagine_calc.qt_messages import handle_qt_messages
from PySide6.QtCore import qFatal, qWarning

handle_qt_messages(quiet=sys.argv[1] == "quiet")
for message in sys.argv[2:]:
    if message == "FATAL":
        qFatal("This application failed to start")
    qWarning(message)
print("still running")
"""

NOTE = "QXcbConnection: propagateSizeHints is not supported by the window manager"


def qt_says(quiet: bool, *messages: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SAYS, "quiet" if quiet else "loud", *messages],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize("quiet", [True, False])
def test_what_went_wrong_is_always_said(quiet: bool) -> None:
    done = qt_says(quiet, "QPainter::begin: Paint device returned engine == 0")
    assert done.returncode == 0 and done.stdout == "still running\n"
    assert done.stderr == "QPainter::begin: Paint device returned engine == 0\n"


def test_a_quiet_run_drops_qts_notes_and_a_loud_one_keeps_them() -> None:
    assert qt_says(True, NOTE, 'Detected locale "C" with character encoding "ANSI_X3.4-1968"').stderr == ""
    assert qt_says(False, NOTE).stderr == f"{NOTE}\n"


def test_no_display_is_said_with_qts_reason_and_the_command_line_instead() -> None:
    done = qt_says(False, "qt.qpa.xcb: could not connect to display :99", "xcb-cursor0 is needed", "FATAL")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "imagine-calc: no display found, so the window cannot open (Qt: qt.qpa.xcb: could not connect to "
        'display :99). The command line works without one: imagine-calc quote "Nano Banana 2", '
        "imagine-calc upscale photo.png, imagine-calc --help.\n"
    )


def test_any_other_fatal_message_ends_the_process_saying_qts_words() -> None:
    done = qt_says(True, "FATAL")
    assert done.returncode == 1 and done.stdout == ""
    assert "imagine-calc: the window cannot open. Qt says: " in done.stderr
