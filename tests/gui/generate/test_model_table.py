"""The model list's table model: every column follows availability, and the view is told only
about cells that changed (a range of rows would make it repaint the whole list)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.model_table import COST, HEADERS, ModelTableModel

FOREGROUND = Qt.ItemDataRole.ForegroundRole


CATALOG = load_catalog()


def show(model: ModelTableModel, req: GenerationRequest) -> None:
    model.show_view(generate_view(CATALOG, req))


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
    assert all((row, col, row, col) in seen for col in range(len(HEADERS)))
    assert model.index(row, COST).data() == "—"

    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))  # and back
    assert all(model.index(row, col).data(FOREGROUND) is None for col in range(len(HEADERS)))


def test_a_new_price_is_signalled_cell_by_cell_and_unchanged_cells_not_at_all(qapp: object) -> None:
    model = ModelTableModel(CATALOG)
    show(model, GenerationRequest("nano-banana-2", "1K", "1:1", 1, False))

    seen = changes(model, GenerationRequest("nano-banana-2", "1K", "1:1", 2, False))

    priced = [r for r in range(model.rowCount()) if model.index(r, COST).data() not in ("—", "unknown")]
    assert sorted(seen) == [(r, COST, r, COST) for r in priced]
    assert changes(model, GenerationRequest("nano-banana-2", "1K", "1:1", 2, False)) == []
