"""The main window, driven as a user would: hover, pick, change settings, read the total."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.model_table import COST, NAME
from imagine_calc.gui.main_window import MIN_WIDTH, MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers
from tests.gui.shown import visible


def total_text(window: MainWindow) -> str:
    return window.findChild(QLabel, "totalLabel").text()


def core_total(window: MainWindow, **kw: object) -> str:
    req = GenerationRequest(**{**window.session.request.__dict__, **kw})  # type: ignore[arg-type]
    return numbers.total(quote_generation(window.session.catalog, req))


def settle() -> None:
    """Layout requests climb one widget per pass of the event loop; let them reach the window."""
    for _ in range(10):
        QApplication.processEvents()


def pick(qtbot: QtBot, window: MainWindow, model_id: str) -> None:
    with qtbot.waitSignal(window.cost_changed, timeout=1000):
        window.session.select_model(model_id)


def row_index(window: MainWindow, model_id: str, column: int = NAME):
    src = window.generate.table_model.index(window.generate.table_model.row_of(model_id), column)
    return window.generate.proxy.mapFromSource(src)


def test_model_tooltip_shows_price_and_description(window: MainWindow) -> None:
    tip = visible(row_index(window, "nano-banana-pro").data(Qt.ItemDataRole.ToolTipRole))
    assert "80 (1K/2K) / 160 (4K)" in tip
    assert window.session.catalog.model("nano-banana-pro").description in tip
    mj = row_index(window, "midjourney-v7").data(Qt.ItemDataRole.ToolTipRole)
    assert "unknown" in mj and "See tooltip" in mj


def test_tooltip_appears_on_hover_over_the_list(qtbot: QtBot, window: MainWindow) -> None:
    view = window.generate.view
    rect = view.visualRect(row_index(window, "flux-dev"))
    pos = rect.center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "Flux Dev" in QToolTip.text()
    assert window.session.catalog.model("flux-dev").description in visible(QToolTip.text())
    shown = visible(QToolTip.text())
    assert "Credits: \n5 per image, the page's base price; larger output dimensions cost more" in shown
    QToolTip.hideText()


def test_each_control_changes_the_total_to_the_cores_value(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "nano-banana-2")
    resolution = window.findChild(QComboBox, "resolutionCombo")
    with qtbot.waitSignal(window.cost_changed):
        resolution.setCurrentIndex(resolution.findText("2K", Qt.MatchFlag.MatchStartsWith))
    assert window.session.request.resolution == "2K"
    assert total_text(window) == core_total(window) == "73.5 credits"

    images = window.findChild(QSpinBox, "imagesSpin")
    with qtbot.waitSignal(window.cost_changed):
        images.setValue(2)
    assert total_text(window) == core_total(window) == "147 credits"

    aspect = window.findChild(QComboBox, "aspectCombo")
    with qtbot.waitSignal(window.cost_changed):
        aspect.setCurrentIndex(aspect.findData("21:9"))
    assert window.session.request.aspect_ratio == "21:9"
    assert total_text(window) == core_total(window)

    check = window.findChild(QCheckBox, "promptEnhancerCheck")
    with qtbot.waitSignal(window.cost_changed):
        check.setChecked(True)
    assert total_text(window) == "at least 147 credits"
    breakdown = window.generate.total_panel.breakdown.html
    assert "unknown" in breakdown and "small credit cost" in breakdown


def test_keyboard_changes_resolution_skipping_tiers_not_offered(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "nano-banana-2")
    resolution = window.findChild(QComboBox, "resolutionCombo")
    resolution.setFocus()
    with qtbot.waitSignal(window.cost_changed):
        qtbot.keyClick(resolution, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.cost_changed):
        qtbot.keyClick(resolution, Qt.Key.Key_Down)
    assert window.session.request.resolution == "4K", "3K is not offered and must be skipped"
    assert total_text(window) == "98 credits"


def test_nano_banana_2_4k_three_images_reads_294(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "nano-banana-2")
    with qtbot.waitSignal(window.cost_changed):
        window.session.set_request(GenerationRequest("nano-banana-2", "4K", "1:1", 3))
    assert total_text(window) == "294 credits"
    assert "3 × 98" in window.generate.total_panel.breakdown.html


def test_options_show_what_they_would_change(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "nano-banana-2")
    resolution = window.findChild(QComboBox, "resolutionCombo")
    texts = [resolution.itemText(i) for i in range(resolution.count())]
    assert texts[0] == "1K" and "24.5 more" in texts[1] and "49 more" in texts[3]
    assert "not offered" in texts[2]
    assert not resolution.model().item(2).isEnabled()
    assert "2 images: 49 more" in window.findChild(QLabel, "imagesHint").text()


def test_midjourney_reads_unknown(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "midjourney-v7")
    assert total_text(window) == "unknown"
    assert "See tooltip" in window.generate.total_panel.breakdown.html
    assert row_index(window, "midjourney-v7", COST).data() == "unknown"


def test_switching_to_a_model_without_the_ratio_falls_back_and_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    pick(qtbot, window, "nano-banana-2")
    window.session.set_request(GenerationRequest("nano-banana-2", "1K", "21:9", 1))
    pick(qtbot, window, "chatgpt-1-5")
    assert window.session.request.aspect_ratio == "1:1"
    notice = window.findChild(QLabel, "fallbackNotice")
    assert notice.isVisible()
    assert "21:9" in notice.text() and "1:1" in notice.text()
    assert window.findChild(QComboBox, "aspectCombo").currentText() == "1:1"


def test_sorting_by_cost_puts_the_cheapest_first(window: MainWindow) -> None:
    window.generate.view.sortByColumn(COST, Qt.SortOrder.AscendingOrder)
    first = [window.generate.proxy.index(r, NAME).data() for r in range(3)]
    assert set(first[:2]) == {"Z Image Turbo", "Flux Dev"}
    assert window.generate.proxy.index(0, COST).data() == "5"
    last = window.generate.proxy.index(window.generate.proxy.rowCount() - 1, NAME).data()
    assert last == "Midjourney V7"


def test_models_that_cannot_make_the_settings_say_why(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "nano-banana-2")
    window.session.set_request(GenerationRequest("nano-banana-2", "4K", "1:1", 1))
    assert row_index(window, "flux-dev", COST).data() == "—"
    assert "goes up to 1K" in row_index(window, "flux-dev").data(Qt.ItemDataRole.ToolTipRole)


def test_filter_finds_models_by_name(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.generate.filter, "banana")
    names = {window.generate.proxy.index(r, NAME).data() for r in range(window.generate.proxy.rowCount())}
    assert names == {"Nano Banana", "Nano Banana 2", "Nano Banana Pro"}


def test_invalid_override_shows_banner_and_app_still_quotes(
    qtbot: QtBot, override_file: Path, make_window: Callable[[], MainWindow]
) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: free\n")
    window = make_window()
    banner = window.findChild(QLabel, "bannerText")
    assert banner.isVisible()
    assert str(override_file) in banner.text() and "line 3" in banner.text()
    pick(qtbot, window, "flux-dev")
    assert total_text(window) == "5 credits"


def test_override_surcharge_makes_the_enhancer_total_complete(
    qtbot: QtBot, override_file: Path, make_window: Callable[[], MainWindow]
) -> None:
    override_file.write_text("prompt_enhancer:\n  surcharge: 2\n  applies: per_generation\n")
    window = make_window()
    pick(qtbot, window, "flux-dev")
    with qtbot.waitSignal(window.cost_changed):
        window.findChild(QCheckBox, "promptEnhancerCheck").setChecked(True)
    assert total_text(window) == "7 credits"


def test_settings_and_geometry_are_remembered(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    first = make_window()
    first.session.set_request(GenerationRequest("seedream-v4", "4K", "16:9", 3, True))
    first.resize(900, 705)  # the offscreen screen is 800 px wide: restored at the minimum, 840
    first.close()
    second = make_window()
    assert second.session.request == GenerationRequest("seedream-v4", "4K", "16:9", 3, True)
    assert (second.width(), second.height()) == (MIN_WIDTH, 705)  # 980 × 640 when not remembered
    assert second.generate.view.currentIndex().data() == "Seedream v4"


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    for name in (
        "modelList",
        "modelFilter",
        "resolutionCombo",
        "aspectCombo",
        "imagesSpin",
        "promptEnhancerCheck",
        "totalLabel",
        "breakdown",
        "detailPane",
    ):
        widget = window.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_detail_pane_shows_source_and_as_of_date(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "recraft-v4")
    text = window.generate.detail.toPlainText()
    assert "Recraft v4" in text and "24" in text
    assert "Source: ImagineArt documentation" in text and "2026" in text
    assert "unknown" in text  # its max resolution


def test_hovering_a_model_shows_it_in_the_detail_pane(qtbot: QtBot, window: MainWindow) -> None:
    pick(qtbot, window, "nano-banana-2")
    window.generate.view.entered.emit(row_index(window, "ideogram-v3"))
    shown = window.generate.detail.toPlainText()
    # whose the total above is, said before the hovered model's details (issue 25.9)
    assert shown.startswith("Under the pointer in the list. The total above is for Nano Banana 2")
    assert "Ideogram v3" in shown and "Now:" in shown
    leave = QEvent(QEvent.Type.Leave)
    QApplication.sendEvent(window.generate.view.viewport(), leave)
    shown = window.generate.detail.toPlainText()
    assert shown.startswith("Nano Banana 2") and "Under the pointer" not in shown


def test_a_longer_breakdown_never_moves_the_controls(qtbot: QtBot, window: MainWindow) -> None:
    """The settings and the Add button sit above the breakdown: toggling the enhancer (its
    unknown surcharge adds lines) or switching to Midjourney V7 moves none of them."""
    pick(qtbot, window, "nano-banana-2")
    controls = [
        window.findChild(QCheckBox, "promptEnhancerCheck"),
        window.findChild(QComboBox, "resolutionCombo"),
        window.findChild(QPushButton, "addToEstimateButton"),
        window.findChild(QPushButton, "recordButton"),
    ]
    breakdown = window.generate.total_panel.breakdown
    settle()
    where = [c.mapTo(window, c.rect().topLeft()) for c in controls]
    short = breakdown.html
    with qtbot.waitSignal(window.cost_changed):
        controls[0].setChecked(True)
    settle()
    assert breakdown.html.count("<br>") > short.count("<br>")
    assert [c.mapTo(window, c.rect().topLeft()) for c in controls] == where
    pick(qtbot, window, "midjourney-v7")
    settle()
    assert [c.mapTo(window, c.rect().topLeft()) for c in controls] == where


def test_upscale_tab_is_built_when_first_opened(qtbot: QtBot, window: MainWindow) -> None:
    assert window.findChild(QWidget, "dropArea") is None  # not on the start-up path
    window.tabs.setCurrentWidget(window.upscale_page)
    assert window.upscale_page.isAncestorOf(window.findChild(QWidget, "dropArea"))


def test_the_model_list_opens_at_its_top_with_the_chosen_model_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    settle()
    view = window.generate.view
    assert view.verticalScrollBar().value() == 0  # the first rows are not scrolled away
    assert view.indexAt(view.viewport().rect().topLeft()).row() == 0
    current = view.visualRect(view.currentIndex())
    assert view.viewport().rect().contains(current)  # nor is the model in use


def test_the_windows_narrowest_is_the_same_before_and_after_every_tab_is_built(window: MainWindow) -> None:
    """Issue 25.12: the minimum jumped from 355 to 858 px the first time the Estimate tab was
    built. It is MIN_WIDTH from the start, every tab fits in it, and it fits a 1024-px screen."""

    def narrowest() -> int:
        return max(window.minimumWidth(), window.minimumSizeHint().width())

    assert narrowest() == MIN_WIDTH <= 1024 - 40
    window.estimates.show()
    assert narrowest() == MIN_WIDTH
    window.show_upscale()
    assert narrowest() == MIN_WIDTH
    window.resize(MIN_WIDTH, 600)
    for page in (window.generate, window.estimates.page, window.upscale_page):
        assert page.minimumSizeHint().width() <= window.centralWidget().width(), page.objectName()
