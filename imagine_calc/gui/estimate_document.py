"""The estimate as a document: save and open (atomically), exports, and crash-proof autosave.

The working estimate is written to `unsaved-estimate.icalc.json` in the config folder shortly
after every change, with its file path and whether it was saved. Starting again (after a quit,
a crash or a kill) reopens exactly that: the last open estimate and any unsaved work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QSaveFile, QTimer, Signal

from imagine_calc.core.estimate import Estimate
from imagine_calc.core.estimate_file import EstimateFileError, dumps, price_changes, read_estimate
from imagine_calc.core.paths import config_dir
from imagine_calc.gui.estimate_model import EstimateTableModel
from imagine_calc.gui.settings_store import SettingsStore

AUTOSAVE_MS = 250
SESSION_FILE = "unsaved-estimate.icalc.json"


def write_file(path: Path, text: str) -> None:
    """All of `text` or nothing: QSaveFile writes a temporary file and renames it over `path`
    only on commit, so a crash or a kill mid-save leaves the previous file as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path}: {out.errorString()}")
    data = text.encode("utf-8")
    if out.write(data) != len(data) or not out.commit():
        error = out.errorString()
        out.cancelWriting()
        raise OSError(f"cannot write {path}: {error}")


class EstimateDocument(QObject):
    """Emits `state_changed` when the file name or the saved/unsaved state changes."""

    state_changed = Signal()

    def __init__(
        self, model: EstimateTableModel, store: SettingsStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.store = store
        self.path: Path | None = None
        self.session = config_dir() / SESSION_FILE
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        model.changed.connect(self._timer.start)
        model.undo_stack.cleanChanged.connect(lambda _clean: self._state_changed())

    @property
    def modified(self) -> bool:
        return not self.model.undo_stack.isClean()

    @property
    def name(self) -> str:
        return self.path.name if self.path else (self.model.title or "Untitled estimate")

    def _state_changed(self) -> None:
        self._timer.start()
        self.state_changed.emit()

    # --- files -----------------------------------------------------------------------------

    def text(self) -> str:
        return dumps(self.model.priced_estimate(), self.model.catalog)

    def save(self, path: Path | None = None) -> None:
        """Save to `path` (or where it was opened from); OSError says why it could not."""
        target = path or self.path
        if target is None:
            raise ValueError("no file to save to")
        write_file(target, self.text())
        self.path = target
        self.model.undo_stack.setClean()
        self.autosave()
        self.state_changed.emit()

    def open(self, path: Path, remember: bool = True) -> list[str]:
        """Open and re-price `path`; returns what changed since it was saved. `remember=False`
        (a screenshot) leaves the working copy of the user's own session alone."""
        saved = read_estimate(path)
        self.model.load(saved.estimate)
        self.path = path
        self.model.undo_stack.setClean()
        if remember:
            self.autosave()
        else:
            self._timer.stop()
        self.state_changed.emit()
        return price_changes(saved, self.model.priced_estimate(), self.model.catalog)

    def new(self) -> None:
        self.model.load(Estimate())
        self.path = None
        self.model.undo_stack.setClean()
        self.autosave()
        self.state_changed.emit()

    # --- the working copy ---------------------------------------------------------------------

    def autosave(self) -> None:
        self._timer.stop()
        try:
            write_file(self.session, self.text())
        except OSError:
            return  # the config folder is not writable: nothing to restore, nothing lost now
        self.store.set_text("estimate/path", str(self.path) if self.path else "")
        self.store.set_text("estimate/modified", "true" if self.modified else "false")
        self.store.sync()

    def restore(self) -> list[str]:
        """Reopen the working copy of the last run, if any; returns price changes since then."""
        if not self.session.is_file():
            return []
        try:
            saved = read_estimate(self.session)
        except EstimateFileError:
            return [f"The unsaved estimate of the last run could not be read ({self.session})."]
        self.model.load(saved.estimate)
        path = self.store.text("estimate/path")
        self.path = Path(path) if path else None
        if self.store.text("estimate/modified") == "true":
            self.model.undo_stack.resetClean()  # unsaved: a clean state no longer exists
        else:
            self.model.undo_stack.setClean()
        self.state_changed.emit()
        return price_changes(saved, self.model.priced_estimate(), self.model.catalog)
