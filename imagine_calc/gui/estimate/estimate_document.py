"""The estimate as a document: save and open (atomically), exports, and crash-proof autosave.

The working estimate is written to this window's own working copy (working_copies.py) shortly
after every change, with its file path and whether it was saved. Starting again (after a quit,
a crash or a kill) reopens exactly that: the last open estimate and any unsaved work; a second
window running at the same time has a working copy of its own.

The working copy is written off the window's thread (an estimate of 100,000 images takes most
of a second to write), one write at a time, the newest state last. A working copy that cannot
be read back is renamed aside, never overwritten, and the reason is in `problems`.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QSaveFile, QTimer, Signal

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.estimate import Estimate, PricedEstimate
from imagine_calc.core.estimates.estimate_file import EstimateFileError, dumps, price_changes, read_estimate
from imagine_calc.core.files import set_aside, stamp
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.estimate.working_copies import Claim, claim_new

AUTOSAVE_MS = 250


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
    #: A problem with the working copy, in words (it could not be written, or was set aside).
    problem = Signal(str)
    #: "" when the working copy was written, else why not (emitted from the writing thread).
    _written = Signal(str)

    def __init__(
        self,
        model: EstimateTableModel,
        parent: QObject | None = None,
        working: Claim | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.path: Path | None = None
        #: this window's working copy; `adopted`: it holds an earlier window's estimate
        self.working = working or claim_new()
        self.session = self.working.copy.estimate
        self.problems: list[str] = []
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[None] | None = None
        self._again = False
        self._last_error = ""
        self._written.connect(self._on_written)
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        model.changed.connect(self._timer.start)
        # A bound method, not a lambda: Qt drops the connection when this document goes.
        model.undo_stack.cleanChanged.connect(self._state_changed)

    @property
    def modified(self) -> bool:
        return not self.model.undo_stack.isClean()

    @property
    def name(self) -> str:
        return self.path.name if self.path else (self.model.title or "Untitled estimate")

    def _state_changed(self, _clean: bool = True) -> None:
        self._timer.start()
        self.state_changed.emit()

    # --- files -----------------------------------------------------------------------------

    def text(self) -> str:
        return dumps(self.model.priced_estimate(), self.model.catalog)

    def save(self, path: Path | None = None) -> None:
        """Save to `path` (or where it was opened from); OSError, or EstimateFileError for an
        estimate too large to open again, says why it could not."""
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
        """Write the working copy off the window's thread, after the write under way if any."""
        self._timer.stop()
        if self._pending is not None and not self._pending.done():
            self._again = True
            return
        snapshot = self.model.priced_estimate()  # immutable: safe to read from the writer
        session = (self.path, self.modified)
        self._pending = self._writer.submit(self._write, snapshot, self.model.catalog, session)

    def _write(self, priced: PricedEstimate, catalog: Catalog, session: tuple[Path | None, bool]) -> None:
        """In the writing thread: all of the working copy or nothing, then say how it went.
        Both files are synced to disk as written, which can take 100 ms: never on the window's
        thread."""
        try:
            self.working.copy.save_session(*session)
            write_file(self.session, dumps(priced, catalog))
        except (OSError, EstimateFileError) as exc:
            self._written.emit(str(exc) or type(exc).__name__)
        else:
            self._written.emit("")

    def _on_written(self, error: str) -> None:
        if error and error != self._last_error:
            self._say(f"The working estimate could not be kept: {error}")
        self._last_error = error
        if self._again:
            self._again = False
            self.autosave()

    def flush(self) -> None:
        """Write the working copy now and wait for it (the window is closing)."""
        self._timer.stop()
        self._again = False
        if self._pending is not None:
            self._pending.result()
        with contextlib.suppress(OSError, EstimateFileError):  # said when the last autosave failed
            self.working.copy.save_session(self.path, self.modified)
            write_file(self.session, self.text())

    def _say(self, text: str) -> None:
        self.problems.append(text)
        self.problem.emit(text)

    def _set_aside(self, why: str) -> None:
        try:
            moved = set_aside(self.session, "set-aside", stamp())
        except OSError as exc:
            self._say(f"The unsaved estimate of the last run could not be read ({why}) or moved ({exc}).")
            return
        self._say(
            f"The unsaved estimate of the last run could not be read ({why}). It was set aside as "
            f"{moved} and a new estimate was started."
        )

    def restore(self) -> list[str]:
        """Reopen the working copy this window adopted from an earlier one, if any; returns
        price changes since then. One that cannot be read is renamed aside (never overwritten)
        and named in `problems`."""
        if not self.working.adopted or not os.path.lexists(self.session):
            return []
        try:
            saved = read_estimate(self.session)
        except EstimateFileError as exc:
            self._set_aside(str(exc).removeprefix(f"{self.session}: "))
            return []
        self.model.load(saved.estimate)
        self.path, modified = self.working.copy.session()
        if modified:
            self.model.undo_stack.resetClean()  # unsaved: a clean state no longer exists
        else:
            self.model.undo_stack.setClean()
        self.state_changed.emit()
        return price_changes(saved, self.model.priced_estimate(), self.model.catalog)
