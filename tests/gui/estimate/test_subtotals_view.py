"""Subtotals by model or kind: each row its name, its credits as the total words them, and a
bar of its share (open-ended for a lower bound), its share said on hover and to a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, UpscaleItem, price_estimate
from imagine_calc.core.estimates.shares import Share, subtotal_shares
from imagine_calc.core.numbers import PLAIN
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.subtotals_view import CREDITS, NAME, NAME_SHARE, SHARE, SubtotalsView
from imagine_calc.gui.shared.markup import TOOLTIP_START
from imagine_calc.gui.shared.share_bar_delegate import SHARE_ROLE
from tests.gui.shown import visible

CATALOG = load_catalog()
ITEMS = (
    GenerationItem(GenerationRequest("nano-banana-pro", "4K")),
    GenerationItem(GenerationRequest("flux-2-pro", "2K")),
    UpscaleItem("topaz", 2, ((1000, 1000),)),
)


def shares(by: str = "group") -> tuple[Share, ...]:
    return subtotal_shares(price_estimate(CATALOG, Estimate(ITEMS)), "kind" if by == "kind" else "group")


@pytest.fixture
def view(qtbot: QtBot) -> SubtotalsView:
    shown = SubtotalsView()
    qtbot.addWidget(shown)
    shown.resize(500, 100)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_each_subtotal_reads_as_before_with_its_share_beside_it(view: SubtotalsView) -> None:
    view.show_shares(shares(), "group", PLAIN)
    model = view.model()
    rows = [[model.index(r, c).data() for c in (NAME, CREDITS, SHARE)] for r in range(model.rowCount())]
    assert rows == [
        ["Nano Banana Pro", "160 credits", None],
        ["Flux 2 Pro", "at least 28 credits", None],
        ["Topaz", "about 20 credits", None],
    ]
    bars = [model.index(r, SHARE).data(SHARE_ROLE) for r in range(3)]
    assert [(b.key, b.open) for b in bars] == [
        ("Nano Banana Pro", False),
        ("Flux 2 Pro", True),
        ("Topaz", False),
    ]
    assert model.index(0, NAME).data(SHARE_ROLE) is None  # only the bar's column draws one


def test_hovering_a_row_or_reading_its_bar_says_its_share(view: SubtotalsView) -> None:
    view.show_shares(shares(), "group", PLAIN)
    model = view.model()
    said = "Nano Banana Pro: 160 credits, at most about 77% of the total (some prices are not known)"
    for col in (NAME, CREDITS, SHARE):
        tip = model.index(0, col).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(TOOLTIP_START) and visible(tip) == said
    assert model.index(0, SHARE).data(Qt.ItemDataRole.AccessibleTextRole) == said
    assert model.index(0, NAME).data(Qt.ItemDataRole.AccessibleTextRole) == "Nano Banana Pro"
    flux = visible(model.index(1, SHARE).data(Qt.ItemDataRole.ToolTipRole))
    assert flux.startswith("Flux 2 Pro: at least 28 credits; its share of the total is not known")


def test_by_kind_names_the_kind_in_words(view: SubtotalsView) -> None:
    view.show_shares(shares("kind"), "kind", PLAIN)
    model = view.model()
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == ["Generation", "Upscale"]


def test_as_tall_as_its_rows_hidden_for_one_and_the_bars_take_the_width_left(view: SubtotalsView) -> None:
    view.show_shares(shares(), "group", PLAIN)
    assert view.isVisible() and view.height() == 3 * view.verticalHeader().defaultSectionSize()
    header = view.horizontalHeader()
    assert sum(header.sectionSize(c) for c in (NAME, CREDITS, SHARE)) == view.viewport().width()
    assert header.sectionSize(SHARE) > header.sectionSize(NAME)
    view.resize(200, 100)
    assert header.sectionSize(NAME) <= 200 * NAME_SHARE  # a long name is elided, the bar stays
    view.show_shares(shares()[:1], "group", PLAIN)
    assert not view.isVisible()


def test_the_same_subtotals_again_are_not_laid_out_again(view: SubtotalsView) -> None:
    """A balance edited refreshes the tab; the subtotals, unchanged, keep their rows as they are."""
    resets: list[bool] = []
    view.model().modelReset.connect(lambda: resets.append(True))
    view.show_shares(shares(), "group", PLAIN)
    view.show_shares(shares(), "group", PLAIN)
    assert len(resets) == 1
    view.show_shares(shares("kind"), "kind", PLAIN)
    assert len(resets) == 2
