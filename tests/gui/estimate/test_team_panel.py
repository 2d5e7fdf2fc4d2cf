"""Team mode in the Estimate tab (issue 27): a studio of five planned in the window says what the
command line says for the same file; the mode is remembered, follows the file opened, and is
built only when first shown; the team travels with the estimate (saved, opened, working copy)
and every change to it is undoable."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from imagine_calc.cli import main as cli
from imagine_calc.core.estimates.estimate_file import read_estimate
from imagine_calc.core.estimates.team import Member
from imagine_calc.gui.estimate.estimate_model import MEMBER
from imagine_calc.gui.estimate.estimate_panel import EstimatePanel
from imagine_calc.gui.estimate.team_panel import TeamPanel
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import locale_numbers
from tests.core.estimates.test_team_budget import studio
from tests.gui.shown import visible
from tests.studio import write_studio


@pytest.fixture
def us_english() -> Iterator[None]:
    """Figures as the command line writes them ("1,894"), so the two can be compared."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    locale_numbers.forget_default_style()
    yield
    QLocale.setDefault(before)
    locale_numbers.forget_default_style()


def paragraphs(label: QLabel) -> list[str]:
    return (
        [visible(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", label.text()) if p] if label.isVisible() else []
    )


def window_sentences(team: TeamPanel) -> list[str]:
    """Every sentence the team mode shows, in order: the plan's lines, each member's beside
    their bar, then what follows them."""
    members = [f"{label.text()}." for label, _bar in team.rows]
    return paragraphs(team.result) + members + paragraphs(team.after)


def iso_dates(text: str) -> str:
    """The window's days (12/20/2026) as the command line writes them (2026-12-20)."""
    return re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", lambda m: f"{m[3]}-{int(m[1]):02}-{int(m[2]):02}", text)


def test_a_studio_of_five_reads_as_the_command_line_says_it(
    window: MainWindow, tmp_path: Path, us_english: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_studio(tmp_path)
    panel = window.estimates.show()
    assert panel.open(path)
    assert panel.team_mode and not panel.table.isColumnHidden(MEMBER)
    said = [iso_dates(s) for s in window_sentences(panel.team)]
    assert "Ben: 1,200 of 1,000 credits, over by 200." in said
    assert "Ana: 1,894 of 2,000 credits, 106 left." in said
    assert "Chloé: at least 300 credits, no limit." in said
    assert cli(["estimate", str(path)]) == 0
    printed = capsys.readouterr().out
    lines = [line.strip() for line in printed.splitlines() if line.strip()]
    start = lines.index(said[0])
    assert lines[start : start + len(said)] == said


def test_open_a_file_without_a_team_shows_your_balance_and_one_with_shows_the_team(
    window: MainWindow, tmp_path: Path
) -> None:
    panel = window.estimates.show()
    assert not panel.team_mode and panel.table.isColumnHidden(MEMBER)
    assert panel.open(write_studio(tmp_path))
    assert panel.team_mode and window.session.team == studio()
    panel.new()
    assert window.session.team is None
    plain = tmp_path / "plain.icalc.json"
    plain.write_text(panel.document.text(), encoding="utf-8")
    panel.show_mode(True)
    assert panel.open(plain)
    assert not panel.team_mode and panel.table.isColumnHidden(MEMBER)


def test_team_mode_is_built_when_first_shown_and_remembered(make_window: Callable[[], MainWindow]) -> None:
    first = make_window()
    panel = first.estimates.show()
    assert panel._team is None and panel.findChild(TeamPanel) is None  # not built at the start
    panel.modes.setCurrentWidget(panel.team_page)
    assert panel.findChild(TeamPanel) is panel.team and panel.team.isVisible()
    first.close()
    second = make_window()
    assert second.estimates.show().team_mode


def test_a_team_typed_is_saved_with_the_estimate_and_undone_like_an_edit(
    window: MainWindow, tmp_path: Path
) -> None:
    panel: EstimatePanel = window.estimates.show()
    assert panel.open(write_studio(tmp_path))
    team = panel.team
    team.form.subscription.setValue(9000)
    assert panel.document.modified and window.isWindowModified()
    team.members.name.setText("Fay")
    team.members.limit.setValue(100)
    team.members.add()
    panel.table.selectRow(7)  # Flux Dev, unassigned
    panel.assign_selected("Fay")
    out = tmp_path / "saved.icalc.json"
    panel.document.save(out)
    saved = read_estimate(out)
    assert saved.team is not None and saved.team.subscription == D(9000)
    assert saved.team.members[-1] == Member("Fay", D(100))
    assert saved.estimate.items[7].member == "Fay"
    assert "Fay: 200 of 100 credits, over by 100" in [label.text() for label, _bar in team.rows]
    for _step in range(3):
        panel.undo_stack.undo()
    assert window.session.team == studio() and team.form.subscription.value() == 4000
    assert [m.name for m in team.members.model.members] == ["Ana", "Ben", "Chloé", "Dev", "Eli"]


def test_the_working_copy_keeps_the_team(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    first = make_window()
    panel = first.estimates.show()
    assert panel.open(write_studio(tmp_path))
    panel.team.form.top_up.setValue(777)
    working = panel.document.session
    # Written off the window's thread: it may not be there at the first look.
    qtbot.waitUntil(lambda: working.is_file() and '"top_up": "777"' in working.read_text(encoding="utf-8"))
    first.estimates.working.copy.release()  # as if killed: the next window adopts its copy
    second = make_window()
    again = second.estimates.show()
    assert second.session.team is not None and second.session.team.top_up == D(777)
    assert again.team_mode and again.team.form.top_up.value() == 777
    assert second.session.team.month == dt.date(2026, 12, 1)


def test_the_plan_comes_first_and_a_new_team_leaves_no_old_member_rows_in_sight(
    window: MainWindow, tmp_path: Path
) -> None:
    """Member rows made again when the number of members changes: the old ones go out of sight
    at once, not at the event loop's next turn (they showed above the new ones)."""
    panel = window.estimates.show()
    assert panel.open(write_studio(tmp_path))
    team = panel.team
    column = team.widget().layout()
    # The month's plan where a glance finds it: its bar and members above the form that edits it.
    assert column.indexOf(team.pool_bar) < column.indexOf(team.member_rows) < column.indexOf(team.form)
    old = [w for row in team.rows for w in row]
    assert not any(w.isHidden() for w in old)
    team.members.name.setText("Fay")
    team.members.add()
    rows = team.member_rows.layout()
    in_layout = [rows.itemAt(i).widget() for i in range(rows.count())]
    assert in_layout == [w for row in team.rows for w in row] and len(team.rows) == len(old) // 2 + 1
    assert all(w.isHidden() and w not in in_layout for w in old)
