"""Prices the user recorded from ImagineArt's Create button: asked for, kept, removed.

Kept apart from the main window, which only hands over its current settings; every change
goes through the core's override_file (checked, backed up, written atomically), then the new
catalog goes to the session, which every view listens to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QMainWindow

from imagine_calc.core.errors import CatalogError
from imagine_calc.core.language import _
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import Session
from imagine_calc.core.text.quotes import credits_words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import warn

if TYPE_CHECKING:
    from imagine_calc.core.catalog.override_file import Written
    from imagine_calc.core.catalog.records import Observation
    from imagine_calc.gui.generate.record_dialog import RecordDialog


class Recordings(QObject):
    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window, self.session = window, session

    def ask(self, request: GenerationRequest) -> RecordDialog:
        """Ask what ImagineArt's Create button showed for `request`, and keep it."""
        from imagine_calc.core.catalog.sharing import load_sharing
        from imagine_calc.gui.generate.record_dialog import RecordDialog
        from imagine_calc.gui.shared.settings_keys import SHARE_RECORDINGS

        sharing, _note = load_sharing()
        share_as = None if sharing.folder is None else (sharing.name or "")
        dialog = RecordDialog(self.session.catalog, request, self.window, share_as)
        store = getattr(self.window, "store", None)
        dialog.share.setChecked(bool(store.get(SHARE_RECORDINGS)) if store is not None else False)

        def kept() -> None:
            if store is not None and share_as is not None:
                store.set(SHARE_RECORDINGS, dialog.share.isChecked())
            if share_as is not None and dialog.share.isChecked():
                self.share(dialog.observation())
            else:
                self.keep(dialog.observation())

        dialog.accepted.connect(kept)
        dialog.open()
        return dialog

    def keep(self, seen: Observation | None) -> None:
        from imagine_calc.core.catalog import override_file
        from imagine_calc.core.text.catalog import recorded_settings

        if seen is None:
            return
        what = recorded_settings(seen, self.session.catalog, style=locale_numbers.style())
        self._write(
            lambda path: override_file.record(path, seen),
            _("Recorded {credits} for {settings}.").format(
                credits=credits_words(seen.credits, locale_numbers.style()), settings=what
            ),
        )

    def share(self, seen: Observation | None) -> None:
        """Keep `seen` in the user's own file in the team's shared folder, then show it."""
        from imagine_calc.core.catalog.shared_file import NotShared, record_shared
        from imagine_calc.core.catalog.shared_recordings import SharedReading
        from imagine_calc.core.catalog.sharing import load_sharing
        from imagine_calc.core.text.sharing import not_shared_words, shared_recorded_words

        sharing, _note = load_sharing()
        if seen is None:
            return
        try:
            written = record_shared(sharing, seen, self.session.loaded.shared)  # no parsing if unchanged
        except NotShared as exc:
            warn(self.window, _("Not shared with the team"), not_shared_words(exc))
            return
        loaded, folder = self.session.loaded, written.path.parent
        # The user's file as written, into the reading in use (or a first one): the folder is not
        # parsed again here; the watcher reads it again off the window's thread, seeing the write.
        reading = loaded.shared if loaded.shared is not None and loaded.shared_folder == folder else None
        reading = (reading or SharedReading(folder)).with_file(
            written.path.name, written.recordings, written.stamp
        )
        self.session.set_own(replace(loaded, shared_folder=folder, shared=reading))
        self.window.statusBar().showMessage(
            shared_recorded_words(credits_words(seen.credits, locale_numbers.style())),
            10000,
        )

    def follow_link(self, url: QUrl) -> None:
        """The detail pane's "remove" beside a recording."""
        from imagine_calc.core.catalog import override_file
        from imagine_calc.gui.generate.model_info import REMOVE_RECORDING

        link = url.toString()
        catalog = self.session.catalog
        if not link.startswith(REMOVE_RECORDING):
            return
        index = link.removeprefix(REMOVE_RECORDING)
        if not index.isdigit() or int(index) >= len(catalog.observations):
            return
        gone = catalog.observations[int(index)]
        self._write(
            lambda path: override_file.remove_recordings(path, lambda o: o != gone, catalog)[0],
            _("Recording removed; the override file as it was is kept as a backup."),
        )

    def _write(self, write: Callable[[Path], Written], done: str) -> None:
        path = self.session.loaded.override_path
        try:
            written = write(path)
        except (CatalogError, OSError) as exc:
            warn(self.window, _("Your override file was not changed"), str(exc))
            return
        loaded = self.session.loaded  # the team's recordings go under the user's own (set_own)
        self.session.set_own(
            replace(loaded, catalog=written.catalog, override_active=True, override_error=None, notes=())
        )
        self.window.statusBar().showMessage(done, 10000)
