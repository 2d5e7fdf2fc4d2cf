"""The settings panel says what each other option would change: in words where its column has
room, in the short form where it has not, and in full sentences in each hint's tooltip; the
resolution menu opens as wide as its words need."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.settings_panel import SettingsPanel

CATALOG = load_catalog()


def panel_for(qtbot: QtBot, width: int, request: GenerationRequest) -> SettingsPanel:
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.show_view(CATALOG, generate_view(CATALOG, request))  # before it is shown, as in the window
    panel.resize(width, panel.sizeHint().height())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_at_the_width_a_1024_px_window_gives_each_hint_is_said_in_words(qtbot: QtBot) -> None:
    """The issue's "2 images: -28 - ?" and "2K: ± ?" as sentences a person reads."""
    panel = panel_for(qtbot, 405, GenerationRequest("flux-2-pro", "1K", None, 3, True))
    assert panel.images_hint.text().splitlines() == [
        "2 images: 28 less, plus less for the enhancer",
        "4 images: 28 more, plus more for the enhancer",
    ]
    assert panel.enhancer_hint.text() == "Switching it off: costs less, not published"
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("imagineart-2-0", "2K")))
    assert panel.resolution_hint.text().splitlines() == [
        "1K: costs less, not published",
        "4K: may cost more or less, not published",
    ]
    assert panel.images_hint.text() == "2 images: 25 more, plus an unpublished amount"
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2")))
    assert panel.resolution_hint.text() == "2K: 24.5 more   4K: 49 more"  # both fit on one line


def test_where_words_do_not_fit_the_short_form_stands_and_the_tooltip_says_it_all(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, 405, GenerationRequest("flux-2-pro", "1K", None, 3, True))
    panel.resize(300, panel.height())  # a narrow window: the column has room for the short form only
    qtbot.waitUntil(lambda: panel.images_hint.text() != "" and "less" not in panel.images_hint.text())
    assert panel.images_hint.text().splitlines() == ["2 images: -28 - ?", "4 images: +28 + ?"]
    hint = panel.images_hint
    assert all(
        hint.fontMetrics().horizontalAdvance(line) <= hint.width() for line in hint.text().splitlines()
    )
    assert "2 images: at least 56 credits (28 less, plus less for the enhancer)" in hint.toolTip()
    assert "4 images: at least 112 credits (28 more, plus more for the enhancer)" in hint.toolTip()
    assert "(28 less, plus less for the enhancer)" in hint.accessibleDescription()
    panel.resize(405, panel.height())  # room again: words again
    qtbot.waitUntil(lambda: "less for the enhancer" in panel.images_hint.text())


def test_a_hint_never_changes_its_height_with_the_settings(qtbot: QtBot) -> None:
    """Its text changes with every setting; its room, tall enough for every line it may show,
    does not, so a change re-lays out nothing."""
    panel = panel_for(qtbot, 405, GenerationRequest("nano-banana-2"))
    heights = [panel.resolution_hint.height(), panel.images_hint.height()]
    later = GenerationRequest("nano-banana-2", images=3, prompt_enhancer=True)
    panel.show_view(CATALOG, generate_view(CATALOG, later))
    panel.layout().activate()  # as the next paint would
    lines = panel.images_hint.text().splitlines()
    assert len(lines) == 2 and panel.images_hint.height() >= 2 * panel.images_hint.fontMetrics().lineSpacing()
    assert [panel.resolution_hint.height(), panel.images_hint.height()] == heights


def test_the_resolution_menu_opens_as_wide_as_its_words(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, 300, GenerationRequest("nano-banana-2", "1K", None, 3, True))
    combo = panel.resolution
    assert combo.itemText(1) == "2K    73.5 more, give or take the enhancer"
    combo.showPopup()
    popup: QWidget = combo.view().window()
    qtbot.waitUntil(popup.isVisible)
    widest = max(combo.view().sizeHintForColumn(0), combo.fontMetrics().horizontalAdvance(combo.itemText(1)))
    assert combo.sizeHint().width() < widest <= combo.view().width()  # the box may be narrow
    combo.hidePopup()
