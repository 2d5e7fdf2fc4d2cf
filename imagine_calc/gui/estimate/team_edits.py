"""Every change to the estimate's team, as an undoable step on the estimate's history.

The team lives in the session (core/session.py), like the rest of the window's state: a step
sets it there, and undoing sets the old one back. The team form, the members' table and the
plan render what the session then tells them. Typing 1,500 in a box is one step, not four:
edits of the same field in a row merge.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand, QUndoStack

from imagine_calc.core.estimates.team import Member, Team
from imagine_calc.core.estimates.team_typed import new_team
from imagine_calc.core.session import Session

#: QUndoCommand.id of a team step: Qt merges steps of one id, `mergeWith` checks the field.
TEAM_STEP = 2700


class SetTeam(QUndoCommand):
    """The team replaced by `new`; `field` names what was typed (edits of one field merge)."""

    def __init__(self, session: Session, new: Team | None, text: str, field: str = "") -> None:
        super().__init__(text)
        self.session, self.new, self.old, self.field = session, new, session.team, field

    def id(self) -> int:
        return TEAM_STEP if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTeam) or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session.set_team(self.new)

    def undo(self) -> None:
        self.session.set_team(self.old)


class TeamEdits:
    """What the team's widgets call: each edit becomes one step on the estimate's history."""

    def __init__(self, session: Session, stack: QUndoStack) -> None:
        self.session, self.stack = session, stack

    @property
    def team(self) -> Team:
        """The team as it is, or a new one for the first edit to start from."""
        return self.session.team or new_team()

    def set(self, new: Team, step: str, field: str = "") -> None:
        if new != self.session.team:
            self.stack.push(SetTeam(self.session, new, step, field))

    def members(self, members: tuple[Member, ...], step: str) -> None:
        """The members replaced (each checked by Team: the caller says why one is refused)."""
        self.set(replace(self.team, members=members), step)
