"""QuietTabWidget: a page's label changing text repaints the label, not the tab widget; a page
that needs more room still gets it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.widgets import QuietTabWidget


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
