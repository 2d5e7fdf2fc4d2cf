"""The warning strip at the top of the window: what was set aside at a start is said message under
message, each exactly as written; the user closes it; it stays readable in light and dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.banner import Banner
from imagine_calc.gui.shared.markup import fill
from imagine_calc.gui.shared.theme import dark_palette
from tests.gui.shown import visible

CACHE = "The catalog cache catalog-1.json was not used: it did not match its checksum."
SETTINGS = "Settings: images=5000 is not a whole number from 1 to 1,000; using 1."


def shown_banner(qtbot: QtBot) -> Banner:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.resize(600, 60)
    return banner


def test_it_is_hidden_until_there_is_something_to_say(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot)
    assert banner.isHidden() and banner.messages == []
    banner.show_message(CACHE)
    assert not banner.isHidden()
    assert visible(banner.label.text()) == CACHE


def test_messages_of_one_start_are_said_one_under_another_each_once(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot)
    banner.add_message(CACHE)
    banner.add_message(SETTINGS)
    banner.add_message(CACHE)  # said twice, shown once
    assert banner.messages == [CACHE, SETTINGS]
    assert visible(banner.label.text()) == f"{CACHE}\n{SETTINGS}"
    banner.show_message(SETTINGS)  # a new message alone replaces them
    assert banner.messages == [SETTINGS]


def test_text_is_shown_as_written_and_our_markup_as_markup(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot)
    folder = "Folder <img src=/tmp/fifo> & co"
    banner.show_message(folder)
    assert visible(banner.label.text()) == folder and "<img" not in banner.label.text()
    banner.add_message(fill("<b>{}</b> could not be read", "override.yaml"))
    assert "<b>override.yaml</b>" in banner.label.text()


def test_closing_it_hides_it_and_the_next_message_starts_afresh(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot)
    banner.add_message(CACHE)
    close = banner.findChild(QToolButton)
    assert close.accessibleName() == "Hide warning"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert banner.isHidden() and banner.messages == []
    banner.add_message(SETTINGS)
    assert banner.messages == [SETTINGS] and not banner.isHidden()


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QApplication]:
    """The application's palette, as theme.apply changes it when the system's scheme changes;
    put back afterwards."""
    before = qapp.palette()
    yield qapp
    qapp.setPalette(before)


def background(banner: Banner) -> str:
    """The strip's own colour, left of its text."""
    return banner.grab().toImage().pixelColor(4, banner.height() // 2).name()


def test_it_follows_the_system_from_light_to_dark_and_back(qtbot: QtBot, app_palette: QApplication) -> None:
    """Pale yellow in light, dark amber in dark: the strip read the scheme from its own palette,
    which its style sheet had coloured, so it kept the colours it started with."""
    app_palette.setPalette(app_palette.style().standardPalette())
    banner = shown_banner(qtbot)
    banner.show_message(CACHE)
    assert background(banner) == "#fff4ce"
    app_palette.setPalette(dark_palette())  # Qt tells each widget on its next pass of the loop
    qtbot.waitUntil(lambda: background(banner) == "#4a3b10")
    assert banner.label.palette().color(banner.label.foregroundRole()).name() == "#ffe9a8"
    app_palette.setPalette(app_palette.style().standardPalette())
    qtbot.waitUntil(lambda: background(banner) == "#fff4ce")


def test_a_strip_with_nothing_to_say_costs_the_start_no_style_sheet(qtbot: QtBot) -> None:
    """Qt makes a style-sheet style for a widget given a sheet (~5 ms of the window's start):
    the strip is coloured when it first has something to say."""
    banner = shown_banner(qtbot)
    assert banner.styleSheet() == ""
    banner.add_message(CACHE)
    assert "#overrideBanner" in banner.styleSheet()


def test_the_scheme_changed_before_the_first_message_is_the_one_it_shows(
    qtbot: QtBot, app_palette: QApplication
) -> None:
    app_palette.setPalette(app_palette.style().standardPalette())
    banner = shown_banner(qtbot)
    app_palette.setPalette(dark_palette())
    banner.show_message(CACHE)
    assert background(banner) == "#4a3b10"
