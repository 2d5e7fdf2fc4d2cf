"""Views of settings gone through are shown again as they were, priced once, per catalog."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.pricing import generate_view as module
from imagine_calc.core.pricing.kept_views import KeptViews
from imagine_calc.core.pricing.requests import GenerationRequest

CATALOG = load_catalog()
ONE_K = GenerationRequest("nano-banana-2", "1K")
TWO_K = GenerationRequest("nano-banana-2", "2K")


@pytest.fixture
def priced(monkeypatch: pytest.MonkeyPatch) -> list[GenerationRequest]:
    """Every request the views priced."""
    asked: list[GenerationRequest] = []
    real = module.quote_generation

    def counted(catalog, req):  # type: ignore[no-untyped-def]  # the real function's own types
        asked.append(req)
        return real(catalog, req)

    monkeypatch.setattr(module, "quote_generation", counted)
    return asked


def test_going_back_to_settings_shows_their_view_again_without_pricing(
    priced: list[GenerationRequest],
) -> None:
    kept = KeptViews(CATALOG)
    first = kept.view(ONE_K)
    kept.view(TWO_K)
    before = len(priced)
    assert kept.view(ONE_K) is first
    assert len(priced) == before  # nothing priced again
    assert first.quote.total == Decimal(49)  # the page: Nano Banana 2, 1K


def test_past_its_room_the_view_asked_for_longest_ago_is_forgotten(priced: list[GenerationRequest]) -> None:
    kept = KeptViews(CATALOG, most=2)
    one, two = kept.view(ONE_K), kept.view(TWO_K)
    assert kept.view(ONE_K) is one  # asked again: now the most recent
    kept.view(GenerationRequest("nano-banana-2", "4K"))
    assert len(kept) == 2
    assert kept.view(ONE_K) is one
    again = kept.view(TWO_K)
    assert again is not two and again == two  # priced again, the same figures


def test_a_new_catalog_prices_anew(priced: list[GenerationRequest]) -> None:
    cheaper = dataclasses.replace(CATALOG, models=tuple(m for m in CATALOG.models if m.id != "flux-dev"))
    old, new = KeptViews(CATALOG), KeptViews(cheaper)
    assert old.view(ONE_K) is not new.view(ONE_K)
    assert len(new.view(ONE_K).models) == len(CATALOG.models) - 1
