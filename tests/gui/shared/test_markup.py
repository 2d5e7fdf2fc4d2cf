"""The one way text reaches Qt's rich text: outside text is escaped wherever it goes, our own
markup stays markup, and a plain label or message box never guesses.

How the whole window keeps to it (no widget built another way, an attack through every tab) is
tests/gui/test_outside_text.py; here each piece of markup.py does its own job."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc.core.outside_text import readable
from imagine_calc.gui.shared.markup import (
    TOOLTIP_START,
    Html,
    RichLabel,
    SafeBrowser,
    escape,
    fill,
    join,
    message_box,
    plain_label,
    tooltip,
)
from imagine_calc.gui.shared.resources import resource_path
from tests.gui.shown import visible

#: A folder name a user could have: markup, an ampersand, quotes, a line break, a byte that was not UTF-8.
NAME = 'Shoot <img src=/dev/zero> & "Co"\'s\nday 2 \udcff'


def test_escaped_text_shows_exactly_its_characters() -> None:
    shown = escape(NAME)
    assert isinstance(shown, Html)
    assert "<img" not in shown and "&lt;img src=/dev/zero&gt;" in shown
    assert "\n" not in shown and "<br>" in shown  # the line break kept, as markup's
    assert visible(shown) == NAME.replace("\udcff", "\ufffd")  # the stray byte as a visible �


@given(st.text(alphabet=st.sampled_from("&<>\"'\n;#ax \u00e9\udcff")) | st.text())
def test_escaping_is_what_the_standard_library_escapes(text: str) -> None:
    """The replacements are written out (importing html costs every start ~2 ms): the same."""
    assert escape(text) == html.escape(readable(text), quote=True).replace("\n", "<br>")


def test_markup_made_here_is_not_escaped_twice() -> None:
    bold = fill("<b>{}</b>", "A & B")
    assert escape(bold) is bold
    assert fill("<p>{}</p>", bold) == "<p><b>A &amp; B</b></p>"


def test_fill_and_join_keep_their_own_markup_and_escape_what_they_are_given() -> None:
    made = fill("<b>{}</b>: {}", "<i>Model</i>", Html("<i>25</i>"))
    assert made == "<b>&lt;i&gt;Model&lt;/i&gt;</b>: <i>25</i>"
    joined = join("<br>", ["a<b", Html("<b>c</b>")])
    assert joined == "a&lt;b<br><b>c</b>" and isinstance(joined, Html)


def test_a_tooltip_is_rich_text_made_here_or_nothing() -> None:
    tip = tooltip("Costs <5> credits")
    assert tip.startswith(TOOLTIP_START) and tip.endswith("</qt>")  # rich text: Qt wraps it
    assert visible(tip) == "Costs <5> credits"
    assert tooltip("") == ""  # no empty yellow box


def test_a_plain_label_shows_markup_as_typed(qtbot: QtBot) -> None:
    typed = "Shoot <img src=/dev/zero> & <b>Co</b>"
    label = plain_label(typed, objectName="name")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == typed
    assert label.objectName() == "name"


def test_a_rich_label_escapes_plain_text_and_shows_ours(qtbot: QtBot) -> None:
    label = RichLabel("<b>bold?</b>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.RichText
    assert visible(label.text()) == "<b>bold?</b>"
    label.setText(fill("<b>{}</b>", "bold"))
    assert label.text() == "<b>bold</b>"


def test_a_safe_browser_loads_nothing_and_escapes_plain_text(qtbot: QtBot) -> None:
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    resource = QTextDocument.ResourceType.ImageResource.value
    picture = QUrl.fromLocalFile(resource_path("sample.png"))  # a real image on disk, not loaded
    assert browser.loadResource(resource, picture) is None
    browser.setHtml("<h1>Title</h1>")
    assert browser.toPlainText() == "<h1>Title</h1>"


@pytest.mark.parametrize(
    ("text", "informative", "rich"),
    [
        ("File <b>x</b> not saved", "", False),
        (Html("<b>Saved</b>"), "", True),
        (Html("<b>Saved</b>"), "to <folder>", False),  # one plain part makes the box plain
    ],
)
def test_a_message_box_is_plain_unless_all_its_text_is_ours(
    qtbot: QtBot, text: str, informative: str, rich: bool
) -> None:
    box = message_box(None, QMessageBox.Icon.Warning, "Title", text, informative=informative)
    qtbot.addWidget(box)
    plain, rich_text = Qt.TextFormat.PlainText, Qt.TextFormat.RichText
    assert box.textFormat() == (rich_text if rich else plain)
    assert (box.text(), box.informativeText()) == (text, informative)
    assert box.standardButtons() == QMessageBox.StandardButton.Ok


def test_a_question_has_its_buttons_and_default(qtbot: QtBot) -> None:
    Button = QMessageBox.StandardButton
    box = message_box(None, QMessageBox.Icon.Question, "Quit?", "a\0b", Button.Yes | Button.No, Button.No)
    qtbot.addWidget(box)
    assert box.standardButtons() == Button.Yes | Button.No
    assert box.defaultButton() is box.button(Button.No)
    assert box.text() == "ab"  # a NUL would end Qt's plain text there
