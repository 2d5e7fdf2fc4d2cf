"""The estimate as a document: its name and saved state, saving and opening, and the working copy
that keeps unsaved work for the next start, a write that fails said once and asked about at close.

When the working copy is written is test_autosave.py; a kill mid-save, test_estimate_save.py;
a working copy set aside at a start, tests/gui/test_startup_state.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.estimate_file import dumps, read_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate import estimate_document
from imagine_calc.gui.estimate.estimate_document import EstimateDocument
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from tests.gui.sessions import session_of

FLUX = GenerationItem(GenerationRequest("flux-dev"), 3)  # 3 x 5 credits, the page's base price


@pytest.fixture
def document(qapp: object, user_dirs: Path) -> Iterator[EstimateDocument]:
    document = EstimateDocument(EstimateTableModel(session_of(load_catalog())))
    yield document
    document.flush()
    document.working.copy.release()


def saved_file(path: Path, *items: GenerationItem) -> Path:
    """An estimate file as File > Save writes it."""
    catalog = load_catalog()
    path.write_text(dumps(price_estimate(catalog, Estimate(items)), catalog), encoding="utf-8")
    return path


def working_copy_lines(document: EstimateDocument) -> list[int]:
    return [item.count for item in read_estimate(document.session).estimate.items]


def test_its_name_is_the_file_else_the_title_else_untitled(
    document: EstimateDocument, tmp_path: Path
) -> None:
    assert document.name == "Untitled estimate"
    document.model.rename("Spring campaign")
    assert document.name == "Spring campaign"
    document.save(tmp_path / "spring.icalc.json")
    assert document.name == "spring.icalc.json"


def test_unsaved_changes_make_it_modified_and_saving_makes_it_clean(
    qtbot: QtBot, document: EstimateDocument, tmp_path: Path
) -> None:
    assert not document.modified
    with qtbot.waitSignal(document.state_changed):
        document.model.add([FLUX], "add")
    assert document.modified
    with pytest.raises(ValueError, match="no file to save to"):
        document.save()  # never saved: the window asks where first
    target = tmp_path / "plan.icalc.json"
    with qtbot.waitSignal(document.state_changed):
        document.save(target)
    assert not document.modified and document.path == target
    assert [i.count for i in read_estimate(target).estimate.items] == [3]
    document.model.undo_stack.undo()
    assert document.modified  # back before the save is a change too


def test_opening_a_file_takes_its_lines_and_its_name(document: EstimateDocument, tmp_path: Path) -> None:
    sketches = saved_file(tmp_path / "sketches.icalc.json", FLUX)
    assert document.open(sketches) == []  # saved with the prices in use: nothing re-priced
    assert (document.model.items, document.path, document.modified) == ([FLUX], sketches, False)
    document.flush()
    assert working_copy_lines(document) == [3]  # the next start reopens it
    session = json.loads(document.working.copy.session_file.read_text(encoding="utf-8"))
    assert str(sketches) in json.dumps(session)


def test_a_file_opened_only_to_be_shown_leaves_the_working_copy_alone(
    document: EstimateDocument, tmp_path: Path
) -> None:
    document.model.add([GenerationItem(GenerationRequest("flux-dev"), 7)], "add")
    document.flush()
    document.open(saved_file(tmp_path / "shown.icalc.json", FLUX), remember=False)  # a screenshot of a file
    assert not document._timer.isActive()  # no write is due...
    if document._pending is not None:
        document._pending.result()  # ...and none under way has written it over
    assert working_copy_lines(document) == [7]  # the user's own work, as it was


def test_new_starts_empty_and_untitled(document: EstimateDocument, tmp_path: Path) -> None:
    document.model.add([FLUX], "add")
    document.save(tmp_path / "plan.icalc.json")
    document.new()
    assert (document.model.items, document.path, document.name, document.modified) == (
        [],
        None,
        "Untitled estimate",
        False,
    )


def test_a_working_copy_that_cannot_be_written_is_said_once_and_named_at_close(
    qtbot: QtBot, document: EstimateDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, text: str, follow_links: bool = False) -> None:
        raise OSError(f"cannot write {path}: No space left on device")

    monkeypatch.setattr(estimate_document, "write_file", disk_full)
    said: list[str] = []
    document.problem.connect(said.append)
    document.model.add([FLUX], "add")
    with qtbot.waitSignal(document.problem):
        document.autosave()
    document.model.add([FLUX], "add")
    with qtbot.waitSignal(document._written):  # the second write fails the same way...
        document.autosave()
    assert said == [
        f"The working estimate could not be kept: cannot write {document.session}: No space left on device"
    ]
    assert document.problems == said  # ...and is not said again
    assert "No space left on device" in document.flush()  # the window asks before quitting
    monkeypatch.undo()
    assert document.flush() == ""  # written now: nothing to ask
