"""File > Update prices: the diff in a dialog, Apply or Cancel, and the window shows the new
prices without a restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from imagine_calc.gui.generate.model_table import COST
from imagine_calc.gui.generate.settings_panel import ValueRole
from imagine_calc.gui.main_window import STALE_DAYS, MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers
from tests.credits_pages import GITBOOK, GITBOOK_URL, gitbook_with, row, with_price
from tests.gui.dialogs import Dialogs

NEW_ROWS = (
    "| **Nova Image** | 12 | Up to 2K | 1:1, 16:9 |\n"
    "| **Vega XL** | 30 (1K) / 60 (2K) | Up to 2K | 1:1, 3:4 |"
)


def realistic_page(tmp_path: Path) -> Path:
    """Two models added and one price changed, as a monthly update looks."""
    page = with_price("Flux Dev", "7")
    page = page.replace(row("Seedream v4"), row("Seedream v4") + "\n" + NEW_ROWS, 1)
    path = tmp_path / "image-credits.md"
    path.write_text(page)
    return path


def cost_cell(window: MainWindow, model_id: str) -> str:
    return window.generate.table_model.index(window.generate.table_model.row_of(model_id), COST).data()


def test_apply_updates_list_total_and_about_without_restart(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, override_file: Path
) -> None:
    window.session.select_model("flux-dev")
    dialog = window.update_prices_from(realistic_page(tmp_path))
    assert dialog is not None and dialog.table.model().rowCount() == 3
    texts = [dialog.table.model().index(r, 0).data() for r in range(3)]
    assert sorted(texts) == ["New model", "New model", "Price"]
    dialog.resize(820, 300)
    dialog.grab().save(str(tmp_path / "update-dialog.png"))
    with qtbot.waitSignal(window.cost_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert override_file.exists()
    assert window.findChild(QLabel, "totalLabel").text() == "7 credits"
    assert cost_cell(window, "flux-dev") == "7" and cost_cell(window, "vega-xl") == "30"
    assert "Nova Image" in [m.name for m in window.session.catalog.models]
    from imagine_calc.gui.about import about_html

    when = numbers.date(dt.date.fromtimestamp(override_file.stat().st_mtime))
    assert when in about_html(window.session.loaded)


def test_cancel_changes_nothing(window: MainWindow, tmp_path: Path, override_file: Path) -> None:
    dialog = window.update_prices_from(realistic_page(tmp_path))
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not override_file.exists() and cost_cell(window, "flux-dev") == "5"


def test_dropping_a_saved_page_opens_the_update(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(realistic_page(tmp_path)))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    qtbot.waitUntil(lambda: window.findChild(object, "priceUpdateDialog") is not None, timeout=2000)
    assert window.findChild(object, "priceUpdateDialog").isVisible()


def test_an_old_catalog_shows_a_quiet_stale_hint(window: MainWindow, override_file: Path) -> None:
    old = (dt.date.today() - dt.timedelta(days=STALE_DAYS + 1)).isoformat()
    override_file.write_text(f"meta:\n  as_of: {old}\n")
    from imagine_calc.core.catalog.loader import load_with_override

    window.session.set_loaded(load_with_override(override_file))
    assert "may be stale" in window.findChild(QLabel, "catalogAge").text()


def drop_file(window: MainWindow, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, QDragEnterEvent(QPoint(50, 50), *args))
    event = QDropEvent(QPointF(50, 50), *args)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_a_dropped_text_file_that_is_no_credits_page_gets_one_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Shopping\n\n- milk\n", encoding="utf-8")
    assert drop_file(window, notes)
    panel = window.upscale_panel
    qtbot.waitUntil(lambda: not panel.scans.jobs and panel.model.rowCount() == 1)
    assert dialogs.warnings() == []  # no "not a credits page" box on top of the upscale tab's own row
    assert "notes.md" in panel.model.index(0, 0).data()


def test_a_dropped_page_that_matches_the_prices_is_not_quoted_as_an_image(
    window: MainWindow, tmp_path: Path
) -> None:
    from tests.credits_pages import PAGE

    page = tmp_path / "image-credits.md"
    page.write_text(PAGE, encoding="utf-8")
    assert drop_file(window, page)
    assert "no changes" in window.statusBar().currentMessage()
    assert window._upscale is None or window.upscale_panel.model.rowCount() == 0


def test_apply_over_a_broken_override_says_why_and_changes_nothing(
    window: MainWindow, tmp_path: Path, override_file: Path, dialogs: Dialogs
) -> None:
    override_file.write_text("models: [\n")
    dialog = window.update_prices_from(realistic_page(tmp_path))
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    ((title, text),) = dialogs.warnings()
    assert "not updated" in title and "not valid YAML" in text
    assert override_file.read_text() == "models: [\n"


def test_revert_puts_the_prices_back_as_they_were(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, override_file: Path
) -> None:
    window.session.select_model("flux-dev")
    dialog = window.update_prices_from(realistic_page(tmp_path))
    with qtbot.waitSignal(window.cost_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()  # type: ignore[union-attr]
    assert window.findChild(QLabel, "totalLabel").text() == "7 credits"
    said = window.statusBar().currentMessage()
    assert "there was no override file before" in said and "Revert prices" in said
    revert = next(a for a in window.findChildren(QAction) if a.objectName() == "revertPricesAction")
    with qtbot.waitSignal(window.cost_changed):
        revert.trigger()
    assert window.findChild(QLabel, "totalLabel").text() == "5 credits"
    assert "Vega XL" not in [m.name for m in window.session.catalog.models]
    assert list(override_file.parent.glob("override.yaml.*.reverted"))  # set aside, not deleted


def test_a_tenfold_jump_is_marked_on_its_row(window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        with_price("Flux Dev", "50").replace("| 24 ", "| 25 ", 1), encoding="utf-8"
    )  # Recraft v4 too
    dialog = window.update_prices_from(page)
    model = dialog.table.model()  # type: ignore[union-attr]
    marks = {
        model.index(r, 1).data(): model.index(r, 3).data(Qt.ItemDataRole.DecorationRole)
        for r in range(model.rowCount())
    }
    assert marks["Flux Dev"] is not None  # 5 -> 50
    assert set(marks) == {"Flux Dev", "Recraft v4"} and marks["Recraft v4"] is None  # 24 -> 25
    tip = model.index([*marks].index("Flux Dev"), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "more than ten times the price in use (5)" in tip
    dialog.reject()  # type: ignore[union-attr]


def test_a_gitbook_page_is_reviewed_applied_and_offers_exactly_the_listed_tiers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, override_file: Path
) -> None:
    page = tmp_path / "Image Credits _ ImagineArt Help Center.html"
    page.write_text(gitbook_with("Flux Dev", 1, "7", gitbook_with("ImagineArt 2.0", 2, "1K, 2K")), "utf-8")
    window.session.select_model("imagineart-2-0")
    dialog = window.update_prices_from(page)
    assert dialog is not None
    table = dialog.table.model()
    rows = {tuple(table.index(r, c).data() for c in range(4)) for r in range(table.rowCount())}
    assert rows == {
        ("Max resolution", "ImagineArt 2.0", "max resolution unknown", "1K, 2K"),
        ("Price", "Flux Dev", "5", "7"),
    }
    assert f"the page says it is from {GITBOOK_URL}" in dialog.findChild(QLabel, "updateIntro").text()
    assert dialog.findChild(QLabel, "updateNotes").text() == ""  # every GitBook cell was read
    with qtbot.waitSignal(window.cost_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert cost_cell(window, "flux-dev") == "7"
    options = window.findChild(QComboBox, "resolutionCombo").model()
    offered = {}
    for r in range(options.rowCount()):
        index = options.index(r, 0)
        offered[index.data(ValueRole)] = bool(options.flags(index) & Qt.ItemFlag.ItemIsEnabled)
    assert offered == {"1K": True, "2K": True, "3K": False, "4K": False}
    assert GITBOOK_URL in window.generate.detail.toHtml()  # the source shown beside the model


def test_the_gitbook_page_with_the_docs_figures_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "image-credits.html"
    page.write_text(GITBOOK, encoding="utf-8")
    assert window.update_prices_from(page) is True
    assert "no changes" in window.statusBar().currentMessage()


def test_a_long_page_address_is_cut_short_in_the_review(window: MainWindow, tmp_path: Path) -> None:
    long_url = GITBOOK_URL + "?" + "x" * 1500
    page = tmp_path / "page.html"
    text = gitbook_with("Flux Dev", 1, "7").replace(f'href="{GITBOOK_URL}"', f'href="{long_url}"', 1)
    page.write_text(text, encoding="utf-8")
    dialog = window.update_prices_from(page)
    assert dialog is not None
    intro = dialog.findChild(QLabel, "updateIntro").text()
    assert GITBOOK_URL in intro and long_url not in intro and "x…" in intro
    assert dialog.width() < 1500
    dialog.reject()
