"""The model list's table model: every column follows availability, each cost carries its bar
and each Pro model its mark, and the view is told only about cells that changed (a range of
rows would make it repaint the whole list)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.model_table import (
    COST,
    HEADERS,
    MAX_RES,
    NAME,
    BarRole,
    CostBar,
    MarkRole,
    ModelTableModel,
    ProMark,
)
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.theme import dark_palette
from tests.gui.pixels import differing

FOREGROUND = Qt.ItemDataRole.ForegroundRole


CATALOG = load_catalog()


def show(model: ModelTableModel, req: GenerationRequest) -> None:
    model.show_view(CATALOG, generate_view(CATALOG, req))


def changes(model: ModelTableModel, req: GenerationRequest) -> list[tuple[int, int, int, int]]:
    seen: list[tuple[int, int, int, int]] = []

    def record(top: QModelIndex, bottom: QModelIndex) -> None:
        seen.append((top.row(), top.column(), bottom.row(), bottom.column()))

    model.dataChanged.connect(record)
    show(model, req)
    model.dataChanged.disconnect(record)
    return seen


def test_a_model_that_cannot_do_the_resolution_is_greyed_in_every_column(qapp: object) -> None:
    model = ModelTableModel(CATALOG)
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))
    row = model.row_of("flux-1-1-ultra")  # up to 2K
    assert all(model.index(row, col).data(FOREGROUND) is None for col in range(len(HEADERS)))

    seen = changes(model, GenerationRequest("nano-banana-2", "4K", "1:1", 1, False))

    assert all(model.index(row, col).data(FOREGROUND) is not None for col in range(len(HEADERS)))
    # each cell told once, its colour and its tooltip together: a view repaints it once
    assert [seen.count((row, col, row, col)) for col in range(len(HEADERS))] == [1] * len(HEADERS)
    assert model.index(row, COST).data() == "—"
    assert "Not available" in model.index(row, MAX_RES).data(Qt.ItemDataRole.ToolTipRole)

    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))  # and back
    assert all(model.index(row, col).data(FOREGROUND) is None for col in range(len(HEADERS)))


def test_a_new_price_is_signalled_cell_by_cell_and_unchanged_cells_not_at_all(qapp: object) -> None:
    model = ModelTableModel(CATALOG)
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))

    seen = changes(model, GenerationRequest("nano-banana-2", "1K", "1:1", 2, False))

    priced = [r for r in range(model.rowCount()) if model.index(r, COST).data() not in ("—", "unknown")]
    assert sorted(seen) == [(r, COST, r, COST) for r in priced]
    assert changes(model, GenerationRequest("nano-banana-2", "1K", "1:1", 2, False)) == []


def bars(model: ModelTableModel) -> dict[str, CostBar | None]:
    return {model.model_at(r).id: model.index(r, COST).data(BarRole) for r in range(model.rowCount())}


def test_each_cost_is_a_bar_scaled_to_the_largest_known_cost(qapp: object) -> None:
    model = ModelTableModel(CATALOG)
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))
    at_1k = bars(model)
    assert at_1k["recraft-v4-pro"] == CostBar(1.0, False)  # 150, the largest
    assert at_1k["nano-banana-2"] == CostBar(pytest.approx(49 / 150), False)
    assert at_1k["midjourney-v7"] is None  # unknown: nothing to draw

    show(model, GenerationRequest("nano-banana-2", "4K", "1:1", 1, False))
    at_4k = bars(model)
    assert at_4k["nano-banana-pro"] == CostBar(1.0, False)  # 160 now
    # a base price above 1K is only the least it costs: drawn open-ended, its known part to scale
    assert at_4k["recraft-v4-pro"] == CostBar(pytest.approx(150 / 160), True)
    assert at_4k["flux-dev"] is None  # cannot make 4K
    assert at_4k["nano-banana-2"] == CostBar(pytest.approx(98 / 160), False)


def test_every_bar_that_changed_was_signalled(qapp: object) -> None:
    model = ModelTableModel(CATALOG)
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))
    before = bars(model)
    seen = changes(model, GenerationRequest("nano-banana-2", "4K", "1:1", 1, False))
    after = bars(model)
    moved = {model.row_of(i) for i in after if after[i] != before[i]}
    assert len(moved) > 10 and moved <= {r for r, col, _, _ in seen if col == COST}


def test_pro_models_are_marked_as_the_command_line_marks_them(qapp: object) -> None:
    model = ModelTableModel(CATALOG)
    marks = {
        model.index(r, NAME).data(): model.index(r, NAME).data(MarkRole) for r in range(model.rowCount())
    }
    inferred = ProMark("Pro*", "Pro model: needs a subscription (inferred from the name)")
    assert {name: mark for name, mark in marks.items() if mark is not None} == {
        "ImagineArt 1.5 Pro": inferred,
        "Nano Banana Pro": inferred,
        "Recraft v4 Pro": inferred,
        "Flux 2 Pro": inferred,
    }
    row = model.row_of("nano-banana-pro")
    assert model.index(row, NAME).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Nano Banana Pro. Pro model: needs a subscription (inferred from the name)"
    )


def test_a_pro_flag_a_source_states_is_marked_without_the_star(qapp: object) -> None:
    stated = replace(CATALOG.model("flux-2-max"), requires_subscription=True)
    catalog = replace(CATALOG, models=tuple(stated if m.id == stated.id else m for m in CATALOG.models))
    model = ModelTableModel(catalog)
    row = model.row_of("flux-2-max")
    assert model.index(row, NAME).data(MarkRole) == ProMark("Pro", "Pro model: needs a subscription")


def test_a_cost_cells_tooltip_says_why_while_unavailable_and_is_not_resent_with_each_price(
    qapp: object,
) -> None:
    model = ModelTableModel(CATALOG)
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))
    row = model.row_of("flux-1-1-ultra")  # up to 2K
    plain = model.index(row, COST).data(Qt.ItemDataRole.ToolTipRole)
    assert "Not available" not in plain

    show(model, GenerationRequest("nano-banana-2", "4K", "1:1", 1, False))
    assert "Not available" in model.index(row, COST).data(Qt.ItemDataRole.ToolTipRole)
    assert "Not available" in model.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole)

    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))  # and back
    assert model.index(row, COST).data(Qt.ItemDataRole.ToolTipRole) == plain

    # A new price alone re-sends the figure, its bar and its words, not the long tooltip (a
    # settings change converts and signals every role it sends, for every visible row).
    roles: list[list[int]] = []
    model.dataChanged.connect(lambda _top, _bottom, sent: roles.append(list(sent)))
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 2, False))
    assert roles and all(Qt.ItemDataRole.ToolTipRole not in sent for sent in roles)
    assert all(Qt.ItemDataRole.DisplayRole in sent for sent in roles)


def test_a_view_shown_again_is_not_worded_again(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The session shows a view again for settings gone through a moment ago: its cells are
    the ones worded the first time."""
    from imagine_calc.gui.generate import model_table

    worded: list[object] = []
    real = model_table.quotes.forms
    monkeypatch.setattr(model_table.quotes, "forms", lambda q, style: (worded.append(q), real(q, style))[1])
    model = ModelTableModel(CATALOG)
    one_k = generate_view(CATALOG, GenerationRequest("nano-banana-2", "1K"))
    two_k = generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K"))
    model.show_view(CATALOG, one_k)
    first = [model.index(row, COST).data() for row in range(model.rowCount())]
    model.show_view(CATALOG, two_k)
    before = len(worded)
    model.show_view(CATALOG, one_k)
    assert len(worded) == before
    assert [model.index(row, COST).data() for row in range(model.rowCount())] == first
    assert "49" in first  # the page: Nano Banana 2 at 1K


def test_a_row_greyed_again_after_a_palette_switch_is_drawn_in_the_new_grey(
    qapp: object, make_window: Callable[[], MainWindow]
) -> None:
    """A kept cell picture is keyed on the grey the row is drawn in, not only on its being
    greyed: after a switch to the dark palette, a row greyed anew shows the dark palette's grey,
    as a window opened in the dark palette does, not a picture drawn in the light one's."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.style().standardPalette()
    at_4k = GenerationRequest("nano-banana-2", "4K", "1:1", 1, False)
    app.setPalette(light)
    try:
        window = make_window()
        window.session.set_request(at_4k)
        greyed = "flux-1-1-ultra"  # up to 2K
        cells(window, greyed)  # drawn and kept in the light palette's grey
        app.setPalette(dark_palette())
        cells(window, greyed)  # the dark palette's picture, the row still in the light grey
        window.session.set_request(replace(at_4k, resolution="1K"))
        window.session.set_request(at_4k)  # greyed again: in the dark palette's grey now
        shown = cells(window, greyed)
        fresh = make_window()
        fresh.resize(window.size())
        fresh.session.set_request(at_4k)
        expected = cells(fresh, greyed)
    finally:
        app.setPalette(light)
    for col in (NAME, COST):
        assert not differing(expected[col], shown[col]), HEADERS[col]


def test_a_greyed_row_takes_the_new_palettes_grey_at_once(
    qapp: object, make_window: Callable[[], MainWindow]
) -> None:
    """The system going dark greys the rows that cannot make the settings in the dark
    palette's grey at once, as a window opened in the dark palette shows them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.style().standardPalette()
    at_4k = GenerationRequest("nano-banana-2", "4K", "1:1", 1, False)
    greyed = "flux-1-1-ultra"  # up to 2K
    app.setPalette(light)
    try:
        window = make_window()
        window.session.set_request(at_4k)
        cells(window, greyed)
        app.setPalette(dark_palette())
        shown = cells(window, greyed)
        fresh = make_window()
        fresh.resize(window.size())
        fresh.session.set_request(at_4k)
        expected = cells(fresh, greyed)
        grey = window.generate.table_model.index(window.generate.table_model.row_of(greyed), MAX_RES)
        dark_grey = app.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert grey.data(Qt.ItemDataRole.ForegroundRole) == dark_grey
    finally:
        app.setPalette(light)
    for col in (NAME, COST):
        assert not differing(expected[col], shown[col]), HEADERS[col]


def cells(window: MainWindow, model_id: str) -> dict[int, QImage]:
    """The model's name and cost cells as the list shows them."""
    tab, shown = window.generate, {}
    for col in (NAME, COST):
        index = tab.proxy.mapFromSource(tab.table_model.index(tab.table_model.row_of(model_id), col))
        tab.view.scrollTo(index)
        QApplication.processEvents()
        shown[col] = tab.view.viewport().grab(tab.view.visualRect(index)).toImage()
    return shown
