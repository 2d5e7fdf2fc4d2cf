"""Base prices read as lower bounds; what ImagineArt showed is recorded from the window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.generate.model_info import REMOVE_RECORDING
from imagine_calc.gui.generate.model_table import NAME
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers
from tests.gui.dialogs import Dialogs
from tests.gui.shown import visible
from tests.seed_table import SEED_MODELS


def total_text(window: MainWindow) -> str:
    return window.findChild(QLabel, "totalLabel").text()


def show(qtbot: QtBot, window: MainWindow, req: GenerationRequest) -> None:
    with qtbot.waitSignal(window.cost_changed, timeout=1000):
        window.session.set_request(req)


def test_a_base_price_above_1k_reads_at_least(qtbot: QtBot, window: MainWindow) -> None:
    base = SEED_MODELS["ImagineArt 1.5 Pro"][0]
    show(qtbot, window, GenerationRequest("imagineart-1-5-pro", "4K", "1:1"))
    assert total_text(window) == f"at least {base} credits"
    breakdown = window.generate.total_panel.breakdown.html
    assert f"at least {base}" in breakdown and "4K price is not published" in breakdown
    show(qtbot, window, GenerationRequest("imagineart-1-5-pro", "1K", "1:1"))
    assert total_text(window) == f"{base} credits"
    assert "definitive cost" in window.findChild(QLabel, "definitiveNote").text()


def test_the_tooltip_says_a_single_price_is_a_base_price(window: MainWindow) -> None:
    row = window.generate.table_model.row_of("flux-2-max")
    index = window.generate.proxy.mapFromSource(window.generate.table_model.index(row, NAME))
    tip = visible(index.data(Qt.ItemDataRole.ToolTipRole))
    assert "50 per image at 1K, the page's base price; 2K and 4K cost more" in tip
    assert "every resolution" not in tip


def record_through_the_dialog(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, "recordButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QLineEdit, "recordCredits").window()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "recordCredits"), typed)
    record = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton)


def test_recording_what_imagineart_showed_makes_the_total_observed(
    qtbot: QtBot, window: MainWindow, override_file: Path
) -> None:
    override_file.write_text("# my own notes\n")
    show(qtbot, window, GenerationRequest("imagineart-1-5-pro", "4K", "1:1"))
    with qtbot.waitSignal(window.cost_changed, timeout=2000):
        record_through_the_dialog(qtbot, window, "40")
    assert total_text(window) == "40 credits, observed"
    today = numbers.date(dt.date.today())
    assert f"observed by you on {today}" in window.generate.total_panel.breakdown.html
    assert (
        "Recorded by you" in window.generate.detail.toPlainText()
        and today in window.generate.detail.toPlainText()
    )
    assert "# my own notes" in override_file.read_text()
    assert load_with_override(override_file).catalog.observations[0].credits == 40  # kept for next start
    with qtbot.waitSignal(window.cost_changed, timeout=2000):
        window.generate.detail.anchorClicked.emit(QUrl(f"{REMOVE_RECORDING}0"))
    assert total_text(window) == "at least 25 credits"
    assert not load_with_override(override_file).catalog.observations


def test_the_record_dialog_refuses_what_is_not_a_price(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.generate.recordings.ask(window.session.request)
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "recordCredits")
    record = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    for bad in ("1e30", "123456789012345678901234567890", "lots", "-3", "0"):
        field.setText(bad)
        assert not record.isEnabled()
        assert dialog.findChild(QLabel, "recordError").text()
    field.setText("73,5")
    assert record.isEnabled() and dialog.observation().credits == 73.5  # type: ignore[union-attr]
    dialog.reject()


def test_recording_over_an_alias_bomb_says_where_and_writes_nothing(
    window: MainWindow, override_file: Path, dialogs: Dialogs
) -> None:
    bomb = "x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"x-{n}: &{n} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
        for prev, n in zip("abcdef", "bcdefg", strict=True)
    )
    override_file.write_text(bomb)
    window.generate.recordings.keep(seen_flux_dev(6))
    ((title, text),) = dialogs.warnings()
    assert "not changed" in title and f"{override_file}:5: not valid YAML" in text and "*d" in text
    assert override_file.read_text() == bomb
    assert not list(override_file.parent.glob("override.yaml.*"))


def test_recording_goes_into_the_file_the_users_link_names(
    qtbot: QtBot, window: MainWindow, override_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "dotfiles" / "imagine-calc.yaml"
    target.parent.mkdir()
    target.write_text("# my dotfiles\n")
    override_file.symlink_to(target)
    with qtbot.waitSignal(window.cost_changed, timeout=2000):
        window.generate.recordings.keep(seen_flux_dev(6))
    assert override_file.is_symlink() and "credits: 6" in target.read_text()
    assert target.read_text().startswith("# my dotfiles\n")


def test_revert_after_the_clock_goes_back_undoes_the_last_recording(
    qtbot: QtBot, window: MainWindow, override_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from imagine_calc.core.catalog import override_backups

    night = dt.datetime(2026, 10, 25, 1, 30)
    times = iter([night, night + dt.timedelta(minutes=20), night - dt.timedelta(minutes=40), night])
    monkeypatch.setattr(override_backups, "clock", lambda: next(times))
    window.session.select_model("flux-dev")
    for credits in (81, 82, 83):
        with qtbot.waitSignal(window.cost_changed, timeout=2000):
            window.generate.recordings.keep(seen_flux_dev(credits))
    assert total_text(window) == "83 credits, observed"
    revert = next(a for a in window.findChildren(QAction) if a.objectName() == "revertPricesAction")
    with qtbot.waitSignal(window.cost_changed, timeout=2000):
        revert.trigger()
    assert total_text(window) == "82 credits, observed"


def seen_flux_dev(credits: int) -> Observation:
    return Observation("flux-dev", "1K", None, 1, False, Decimal(credits), dt.date.today())
