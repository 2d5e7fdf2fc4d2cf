"""The Credits column's bars, read off the pixels: as long as their share of the largest cost,
open-ended for a lower bound (the window's hatched cap), none for an unknown, crisp at 100,
150 and 200 %, and clear against the row in light and dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.cost_bars import INSET, ROOM, CostBars, bar_rects, bar_room
from imagine_calc.gui.generate.model_table import COST, BarRole, CostBar, LookRole, cost_look
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.bar_painting import CAP
from imagine_calc.gui.shared.theme import dark_palette
from tests.gui.pixels import differing, distance

RATIOS = (1.0, 1.5, 2.0)
WIDTH, HEIGHT = 160, 25
State = QStyle.StateFlag


def palettes() -> dict[str, QPalette]:
    return {"light": QApplication.style().standardPalette(), "dark": dark_palette()}


def on_device_pixels(rect: QRectF, ratio: float) -> bool:
    edges = (rect.left(), rect.right(), rect.top(), rect.bottom())
    return all(abs(e * ratio - round(e * ratio)) < 1e-6 for e in edges)


@pytest.mark.parametrize("ratio", RATIOS)
def test_a_bar_is_as_long_as_its_share_and_its_edges_fall_on_device_pixels(ratio: float) -> None:
    cell, height = QRectF(10, 50, WIDTH, HEIGHT), 17
    full, _ = bar_rects(cell, CostBar(1.0, False), height, ratio)
    half, _ = bar_rects(cell, CostBar(0.5, False), height, ratio)
    assert full.left() == pytest.approx(cell.left() + INSET, abs=1 / ratio)
    assert full.width() == pytest.approx(height * ROOM - CAP, abs=1 / ratio)
    assert half.width() == pytest.approx(full.width() / 2, abs=1 / ratio)
    assert all(on_device_pixels(r, ratio) for r in (full, half))
    assert full.center().y() == pytest.approx(cell.center().y(), abs=1 / ratio)


@pytest.mark.parametrize("ratio", RATIOS)
def test_a_lower_bounds_open_cap_has_one_width_whatever_it_leaves_out(ratio: float) -> None:
    cell, height = QRectF(0, 0, WIDTH, HEIGHT), 17
    caps = []
    for share in (0.0, 0.3, 1.0):
        solid, cap = bar_rects(cell, CostBar(share, True), height, ratio)
        assert cap is not None and cap.left() == solid.right() and on_device_pixels(cap, ratio)
        caps.append(cap.width())
    assert max(caps) - min(caps) <= 1 / ratio and caps[0] == pytest.approx(CAP, abs=1 / ratio)
    # the largest lower bound's cap still ends inside the bars' room, before the figure
    assert solid.right() + caps[-1] <= INSET + height * ROOM + 1 / ratio
    assert bar_rects(cell, CostBar(0.5, False), height, ratio)[1] is None  # a known cost: no cap


def test_a_tiny_cost_still_shows_and_nothing_shows_as_nothing() -> None:
    tiny, _ = bar_rects(QRectF(0, 0, WIDTH, HEIGHT), CostBar(0.0001, False), 17, 1.5)
    assert tiny.width() == pytest.approx(1 / 1.5)
    nothing, _ = bar_rects(QRectF(0, 0, WIDTH, HEIGHT), CostBar(0.0, False), 17, 1.5)
    assert nothing.width() == 0


def paint(
    bar: CostBar | None,
    palette: QPalette,
    ratio: float,
    selected: bool = False,
    bars: CostBars | None = None,
    font: QFont | None = None,
) -> QImage:
    """One cost cell painted by the delegate on a device of `ratio`, over the row's background."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem("≥ 25")
    item.setData(bar, BarRole)
    item.setData(cost_look("≥ 25", bar, None), LookRole)  # as the list's model sets it
    model.setItem(0, 0, item)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, WIDTH, HEIGHT)
    option.palette = palette
    option.state = State.State_Enabled | State.State_Active | (State.State_Selected if selected else State(0))
    option.font = font or QApplication.font()
    option.fontMetrics = QFontMetrics(option.font)
    image = QImage(round(WIDTH * ratio), round(HEIGHT * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    (bars or CostBars()).paint(painter, option, model.index(0, 0))
    painter.end()
    return image


def middle_line(image: QImage, ratio: float) -> list[QColor]:
    """The pixels across the bars' room, through the middle of the row."""
    y = image.height() // 2
    room = round(bar_room(QFontMetrics(QApplication.font())) * ratio)
    return [image.pixelColor(x, y) for x in range(room)]


def run(line: list[QColor], colour: QColor) -> tuple[int, int]:
    """Where the first run of exactly `colour` starts, and how long it is."""
    start = next(i for i, c in enumerate(line) if c == colour)
    end = next((i for i in range(start, len(line)) if line[i] != colour), len(line))
    return start, end - start


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("ratio", RATIOS)
def test_painted_bars_are_crisp_to_scale_and_clear_against_the_row(
    qapp: object, scheme: str, ratio: float
) -> None:
    palette = palettes()[scheme]
    base = palette.color(QPalette.ColorRole.Base)
    image = paint(CostBar(1.0, False), palette, ratio)
    full = middle_line(image, ratio)
    colour = next(c for c in full if c != base)
    start, length = run(full, colour)
    # crisp: background right up to the first bar pixel and right after the last, no blend,
    # across the bar and down through it
    assert full[start - 1] == base and full[start + length] == base
    assert set(map(QColor.rgb, full)) == {base.rgb(), colour.rgb()}
    down = {image.pixelColor(start + length // 2, y).rgb() for y in range(image.height())}
    assert down == {base.rgb(), colour.rgb()}
    assert abs(colour.lightness() - base.lightness()) >= 40 or distance(colour, base) >= 150
    _, half = run(middle_line(paint(CostBar(0.5, False), palette, ratio), ratio), colour)
    assert abs(half - length / 2) <= 1
    # the selected row's bar stands off the selection too
    picked = middle_line(paint(CostBar(1.0, False), palette, ratio, selected=True), ratio)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert max(distance(c, highlight) for c in picked) >= 150


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_lower_bound_ends_in_a_hatched_cap_open_at_its_end(qapp: object, scheme: str) -> None:
    palette, ratio = palettes()[scheme], 2.0
    base = palette.color(QPalette.ColorRole.Base)
    image = paint(CostBar(0.5, True), palette, ratio)
    line = middle_line(image, ratio)
    colour = next(c for c in line if c != base)
    start, length = run(line, colour)
    cap = range(start + length, start + length + round(CAP * ratio))
    rows = [y for y in range(image.height()) if image.pixelColor(start, y) == colour]
    top, bottom = rows[0], rows[-1]
    ink = palette.color(QPalette.ColorRole.Text)
    # edges above and below, in the text's colour, all along the cap
    assert all(image.pixelColor(x, top) == ink and image.pixelColor(x, bottom) == ink for x in cap)
    inside = [[image.pixelColor(x, y) for y in range(top + 1, bottom)] for x in cap]
    # hatched: ink and the row between the edges, and no column of ink closing its end
    assert {c.rgb() for column in inside for c in column} == {ink.rgb(), base.rgb()}
    assert not any(all(c == ink for c in column) for column in inside)
    assert image.pixelColor(cap[-1] + 1, top) == base  # nothing after it


def test_an_unknown_cost_has_no_bar(qapp: object) -> None:
    palette = palettes()["light"]
    line = middle_line(paint(None, palette, 1.5), 1.5)
    assert set(map(QColor.rgb, line)) == {palette.color(QPalette.ColorRole.Base).rgb()}


def bar_length(window: MainWindow, model_id: str) -> int:
    """The solid bar's length in the list on screen, in pixels."""
    tab = window.generate
    index = tab.proxy.mapFromSource(tab.table_model.index(tab.table_model.row_of(model_id), COST))
    rect = tab.view.visualRect(index)
    image = tab.view.viewport().grab().toImage()
    line = [image.pixelColor(x, rect.center().y()) for x in range(rect.left(), rect.right())]
    colour = line[INSET + 1]
    return run(line, colour)[1] if colour != line[0] else 0


def test_the_list_ranks_by_its_bars_and_they_follow_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.generate
    window.resize(980, 900)  # every row in view
    qtbot.waitUntil(lambda: tab.view.viewport().height() > 25 * tab.view.rowHeight(0))
    tab.session.set_request(GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))
    QApplication.processEvents()
    longest = bar_length(window, "recraft-v4-pro")  # 150 credits
    assert longest >= bar_room(tab.view.fontMetrics()) / 2
    assert bar_length(window, "nano-banana-2") == pytest.approx(longest * 49 / 150, abs=1)
    assert bar_length(window, "midjourney-v7") == 0  # unknown

    tab.session.set_request(GenerationRequest("nano-banana-2", "4K", "1:1", 1, False))
    QApplication.processEvents()  # painted as the next frame is
    assert bar_length(window, "nano-banana-pro") == longest  # 160 credits: the largest now
    assert bar_length(window, "nano-banana-2") == pytest.approx(longest * 98 / 160, abs=1)
    assert bar_length(window, "flux-dev") == 0  # cannot make 4K


def test_one_delegate_paints_each_palette_and_state_in_its_own_colours(qapp: object) -> None:
    """The colours are remembered per palette and state: a scheme change or a selection must
    not keep the last ones."""
    bars = CostBars()
    seen = []
    for scheme, selected in (("light", False), ("dark", False), ("dark", True), ("light", False)):
        palette = palettes()[scheme]
        base = palette.color(QPalette.ColorRole.Base)
        line = middle_line(paint(CostBar(1.0, False), palette, 1.0, selected, bars), 1.0)
        seen.append(next(c.rgb() for c in line if c != base))
    light, dark, picked, light_again = seen
    assert len({light, dark, picked}) == 3 and light_again == light


@pytest.mark.parametrize("ratio", RATIOS)
def test_a_cell_is_drawn_once_per_look_and_shown_again_as_drawn(
    qapp: object, monkeypatch: pytest.MonkeyPatch, ratio: float
) -> None:
    """A settings change repaints every cost cell, and a designer goes back and forth: a cell
    already drawn with the same figure, bar, colours and state is shown as it was drawn, the
    same pixels as drawing it again; another look is drawn anew."""
    bars = CostBars()
    drawn: list[bool] = []
    draw = bars.draw_cell
    monkeypatch.setattr(bars, "draw_cell", lambda *args: (drawn.append(True), draw(*args)))
    palette = palettes()["light"]
    first = paint(CostBar(0.5, True), palette, ratio, bars=bars)
    again = paint(CostBar(0.5, True), palette, ratio, bars=bars)
    assert len(drawn) == 1 and again == first
    direct = QImage(first.size(), QImage.Format.Format_RGB32)
    direct.setDevicePixelRatio(ratio)
    direct.fill(palette.color(QPalette.ColorRole.Base))
    with QPainter(direct) as painter:
        option = QStyleOptionViewItem()
        option.rect, option.palette, option.font = QRect(0, 0, WIDTH, HEIGHT), palette, QApplication.font()
        option.state = State.State_Enabled | State.State_Active
        option.fontMetrics = QFontMetrics(option.font)
        model = QStandardItemModel(1, 1)
        item = QStandardItem("≥ 25")
        item.setData(CostBar(0.5, True), BarRole)
        model.setItem(0, 0, item)
        CostBars().draw_cell(painter, option, model.index(0, 0))
    assert not differing(direct, first)
    paint(CostBar(0.5, True), palette, ratio, selected=True, bars=bars)
    paint(CostBar(0.6, True), palette, ratio, bars=bars)
    paint(CostBar(0.5, True), palettes()["dark"], ratio, bars=bars)
    assert len(drawn) == 4
    bigger = QFont(QApplication.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    paint(CostBar(0.5, True), palette, ratio, bars=bars, font=bigger)  # a new font: drawn anew
    paint(CostBar(0.5, True), palette, ratio, bars=bars, font=QFont(QApplication.font()))
    assert len(drawn) == 5
