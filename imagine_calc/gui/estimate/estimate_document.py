"""The estimate as a document: save and open (atomically), exports, and crash-proof autosave.

The working estimate is written to this window's own working copy (working_copies.py) shortly
after every change, with its file path and whether it was saved. Starting again (after a quit,
a crash or a kill) reopens exactly that: the last open estimate and any unsaved work; a second
window running at the same time has a working copy of its own.

The working copy is written off the window's thread (an estimate of 100,000 images takes most
of a second to write), one write at a time, the newest state last: a quarter of a second after
the last change, and never more than two seconds after the first change not yet written, so a
stream of edits cannot put it off. A write that fails is said at once (`problem`); `flush`, as
the window closes, says whether the working copy holds the estimate. A working copy that cannot
be read back is renamed aside, never overwritten, and the reason is in `problems`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.estimate import Estimate, PricedEstimate
from imagine_calc.core.estimates.estimate_file import EstimateFileError, dumps, read_estimate
from imagine_calc.core.estimates.team import Team
from imagine_calc.core.files import stamp, utf8
from imagine_calc.core.language import _
from imagine_calc.core.text.estimates import repriced_words
from imagine_calc.core.writes import cannot_write, set_aside, write_atomic
from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
from imagine_calc.gui.estimate.working_copies import Claim, claim_new
from imagine_calc.gui.shared import locale_numbers

#: The working copy is written this long after the last change...
AUTOSAVE_MS = 250
#: ...and at the latest this long after the first change it does not hold yet.
AUTOSAVE_MAX_MS = 2000


def write_file(path: Path, text: str, follow_links: bool = False) -> None:
    """All of `text` or nothing (core/writes.write_atomic: a crash or a kill mid-save leaves the
    previous file as it was), encoded so that no text can stop it. `follow_links` for a file
    the user chose; the app's own files replace a link rather than write through it. OSError
    says why not, in words, with the path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, utf8(text), follow_links)
    except OSError as exc:
        raise cannot_write(path, exc) from None


class EstimateDocument(QObject):
    """Emits `state_changed` when the file name or the saved/unsaved state changes."""

    state_changed = Signal()
    #: Another estimate is shown (opened, restored, new): its team, if any, is the session's.
    opened = Signal()
    #: A problem with the working copy, in words (it could not be written, or was set aside).
    problem = Signal(str)
    #: "" when the working copy was written, else why not (emitted from the writing thread).
    _written = Signal(str)

    def __init__(
        self,
        model: EstimateTableModel,
        parent: QObject | None = None,
        working: Claim | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.path: Path | None = None
        #: this window's working copy; `adopted`: it holds an earlier window's estimate
        self.working = working or claim_new()
        self.session = self.working.copy.estimate
        self.problems: list[str] = []
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[str] | None = None
        self._again = False
        self._last_error = ""
        self._clock = clock
        #: when the oldest change the working copy does not hold yet was made (clock seconds)
        self._first_unwritten: float | None = None
        #: when the last write was handed to the writer (clock seconds)
        self._handed: float | None = None
        #: flushed with no change since: a second flush as the window closes need not write again
        self._flushed = False
        self._written.connect(self._on_written)
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        model.changed.connect(self._schedule)
        # A bound method, not a lambda: Qt drops the connection when this document goes.
        model.undo_stack.cleanChanged.connect(self._state_changed)

    @property
    def modified(self) -> bool:
        return not self.model.undo_stack.isClean()

    @property
    def name(self) -> str:
        return self.path.name if self.path else (self.model.title or _("Untitled estimate"))

    def _state_changed(self, _clean: bool = True) -> None:
        self._schedule()
        self.state_changed.emit()

    def _schedule(self) -> None:
        """A change: write AUTOSAVE_MS after it, but no later than AUTOSAVE_MAX_MS after the
        first change not yet written, or after the last write if that was more recent (a timer
        restarted by every change would never fire while the changes keep coming)."""
        now = self._clock()
        self._flushed = False
        since = self._first_unwritten
        if since is None:
            # In a stream of changes the count starts at the last write, not at the first change
            # after it: a write every 2 s, not every 2 s plus the time between two changes.
            last = self._handed
            since = last if last is not None and now - last < AUTOSAVE_MAX_MS / 1000 else now
            self._first_unwritten = since
        left_ms = AUTOSAVE_MAX_MS - (now - since) * 1000
        self._timer.start(max(0, min(AUTOSAVE_MS, round(left_ms))))

    # --- files -----------------------------------------------------------------------------

    @property
    def team(self) -> Team | None:
        """The estimate's team: it lives in the session (the window's one state)."""
        return self.model.session.team

    def text(self) -> str:
        return dumps(self.model.priced_estimate(), self.model.catalog, self.team)

    def _show(self, estimate: Estimate, team: Team | None) -> None:
        """Another estimate and its team, with a history that starts here."""
        self.model.load(estimate)
        self.model.session.set_team(team)
        self.model.undo_stack.clear()

    def save(self, path: Path | None = None) -> None:
        """Save to `path` (or where it was opened from); OSError, or EstimateFileError for an
        estimate too large to open again, says why it could not."""
        target = path or self.path
        if target is None:
            raise ValueError(_("no file to save to"))
        write_file(target, self.text(), follow_links=True)
        self.path = target
        self.model.undo_stack.setClean()
        self.autosave()
        self.state_changed.emit()

    def open(self, path: Path, remember: bool = True) -> list[str]:
        """Open and re-price `path`; returns what changed since it was saved. `remember=False`
        (a screenshot) leaves the working copy of the user's own session alone."""
        saved = read_estimate(path)
        self._show(saved.estimate, saved.team)
        self.path = path
        self.model.undo_stack.setClean()
        if remember:
            self.autosave()
        else:
            self._timer.stop()
        self.state_changed.emit()
        self.opened.emit()
        return repriced_words(saved, self.model.priced_estimate(), self.model.catalog, locale_numbers.style())

    def new(self) -> None:
        self._show(Estimate(), None)
        self.path = None
        self.model.undo_stack.setClean()
        self.autosave()
        self.state_changed.emit()
        self.opened.emit()

    # --- the working copy ---------------------------------------------------------------------

    def autosave(self) -> None:
        """Write the working copy off the window's thread, after the write under way if any."""
        self._timer.stop()
        if self._pending is not None and not self._pending.done():
            self._again = True
            return
        snapshot = self.model.priced_estimate()  # immutable: safe to read from the writer
        session = (self.path, self.modified)
        self._first_unwritten, self._flushed, self._handed = None, False, self._clock()
        self._pending = self._writer.submit(
            self._write_and_say, snapshot, self.model.catalog, session, self.team
        )

    def _write(
        self,
        priced: PricedEstimate,
        catalog: Catalog,
        session: tuple[Path | None, bool],
        team: Team | None = None,
    ) -> str:
        """All of the working copy or nothing; "" when written, else why not. Both files are
        synced to disk as written, which can take 100 ms: never on the window's thread but at
        its close."""
        try:
            self.working.copy.save_session(*session)
            write_file(self.session, dumps(priced, catalog, team))
        except Exception as exc:  # in the writing thread an exception would vanish unseen
            return str(exc) or type(exc).__name__
        return ""

    def _write_and_say(
        self, priced: PricedEstimate, catalog: Catalog, session: tuple[Path | None, bool], team: Team | None
    ) -> str:
        error = self._write(priced, catalog, session, team)
        self._written.emit(error)
        return error

    def _on_written(self, error: str) -> None:
        if error and error != self._last_error:
            self._say(_("The working estimate could not be kept: {why}").format(why=error))
        self._last_error = error
        if self._again:
            self._again = False
            self.autosave()

    def flush(self) -> str:
        """Write the working copy now and wait for it (the window is closing). "" when it holds
        the estimate as it is, else why not (the disk is full, the folder read-only, the
        estimate too large to open again): the window then asks before quitting. Written even if
        unchanged: the newest working copy is the one the next start adopts."""
        self._timer.stop()
        self._again = False
        if self._pending is not None:
            self._pending.result()  # the write under way first (_write never raises)
        if self._flushed:
            return ""
        error = self._write(
            self.model.priced_estimate(), self.model.catalog, (self.path, self.modified), self.team
        )
        self._flushed, self._first_unwritten = not error, None
        return error

    def _say(self, text: str) -> None:
        self.problems.append(text)
        self.problem.emit(text)

    def _set_aside(self, why: str) -> None:
        try:
            moved = set_aside(self.session, "set-aside", stamp())
        except OSError as exc:
            said = _("The unsaved estimate of the last run could not be read ({why}) or moved ({error}).")
            self._say(said.format(why=why, error=exc))
            return
        self._say(
            _(
                "The unsaved estimate of the last run could not be read ({why}). It was set aside as "
                "{moved} and a new estimate was started."
            ).format(why=why, moved=moved)
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
        self._show(saved.estimate, saved.team)
        self.path, modified = self.working.copy.session()
        if modified:
            self.model.undo_stack.resetClean()  # unsaved: a clean state no longer exists
        else:
            self.model.undo_stack.setClean()
        self.state_changed.emit()
        self.opened.emit()
        return repriced_words(saved, self.model.priced_estimate(), self.model.catalog, locale_numbers.style())
