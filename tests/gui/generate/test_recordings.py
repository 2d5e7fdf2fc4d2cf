"""Prices the user recorded: asked for with the settings in use, written to their override file,
and the new catalog handed to the session; "remove" beside one takes exactly that one away.

Driven without the window: a bare main window (for its status bar and dialogs) and a session on
the bundled catalog with this test's override file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.sharing import Sharing, load_sharing, save_sharing
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import Part, Session
from imagine_calc.gui.generate.model_info import REMOVE_RECORDING
from imagine_calc.gui.generate.recordings import Recordings
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.settings_store import SettingsStore

FLUX_DEV = GenerationRequest("flux-dev", "1K", "1:1", 1, False)


def seen(credits: int, images: int = 1) -> Observation:
    return Observation("flux-dev", "1K", "1:1", images, False, Decimal(credits), dt.date(2026, 11, 27))


class Setup:
    def __init__(self, qtbot: QtBot, override_file: Path) -> None:
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.session = Session(load_with_override(override_file), FLUX_DEV)
        self.recordings = Recordings(self.window, self.session)
        self.told: list[frozenset[Part]] = []
        self.session.listen(self.told.append)

    def said(self) -> str:
        return self.window.statusBar().currentMessage()

    def kept(self) -> list[Decimal]:
        return [o.credits for o in self.session.catalog.observations]


@pytest.fixture
def setup(qtbot: QtBot, override_file: Path) -> Setup:
    return Setup(qtbot, override_file)


def test_what_is_typed_in_the_dialog_is_kept_and_the_session_prices_with_it(
    qtbot: QtBot, setup: Setup, override_file: Path
) -> None:
    dialog = setup.recordings.ask(setup.session.request)
    assert dialog.parent() is setup.window and dialog.request == FLUX_DEV
    dialog.credits.setText("6")
    dialog.accept()
    assert setup.kept() == [Decimal(6)]
    assert setup.session.view.quote.total == Decimal(6)  # was 5, the page's base price
    assert Part.CATALOG in setup.told[-1]
    assert setup.said() == "Recorded 6 credits for Flux Dev · 1K · 1:1 · 1 image."
    assert load_with_override(override_file).catalog.observations[0].credits == Decimal(6)  # on disk


def test_a_dialog_given_up_keeps_nothing(setup: Setup, override_file: Path) -> None:
    setup.recordings.ask(setup.session.request).reject()
    setup.recordings.keep(None)  # the dialog accepted with nothing valid in it
    assert setup.kept() == [] and setup.told == [] and not override_file.exists()


def test_remove_takes_exactly_the_recording_its_link_names(setup: Setup) -> None:
    for credits, images in ((6, 1), (6, 2), (17, 3)):  # the same figure for 1 and for 2 images
        setup.recordings.keep(seen(credits, images))
    setup.recordings.follow_link(QUrl(f"{REMOVE_RECORDING}1"))
    assert [(o.credits, o.images) for o in setup.session.catalog.observations] == [(6, 1), (17, 3)]
    assert setup.said() == "Recording removed; the override file as it was is kept as a backup."


@pytest.mark.parametrize(
    "link",
    ["https://docs.imagine.art/", f"{REMOVE_RECORDING}5", f"{REMOVE_RECORDING}-1", f"{REMOVE_RECORDING}x"],
)
def test_a_link_that_names_no_recording_changes_nothing(setup: Setup, link: str, override_file: Path) -> None:
    setup.recordings.keep(seen(6))
    before, told = override_file.read_text(), len(setup.told)
    setup.recordings.follow_link(QUrl(link))
    assert setup.kept() == [Decimal(6)] and len(setup.told) == told
    assert override_file.read_text() == before


def open_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(load_with_override(None, load_sharing()[0].folder), SettingsStore())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_share_with_the_team_writes_the_shared_file_not_the_override_and_is_remembered(
    qtbot: QtBot, tmp_path: Path, override_file: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    save_sharing(Sharing(team, "Carla <i>M</i>"))
    window = open_window(qtbot)
    dialog = window.generate.recordings.ask(window.session.request)
    assert dialog.share.isVisible() and not dialog.share.isChecked()  # off until chosen
    assert dialog.share.text() == "&Share with the team, as Carla <i>M</i>"
    dialog.share.setChecked(True)
    dialog.credits.setText("53")
    dialog.accept()
    (mine,) = team.glob("*.recordings.yaml")
    assert "credits: 53" in mine.read_text(encoding="utf-8") and not override_file.exists()
    # laid under the user's own prices off the window's thread, then shown
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(53), timeout=5000)
    assert "53" in window.generate.total_panel.total.text()
    assert window.statusBar().currentMessage() == "Recorded 53 credits in the team's shared folder."
    assert [o.by for o in window.session.catalog.observations] == ["Carla <i>M</i>"]

    again = window.generate.recordings.ask(window.session.request)
    assert again.share.isChecked()  # the choice is remembered
    again.share.setChecked(False)
    again.credits.setText("54")
    again.accept()
    assert "credits: 54" in override_file.read_text(encoding="utf-8")
    assert "54" not in mine.read_text(encoding="utf-8")
    # the same day: the user's own first
    qtbot.waitUntil(lambda: window.session.view.quote.total == Decimal(54), timeout=5000)
    assert [o.by for o in window.session.catalog.observations] == ["Carla <i>M</i>", None]
    window.store.sync()
    window.close()

    later = open_window(qtbot)  # and remembered across starts
    assert not later.generate.recordings.ask(later.session.request).share.isChecked()
