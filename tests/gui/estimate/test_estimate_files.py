"""The Estimate tab's file commands: unsaved work is never replaced without asking, a file chosen
without its suffix gets one, every file dialog starts where the estimate was saved and suggests its
title, and the status bar says what was done.

Run on the commands alone (the tab that owns them is test_estimate_panel.py; failures as dialogs,
test_save_errors.py; quitting, test_quitting.py). Prices from ImagineArt's Image Credits page:
Flux Dev 5 per image."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.estimate_file import dumps, read_estimate
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.estimate_document import EstimateDocument
from imagine_calc.gui.estimate.estimate_files import EstimateFileCommands
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from tests.gui.dialogs import Dialogs
from tests.gui.sessions import session_of

Button = QMessageBox.StandardButton
FLUX = GenerationItem(GenerationRequest("flux-dev"), 3)  # 15 credits


class NoRate:
    """The budget box as far as the commands ask it: no money typed."""

    def rate(self) -> Rate | None:
        return None


class Commands(EstimateFileCommands):
    """The commands on a document and model of their own, as the panel gives them."""

    def __init__(self) -> None:
        super().__init__()
        self.model = EstimateTableModel(session_of(load_catalog()), self)
        self.document = EstimateDocument(self.model, self)
        self.budget_box = NoRate()  # type: ignore[assignment]  # only its rate is read
        self.plan = None
        self.changes: list[list[str]] = []
        self.said: list[str] = []
        self.message.connect(self.said.append)

    def show_changes(self, changes: list[str]) -> None:
        self.changes.append(changes)


@pytest.fixture
def commands(qtbot: QtBot, user_dirs: Path, dialogs: Dialogs) -> Iterator[Commands]:
    """The commands, with every message box answered at once: a question asked where none
    should be fails the test instead of waiting for a click."""
    commands = Commands()
    qtbot.addWidget(commands)
    yield commands
    commands.document.flush()
    commands.document.working.copy.release()


class Chooser:
    """File dialogs answered with `answer`; what each was asked with, recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = ""
        self.asked: list[tuple[str, str, str]] = []

        def choose(_parent: object, title: str, folder: str, filters: str) -> tuple[str, str]:
            self.asked.append((title, folder, filters))
            return self.answer, ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> Chooser:
    return Chooser(monkeypatch)


def saved_file(path: Path, *items: GenerationItem) -> Path:
    catalog = load_catalog()
    path.write_text(dumps(price_estimate(catalog, Estimate(items)), catalog), encoding="utf-8")
    return path


def test_nothing_unsaved_is_replaced_without_asking(commands: Commands, dialogs: Dialogs) -> None:
    assert commands.confirm_discard()  # empty: nothing to lose
    commands.model.add([FLUX], "add")
    dialogs.prefer = (Button.Cancel,)
    assert not commands.confirm_discard()
    assert dialogs.shown[-1].text == "Save the changes to Untitled estimate first?"
    commands.new()  # asks again, and Cancel keeps the work
    assert commands.model.items == [FLUX] and commands.changes == []
    dialogs.prefer = (Button.Discard,)
    commands.new()
    assert commands.model.items == [] and commands.changes == [[]]  # and what re-pricing said goes


def test_save_first_saves_where_the_user_says_then_goes_on(
    commands: Commands, dialogs: Dialogs, chooser: Chooser, tmp_path: Path
) -> None:
    commands.model.add([FLUX], "add")
    dialogs.prefer = (Button.Save,)
    chooser.answer = str(tmp_path / "kept")
    commands.new()
    assert [i.count for i in read_estimate(tmp_path / "kept.icalc.json").estimate.items] == [3]
    assert commands.model.items == [] and commands.said == ["Saved kept.icalc.json."]


def test_save_as_suggests_the_title_and_adds_the_suffix(
    commands: Commands, chooser: Chooser, tmp_path: Path
) -> None:
    commands.model.add([FLUX], "add")
    commands.model.rename("Spring campaign")
    chooser.answer = ""  # the dialog cancelled
    assert not commands.save()
    title, folder, filters = chooser.asked[-1]
    assert title == "Save estimate" and folder == str(Path.home() / "Spring campaign.icalc.json")
    assert filters == "Estimates (*.icalc.json)"
    chooser.answer = str(tmp_path / "spring")
    assert commands.save()
    assert commands.document.path == tmp_path / "spring.icalc.json"
    chooser.answer = str(tmp_path / "plain.json")  # a name ending .json is kept as chosen
    assert commands.save_as() and commands.document.path == tmp_path / "plain.json"
    commands.model.add([FLUX], "add")
    assert commands.save()  # saved before: no dialog this time
    assert len(chooser.asked) == 3 and read_estimate(tmp_path / "plain.json").estimate.items == (FLUX, FLUX)


def test_file_dialogs_start_where_the_estimate_was_saved(
    commands: Commands, chooser: Chooser, tmp_path: Path, dialogs: Dialogs
) -> None:
    (tmp_path / "plans").mkdir()
    commands.model.add([FLUX], "add")
    commands._save_to(tmp_path / "plans" / "spring.icalc.json")
    chooser.answer = ""
    commands.export_dialog("md")
    commands.open_dialog()
    assert dialogs.shown == []  # saved: opening another asks nothing first
    (export_title, export_to, export_filter), (open_title, open_in, open_filter) = chooser.asked
    assert (export_title, export_to, export_filter) == (
        "Export estimate",
        str(tmp_path / "plans" / "estimate.md"),  # untitled: "estimate"
        "Markdown (*.md)",
    )
    assert (open_title, open_in) == ("Open estimate", str(tmp_path / "plans"))
    assert open_filter == "Estimates (*.icalc.json *.json);;All files (*)"


def test_opening_says_what_was_opened_and_whether_prices_changed(
    commands: Commands, chooser: Chooser, tmp_path: Path
) -> None:
    chooser.answer = str(saved_file(tmp_path / "sketches.icalc.json", FLUX))
    commands.open_dialog()
    assert commands.model.items == [FLUX]
    assert commands.said == ["Opened sketches.icalc.json."] and commands.changes == [[]]


def test_an_export_is_written_as_chosen_and_said(
    commands: Commands, chooser: Chooser, tmp_path: Path
) -> None:
    commands.model.add([FLUX], "add")
    chooser.answer = str(tmp_path / "plan.csv")
    commands.export_dialog("csv")
    written = (tmp_path / "plan.csv").read_bytes().decode("utf-8")
    assert written == commands.export_text("csv") and '"Flux Dev"' in written
    assert commands.said == ["Exported plan.csv."]
