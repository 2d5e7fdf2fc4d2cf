"""QuietTabWidget: a page's label changing text repaints the label, not the tab widget; a page
that needs more room still gets it. TextBlock: as tall as its text, at any width, each text laid out once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.markup import SafeBrowser, escape, fill
from imagine_calc.gui.shared.widgets import QuietTabWidget, TextBlock
from tests.gui.pixels import differing


class PaintedArea(QObject):
    """Collects the areas a widget is asked to repaint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


def test_text_change_in_a_page_does_not_repaint_the_tabs_and_growth_still_lays_out(qtbot: QtBot) -> None:
    window = QMainWindow()
    tabs = QuietTabWidget()
    page = QWidget()
    label, tall = QLabel("1"), QLabel("")
    layout = QVBoxLayout(page)
    layout.addWidget(label)
    layout.addWidget(tall)
    page.setMinimumWidth(300)  # wider than any of the texts: they don't change the page's minimum
    tabs.addTab(page, "Page")
    window.setCentralWidget(tabs)
    qtbot.addWidget(window)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    QApplication.sendEvent(tabs, QEvent(QEvent.Type.LayoutRequest))  # the first one lays out, as in Qt
    QApplication.processEvents()
    painted = PaintedArea()
    tabs.installEventFilter(painted)

    for n in range(2, 8):
        label.setText(str(n) * n)
        qtbot.wait(1)  # one pass of the event loop: layout requests and paints are posted events
    assert label.text() == "7777777"
    # The tab widget still paints the background under the (transparent) label, nothing more.
    under_label = QRect(label.mapTo(tabs, QPoint(0, 0)), label.size())
    assert painted.rects, under_label
    assert all(under_label.contains(rect) for rect in painted.rects)

    tall.setMinimumHeight(900)
    qtbot.waitUntil(lambda: tabs.minimumSizeHint().height() > 900 and page.height() >= 900, timeout=2000)


def shown_block(qtbot: QtBot, height: int) -> tuple[QWidget, TextBlock]:
    """A text block at the top of a shown 400-px-wide holder, the rest of it stretch."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    block = TextBlock("block", "Block")
    layout.addWidget(block)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(400, height)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, block


def test_a_text_block_is_as_tall_as_its_text_at_any_width(qtbot: QtBot) -> None:
    holder, block = shown_block(qtbot, 600)
    assert block.height() == 0  # nothing to show takes no room

    block.show_html(fill("Images: <b>98</b>"))
    one_line = block.height()
    block.show_html(fill("Images: <b>98</b><br>Prompt enhancer: <b>2</b><br><small>a note</small>"))
    three_lines = block.height()
    assert one_line > 0 and three_lines > 2 * one_line
    assert block.document().size().height() <= three_lines  # nothing cut off

    block.show_html(escape(" ".join(["word"] * 60)))
    wide = block.height()
    holder.resize(200, 600)
    QApplication.processEvents()
    assert block.height() > wide  # narrower: the same words wrap onto more lines
    assert block.document().size().height() <= block.height()
    assert block.html.startswith("word word")


def test_a_text_block_lays_a_new_text_out_once(qtbot: QtBot) -> None:
    """Qt lays the text out as it is set; measuring its height must not lay it out again at the
    same width (a second pass over the breakdown at every change of settings): as many passes
    as the same text set in a bare browser of the same width."""
    passes: dict[str, int] = {"block": 0, "bare": 0}
    text = fill("Images: <b>{}</b><br><small>{}</small>", "98", " ".join(["a note"] * 20))
    block, bare = TextBlock("block", "Block"), SafeBrowser()
    bare.setFrameShape(QFrame.Shape.NoFrame)  # the block's own look: the same width for the text
    bare.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for name, widget in (("block", block), ("bare", bare)):
        qtbot.addWidget(widget)
        widget.resize(300, 200)
        widget.show()
        qtbot.waitExposed(widget)
        widget.document().documentLayout().update.connect(
            lambda *_, n=name: passes.__setitem__(n, passes[n] + 1)
        )
    assert block.viewport().width() == bare.viewport().width()
    block.show_html(text)
    bare.setHtml(text)
    assert passes["block"] == passes["bare"] > 0
    assert block.height() >= block.document().size().height() > 0


def test_a_text_block_draws_each_text_once_and_shows_it_again_as_drawn(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each change of settings shows another breakdown, and the same few come back: a text
    already drawn at this size is shown as drawn, the same pixels as Qt drawing it again; text
    the user selected shows selected."""
    _holder, block = shown_block(qtbot, 300)
    viewport = block.viewport()
    drawn: list[str] = []
    render = viewport.render
    monkeypatch.setattr(viewport, "render", lambda *args: (drawn.append(block.html), render(*args)))
    one, other = fill("Images: <b>{}</b><br>Total", "98"), fill("Images: <b>{}</b><br>Total", "49")
    block.show_html(one)
    QApplication.processEvents()  # laid out at its new height
    for text in (other, one, other, one):
        block.show_html(text)
        viewport.repaint()
    assert drawn.count(one) <= 2 and drawn.count(other) == 1  # `one` again once at its height
    kept = viewport.grab().toImage()
    block.looks.drawing = True  # Qt's own paint, straight onto the widget
    direct = viewport.grab().toImage()
    block.looks.drawing = False
    assert kept.size() == direct.size() and kept.pixel(0, 0) == direct.pixel(0, 0)
    assert not differing(direct, kept)
    block.selectAll()
    assert viewport.grab().toImage() != kept


def test_a_new_text_replaces_the_old_one_whole(qtbot: QtBot) -> None:
    """The text goes into the document directly (QTextEdit's setHtml also resets a cursor the
    block never shows): still the new text alone, nothing left selected, nothing scrolled."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    block = TextBlock("block", "Block")
    layout.addWidget(block)
    qtbot.addWidget(holder)
    holder.resize(300, 300)
    holder.show()
    qtbot.waitExposed(holder)
    block.show_html(fill("<b>{}</b> one two three", "x"))
    block.show_html(fill("<b>{}</b> four <i>five</i>", "y"))
    assert block.toPlainText() == "y four five"
    block.selectAll()
    block.show_html(fill("<b>{}</b> six", "z"))
    assert block.toPlainText() == "z six"
    assert not block.textCursor().hasSelection()
    assert block.verticalScrollBar().value() == 0
    assert block.document().isUndoRedoEnabled() is False  # nothing kept to undo, text after text
