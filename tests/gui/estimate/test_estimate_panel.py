"""The Estimate tab: lines from both panels, instant totals, undo, files, exports, budget."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, UpscaleItem, price_estimate
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale
from imagine_calc.gui.estimate.estimate_model import COUNT, CREDITS, LABEL, CreditsRole
from imagine_calc.gui.estimate.estimate_panel import EstimatePanel
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers
from tests.gui.dialogs import Dialogs
from tests.gui.shown import visible
from tests.images import write_image

HERO = GenerationRequest("nano-banana-pro", "4K", "16:9", 4)
DRAFTS = GenerationRequest("z-image-turbo", "1K", "1:1", 4)


def total_label(window: MainWindow) -> str:
    return window.findChild(QLabel, "estimateTotal").text()


def add_generation(qtbot: QtBot, window: MainWindow, req: GenerationRequest) -> None:
    window.session.set_request(req)
    qtbot.mouseClick(window.generate.add_estimate, Qt.MouseButton.LeftButton)


def set_count(panel: EstimatePanel, row: int, count: int) -> None:
    panel.model.setData(panel.model.index(row, COUNT), count, Qt.ItemDataRole.EditRole)


@pytest.fixture
def campaign(qtbot: QtBot, window: MainWindow) -> EstimatePanel:
    add_generation(qtbot, window, HERO)
    add_generation(qtbot, window, DRAFTS)
    panel = window.estimates.panel
    set_count(panel, 0, 20)
    set_count(panel, 1, 15)
    return panel


def test_add_to_estimate_from_the_generation_panel(qtbot: QtBot, window: MainWindow) -> None:
    add_generation(qtbot, window, HERO)
    table = window.findChild(QTableView, "estimateTable")
    assert table.model().rowCount() == 1
    assert table.model().index(0, LABEL).data() == "Nano Banana Pro"
    assert "4K · 16:9 · 4 images" in table.model().index(0, 1).data()
    expected = quote_generation(window.session.catalog, HERO)
    assert total_label(window) == f"Estimate: {numbers.total(expected)}"
    assert window.tabs.currentWidget() is not window.estimates.page  # the user stays where they add


def test_add_to_estimate_from_upscale_results(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    files = [write_image(tmp_path / f"shot{i}.png", 800 + i * 100, 600) for i in range(3)]
    upscale = window.show_upscale()
    upscale.add_paths([str(f) for f in files])
    qtbot.waitUntil(lambda: not upscale.scans.jobs and upscale.model.rowCount() == 3, timeout=10000)
    qtbot.mouseClick(upscale.add_estimate, Qt.MouseButton.LeftButton)
    panel = window.estimates.panel
    (line,) = panel.model.priced
    assert isinstance(line.item, UpscaleItem)
    assert line.item.sizes == ((800, 600), (900, 600), (1000, 600))
    engine, scale = upscale.model.engine_id, upscale.model.scale
    expected = sum(
        quote_upscale(window.session.catalog, engine, scale, w, 600).known_total for w in (800, 900, 1000)
    )
    assert panel.model.index(0, CREDITS).data(CreditsRole) == expected
    assert panel.model.index(0, LABEL).data() == "Upscale 3 images"


def test_editing_a_count_in_the_table_updates_the_total_at_once(qtbot: QtBot, window: MainWindow) -> None:
    add_generation(qtbot, window, HERO)
    panel = window.estimates.show()
    table = panel.table
    index = panel.model.index(0, COUNT)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QSpinBox)
    assert editor.maximum() == 100_000  # not Qt's default of 99
    editor.setValue(20)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the editor's value on its next event loop pass
    qtbot.waitUntil(lambda: panel.model.index(0, COUNT).data(Qt.ItemDataRole.EditRole) == 20)
    assert total_label(window) == "Estimate: " + numbers.total(
        price_estimate(window.session.catalog, Estimate((GenerationItem(HERO, 20),))).total
    )
    assert "12" in total_label(window) and "800" in total_label(window)


def test_undo_and_redo_edits_adds_removes_and_moves(window: MainWindow, campaign: EstimatePanel) -> None:
    stack = campaign.undo_stack
    assert total_label(window).endswith(f"{numbers.credits(Decimal(13100))} credits")
    window.estimates.undo.trigger()  # count 15 -> 1 on the drafts line
    assert campaign.model.index(1, COUNT).data(Qt.ItemDataRole.EditRole) == 1
    assert total_label(window).endswith(f"{numbers.credits(Decimal(12820))} credits")
    window.estimates.redo.trigger()
    assert total_label(window).endswith(f"{numbers.credits(Decimal(13100))} credits")

    campaign.table.selectRow(1)
    campaign.move_selected(-1)
    assert [p.label for p in campaign.model.priced] == ["Z Image Turbo", "Nano Banana Pro"]
    campaign.remove_selected()
    assert [p.label for p in campaign.model.priced] == ["Nano Banana Pro"]
    stack.undo()
    stack.undo()
    assert [p.label for p in campaign.model.priced] == ["Nano Banana Pro", "Z Image Turbo"]
    campaign.model.setData(campaign.model.index(0, LABEL), "Hero images", Qt.ItemDataRole.EditRole)
    assert campaign.model.priced[0].label == "Hero images"
    assert "rename" in window.estimates.undo.text()
    stack.undo()
    assert campaign.model.priced[0].label == "Nano Banana Pro"


def test_save_then_open_gives_the_same_estimate(
    window: MainWindow, campaign: EstimatePanel, tmp_path: Path
) -> None:
    campaign.model.rename("Spring campaign")
    before = campaign.priced()
    path = tmp_path / "spring.icalc.json"
    assert campaign._save_to(path)
    assert not campaign.document.modified
    assert window.windowTitle().endswith("spring.icalc.json[*]") and not window.isWindowModified()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == 1 and data["title"] == "Spring campaign"

    campaign.document.new()
    assert campaign.model.rowCount() == 0
    assert campaign.open(path)
    after = campaign.priced()
    assert after.estimate == before.estimate
    assert after.total == before.total
    assert campaign.title.text() == "Spring campaign"
    assert campaign.changes.isHidden()


def test_opening_an_estimate_priced_with_older_prices_lists_the_changes(
    window: MainWindow, campaign: EstimatePanel, tmp_path: Path
) -> None:
    path = tmp_path / "old.icalc.json"
    campaign._save_to(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["catalog"]["version"] = "2026.10.1"
    data["items"][0]["credits"] = "11200"  # what Nano Banana Pro cost then, say
    path.write_text(json.dumps(data), encoding="utf-8")
    campaign.open(path)
    assert not campaign.changes.isHidden()
    text = campaign.changes.text()
    catalog = window.session.catalog
    as_of = numbers.date(catalog.as_of)  # the locale's date, as the date field shows one
    assert f"Saved with prices 2026.10.1 of {as_of}; re-priced with {catalog.version} of {as_of}" in text
    before, after = numbers.credits(Decimal(11200)), numbers.credits(Decimal(12800))
    assert f"Nano Banana Pro: {before} credits → {after} credits" in text


def test_a_broken_file_gets_a_message_and_keeps_the_estimate(
    campaign: EstimatePanel, tmp_path: Path, dialogs: Dialogs
) -> None:
    bad = tmp_path / "bad.icalc.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert not campaign.open(bad)
    assert dialogs.warnings() and "bad.icalc.json: not valid JSON" in dialogs.warnings()[0][1]
    assert campaign.model.rowCount() == 2


def test_export_files_match_the_table(campaign: EstimatePanel, tmp_path: Path) -> None:
    model = campaign.model
    table_rows = [
        [model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())
    ]
    assert campaign.export("csv", tmp_path / "e.csv")
    every = list(csv.reader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))
    rows = [r[1:] for r in every if r[0] == "line"]
    assert [r[0] for r in rows] == [t[LABEL] for t in table_rows]
    assert [r[1] for r in rows] == [t[1] for t in table_rows]
    assert [int(r[2]) for r in rows] == [
        model.index(i, COUNT).data(Qt.ItemDataRole.EditRole) for i in range(2)
    ]
    assert [Decimal(r[4]) for r in rows] == [model.index(i, CREDITS).data(CreditsRole) for i in range(2)]

    campaign.budget_box.top_up.setValue(5000)  # the budget typed is exported too
    assert campaign.export("csv", tmp_path / "budget.csv")
    every = list(csv.reader(io.StringIO((tmp_path / "budget.csv").read_text(encoding="utf-8"))))
    plan = campaign.plan
    assert plan is not None
    assert [(r[1], r[2], Decimal(r[5])) for r in every if r[0] == "budget"][:3] == [
        ("Top-up credits", "available", 5000),
        ("Top-up credits", "used", plan.draws[0].used),
        ("Top-up credits", "left", plan.draws[0].left),
    ]
    assert campaign.export("md", tmp_path / "e.md")
    markdown = (tmp_path / "e.md").read_text(encoding="utf-8")
    for t in table_rows:
        assert f"| {t[LABEL]} | {t[1]} |" in markdown
    assert campaign.export("json", tmp_path / "e.json")
    report = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert [i["label"] for i in report["items"]] == [t[LABEL] for t in table_rows]
    assert report["total"]["total_credits"] == 13100

    campaign.copy_text()  # for reading: in the window's figures (days in ISO 8601)
    clip = QGuiApplication.clipboard().text()
    assert all(t[LABEL] in clip for t in table_rows)
    assert f"Total: {numbers.credits(Decimal(13100))} credits" in clip and "as of 2026-11-26" in clip


def test_unsaved_work_comes_back_after_a_crash(
    qtbot: QtBot, make_window: Callable[[], MainWindow], user_dirs: Path
) -> None:
    first = make_window()
    add_generation(qtbot, first, HERO)
    set_count(first.estimates.panel, 0, 7)
    session = first.estimates.panel.document.session
    # The working copy is written by itself shortly after the edit; nothing is closed or saved.
    qtbot.waitUntil(lambda: session.is_file() and '"count": 7' in session.read_text(encoding="utf-8"))

    # As if the first process had been killed: no closeEvent ran, and its lock is stale (a lock
    # of this same process would still be held: released here, as the kill would have).
    first.estimates.working.copy.release()
    second = make_window()
    panel = second.estimates.show()
    assert [(p.label, p.item.count) for p in panel.model.priced] == [("Nano Banana Pro", 7)]
    assert panel.document.modified
    assert second.isWindowModified()


def test_budget_says_what_each_balance_pays_and_warns_in_red(
    window: MainWindow, campaign: EstimatePanel
) -> None:
    box = campaign.budget_box
    assert "Type your balance" in campaign.budget.text()
    box.subscribed.setChecked(True)
    box.subscription.setValue(8000)
    box.top_up.setValue(3000)
    text = campaign.budget.text()
    assert "Short by" in text and numbers.credits(Decimal(2100)) in text
    assert "color:" in text  # shown in red
    box.top_up.setValue(20000)
    text = campaign.budget.text()
    assert "Covered" in text and "Short" not in text
    box.subscribed.setChecked(False)
    box.free_daily.setValue(100)
    assert "Nano Banana Pro needs a subscription" in campaign.budget.text()


def test_the_balance_bar_shows_once_a_balance_is_typed_and_says_what_the_lines_say(
    window: MainWindow, campaign: EstimatePanel
) -> None:
    window.estimates.show()
    bar = campaign.balance_bar
    assert not bar.isVisible()  # nothing typed: no bar, the invitation to type one instead
    box = campaign.budget_box
    box.subscribed.setChecked(True)
    box.subscription.setValue(8000)
    box.top_up.setValue(3000)
    assert bar.isVisible() and bar.bar is not None and bar.bar.short > 0
    assert bar.y() > box.y() and bar.y() < campaign.budget.y()  # between the balances and the lines
    for line in visible(campaign.budget.text()).split("\n")[:3]:
        assert line.rstrip(".") in bar.accessibleDescription()
    box.top_up.setValue(20000)
    assert bar.bar is not None and bar.bar.short == 0
    campaign.model.remove([0, 1])
    assert not bar.isVisible()


def test_subtotals_show_a_bar_each_and_follow_the_grouping(
    window: MainWindow, campaign: EstimatePanel
) -> None:
    window.estimates.show()
    subtotals = campaign.subtotals.model()
    assert campaign.subtotals.isVisible()
    assert [subtotals.index(r, 0).data() for r in range(subtotals.rowCount())] == [
        "Nano Banana Pro",
        "Z Image Turbo",
    ]
    campaign.by.setCurrentIndex(campaign.by.findData("kind"))
    assert [subtotals.index(r, 0).data() for r in range(subtotals.rowCount())] == ["Generation"]
    assert not campaign.subtotals.isVisible()  # one subtotal: the total says it


def test_balances_are_remembered_and_the_detail_pane_says_what_they_buy(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    first = make_window()
    box = first.estimates.show().budget_box
    box.subscribed.setChecked(True)
    box.subscription.setValue(1000)
    box.rate_edit.setText("0.01")
    box.currency.setText("EUR")
    first.session.set_request(GenerationRequest("flux-dev"))
    assert "buys 200 images at these settings" in first.generate.detail.toPlainText()
    first.close()

    second = make_window()
    assert second.session.balances.subscription == Decimal(1000)
    second.session.set_request(GenerationRequest("nano-banana-pro", "4K"))
    assert "buys 6 images at these settings" in second.generate.detail.toPlainText()  # 1,000 / 160
    assert "Pro model: needs a subscription" in second.generate.detail.toPlainText()
    box = second.estimates.show().budget_box
    assert box.rate_edit.text() == "0.01" and box.currency.text() == "EUR"


def test_no_renewal_date_until_one_is_given(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    first = make_window()
    panel = first.estimates.show()
    panel.model.add([GenerationItem(GenerationRequest("flux-dev"), 2)], "add")
    box = panel.budget_box
    box.subscribed.setChecked(True)
    box.subscription.setValue(1000)
    assert box.renewal.text() == "not set" and not box.renewal.isEnabled()
    assert first.session.balances.renewal is None
    assert "would be lost at your next renewal unless spent" in visible(panel.budget.text())
    panel.model.add([GenerationItem(GenerationRequest("midjourney-v7"), 1)], "add")  # price unknown
    shown = visible(panel.budget.text())
    thousand = numbers.credits(Decimal(1000))
    assert f"Subscription credits: at least 10 of {thousand} used, at most 990 left" in shown
    assert "Up to 990 subscription credits would be lost at your next renewal unless spent." in shown
    box.renewal_set.setChecked(True)
    assert box.renewal.isEnabled() and first.session.balances.renewal == dt.date.today()
    box.renewal.setDate(QDate(2027, 3, 4))
    # One date format in the window: the date field shows the day as the sentence says it.
    assert box.renewal.displayFormat() == numbers.date_format() and "2027" in box.renewal.text()
    assert box.renewal.text() == numbers.date(dt.date(2027, 3, 4))
    assert f"lost at renewal on {box.renewal.text()} unless spent" in visible(panel.budget.text())
    first.close()

    second = make_window()
    box = second.estimates.show().budget_box
    assert box.renewal_set.isChecked() and second.session.balances.renewal == dt.date(2027, 3, 4)
    box.renewal_set.setChecked(False)
    assert second.session.balances.renewal is None and box.renewal.text() == "not set"


def test_money_is_shown_only_at_the_rate_typed(window: MainWindow, campaign: EstimatePanel) -> None:
    assert campaign.money.text() == ""
    campaign.budget_box.plan_price.setText("28")
    campaign.budget_box.plan_credits.setText("2000")
    campaign.budget_box.currency.setText("USD")
    assert campaign.money.text() == "183.40 USD at your rate"  # 13,100 x 0.014
    assert "0.014 USD per credit" in campaign.budget_box.rate_note.text()


def test_a_price_update_reprices_the_estimate(
    window: MainWindow, campaign: EstimatePanel, override_file: Path
) -> None:
    from imagine_calc.core.catalog.loader import load_with_override

    override_file.write_text("models:\n  - id: z-image-turbo\n    price: 10\n", encoding="utf-8")
    window.session.set_loaded(load_with_override())
    assert campaign.model.index(1, CREDITS).data(CreditsRole) == Decimal(600)
    assert total_label(window).endswith(f"{numbers.credits(Decimal(13400))} credits")
