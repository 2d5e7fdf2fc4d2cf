"""Fuzzing through to the screen: the documents of tests/core/fuzz_documents.py (three in four
valid, full of hostile text) that load are shown in the window's own models and panels, and what
they show is the core's figure with its qualifier, the outside text as typed (plain, or escaped in
a tooltip), and no raw markup. Each prints the share of generated documents that loaded."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import bundled_files, load_override
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.estimates.estimate import price_estimate
from imagine_calc.core.estimates.estimate_file import EstimateFileError, loads
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text import quotes
from imagine_calc.gui.estimate.estimate_model import CREDITS, LABEL, EstimateTableModel
from imagine_calc.gui.generate.model_table import COST, NAME, ModelTableModel
from imagine_calc.gui.generate.total_panel import TotalPanel
from imagine_calc.gui.shared import locale_numbers as numbers
from imagine_calc.gui.shared.markup import TOOLTIP_START
from tests.core.fuzz_documents import CATALOG, estimates, overrides
from tests.core.test_fuzz_through import loads_share
from tests.gui.sessions import session_of
from tests.gui.shown import visible

FUZZ = settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    deadline=None,
)
#: Markup that must never reach a tooltip or a rich label unescaped (ours has neither tag).
RAW = ("<img", "<script")


def words(text: str) -> str:
    """Text as rich text shows it: any run of white space (a line break, a form feed) one space."""
    return " ".join(text.split())


def escaped_tooltip(tip: str) -> str:
    """A tooltip made by markup.tooltip: outside text in it escaped. Its visible text."""
    assert tip.startswith(TOOLTIP_START), tip[:60]
    inner = tip[len(TOOLTIP_START) :]
    assert not any(raw in inner for raw in RAW), tip[:200]
    return visible(tip)


def test_generated_estimates_show_the_cores_figures_and_the_labels_as_typed(qtbot: QtBot) -> None:
    tally: Counter[str] = Counter()
    model = EstimateTableModel(session_of(CATALOG))

    @FUZZ
    @given(estimates)
    def check(document: dict[str, Any]) -> None:
        tally["tried"] += 1
        try:
            saved = loads(json.dumps(document))
        except EstimateFileError:
            return
        tally["loaded"] += 1
        model.load(saved.estimate)
        priced = price_estimate(CATALOG, saved.estimate)
        assert model.rowCount() == len(priced.items)
        for row, p in enumerate(priced.items):
            assert model.index(row, LABEL).data() == p.label  # plain text in a view, as typed
            assert model.index(row, CREDITS).data() == numbers.short(p.quote)
            tip = escaped_tooltip(model.index(row, CREDITS).data(Qt.ItemDataRole.ToolTipRole))
            assert quotes.unrounded(p.quote, numbers.style()) in tip

    loads_share("estimates shown", check, tally)


def test_generated_overrides_show_the_cores_figures_and_the_names_as_typed(qtbot: QtBot) -> None:
    tally: Counter[str] = Counter()
    total = TotalPanel()
    qtbot.addWidget(total)

    @FUZZ
    @given(overrides)
    def check(data: dict[str, Any]) -> None:
        tally["tried"] += 1
        try:
            catalog = load_override(bundled_files(), yaml.safe_dump(data, allow_unicode=True), "fuzz.yaml")
        except CatalogError:
            return
        tally["loaded"] += 1
        table = ModelTableModel(catalog)
        written = {m["id"] for m in data.get("models", [])}
        for model in catalog.models:
            if model.id not in written:
                continue
            view = generate_view(catalog, GenerationRequest(model.id, model.tiers[-1], None, 2, True))
            table.show_view(catalog, view)
            row = table.row_of(model.id)
            assert table.index(row, NAME).data() == model.name
            assert table.index(row, COST).data() == numbers.short(view.quote)
            shown = escaped_tooltip(table.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole))
            assert words(model.name) in words(shown)
            total.show_view(catalog, view)
            assert total.total.text() == numbers.total(view.quote)
            assert not any(raw in total.breakdown.html for raw in RAW)
            assert words(model.name) in words(visible(total.breakdown.html))
            escaped_tooltip(total.total.toolTip())

    loads_share("overrides shown", check, tally)
