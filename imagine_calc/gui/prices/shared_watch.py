"""Watching the team's shared folder, so a teammate's new price shows without a restart.

The folder is watched, not only its files: a sync tool (and our own write) replaces a file by
renaming a new one over it, which ends a watch on the file itself. Each file read is watched
too, for a sync tool that writes in place. Changes come in bursts (a sync brings several files),
so a reading starts 500 ms after the last one. Everything done with the folder's content runs
off the window's thread, one job at a time: reading (up to MAX_SHARED_FILES files of up to
256 KB each and 2 MB in all, each parsed), laying the recordings under the user's own (a
catalog of thousands of recordings, indexed) and pricing the Generate tab's settings once with
it, so its answers are worked out; the window's thread only hands the result to the session.
The user's own prices changing (an update, a recording, a revert: `Session.set_own`) is such a
job too, over the reading in use; a reading that finds the prices in use changed meanwhile is
done again over them.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance

from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.catalog.shared_recordings import SharedReading, layer, read_shared
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.pricing.generate_view import generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import Part, Session, known_model
from imagine_calc.core.text.sharing import shared_reading_failed_words, sharing_action_words
from imagine_calc.gui.shared import garbage
from imagine_calc.gui.shared.markup import tooltip

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu

#: How long after the last change in the folder it is read.
SETTLE_MS = 500


@record
class _Done(Frozen):
    """A job's result: `loaded` to show, made over `own`, while the session showed `current`."""

    own: LoadedCatalog
    current: Catalog
    #: The folder read, or None: the reading in `own` laid under new own prices.
    folder: Path | None
    #: What to show, or None when the job stopped on something unforeseen (`why`).
    loaded: LoadedCatalog | None
    why: str = ""


class _Job(QRunnable):
    """Reads `folder` (None: takes `own.shared` as it is), lays its recordings under `own`'s
    prices and prices `request` once with the result, all off the window's thread."""

    def __init__(
        self,
        own: LoadedCatalog,
        current: Catalog,
        folder: Path | None,
        request: GenerationRequest,
        done: SignalInstance,
    ) -> None:
        super().__init__()
        self.own, self.current, self.folder, self.priced, self.done = own, current, folder, request, done

    def run(self) -> None:
        try:
            loaded: LoadedCatalog | None = self._read()
            why = ""
        except Exception as exc:  # a fault of ours or no memory: said, and the watch goes on
            loaded, why = None, str(exc) or type(exc).__name__
        self.done.emit(_Done(self.own, self.current, self.folder, loaded, why))

    def _read(self) -> LoadedCatalog:
        # Each file parsed is about 100,000 short-lived objects: not for the window to scan.
        with garbage.held():
            own = self.own
            reading = read_shared(self.folder) if self.folder is not None else own.shared
            assert reading is not None
            catalog, reading = layer(own.catalog, reading)
            generate_view(catalog, known_model(catalog, self.priced))  # its answers worked out here
            return replace(own, catalog=catalog, shared_folder=reading.folder, shared=reading)


class SharedWatch(QObject):
    """Re-reads the session's shared folder when anything in it changes."""

    #: A reading finished (emitted from the reading's thread, received on the window's).
    read = Signal(object)
    #: A reading stopped on something unforeseen: the banner's words.
    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.watched: Path | None = None
        #: A job is running; the folder is to be read (again); the user's new own prices wait
        #: for the team's recordings to go under them.
        self.reading = self.again = False
        self.own: LoadedCatalog | None = None
        self.watcher.directoryChanged.connect(lambda _path: self.timer.start())
        self.watcher.fileChanged.connect(lambda _path: self.timer.start())
        self.timer.timeout.connect(self.start_reading)
        self.read.connect(self._show)
        session.stack_team = self.stack
        session.listen(self._session_changed)
        self._follow(session.loaded.shared_folder)
        if self.watched is not None and session.loaded.shared is None:  # not read at start-up
            self.start_reading()

    def _session_changed(self, parts: frozenset[Part]) -> None:
        if Part.CATALOG in parts and self.session.loaded.shared_folder != self.watched:
            self._follow(self.session.loaded.shared_folder)
            self.start_reading()  # a new folder: read whole (a recording shared shows its file only)

    def _follow(self, folder: Path | None) -> None:
        """Watch `folder` (none: nothing) instead of what was watched."""
        old = self.watcher.directories() + self.watcher.files()
        if old:
            self.watcher.removePaths(old)
        self.watched = folder
        if folder is not None and os.path.isdir(folder):
            self.watcher.addPath(os.fspath(folder))
            self._watch_files(self.session.loaded.shared)

    def _watch_files(self, reading: SharedReading | None) -> None:
        if reading is None:
            return
        folder = os.fspath(reading.folder)  # a path per file, not per recording (thousands)
        files = {os.path.join(folder, name) for name in {name for name, _o in reading.found}}
        new = sorted(files - set(self.watcher.files()))
        if new:
            self.watcher.addPaths(new)

    def start_reading(self) -> None:
        """Read the folder off the window's thread (once more after, if it changes meanwhile)."""
        if self.watched is None:
            return
        self.again = True
        self._next()

    def stack(self, own: LoadedCatalog) -> None:
        """The session's `stack_team`: lay the team's recordings under the user's new own prices
        off the window's thread; the session shows them when done."""
        self.own = own
        self._next()

    def _next(self) -> None:
        """Start the next job, if none is running: new own prices first (the user just acted)."""
        if self.reading:
            return
        if self.own is not None:
            own, folder, self.own = self.own, None, None
        elif self.again and self.watched is not None:
            own, folder, self.again = self.session.loaded, self.watched, False
        else:
            return
        self.reading = True
        self.pool.start(_Job(own, self.session.loaded.catalog, folder, self.session.request, self.read))

    def _show(self, done: _Done) -> None:
        self.reading = False
        if done.loaded is None:
            self._failed(done)
            return
        changed = self.session.loaded.catalog is not done.current
        if done.folder is not None and done.folder != self.watched:
            pass  # a folder no longer followed
        elif done.folder is not None and self.own is not None:
            self.own = replace(self.own, shared=done.loaded.shared)  # the new reading, under them
        elif done.folder is not None and changed:
            self.again = True  # the prices in use changed meanwhile: read again over them
        elif changed and self.own is None:  # another folder chosen meanwhile: under its reading
            loaded = self.session.loaded
            self.session.set_own(replace(done.own, shared_folder=loaded.shared_folder, shared=loaded.shared))
        elif not changed:
            self.session.set_loaded(done.loaded)
            self._watch_files(done.loaded.shared)
        self._next()

    def _failed(self, done: _Done) -> None:
        """Own prices waiting for the team's go out without them (they are the user's work);
        a reading of the folder keeps what is shown. Either way the watch goes on."""
        folder = done.folder or done.own.shared_folder or Path()
        own_shown = done.folder is None
        if own_shown:
            self.session.set_loaded(replace(done.own, shared=None))
        self.failed.emit(shared_reading_failed_words(os.fspath(folder), done.why, own_shown))
        self._next()

    def add_action(self, window: QMainWindow, menu: QMenu, before: QAction) -> None:
        """File > Shared prices folder…, above `before`: where this watch looks is set in its
        dialog (sharing_dialog.py), loaded when first chosen rather than at every start."""
        from PySide6.QtGui import QAction

        text, tip = sharing_action_words()
        action = QAction(text, window, objectName="sharingAction")
        action.setToolTip(tooltip(tip))
        action.triggered.connect(lambda: self._open_sharing(window))
        menu.insertAction(before, action)

    def _open_sharing(self, window: QMainWindow) -> None:
        from imagine_calc.gui.prices.sharing_dialog import open_sharing

        open_sharing(window, self.session, self)

    def wait(self) -> None:
        """Let a reading in progress end (the window closing)."""
        self.pool.waitForDone()
