"""Tooltips are read, not scanned: every one the window shows wraps at a readable width
(issue 25.5: an estimate cell's tooltip once ran 1,358 px over a 980 px window)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate import GenerationItem, UpscaleItem
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.markup import tooltip

#: The widest a tooltip may be, in pixels.
READABLE = 500


def shown_width(qtbot: QtBot, text: str, over: QWidget) -> int:
    """The width of the tooltip Qt shows for `text`."""
    QToolTip.showText(over.mapToGlobal(QPoint(5, 5)), text, over)
    tips = [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()]
    assert tips, "no tooltip shown"
    width = tips[0].width()
    QToolTip.hideText()
    return width


def model_tips(model: QAbstractItemModel) -> list[str]:
    return [
        str(tip)
        for row in range(model.rowCount())
        for col in range(model.columnCount())
        if (tip := model.index(row, col).data(Qt.ItemDataRole.ToolTipRole))
    ]


def test_every_tooltip_in_the_window_wraps_at_a_readable_width(qtbot: QtBot, window: MainWindow) -> None:
    window.estimates.add(
        [
            # a lower bound, an unknown part and a Pro model: the longest breakdowns there are
            GenerationItem(GenerationRequest("flux-2-pro", "2K", images=4), 20, "Flux posters"),
            GenerationItem(GenerationRequest("midjourney-v7"), 1, "Moodboard"),
            GenerationItem(GenerationRequest("nano-banana-pro", "4K", "16:9", 4, True), 5, "Hero images"),
            UpscaleItem("topaz", 4, ((8000, 6000),), 3, "A label " * 40),
        ]
    )
    window.estimates.show()
    tips = [w.toolTip() for w in window.findChildren(QWidget) if w.toolTip()]
    for view in window.findChildren(QAbstractItemView):
        tips += model_tips(view.model())
    tips += [tooltip("/home/designer/" + "a-folder-name-with-no-spaces-at-all" * 8 + "/photo.png")]
    assert len(tips) > 100  # the list's models, the estimate's cells, every control
    widths = {tip[:80]: shown_width(qtbot, tip, window) for tip in tips}
    too_wide = {tip: w for tip, w in widths.items() if w > READABLE}
    assert not too_wide, too_wide
