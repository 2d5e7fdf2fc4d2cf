"""A session, an estimate's lines and its history, for the team mode's parts without a window."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Item
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.estimate.team_edits import TeamEdits
from tests.gui.sessions import session_of


def lines_and_edits(*items: Item) -> tuple[EstimateTableModel, TeamEdits]:
    """A model holding `items` (added as one step, then the history cleared) and the team's edits
    on the same history."""
    stack = QUndoStack()
    model = EstimateTableModel(session_of(load_catalog()), None, stack)
    stack.setParent(model)
    if items:
        model.add(items, "add")
        stack.clear()
    return model, TeamEdits(model.session, stack)
