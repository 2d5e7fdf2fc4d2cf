"""Prices the user recorded from ImagineArt's Create button: asked for, kept, removed.

Kept apart from the main window, which only hands over its current settings; every change
goes through the core's override_file (checked, backed up, written atomically), then the new
catalog goes to the session, which every view listens to.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QMainWindow

from imagine_calc.core.catalog.loader import LoadedCatalog
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
        from imagine_calc.gui.generate.record_dialog import RecordDialog

        dialog = RecordDialog(self.session.catalog, request, self.window)
        dialog.accepted.connect(lambda: self.keep(dialog.observation()))
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
        self.session.set_loaded(LoadedCatalog(written.catalog, path, True, None))
        self.window.statusBar().showMessage(done, 10000)
