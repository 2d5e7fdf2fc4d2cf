"""The app's own files in the config folder are never written through a link planted there:
`ID.icalc.json → ~/client.icalc.json` and `ID.session.json → ~/.bashrc` were both overwritten."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.estimate_file import read_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.working_copies import FOLDER
from imagine_calc.gui.main_window import MainWindow
from tests.gui.estimate.test_working_copies import saved_estimate

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")

BASHRC = b"# ~/.bashrc\nexport PATH=$HOME/bin:$PATH\n"


def test_links_at_a_windows_working_copy_are_replaced_and_their_targets_untouched(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    client = saved_estimate(home / "client.icalc.json", "the client's estimate")
    bashrc = home / ".bashrc"
    bashrc.write_bytes(BASHRC)
    before = {path: path.read_bytes() for path in (client, bashrc)}

    window = make_window()
    copy = window.estimates.working.copy
    copy.estimate.symlink_to(client)  # planted while the window runs, before its first write
    copy.session_file.symlink_to(bashrc)
    panel = window.estimates.show()
    panel.add([GenerationItem(GenerationRequest("flux-dev"), 1, "my own work")])
    qtbot.waitUntil(lambda: not copy.estimate.is_symlink() and not copy.session_file.is_symlink())
    assert [i.label for i in read_estimate(copy.estimate).estimate.items] == ["my own work"]
    assert copy.session()[1] is True  # the session file is the app's own again
    window.close()  # the last write, at closing, goes to the app's own files too

    assert {path: path.read_bytes() for path in before} == before


def test_an_orphan_that_is_a_link_is_set_aside_as_a_link(
    make_window: Callable[[], MainWindow], user_dirs: Path, tmp_path: Path
) -> None:
    """A working copy left by no window that points elsewhere and cannot be read as an estimate
    is renamed aside: the link moves, the file it points to stays as it was."""
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"not an estimate\n")
    folder = user_dirs / FOLDER
    folder.mkdir()
    (folder / "2026-11-27_10-00-00-0badcafe.icalc.json").symlink_to(notes)

    window = make_window()
    window.estimates.show()
    assert notes.read_bytes() == b"not an estimate\n"
    aside = [p for p in folder.iterdir() if ".set-aside" in p.name]
    assert len(aside) == 1 and aside[0].is_symlink() and os.readlink(aside[0]) == str(notes)
    assert "could not be read" in window.banner.label.text()
