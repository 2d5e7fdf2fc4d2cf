"""File > Shared prices folder: where the team's recorded prices are and the user's name there,
set in the window as `record --shared-folder PATH --name NAME` sets them on the command line.

Both are kept in the same sharing.json (core/catalog/sharing.py), so the window and the command
line agree. A folder that is not there is refused, never made; an empty folder turns sharing off.
On OK the session is told at once (the team's old recordings go, the folder's are read off the
window's thread by the watcher, which follows the new folder).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.catalog.shared_recordings import SharedReading, layer
from imagine_calc.core.catalog.sharing import Sharing, SharingError, check_name, load_sharing, save_sharing
from imagine_calc.core.text.sharing import (
    folder_missing_words,
    name_problem_words,
    sharing_explanation,
    sharing_field_words,
    sharing_kept_words,
    sharing_not_kept_words,
)
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import plain_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from imagine_calc.core.session import Session


class Watch(Protocol):
    """The folder's watcher (shared_watch.SharedWatch, which builds this module's action)."""

    def start_reading(self) -> None: ...


class SharingDialog(QDialog):
    """Accepts only a folder that exists (or none) and a name teammates can be shown (or none);
    `kept` is then what was saved."""

    def __init__(self, sharing: Sharing, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent, objectName="sharingDialog")
        words = sharing_field_words()
        self.setWindowTitle(words["title"])
        self.sharing, self.path, self.kept = sharing, path, sharing
        self.choose_title = words["choose_title"]
        explanation = plain_label(sharing_explanation(), objectName="sharingExplanation")
        explanation.setWordWrap(True)
        self.folder = QLineEdit(
            os.fsdecode(sharing.folder) if sharing.folder else "", objectName="sharingFolder"
        )
        self.folder.setPlaceholderText(words["folder_empty"])
        self.folder.setAccessibleName(words["folder"].replace("&", "").rstrip(":"))
        self.choose = QPushButton(words["choose"], objectName="sharingChoose")
        self.choose.clicked.connect(self.choose_folder)
        self.name = QLineEdit(sharing.name or "", objectName="sharingName")
        self.name.setPlaceholderText(words["name_hint"])
        self.name.setAccessibleName(words["name_accessible"])
        self.error = plain_label(objectName="sharingError")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow(plain_label(words["folder"], buddy=self.folder), row)
        form.addRow(plain_label(words["name"], buddy=self.name), self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.choose_title, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def checked(self) -> Sharing | None:
        """What the fields say, or None with the reason shown."""
        typed = self.folder.text().strip()
        folder = Path(typed).expanduser().absolute() if typed else None
        if folder is not None and not folder.is_dir():
            self.error.setText(folder_missing_words(os.fsdecode(folder)))
            return None
        try:
            name = check_name(self.name.text()) if self.name.text().strip() else None
        except SharingError as exc:
            self.error.setText(name_problem_words(exc, locale_numbers.style()))
            return None
        self.error.setText("")
        return replace(self.sharing, folder=folder, name=name)

    def accept(self) -> None:
        """Kept only when it fits and sharing.json is written; otherwise the dialog stays, saying why."""
        sharing = self.checked()
        if sharing is None:
            return
        try:
            self.kept = save_sharing(sharing, self.path)
        except OSError as exc:
            self.error.setText(sharing_not_kept_words(str(exc.strerror or exc)))
            return
        super().accept()


def open_sharing(
    window: QMainWindow, session: Session, watch: Watch, path: Path | None = None
) -> SharingDialog:
    """Show the dialog (window-modal); on OK the window reads the new folder at once."""
    sharing, _note = load_sharing(path)
    dialog = SharingDialog(sharing, window, path)
    dialog.accepted.connect(lambda: use_sharing(window, session, watch, dialog.kept))
    dialog.open()
    return dialog


def use_sharing(window: QMainWindow, session: Session, watch: Watch, sharing: Sharing) -> None:
    """The team's recordings of the old folder go from the prices at once; the new folder's come
    when the watcher, now following it, has read it off the window's thread."""
    loaded = session.loaded
    folder = sharing.folder
    catalog, reading = layer(loaded.catalog, SharedReading(folder or Path()))  # the user's own only
    session.set_loaded(
        replace(loaded, catalog=catalog, shared_folder=folder, shared=reading if folder else None)
    )
    watch.start_reading()
    window.statusBar().showMessage(sharing_kept_words(os.fsdecode(folder) if folder else None), 10000)
