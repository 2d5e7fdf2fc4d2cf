"""The Estimate tab's team mode: the pool and members as typed, and what the month's plan does
to them (core/estimates/team_budget.py), in words (core/text) and bars.

Built the first time team mode is shown, never at the window's start. It reads the team from
the session and the lines from the estimate's model, and re-plans when either changes; every
edit it sends is a step on the estimate's history (team_edits.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from imagine_calc.core.estimates.team_bar import MemberBar, member_bars
from imagine_calc.core.estimates.team_budget import TeamPlan, plan_team
from imagine_calc.core.language import _
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text import team as words
from imagine_calc.core.text.budget import BudgetLine
from imagine_calc.core.text.team_view import no_team_yet, pool_bar_words, use_words
from imagine_calc.gui.estimate.budget_box import budget_html
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.estimate.team_bars import MemberBarView, PoolBar
from imagine_calc.gui.estimate.team_edits import TeamEdits
from imagine_calc.gui.estimate.team_form import TeamForm
from imagine_calc.gui.estimate.team_members import MembersBox
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import Html, RichLabel, fill, plain_label
from imagine_calc.gui.shared.theme import shortfall_red


class TeamPanel(QScrollArea):
    """The month's plan first, where a glance finds it: the pool's bar, the plan's sentences and
    a bar per member; then the form and the members, to change it."""

    def __init__(
        self, session: Session, lines: EstimateTableModel, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamPanel")
        self.session, self.lines = session, lines
        self.edits = TeamEdits(session, stack)
        self.form = TeamForm(self.edits)
        self.members = MembersBox(self.edits, lines)
        self.pool_bar = PoolBar()
        self.result = RichLabel(objectName="teamResult", wordWrap=True)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result.setAccessibleName(_("Team budget"))
        #: The plan's lines after the members' (names not in the team).
        self.after = RichLabel(objectName="teamAfterMembers", wordWrap=True)
        self.member_rows = QWidget(objectName="memberRows")
        self._rows = QVBoxLayout(self.member_rows)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(3)
        self.rows: list[tuple[QLabel, MemberBarView]] = []
        self.plan: TeamPlan | None = None

        inside = QWidget(objectName="teamInside")
        column = QVBoxLayout(inside)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pool_bar)
        column.addWidget(self.result)
        column.addWidget(self.member_rows)
        column.addWidget(self.after)
        column.addWidget(self.form)
        column.addWidget(self.members)
        column.addStretch(1)
        self.setWidget(inside)
        self.setWidgetResizable(True)
        # As wide as the form needs beside a scroll bar: nothing cut off under it.
        self.setMinimumWidth(inside.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        inside.setAutoFillBackground(False)

        session.listen(self._session_changed)
        lines.changed.connect(self.refresh)
        self._show_team()

    def _session_changed(self, parts: frozenset[Part]) -> None:
        if Part.TEAM in parts:
            self._show_team()
        elif Part.CATALOG in parts:
            self.refresh()

    def _show_team(self) -> None:
        team = self.session.team
        self.form.show_team(team)
        self.members.show_team(team)
        self.refresh()

    def refresh(self) -> None:
        """Plan the month again: the team or the lines changed."""
        team = self.session.team
        style = locale_numbers.style()
        if team is None:
            self.plan = None
            self.pool_bar.show_team(None, None)
            self.result.setText(fill("<p>{}</p>", no_team_yet()))
            self.after.hide()
            self._show_members((), ())
            return
        priced = self.lines.priced_estimate()
        self.plan = plan = plan_team(team, priced)
        self.pool_bar.show_team(plan, pool_bar_words(plan, style))
        bars = member_bars(plan)
        said = tuple(use_words(b.use, style) for b in bars)
        # Each member's line is said once, beside their bar; the plan's other lines around them.
        members = {_("{sentence}.").format(sentence=s) for s in said}
        lines = words.team_lines(plan, style)
        first = next((i for i, line in enumerate(lines) if line.text in members), len(lines))
        self.result.setText(self._html(lines[:first]))
        rest = [line for line in lines[first:] if line.text not in members]
        self.after.setText(self._html(rest))
        self.after.setVisible(bool(rest))
        self._show_members(bars, said)

    def _html(self, lines: list[BudgetLine]) -> Html:
        """The plan's sentences, one paragraph each; what is short or over a limit in red."""
        return budget_html(lines, self.palette())

    def _show_members(self, bars: tuple[MemberBar, ...], said: tuple[str, ...]) -> None:
        """A line and a bar per member (and the unassigned lines): made again only when their
        number changes."""
        if len(self.rows) != len(bars):
            for label, view in self.rows:
                # Out of sight at once: deleteLater waits for the event loop, and until then the
                # old rows would show above the new ones.
                for old in (label, view):
                    self._rows.removeWidget(old)
                    old.hide()
                    old.deleteLater()
            self.rows = [
                (plain_label(objectName="memberLine", wordWrap=True), MemberBarView()) for _b in bars
            ]
            for label, view in self.rows:
                self._rows.addWidget(label)
                self._rows.addWidget(view)
        red = shortfall_red(self.palette()).name()
        for (label, view), bar, text in zip(self.rows, bars, said, strict=True):
            label.setText(text)
            label.setStyleSheet(f"color: {red}" if bar.over else "")
            view.show_bar(bar, text)
        self.member_rows.setVisible(bool(bars))
