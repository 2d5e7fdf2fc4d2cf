"""Help > Keyboard shortcuts lists what the keys really do: it is read from the window's
actions and shortcut objects, so a shortcut added anywhere is listed without touching the
dialog, and each action's tooltip names its keys."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shortcuts import Entry, ShortcutsDialog, plain, shortcut_entries

NATIVE = QKeySequence.SequenceFormat.NativeText


def listed(dialog: ShortcutsDialog) -> list[tuple[str, str, str]]:
    m = dialog.model
    return [tuple(m.index(r, c).data() for c in range(3)) for r in range(m.rowCount())]  # type: ignore[misc]  # three columns


def test_every_menu_shortcut_and_every_tabs_own_is_listed(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    rows = listed(dialog)
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(NATIVE)
    assert ("Save estimate", "File", save) in rows
    assert ("Add to estimate", "Edit", "Ctrl+E") in rows
    assert ("Move the line up", "Estimate lines", "Ctrl+Up") in rows  # the Estimate tab's own
    assert ("Find model", "Anywhere in the window", "Ctrl+F") in rows
    assert rows[-1] == ("Move to a control or tab", "Anywhere", "Alt+underlined letter")
    menus = [r[1] for r in rows]
    assert menus.index("File") < menus.index("Edit") < menus.index("Help")  # in the menu bar's order


def test_a_shortcut_added_anywhere_is_listed_without_touching_the_dialog(window: MainWindow) -> None:
    planted = QAction("&Frobnicate…", window)
    planted.setShortcut(QKeySequence("Ctrl+Alt+K"))
    window.menuBar().actions()[0].menu().addAction(planted)
    assert Entry("Frobnicate", "File", "Ctrl+Alt+K") in shortcut_entries(window)


def test_f1_opens_the_list(qtbot: QtBot, window: MainWindow) -> None:
    action = window.findChild(QAction, "shortcutsAction")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog, "shortcutsDialog") is not None)


def test_each_actions_tooltip_names_its_keys_and_menus_show_them(window: MainWindow) -> None:
    with_keys = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty() and a.text()]
    assert len(with_keys) >= 8
    for action in with_keys:
        assert f"({action.shortcut().toString(NATIVE)})" in action.toolTip(), action.text()
    menus = [m for m in window.menuBar().findChildren(QMenu) if m.title()]  # not the bar's overflow
    assert len(menus) == 6 and all(
        m.toolTipsVisible() for m in menus
    )  # File, Export, Edit, View, Language, Help


def test_a_menu_text_is_read_without_its_marks() -> None:
    assert plain("&Save estimate &as…") == "Save estimate as"
    assert plain("Fish && &Chips") == "Fish & Chips"
