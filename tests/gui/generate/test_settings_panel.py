"""The settings panel says what each other option would change: in words where its column has
room, in the short form where it has not, and in full sentences in each hint's tooltip; the
resolution menu opens as wide as its words need. It shows a view without ever echoing it back as
a change, and says what the user chose in its controls, nothing else: the tab fits that to the
model (tests/gui/generate/test_generate_tab.py).

Figures from ImagineArt's Image Credits page: Nano Banana 2 costs 49 (1K), 73.5 (2K), 98 (4K)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.settings_panel import SettingsPanel, ValueRole
from tests.gui.pixels import differing
from tests.gui.shown import visible

CATALOG = load_catalog()
Choice = tuple[object, object, int, bool]


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


def test_a_hint_asks_the_same_room_whatever_it_says(qtbot: QtBot) -> None:
    """Its width is the column's and its height fixed, so its size hints are that room, not its
    text measured again at every change of settings (QLabel's own, which shapes the text)."""
    panel = panel_for(qtbot, 405, GenerationRequest("nano-banana-2"))
    hints = (panel.resolution_hint, panel.images_hint, panel.enhancer_hint)
    rooms = [(h.sizeHint(), h.minimumSizeHint()) for h in hints]
    assert [r[0].height() for r in rooms] == [h.height() for h in hints]
    assert all(r[0].width() == 0 for r in rooms)
    texts = [h.text() for h in hints]
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "4K", None, 4, True)))
    assert [h.text() for h in hints] != texts
    assert [(h.sizeHint(), h.minimumSizeHint()) for h in hints] == rooms


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


@pytest.fixture
def panel(qtbot: QtBot) -> SettingsPanel:
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    return panel


def chosen(panel: SettingsPanel) -> list[Choice]:
    said: list[Choice] = []
    panel.changed.connect(lambda *args: said.append(args))
    return said


def test_showing_a_view_fills_every_control_and_echoes_nothing(panel: SettingsPanel) -> None:
    said = chosen(panel)
    panel.show_view(
        CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K", "16:9", 3, True))
    )
    assert said == []
    assert panel.resolution.currentData(ValueRole) == "2K"
    assert panel.aspect.currentData() == "16:9"
    assert panel.images.value() == 3 and panel.enhancer.isChecked()
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("chatgpt-1-5")))  # another model
    assert said == []
    assert [panel.aspect.itemData(i) for i in range(panel.aspect.count())] == ["1:1", "2:3", "3:2"]


def test_each_tier_is_an_option_that_says_what_it_would_change(panel: SettingsPanel) -> None:
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K")))
    options = panel.resolution.model()
    values = [panel.resolution.itemData(i, ValueRole) for i in range(panel.resolution.count())]
    assert values == ["1K", "2K", "3K", "4K"]
    texts = [panel.resolution.itemText(i) for i in range(4)]
    assert texts[0].endswith("24.5 less") and texts[3].endswith("24.5 more")  # from 73.5: 49, 98
    offered = [bool(options.flags(options.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled) for i in range(4)]
    assert offered == [True, True, False, True]  # the page names no 3K option for it
    assert "not offered" in texts[2]


def test_the_number_of_images_is_bounded_by_the_catalog(panel: SettingsPanel) -> None:
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("flux-dev")))
    assert (panel.images.minimum(), panel.images.maximum()) == (CATALOG.images_min, CATALOG.images_max)
    assert "images" in visible(panel.images.toolTip())


def test_nothing_is_said_before_a_view_is_shown(panel: SettingsPanel) -> None:
    said = chosen(panel)
    panel.images.setValue(3)
    panel.enhancer.setChecked(True)
    assert said == []


def test_a_change_says_what_every_control_holds(panel: SettingsPanel) -> None:
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "1K", "4:3", 1)))
    said = chosen(panel)
    panel.images.setValue(2)
    panel.resolution.setCurrentIndex(panel.resolution.findData("4K", ValueRole))
    panel.enhancer.setChecked(True)
    assert said == [("1K", "4:3", 2, False), ("4K", "4:3", 2, False), ("4K", "4:3", 2, True)]


def test_a_fall_back_is_said_until_the_user_changes_something(qtbot: QtBot, panel: SettingsPanel) -> None:
    panel.show()
    view = generate_view(CATALOG, GenerationRequest("chatgpt-1-5", "1K", "21:9"))  # it has no 21:9
    panel.show_view(CATALOG, view)
    assert panel.notice.isVisible() and "21:9" in panel.notice.text() and "1:1" in panel.notice.text()
    panel.images.setValue(2)
    assert not panel.notice.isVisible()


def test_the_options_and_tooltips_are_sent_again_only_where_they_change(panel: SettingsPanel) -> None:
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K", "16:9", 1)))
    rows: list[int] = []
    panel.resolution.model().dataChanged.connect(lambda top, _bottom, _roles: rows.append(top.row()))
    tips: list[QObject] = []

    class Tips(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ToolTipChange:
                tips.append(watched)
            return False

    spy = Tips()
    for widget in (panel.images, panel.enhancer):
        widget.installEventFilter(spy)
    # the same settings again (a new view, equal to the last): nothing to send
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K", "16:9", 1)))
    assert rows == [] and tips == []
    # two images: every offered option's difference changes (from 147: 98 to 1K, 196 to 4K)
    panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K", "16:9", 2)))
    assert {0, 3} <= set(rows)
    assert panel.resolution.itemText(3).endswith("49 more")
    assert panel.enhancer in tips  # its tooltip names the total, which changed


def test_a_hint_is_drawn_once_per_text_and_shown_again_as_drawn(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every change of settings repaints the hints, and a designer goes back and forth: a text
    already drawn at this size, font and palette is shown as drawn, the same pixels as QLabel
    drawing it again; only a new text is drawn anew."""
    panel = panel_for(qtbot, 405, GenerationRequest("nano-banana-2"))
    hint = panel.images_hint
    drawn: list[str] = []
    render = hint.render
    monkeypatch.setattr(hint, "render", lambda *args: (drawn.append(hint.text()), render(*args)))
    for images in (3, 1, 3, 1, 3):
        panel.show_view(CATALOG, generate_view(CATALOG, GenerationRequest("nano-banana-2", images=images)))
        hint.repaint()
    assert drawn == [drawn[0], drawn[1]] and drawn[0] != drawn[1]  # each text drawn once
    kept = hint.grab().toImage()
    hint.looks.drawing = True  # QLabel's own paint, straight onto the widget
    direct = hint.grab().toImage()
    hint.looks.drawing = False
    assert direct.size() == kept.size() and kept != QImage()
    assert not differing(direct, kept)


def test_a_view_shown_again_is_not_worded_again(
    panel: SettingsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session shows a view again for settings gone through a moment ago: the hints and
    options are the ones worded the first time."""
    from imagine_calc.gui.generate import settings_panel

    worded: list[object] = []
    real = settings_panel.words.images_hints
    monkeypatch.setattr(settings_panel.words, "images_hints", lambda v, s: (worded.append(v), real(v, s))[1])
    one_k = generate_view(CATALOG, GenerationRequest("nano-banana-2", "1K"))
    two_k = generate_view(CATALOG, GenerationRequest("nano-banana-2", "2K"))
    panel.show_view(CATALOG, one_k)
    hint, options = panel.images_hint.text(), panel.resolution.itemText(1)
    panel.show_view(CATALOG, two_k)
    panel.show_view(CATALOG, one_k)
    assert worded == [one_k, two_k]
    assert (panel.images_hint.text(), panel.resolution.itemText(1)) == (hint, options)
    panel.show_view(replace(CATALOG), one_k)  # another catalog: worded anew
    assert worded == [one_k, two_k, one_k]
