"""A share drawn in a cell: as long as the share on one scale for every row, an open cap only
for a lower bound, and a cell without a share drawn as any other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QTableView
from pytestqt.qtbot import QtBot

from imagine_calc.gui.shared.bar_painting import CAP, BarColours
from imagine_calc.gui.shared.share_bar_delegate import MARGIN, SHARE_ROLE, ShareBarDelegate, bar_extent
from imagine_calc.gui.shared.widgets import FlatTableModel


@dataclass(frozen=True)
class Shown:
    fraction: float
    open: bool = False


class Shares(FlatTableModel):
    headers = ("Share",)

    def __init__(self, rows: list[Shown | None]) -> None:
        super().__init__()
        self.rows = rows

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        shown = self.rows[index.row()]
        if role == SHARE_ROLE:
            return shown
        return "no share" if role == Qt.ItemDataRole.DisplayRole and shown is None else None


def table(qtbot: QtBot, rows: list[Shown | None]) -> QTableView:
    view = QTableView()
    view.setModel(Shares(rows))
    view.setItemDelegateForColumn(0, ShareBarDelegate(view))
    view.horizontalHeader().hide()
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.horizontalHeader().resizeSection(0, 224)
    view.verticalHeader().setDefaultSectionSize(20)
    view.resize(224, 20 * len(rows))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def row_colours(image: QImage, view: QTableView, row: int) -> list[str]:
    y = view.visualRect(view.model().index(row, 0)).center().y()
    return [image.pixelColor(x, y).name() for x in range(image.width())]


def test_bar_extent_keeps_room_for_a_cap_in_every_row() -> None:
    rect = QRect(10, 0, 200, 20)
    closed, opened = bar_extent(rect, Shown(0.5)), bar_extent(rect, Shown(0.5, True))
    assert closed.x0 == opened.x0 == 10 + MARGIN
    assert closed.track_end == 10 + 200 - MARGIN - CAP
    assert closed.end == opened.end == closed.x0 + (closed.track_end - closed.x0) / 2
    assert closed.cap_end is None and opened.cap_end == opened.end + CAP
    assert bar_extent(rect, Shown(1.7)).end == closed.track_end  # never past the whole


def test_bars_are_as_long_as_their_share_and_only_a_lower_bound_is_open(qtbot: QtBot) -> None:
    view = table(qtbot, [Shown(0.25), Shown(0.75), Shown(0.25, True), Shown(0.0, True)])
    image = view.viewport().grab().toImage()
    colours = BarColours.of(view.palette())
    used, cap = colours.used[0].name(), colours.cap.name()
    track = 224 - 2 * MARGIN - CAP  # 200 px: the whole
    quarter, three_quarters, open_quarter, unknown = (row_colours(image, view, r) for r in range(4))
    assert quarter.count(used) == pytest.approx(track / 4, abs=1)
    assert three_quarters.count(used) == pytest.approx(track * 3 / 4, abs=1)
    assert quarter.count(colours.track.name()) == pytest.approx(track * 3 / 4, abs=1)
    assert cap not in quarter and cap not in three_quarters
    assert open_quarter.count(used) == quarter.count(used)  # the same scale, open or not
    hatched = [x for x, c in enumerate(open_quarter) if c == cap]
    assert hatched and min(hatched) >= MARGIN + track / 4 - 1 and max(hatched) < MARGIN + track / 4 + CAP
    assert used not in unknown and cap in unknown  # nothing known: the cap alone


def test_a_cell_without_a_share_is_drawn_as_usual(qtbot: QtBot) -> None:
    view = table(qtbot, [None])
    image = view.viewport().grab().toImage()
    colours = BarColours.of(view.palette())
    row = row_colours(image, view, 0)
    assert colours.used[0].name() not in row and colours.track.name() not in row
    text = view.palette().color(view.palette().ColorRole.Text)
    assert any(
        abs(image.pixelColor(x, y).lightness() - text.lightness()) < 60
        for x in range(image.width())
        for y in range(image.height())
    )  # its text is drawn
