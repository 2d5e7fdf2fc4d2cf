"""Pro models are tagged in the list as the command line tags them, the tag says what it means
when hovered (and that it is inferred, where it is), and a long name gives way to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from imagine_calc.gui.generate.model_table import NAME, LookRole, MarkRole, ProMark, name_look
from imagine_calc.gui.generate.pro_marks import PAD, ProMarks, tag_rect
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.markup import tooltip
from imagine_calc.gui.shared.theme import dark_palette
from tests.gui.pixels import differing

INFERRED = ProMark("Pro*", "Pro model: needs a subscription (inferred from the name)")
State = QStyle.StateFlag


def paint(
    name: str,
    mark: ProMark | None,
    palette: QPalette,
    width: int = 300,
    marks: ProMarks | None = None,
    grey: QColor | None = None,
    direct: bool = False,
) -> tuple[QImage, QRect]:
    """One name cell painted by the delegate (or drawn straight, `direct`), and where its tag goes."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem(name)
    item.setData(mark, MarkRole)
    item.setData(grey, Qt.ItemDataRole.ForegroundRole)
    item.setData(name_look(name, mark, grey), LookRole)  # as the list's model sets it
    model.setItem(0, 0, item)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, width, 25)
    option.palette = palette
    option.state = State.State_Enabled | State.State_Active
    option.font = QApplication.font()
    option.fontMetrics = QFontMetrics(option.font)
    image = QImage(width, 25, QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    delegate = marks or ProMarks()
    (delegate.draw_cell if direct else delegate.paint)(painter, option, model.index(0, 0))
    painter.end()
    return image, tag_rect(option.rect, option.font, mark.text if mark else "Pro*")


def colours(image: QImage, rect: QRect) -> set[int]:
    return {
        image.pixel(x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_pro_model_has_a_tag_that_stands_off_its_row_and_others_have_none(
    qapp: object, scheme: str
) -> None:
    palette = QApplication.style().standardPalette() if scheme == "light" else dark_palette()
    base = palette.color(QPalette.ColorRole.Base)
    tagged, tag = paint("Nano Banana Pro", INFERRED, palette)
    inks = [QColor(c) for c in colours(tagged, tag)]
    assert max(abs(c.lightness() - base.lightness()) for c in inks) >= 80  # text you can read
    plain, _ = paint("Nano Banana 2", None, palette)
    assert colours(plain, tag) == {base.rgb()}


def test_a_long_name_is_shortened_before_the_tag(qapp: object) -> None:
    palette = QApplication.style().standardPalette()
    image, tag = paint("Nano Banana Pro, the long-named edition of it", INFERRED, palette, width=200)
    gap = QRect(tag.left() - PAD, 0, PAD, 25)  # just before the tag: nothing written there
    assert colours(image, gap) == {palette.color(QPalette.ColorRole.Base).rgb()}
    untagged, _ = paint("Nano Banana Pro, the long-named edition of it", None, palette, width=200)
    assert colours(untagged, gap) != {palette.color(QPalette.ColorRole.Base).rgb()}  # it would be


def inked(image: QImage, rect: QRect, backgrounds: list[QColor]) -> bool:
    """Something drawn in `rect` far from every background (Fusion shades the selection)."""

    def far(colour: QColor) -> bool:
        return all(
            sum(abs(a - b) for a, b in zip(colour.getRgb(), bg.getRgb(), strict=True)) >= 60
            for bg in backgrounds
        )

    return any(far(QColor(c)) for c in colours(image, rect))


def name_cell(window: MainWindow, model_id: str) -> QRect:
    tab = window.generate
    index = tab.proxy.mapFromSource(tab.table_model.index(tab.table_model.row_of(model_id), NAME))
    tab.view.scrollTo(index)
    return tab.view.visualRect(index)


def hover_tooltip(qtbot: QtBot, window: MainWindow, at: QPoint) -> str:
    viewport = window.generate.view.viewport()
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_hovering_the_tag_says_what_it_means_and_the_name_says_the_rest(
    qtbot: QtBot, window: MainWindow
) -> None:
    cell = name_cell(window, "nano-banana-pro")
    tag = tag_rect(cell, window.generate.view.font(), "Pro*")
    assert hover_tooltip(qtbot, window, tag.center()) == tooltip(INFERRED.says)
    on_name = hover_tooltip(qtbot, window, QPoint(cell.left() + 10, cell.center().y()))
    assert "Nano Banana Pro" in on_name and "Google" in on_name  # the model's own tooltip


def test_the_list_shows_the_tags_where_the_command_line_does(qtbot: QtBot, window: MainWindow) -> None:
    view = window.generate.view
    # the rows' backgrounds: plain, alternate, and the selection's (Nano Banana 2 is chosen)
    roles = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Highlight)
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    backgrounds = [view.palette().color(group, role) for role in roles for group in groups]
    tagged = set()
    for model in window.generate.session.catalog.models:
        cell = name_cell(window, model.id)
        image = view.viewport().grab().toImage()
        if inked(image, tag_rect(cell, view.font(), "Pro*"), backgrounds):
            tagged.add(model.name)
    assert tagged == {"ImagineArt 1.5 Pro", "Nano Banana Pro", "Recraft v4 Pro", "Flux 2 Pro"}


def test_a_larger_font_gets_a_larger_tag_though_the_tags_size_is_remembered(qapp: object) -> None:
    cell, font = QRect(0, 0, 300, 40), QApplication.font()
    small = tag_rect(cell, font, "Pro*")
    font.setPointSizeF(font.pointSizeF() * 1.5)
    large = tag_rect(cell, font, "Pro*")
    assert large.width() > small.width() and large.height() > small.height()
    assert tag_rect(cell, font, "Pro").width() < large.width()  # and another text its own


def test_a_name_is_drawn_once_per_look_and_shown_again_as_drawn(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A settings change greys and ungreys the rows of models that cannot make it, and a
    designer goes back and forth: a name (and its tag) already drawn so is shown as drawn, the
    same pixels as drawing it again; greyed, or another name, is drawn anew."""
    marks, palette = ProMarks(), QApplication.palette()
    drawn: list[bool] = []
    draw = marks.draw_cell
    monkeypatch.setattr(marks, "draw_cell", lambda *args: (drawn.append(True), draw(*args)))
    first, _ = paint("Flux 2 Max", ProMark("Pro*", "inferred"), palette, marks=marks)
    again, _ = paint("Flux 2 Max", ProMark("Pro*", "inferred"), palette, marks=marks)
    assert len(drawn) == 1 and again == first
    direct, _ = paint("Flux 2 Max", ProMark("Pro*", "inferred"), palette, direct=True)
    assert not differing(direct, first)
    grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    greyed, _ = paint("Flux 2 Max", ProMark("Pro*", "inferred"), palette, marks=marks, grey=grey)
    paint("Flux 2 Pro", None, palette, marks=marks)
    paint("Flux 2 Max", ProMark("Pro*", "inferred"), palette, marks=marks, grey=grey)
    assert len(drawn) == 3 and greyed != first
