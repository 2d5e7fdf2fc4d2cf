"""Help > Keyboard shortcuts: every shortcut the window has, read from its actions and shortcut
objects when asked, so the list cannot drift from what the keys really do."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import N_, _
from imagine_calc.gui.shared.markup import tooltip

NATIVE = QKeySequence.SequenceFormat.NativeText
ANYWHERE = N_("Anywhere in the window")


@record
class Entry(Frozen):
    """One shortcut: what it does, where it works, the keys."""

    what: str
    where: str
    keys: str


def plain(text: str) -> str:
    """A menu text as read: without its mnemonic marks and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _place(action: QAction, menus: list[QMenu]) -> tuple[str, int, int]:
    """The menu an action is in (its title, the menu's place in the bar, the action's place in
    the menu), or the window itself after every menu."""
    for number, menu in enumerate(menus):
        if action in menu.actions():
            return plain(menu.title()), number, menu.actions().index(action)
    return _(ANYWHERE), len(menus), 0


def shortcut_entries(window: QMainWindow) -> list[Entry]:
    """Every action and shortcut object of `window` that has keys, in menu order."""
    menus = [m for m in window.menuBar().findChildren(QMenu) if m.menuAction() in window.menuBar().actions()]
    placed: dict[Entry, tuple[int, int, str]] = {}
    for action in window.findChildren(QAction):
        where, menu, position = _place(action, menus)
        for keys in action.shortcuts():
            if not keys.isEmpty() and action.text():
                entry = Entry(plain(action.text()), where, keys.toString(NATIVE))
                placed.setdefault(entry, (menu, position, entry.what))
    for shortcut in window.findChildren(QShortcut):
        keys, parent = shortcut.key(), shortcut.parent()
        if keys.isEmpty() or not shortcut.whatsThis():
            continue
        where = (parent.accessibleName() if isinstance(parent, QWidget) else "") or _(ANYWHERE)
        entry = Entry(shortcut.whatsThis(), where, keys.toString(NATIVE))
        placed.setdefault(entry, (len(menus) + 1, 0, where + entry.what))
    return sorted(placed, key=lambda e: placed[e])


def _menus_and_window_actions(window: QMainWindow) -> list[QAction]:
    """The window's own actions and every menu's, submenus included: where its actions with keys
    are at start, found without findChildren, which wraps each of the window's hundreds of Qt
    objects for Python to test its type (5 ms of every start)."""
    found = list(window.actions())
    pending = list(window.menuBar().actions())
    while pending:
        action = pending.pop()
        found.append(action)
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.setToolTipsVisible(True)
            pending.extend(menu.actions())
    return found


def show_keys_in_tooltips(window: QMainWindow) -> None:
    """Each action's tooltip names its keys, and the menus show tooltips."""
    for action in _menus_and_window_actions(window):
        keys = action.shortcut()
        if keys.isEmpty() or not action.text():
            continue
        said = keys.toString(NATIVE)
        tip = action.property("plainToolTip") or plain(action.text())
        action.setProperty("plainToolTip", tip)
        action.setToolTip(tooltip(f"{tip} ({said})"))


class ShortcutsDialog(QDialog):
    """The list, as a table a screen reader and the keyboard can walk."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, objectName="shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([_("Action"), _("Where"), _("Keys")])
        for entry in shortcut_entries(window):
            row = [QStandardItem(entry.what), QStandardItem(entry.where), QStandardItem(entry.keys)]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        self.model.appendRow(
            [
                QStandardItem(_("Move to a control or tab")),
                QStandardItem(_("Anywhere")),
                QStandardItem(_("Alt+underlined letter")),
            ]
        )
        table = QTableView(objectName="shortcutsTable")
        table.setModel(self.model)
        table.setAccessibleName(_("Keyboard shortcuts"))
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(560, 480)
