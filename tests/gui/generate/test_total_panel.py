"""The total and its breakdown: a line per part with how it is made up, what is not known said so
(never 0), a lower bound "at least" everywhere it shows, and the same words for a screen reader.

Figures from ImagineArt's Image Credits page (tests/seed_table.py): Nano Banana 2 98 at 4K,
73.5 at 2K; ImagineArt 1.5 Pro a base price of 25; Midjourney V7 "See tooltip"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.settings import total_description
from imagine_calc.gui.generate.total_panel import TotalPanel, breakdown_html
from tests.gui.shown import visible


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def panel(qtbot: QtBot) -> TotalPanel:
    panel = TotalPanel()
    qtbot.addWidget(panel)
    return panel


def shown(panel: TotalPanel, catalog: Catalog, req: GenerationRequest) -> tuple[str, str]:
    """(the headline, the breakdown as read) once the panel shows `req`."""
    panel.show_view(catalog, generate_view(catalog, req))
    return panel.total.text(), visible(panel.breakdown.html)


def test_the_total_and_how_it_is_made_up(panel: TotalPanel, catalog: Catalog) -> None:
    total, breakdown = shown(panel, catalog, GenerationRequest("nano-banana-2", "4K", "1:1", 3))
    assert total == "294 credits"  # 3 x 98 at 4K
    assert breakdown == "Nano Banana 2, 4K, 1:1: 294  (3 × 98)"


def test_what_is_not_known_is_said_never_counted_as_0(panel: TotalPanel, catalog: Catalog) -> None:
    total, breakdown = shown(panel, catalog, GenerationRequest("midjourney-v7"))
    assert total == "unknown"
    lines = breakdown.splitlines()
    assert lines[0] == "Midjourney V7, 1K, 1:1: unknown  (1 × unknown)"
    assert lines[1].startswith(
        'Not known: Midjourney V7: The credits page says "See tooltip" instead of a price.'
    )
    assert "<i>unknown</i>" in panel.breakdown.html  # set apart from figures


def test_an_unknown_part_makes_the_total_a_lower_bound(panel: TotalPanel, catalog: Catalog) -> None:
    total, breakdown = shown(panel, catalog, GenerationRequest("nano-banana-2", "2K", "1:1", 2, True))
    assert total == "at least 147 credits"  # 2 x 73.5, and the enhancer's unpublished "small cost"
    assert breakdown.splitlines()[:2] == [
        "Nano Banana 2, 2K, 1:1: 147  (2 × 73.5)",
        "Prompt enhancer: unknown  (surcharge unknown)",
    ]


def test_a_base_price_above_1k_reads_at_least_in_every_place(panel: TotalPanel, catalog: Catalog) -> None:
    total, breakdown = shown(panel, catalog, GenerationRequest("imagineart-1-5-pro", "4K"))
    assert total == "at least 25 credits"
    assert breakdown.startswith(
        "ImagineArt 1.5 Pro, 4K, 1:1: at least 25  (1 × 25 base price, 4K costs more)"
    )
    assert "Total: at least 25 credits" in visible(panel.total.toolTip())


def test_a_screen_reader_hears_the_settings_and_the_total(panel: TotalPanel, catalog: Catalog) -> None:
    view = generate_view(catalog, GenerationRequest("nano-banana-2", "4K", "1:1", 3))
    panel.show_view(catalog, view)
    described = total_description(view, "Nano Banana 2")  # core/text's words, a line each
    assert described.splitlines()[:2] == ["Nano Banana 2 · 4K · 1:1 · 3 images", "Total: 294 credits"]
    assert visible(panel.total.toolTip()) == described
    assert panel.total.accessibleDescription() == described.replace("\n", ". ")  # read as sentences


def test_a_model_name_from_an_override_is_shown_as_written(catalog: Catalog) -> None:
    odd = tuple(replace(m, name="Flux <b>Dev</b>") if m.id == "flux-dev" else m for m in catalog.models)
    quote = quote_generation(replace(catalog, models=odd), GenerationRequest("flux-dev"))
    html = breakdown_html(quote)
    assert "<b>Dev</b>" not in html
    assert visible(html).splitlines() == [
        "Flux <b>Dev</b>, 1K: 5  (1 × 5 base price)",
        "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more.",
    ]


def test_the_breakdown_keeps_its_room_while_one_models_settings_change(
    qtbot: QtBot, panel: TotalPanel, catalog: Catalog
) -> None:
    """The prompt enhancer's note makes the breakdown five lines longer: switching it off again
    keeps the room, so the model's details below do not jump up and back; another model's
    breakdown is as tall as it is."""
    panel.resize(380, 400)
    panel.show()
    qtbot.waitExposed(panel)
    plain = GenerationRequest("nano-banana-2", "2K", "16:9", 1, False)
    shown(panel, catalog, plain)
    one_line = panel.breakdown.height()
    shown(panel, catalog, replace(plain, prompt_enhancer=True))
    with_note = panel.breakdown.height()
    assert with_note > 2 * one_line
    shown(panel, catalog, replace(plain, images=3))
    assert panel.breakdown.height() == with_note
    another = GenerationRequest("imagineart-1-5", "1K", "1:1", 1, False)
    shown(panel, catalog, another)
    fresh = TotalPanel()
    qtbot.addWidget(fresh)
    fresh.resize(380, 400)
    fresh.show()
    shown(fresh, catalog, another)
    assert panel.breakdown.height() == fresh.breakdown.height() < with_note


def test_a_view_shown_again_is_not_worded_again(
    panel: TotalPanel, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session shows a view again for settings gone through a moment ago: the total and
    its breakdown are the ones worded the first time."""
    from imagine_calc.gui.generate import total_panel

    worded: list[object] = []
    real = total_panel.breakdown_html
    monkeypatch.setattr(total_panel, "breakdown_html", lambda q: (worded.append(q), real(q))[1])
    one_k = generate_view(catalog, GenerationRequest("nano-banana-2", "1K"))
    two_k = generate_view(catalog, GenerationRequest("nano-banana-2", "2K"))
    panel.show_view(catalog, one_k)
    first = panel.total.text(), panel.breakdown.html
    panel.show_view(catalog, two_k)
    panel.show_view(catalog, one_k)
    assert worded == [one_k.quote, two_k.quote]
    assert (panel.total.text(), panel.breakdown.html) == first
    assert "49" in first[0]  # the page: Nano Banana 2 at 1K
