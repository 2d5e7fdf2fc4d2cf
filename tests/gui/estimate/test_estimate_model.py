"""The estimate's lines as a table: each cell as exported, the exact credits behind the rounded
ones, only a label and a count editable, every edit undoable (a refused one leaves no history), and
every line priced again when the session's prices change.

Prices from ImagineArt's Image Credits page (tests/seed_table.py): Nano Banana Pro 160 per image
at 4K, Z Image Turbo 5, Flux Dev 5. How the tab uses the model is test_estimate_panel.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem
from imagine_calc.core.estimates.team import Member, Team
from imagine_calc.core.limits import MAX_COUNT
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import Session
from imagine_calc.gui.estimate.estimate_model import (
    COUNT,
    CREDITS,
    LABEL,
    MEMBER,
    PER_RUN,
    WHAT,
    CreditsRole,
    EstimateTableModel,
)
from tests.gui.sessions import session_of
from tests.gui.shown import visible

HERO = GenerationItem(GenerationRequest("nano-banana-pro", "4K", "16:9", 4), 20)
DRAFTS = GenerationItem(GenerationRequest("z-image-turbo", "1K", "1:1", 4), 15, "Drafts")
FLUX = GenerationItem(GenerationRequest("flux-dev"), 2)
Edit = Qt.ItemDataRole.EditRole


@pytest.fixture
def session(qapp: object) -> Session:
    return session_of(load_catalog())


@pytest.fixture
def model(session: Session) -> EstimateTableModel:
    model = EstimateTableModel(session)
    model.add([HERO, DRAFTS, FLUX], "add 3 lines")
    return model


def cells(model: EstimateTableModel, row: int) -> list[str]:
    return [model.index(row, col).data() for col in range(model.columnCount())]


def labels(model: EstimateTableModel) -> list[str]:
    return [p.label for p in model.priced]


def test_each_line_reads_as_it_is_priced(model: EstimateTableModel) -> None:
    assert model.headers == ("Label", "What", "Count", "Credits per run", "Credits", "Member")
    assert cells(model, 0) == [
        "Nano Banana Pro",
        "4K · 16:9 · 4 images",
        "20",
        "640",
        "12800",
        "",
    ]  # 4 x 160, x 20; no member
    assert cells(model, 1) == ["Drafts", "Z Image Turbo · 1K · 1:1 · 4 images", "15", "20", "300", ""]
    assert model.index(0, CREDITS).data(CreditsRole) == Decimal(12800)  # the exact figure behind the cell
    assert model.index(0, PER_RUN).data(CreditsRole) == Decimal(640)
    tip = visible(model.index(0, WHAT).data(Qt.ItemDataRole.ToolTipRole))
    assert "Nano Banana Pro, 4K, 16:9: 640 (4 × 160)" in tip and "× 20 = 12800 credits" in tip
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert [model.index(0, c).data(Qt.ItemDataRole.TextAlignmentRole) for c in (LABEL, COUNT, CREDITS)] == [
        None,
        right,
        right,
    ]


def test_only_a_label_and_a_count_can_be_edited(model: EstimateTableModel) -> None:
    editable = [bool(model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable) for c in range(5)]
    assert editable == [True, False, True, False, False]
    assert model.index(0, LABEL).data(Edit) == "Nano Banana Pro"  # the model's name until renamed
    assert model.index(0, COUNT).data(Edit) == 20


def test_an_edit_is_one_step_of_history(model: EstimateTableModel) -> None:
    stack = model.undo_stack
    assert model.setData(model.index(2, COUNT), 10, Edit)
    assert stack.undoText() == "count of line 3"
    assert model.index(2, CREDITS).data(CreditsRole) == Decimal(50)  # 5 x 10
    assert model.setData(model.index(2, LABEL), "  Sketches  ", Edit)
    assert labels(model)[2] == "Sketches" and stack.undoText() == "rename line 3"
    stack.undo()
    stack.undo()
    assert labels(model)[2] == "Flux Dev" and model.index(2, CREDITS).data(CreditsRole) == Decimal(10)


@pytest.mark.parametrize(
    ("column", "value"),
    [(COUNT, 0), (COUNT, MAX_COUNT + 1), (COUNT, 20), (LABEL, "Nano Banana Pro"), (WHAT, "anything")],
)
def test_an_edit_refused_or_changing_nothing_leaves_no_history(
    model: EstimateTableModel, column: int, value: object
) -> None:
    before = model.undo_stack.count()
    assert not model.setData(model.index(0, column), value, Edit)
    assert model.undo_stack.count() == before and cells(model, 0)[COUNT] == "20"


def test_removing_lines_and_undoing_puts_each_back_where_it_was(model: EstimateTableModel) -> None:
    model.remove([1, 0, 1])  # as a selection gives them: any order, a row twice
    assert labels(model) == ["Flux Dev"] and model.undo_stack.undoText() == "remove 2 lines"
    model.undo_stack.undo()
    assert labels(model) == ["Nano Banana Pro", "Drafts", "Flux Dev"]
    steps = model.undo_stack.count()
    model.remove([])  # nothing selected: no step
    assert model.undo_stack.count() == steps


def test_a_line_moves_within_the_list_only(model: EstimateTableModel) -> None:
    assert model.move_line(2, -2)
    assert labels(model) == ["Flux Dev", "Nano Banana Pro", "Drafts"]
    assert not model.move_line(0, -1) and not model.move_line(2, 1)
    model.undo_stack.undo()
    assert labels(model) == ["Nano Banana Pro", "Drafts", "Flux Dev"]


def test_the_title_is_undoable_and_an_opened_estimate_starts_its_own_history(
    qtbot: QtBot, model: EstimateTableModel
) -> None:
    with qtbot.waitSignal(model.title_changed) as told:
        model.rename("Spring campaign")
    assert told.args == ["Spring campaign"]
    model.rename("Spring campaign")  # the same: no step
    model.undo_stack.undo()
    assert model.title == ""
    model.load(Estimate((FLUX,), "Sketches"))
    assert (labels(model), model.title, model.undo_stack.count()) == (["Flux Dev"], "Sketches", 0)


def test_new_prices_in_the_session_price_every_line_again(
    qtbot: QtBot, session: Session, model: EstimateTableModel
) -> None:
    catalog = session.catalog
    cheaper = tuple(
        replace(m, tier_prices={**m.tier_prices, "1K": Decimal(10)}) if m.id == "z-image-turbo" else m
        for m in catalog.models
    )
    with qtbot.waitSignal(model.changed):
        session.set_loaded(replace(session.loaded, catalog=replace(catalog, models=cheaper)))
    assert model.index(1, CREDITS).data(CreditsRole) == Decimal(600)  # 4 x 10, x 15
    assert model.index(0, CREDITS).data(CreditsRole) == Decimal(12800)
    with qtbot.assertNotEmitted(model.modelReset):
        session.set_request(GenerationRequest("flux-dev", "1K"))  # the Generate tab's settings: no re-pricing


def test_the_member_column_is_editable_only_with_a_team_and_shows_names_as_typed(
    session: Session, model: EstimateTableModel
) -> None:
    member = model.index(0, MEMBER)
    assert not model.flags(member) & Qt.ItemFlag.ItemIsEditable
    session.set_team(Team(dt.date(2026, 12, 1), Decimal(0), members=(Member("<b>Ana</b>"),)))
    assert model.flags(member) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(member, "<b>Ana</b>", Edit)
    assert model.data(member) == "<b>Ana</b>" == model.items[0].member


def test_assigning_several_lines_is_one_step_and_keeps_their_prices(model: EstimateTableModel) -> None:
    before = [p.quote for p in model.priced]
    told: list[int] = []
    model.changed.connect(lambda: told.append(1))
    assert model.assign([0, 2], "Ben")
    assert [i.member for i in model.items] == ["Ben", "", "Ben"]
    assert [p.quote for p in model.priced] == before and len(told) == 1
    assert not model.assign([0, 2], "Ben")  # nothing changes: no step
    assert model.undo_stack.count() == 2  # the lines added, then the assignment
    model.undo_stack.undo()
    assert [i.member for i in model.items] == ["", "", ""]


def test_a_team_changed_is_a_change_of_the_estimate(session: Session, model: EstimateTableModel) -> None:
    told: list[int] = []
    model.changed.connect(lambda: told.append(1))
    session.set_team(Team(dt.date(2026, 12, 1), Decimal(100)))
    assert told == [1]
