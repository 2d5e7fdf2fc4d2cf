"""The Estimate tab's file commands: new, open, save, export, copy, and what quitting asks.

Every failure is a dialog that says why (never an exception out of a menu command), in plain
text through gui/shared/markup: a file name or a label is shown as typed, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from imagine_calc.core.estimates.estimate_file import SUFFIX
from imagine_calc.core.language import N_, _
from imagine_calc.core.text import exports
from imagine_calc.gui.estimate.estimate_document import write_file
from imagine_calc.gui.shared import locale_numbers, markup

if TYPE_CHECKING:
    from imagine_calc.core.estimates.budget import BudgetPlan
    from imagine_calc.core.estimates.estimate import PricedEstimate
    from imagine_calc.gui.estimate.budget_box import BudgetBox
    from imagine_calc.gui.estimate.estimate_document import EstimateDocument
    from imagine_calc.gui.estimate.estimate_model import EstimateTableModel

EXPORTS = {
    "csv": (N_("CSV for spreadsheets (*.csv)"), ".csv"),
    "md": (N_("Markdown (*.md)"), ".md"),
    "json": (N_("JSON report (*.json)"), ".json"),
}
#: What saving can fail with: the disk or the folder (OSError), an estimate too large to open
#: again (EstimateFileError, a ValueError), and, should any slip through, text (UnicodeError).
SAVE_ERRORS = (OSError, ValueError)
Button = QMessageBox.StandardButton


class EstimateFileCommands(QWidget):
    """The base of EstimatePanel: its file commands, on the document, model and budget the
    panel makes. Emits `message(str)` for the status bar."""

    message = Signal(str)
    model: EstimateTableModel
    document: EstimateDocument
    budget_box: BudgetBox
    plan: BudgetPlan | None

    def priced(self) -> PricedEstimate:
        return self.model.priced_estimate()

    def show_changes(self, changes: list[str]) -> None:
        """What re-pricing an opened estimate changed: the panel shows it."""
        raise NotImplementedError

    def confirm_discard(self) -> bool:
        """True when unsaved work may be replaced (saved first if the user asks)."""
        if not self.document.modified or not self.model.rowCount():
            return True
        answer = markup.ask(
            self,
            _("Unsaved estimate"),
            _("Save the changes to {name} first?").format(name=self.document.name),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def confirm_quit(self, why: str) -> bool:
        """Unsaved work that the working copy could not keep (`why`): Save as… (and quit once
        saved), Quit anyway, or Cancel. True when the window may close."""
        why = why.rstrip().rstrip(".") + "."
        box = markup.message_box(
            self,
            QMessageBox.Icon.Warning,
            _("Unsaved estimate"),
            _(
                "The changes to {name} are not saved, and could not be kept for the next start: "
                "{why}\n\nSave them to a file before quitting?"
            ).format(name=self.document.name, why=why),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        box.setObjectName("quitDialog")
        box.button(Button.Save).setText(_("&Save as…"))
        box.button(Button.Discard).setText(_("&Quit anyway"))
        answer = Button(box.exec())
        if answer == Button.Save:
            return self.save_as()
        return answer == Button.Discard

    def new(self) -> None:
        if self.confirm_discard():
            self.document.new()
            self.show_changes([])

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        kinds = _("Estimates ({patterns})").format(patterns=f"*{SUFFIX} *.json")
        path, _kind = QFileDialog.getOpenFileName(
            self, _("Open estimate"), str(self._folder()), f"{kinds};;{_('All files (*)')}"
        )
        if path:
            self.open(Path(path))

    def open(self, path: Path) -> bool:
        try:
            changes = self.document.open(path)
        except ValueError as exc:  # EstimateFileError: what is wrong, and where
            markup.warn(self, _("Estimate not opened"), str(exc))
            return False
        self.show_changes(changes)
        if changes:
            self.message.emit(_("Opened {name}: prices changed since it was saved.").format(name=path.name))
        else:
            self.message.emit(_("Opened {name}.").format(name=path.name))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        # TRANSLATORS: the file name an untitled estimate is saved as (no spaces)
        suggested = self._folder() / ((self.model.title or _("estimate")) + SUFFIX)
        kinds = _("Estimates ({patterns})").format(patterns=f"*{SUFFIX}")
        path, _kind = QFileDialog.getSaveFileName(self, _("Save estimate"), str(suggested), kinds)
        if not path:
            return False
        target = Path(path if path.endswith(".json") else path + SUFFIX)
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except SAVE_ERRORS as exc:
            markup.warn(self, _("Estimate not saved"), str(exc))
            return False
        self.message.emit(_("Saved {name}.").format(name=path.name))
        return True

    def export_text(self, kind: str) -> str:
        priced, catalog, rate = self.priced(), self.model.catalog, self.budget_box.rate()
        if kind == "csv":
            return exports.to_csv(priced, self.plan)
        if kind == "md":
            return exports.to_markdown(priced, catalog, self.plan, rate, locale_numbers.style())
        return exports.to_json(priced, catalog, self.plan, rate)

    def export_dialog(self, kind: str) -> None:
        filter_, suffix = EXPORTS[kind]
        suggested = self._folder() / ((self.model.title or _("estimate")) + suffix)
        path, _kind = QFileDialog.getSaveFileName(self, _("Export estimate"), str(suggested), _(filter_))
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, path: Path) -> bool:
        try:
            write_file(path, self.export_text(kind), follow_links=True)
        except SAVE_ERRORS as exc:
            markup.warn(self, _("Not exported"), str(exc))
            return False
        self.message.emit(_("Exported {name}.").format(name=path.name))
        return True

    def copy_text(self) -> None:
        rate, style = self.budget_box.rate(), locale_numbers.style()
        text = exports.to_text(self.priced(), self.model.catalog, self.plan, rate, style)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(_("Estimate copied as text."))

    def _folder(self) -> Path:
        return self.document.path.parent if self.document.path else Path.home()
