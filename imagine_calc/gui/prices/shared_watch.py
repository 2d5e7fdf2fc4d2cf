"""Watching the team's shared folder, so a teammate's new price shows without a restart.

The folder is watched, not only its files: a sync tool (and our own write) replaces a file by
renaming a new one over it, which ends a watch on the file itself. Each file read is watched
too, for a sync tool that writes in place. Changes come in bursts (a sync brings several files),
so a reading starts 500 ms after the last one; it runs off the window's thread (up to
MAX_SHARED_FILES files of up to 256 KB each and 2 MB in all, each parsed, then layered under the user's own
recordings), and the window's thread only hands the result to the session, which re-prices
every tab; a reading that finds the user's own prices changed meanwhile is done again.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.catalog.shared_recordings import SharedReading, layer, read_shared
from imagine_calc.core.session import Part, Session

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu

#: How long after the last change in the folder it is read.
SETTLE_MS = 500


class _Read(QRunnable):
    """Reads the folder and layers it over `base` (the catalog in use when it started): both off
    the window's thread, since 200 teammates' files can hold hundreds of thousands of recordings."""

    def __init__(self, folder: Path, base: Catalog, done: SignalInstance) -> None:
        super().__init__()
        self.folder, self.base, self.done = folder, base, done

    def run(self) -> None:
        catalog, reading = layer(self.base, read_shared(self.folder))
        self.done.emit((self.base, catalog, reading))


class SharedWatch(QObject):
    """Re-reads the session's shared folder when anything in it changes."""

    #: A reading finished (emitted from the reading's thread, received on the window's).
    read = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.watched: Path | None = None
        self.reading = self.again = False
        self.watcher.directoryChanged.connect(lambda _path: self.timer.start())
        self.watcher.fileChanged.connect(lambda _path: self.timer.start())
        self.timer.timeout.connect(self.start_reading)
        self.read.connect(self._show)
        session.listen(self._session_changed)
        self._follow(session.loaded.shared_folder)
        if self.watched is not None and session.loaded.shared is None:  # not read at start-up
            self.start_reading()

    def _session_changed(self, parts: frozenset[Part]) -> None:
        if Part.CATALOG in parts and self.session.loaded.shared_folder != self.watched:
            self._follow(self.session.loaded.shared_folder)

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
        if self.reading:
            self.again = True
            return
        self.reading = True
        self.pool.start(_Read(self.watched, self.session.loaded.catalog, self.read))

    def _show(self, done: tuple[Catalog, Catalog, SharedReading]) -> None:
        base, catalog, reading = done
        self.reading = False
        if reading.folder == self.watched and self.session.loaded.catalog is not base:
            self.again = True  # the user's own prices changed meanwhile: layered over them anew
        elif reading.folder == self.watched:
            self.session.set_loaded(replace(self.session.loaded, catalog=catalog, shared=reading))
            self._watch_files(reading)
        if self.again:
            self.again = False
            self.start_reading()

    def add_action(self, window: QMainWindow, menu: QMenu, before: QAction) -> None:
        """File > Shared prices folder… (sharing_dialog.py): where this watch looks is set there."""
        from imagine_calc.gui.prices.sharing_dialog import add_sharing_action

        add_sharing_action(window, self.session, self, menu, before)

    def wait(self) -> None:
        """Let a reading in progress end (the window closing)."""
        self.pool.waitForDone()
