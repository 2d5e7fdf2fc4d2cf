"""Fuzzing through to the screen: whatever catalog or estimate loads is shown in the window's
own models and panels, every role of every cell asked for, without an error or a crash."""

from __future__ import annotations

import json
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_override
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.estimates.estimate_file import EstimateFileError, loads
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.quotes import GenerationRequest, quote_generation
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.generate.model_info import model_html
from imagine_calc.gui.generate.model_table import ModelTableModel
from imagine_calc.gui.generate.settings_panel import SettingsPanel
from imagine_calc.gui.generate.total_panel import TotalPanel
from tests.core.test_fuzz_through import BUNDLED, CATALOG, overrides, raw_items

ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
]


def every_cell(model: Any) -> None:
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            for role in ROLES:
                model.data(model.index(row, col), role)


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    deadline=None,
)
@given(data=overrides)
def test_every_catalog_that_loads_is_shown(qtbot: QtBot, data: dict[str, Any]) -> None:
    try:
        catalog = load_override(BUNDLED, yaml.safe_dump(data, allow_unicode=True), "fuzz.yaml")
    except CatalogError:
        return
    table = ModelTableModel(catalog)
    settings_panel, total = SettingsPanel(), TotalPanel()
    qtbot.addWidget(settings_panel)
    qtbot.addWidget(total)
    for model in catalog.models:
        view = generate_view(catalog, GenerationRequest(model.id, "4K", None, 4, True))
        request = view.request
        table.show_view(view)
        every_cell(table)
        settings_panel.show_view(catalog, view)
        total.show_view(catalog, view)
        assert total.total.text()
        model_html(model, quote_generation(catalog, request), catalog=catalog)


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    deadline=None,
)
@given(items=raw_items.map(lambda item: [item, item]))
def test_every_estimate_that_opens_is_shown(qtbot: QtBot, items: list[dict[str, Any]]) -> None:
    text = json.dumps({"format": "imagine-calc-estimate", "format_version": 1, "items": items})
    try:
        saved = loads(text)
    except EstimateFileError:
        return
    model = EstimateTableModel(CATALOG)
    model.load(saved.estimate)
    every_cell(model)
    if model.rowCount():
        model.setData(model.index(0, 2), 100_000)
        every_cell(model)
