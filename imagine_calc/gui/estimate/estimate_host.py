"""The Estimate tab's place in the window: built on first use, with its menu actions.

Kept apart from the main window so that one stays about quoting; the panel itself (and its
file and export code) is imported only when someone opens the tab or adds a line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from imagine_calc.core.language import _
from imagine_calc.core.session import Session
from imagine_calc.gui.estimate.working_copies import Claim, claim
from imagine_calc.gui.shared.settings_store import SettingsStore

if TYPE_CHECKING:
    from imagine_calc.core.estimates.estimate import Item
    from imagine_calc.gui.estimate.estimate_panel import EstimatePanel


class EstimateHost(QObject):
    """Builds the Estimate tab when first asked for, and adds its menu actions."""

    #: Something about the working estimate the user should know (set aside, not kept).
    problem = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        tabs: QTabWidget,
        store: SettingsStore,
        session: Session,
        working: Claim | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.tabs, self.store, self.session = window, tabs, store, session
        #: this window's own working estimate, claimed now so no other window takes it
        self.working = working or claim(store.estimate_session(), None)
        self.base_title = window.windowTitle()
        self._panel: EstimatePanel | None = None
        self.page = QWidget(objectName="estimatePage")
        self._page_layout = QVBoxLayout(self.page)
        self._page_layout.setContentsMargins(0, 0, 0, 0)
        tabs.addTab(self.page, _("Es&timate"))
        tabs.currentChanged.connect(lambda i: self.panel if tabs.widget(i) is self.page else None)
        # The history exists before the tab is built, so Edit > Undo is there from the start.
        self.undo_stack = QUndoStack(self)
        stack = self.undo_stack
        self.undo = self._history_action(_("&Undo"), QKeySequence.StandardKey.Undo)
        self.undo.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.undoTextChanged.connect(lambda step: self._name(self.undo, _("&Undo"), _("&Undo {step}"), step))
        self.redo = self._history_action(_("&Redo"), QKeySequence.StandardKey.Redo)
        self.redo.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.redoTextChanged.connect(lambda step: self._name(self.redo, _("&Redo"), _("&Redo {step}"), step))

    def _history_action(self, alone: str, keys: QKeySequence.StandardKey) -> QAction:
        """Edit > Undo / Redo, named with the step as the language words it ("Undo rename line
        2", "Rückgängig: Posten 2 umbenennen"): Qt's own actions only put a prefix before it."""
        action = QAction(alone, self, enabled=False)
        action.setShortcut(keys)
        return action

    @staticmethod
    def _name(action: QAction, alone: str, with_step: str, step: str) -> None:
        action.setText(with_step.format(step=step) if step else alone)

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> EstimatePanel:
        if self._panel is None:
            from imagine_calc.gui.estimate.estimate_panel import EstimatePanel

            panel = EstimatePanel(self.session, self.store, self.undo_stack, working=self.working)
            status = self.window.statusBar()
            panel.message.connect(lambda text: status.showMessage(text, 8000))
            panel.document.state_changed.connect(self._show_document)
            for problem in panel.document.problems:
                self.problem.emit(problem)
            panel.document.problem.connect(self.problem)
            self._page_layout.addWidget(panel)
            self._panel = panel
            self._show_document()
        return self._panel

    def show(self) -> EstimatePanel:
        panel = self.panel
        self.tabs.setCurrentWidget(self.page)
        return panel

    def add(self, items: Sequence[Item]) -> None:
        """Add lines without leaving the tab the user is on: people add several in a row."""
        self.panel.add(items)

    def may_close(self) -> bool:
        """Whether the window may close now. The working copy is written first; when it cannot
        keep unsaved work for the next start (the disk is full, the folder read-only or only a
        temporary one, the estimate too large), the user chooses: Save as…, Quit anyway, or
        Cancel."""
        if self._panel is None:
            return True
        why = self._panel.document.flush()
        copy = self.working.copy
        if not why and copy.temporary:
            why = _("the config folder cannot hold it, and {folder} is removed as the window closes.").format(
                folder=copy.folder
            )
        if not why or not self._panel.document.modified:
            return True
        return self._panel.confirm_quit(why)

    def flush(self) -> None:
        """Write the working copy now and wait for it, and let it go (the window is closing):
        the next window to start adopts it."""
        if self._panel is not None:
            self._panel.document.flush()  # a failure was said, and asked about by may_close
        self.working.copy.release()

    def _show_document(self) -> None:
        doc = self.panel.document
        self.window.setWindowTitle(f"{self.base_title} — {doc.name}[*]")
        self.window.setWindowModified(doc.modified)

    def add_menus(self, file_menu: QMenu, before: QAction, edit_menu: QMenu) -> None:
        entries: list[tuple[str, QKeySequence | QKeySequence.StandardKey, Callable[[], object]]] = [
            (_("&New estimate"), QKeySequence.StandardKey.New, lambda: self.show().new()),
            (_("&Open estimate…"), QKeySequence("Ctrl+Shift+O"), lambda: self.show().open_dialog()),
            (_("&Save estimate"), QKeySequence.StandardKey.Save, lambda: self.show().save()),
            (_("Save estimate &as…"), QKeySequence.StandardKey.SaveAs, lambda: self.show().save_as()),
        ]
        for text, keys, slot in entries:
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            file_menu.insertAction(before, action)
        export = QMenu(_("E&xport estimate"), file_menu)
        for kind, text in (("csv", "&CSV…"), ("md", "&Markdown…"), ("json", "&JSON…")):
            action = export.addAction(text)
            action.triggered.connect(lambda _checked=False, k=kind: self.show().export_dialog(k))
        file_menu.insertMenu(before, export)
        copy = QAction(_("Cop&y estimate as text"), self, shortcut=QKeySequence("Ctrl+Shift+C"))
        copy.triggered.connect(lambda: self.panel.copy_text())
        file_menu.insertAction(before, copy)
        file_menu.insertSeparator(before)
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
