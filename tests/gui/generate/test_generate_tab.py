"""The Generate tab renders the session and sends its changes there: a change made anywhere
(the list, the settings, new prices, a balance typed in the Estimate tab) shows in every part
of the tab, and the tab keeps no request of its own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.model_table import IdRole
from imagine_calc.gui.main_window import MainWindow


def shown_model(window: MainWindow) -> str:
    return str(window.generate.view.currentIndex().data(IdRole))


def test_a_request_set_on_the_session_shows_in_the_list_the_settings_and_the_total(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.cost_changed) as changed:
        window.session.set_request(GenerationRequest("nano-banana-2", "2K", "16:9", 2, False))
    assert changed.args[0].total == Decimal(147)  # the page: 73.5 per image at 2K
    tab = window.generate
    assert shown_model(window) == "nano-banana-2"
    assert tab.settings_panel.resolution.currentText().startswith("2K")
    assert (tab.settings_panel.aspect.currentText(), tab.settings_panel.images.value()) == ("16:9", 2)
    assert tab.total_panel.total.text() == "147 credits"


def test_the_settings_controls_change_the_sessions_request_for_the_model_in_use(window: MainWindow) -> None:
    window.session.set_request(GenerationRequest("nano-banana-2", "1K"))
    window.generate.settings_panel.images.setValue(3)
    assert window.session.request == GenerationRequest("nano-banana-2", "1K", "1:1", 3, False)
    window.session.select_model("seedream-v4-5")
    window.generate.settings_panel.enhancer.setChecked(True)
    assert window.session.request == GenerationRequest("seedream-v4-5", "1K", "1:1", 3, True)


def test_picking_a_row_selects_its_model_in_the_session(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.generate
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data(IdRole) == "flux-dev")
    tab.view.setCurrentIndex(tab.proxy.index(row, 0))
    qtbot.waitUntil(lambda: window.session.request.model_id == "flux-dev")
    assert shown_model(window) == "flux-dev"


def test_a_balance_typed_elsewhere_shows_what_it_buys_in_the_details(window: MainWindow) -> None:
    window.session.set_request(GenerationRequest("flux-dev"))
    assert "Your balance" not in window.generate.detail.toPlainText()
    window.session.set_balances(Balances(True, Decimal(500)))
    assert "buys 100 images at these settings" in window.generate.detail.toPlainText()  # 5 each


def test_new_prices_show_without_a_change_of_settings(window: MainWindow) -> None:
    from dataclasses import replace

    window.session.set_request(GenerationRequest("flux-dev"))
    loaded = window.session.loaded
    cheaper = tuple(
        replace(m, tier_prices={**m.tier_prices, "1K": Decimal(2)}) if m.id == "flux-dev" else m
        for m in loaded.catalog.models
    )
    window.session.set_loaded(replace(loaded, catalog=replace(loaded.catalog, models=cheaper)))
    assert window.generate.total_panel.total.text() == "2 credits"
    assert shown_model(window) == "flux-dev"


def test_the_details_are_worded_again_only_when_what_they_say_changes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change of settings leaves the selected model's details as they were, and their words are
    not made again (a settings change repaints within its frame budget); a balance that buys
    another count, or new prices, are said at once."""
    from dataclasses import replace

    from imagine_calc.gui.generate import generate_tab

    made: list[str] = []
    real = generate_tab.model_html
    monkeypatch.setattr(generate_tab, "model_html", lambda *a, **k: (made.append(a[0].id), real(*a, **k))[1])
    window.session.set_request(GenerationRequest("flux-dev"))
    made.clear()
    for images in (2, 3, 4, 1):
        window.session.set_request(GenerationRequest("flux-dev", images=images))
    assert made == []
    loaded = window.session.loaded
    dearer = tuple(
        replace(m, tier_prices={**m.tier_prices, "1K": Decimal(10)}) if m.id == "flux-dev" else m
        for m in loaded.catalog.models
    )
    window.session.set_loaded(replace(loaded, catalog=replace(loaded.catalog, models=dearer)))
    assert made == ["flux-dev"]
    assert "10 per image" in window.generate.detail.toPlainText()
    window.session.set_balances(Balances(True, Decimal(500)))
    assert made == ["flux-dev"] * 2
    assert "buys 50 images at these settings" in window.generate.detail.toPlainText()


def test_prices_replaced_are_not_kept_alive_by_what_the_list_worded(window: MainWindow) -> None:
    """A team's folder re-read, a recording, an update: each is a new catalog (with its thousands
    of recordings). What the list worded of the views before must not keep the old ones alive:
    every kept view holds its catalog."""
    import gc
    from dataclasses import replace

    from imagine_calc.core.catalog.records import Catalog

    loaded = window.session.loaded
    for n in range(12):
        catalog = replace(loaded.catalog, images_inferred={"test": str(n)})  # the same models
        window.session.set_loaded(replace(loaded, catalog=catalog))
    gc.collect()
    ours = [o for o in gc.get_objects() if type(o) is Catalog and "test" in o.images_inferred]
    assert [id(o) for o in ours] == [id(window.session.catalog)]
