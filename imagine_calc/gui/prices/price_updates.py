"""Price updates from a saved ImagineArt page: chosen from the File menu or dropped on the window.

Kept apart from the main window, which only hands over the path; the parser, the diff and the
dialog are imported on first use, off the start-up path. Its tab in a sense is the File menu.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from imagine_calc.core.errors import CatalogError
from imagine_calc.core.language import _
from imagine_calc.core.session import Session
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import inform, warn

if TYPE_CHECKING:
    from imagine_calc.core.catalog.price_update import PriceUpdate
    from imagine_calc.gui.prices.update_dialog import PriceUpdateDialog

PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def dropped_page(mime: QMimeData) -> Path | None:
    """A single dropped .md/.html/.txt file: maybe a saved credits page rather than an image."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile():
        path = Path(urls[0].toLocalFile())
        if path.suffix.lower() in PAGE_SUFFIXES and path.is_file():
            return path
    return None


class PriceUpdates(QObject):
    """Reviews a saved page against the catalog in use; Apply writes the override and gives
    the new catalog to the session, which every view listens to."""

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window, self.session = window, session

    def choose_page(self) -> None:
        pages = _("Saved pages ({patterns})").format(patterns="*.md *.markdown *.html *.htm *.txt")
        path, _kind = QFileDialog.getOpenFileName(
            self.window,
            _("Saved ImagineArt Image Credits page"),
            str(Path.home()),
            f"{pages};;{_('All files (*)')}",
        )
        if path:
            self.review(Path(path))

    def review(self, path: Path, *, dropped: bool = False) -> PriceUpdateDialog | bool:
        """The review dialog when the page changes something; else True when `path` was a
        credits page (the status bar says it matches), False when it was not one. A chosen file
        that is not a page gets a message; a dropped one is left to the upscale quotes."""
        from imagine_calc.core.catalog.credits_page import PageError, parse_credits_page, read_page
        from imagine_calc.core.catalog.price_update import diff, page_date
        from imagine_calc.gui.prices.update_dialog import PriceUpdateDialog

        try:
            page = parse_credits_page(read_page(path))
        except PageError as exc:
            if not dropped:
                warn(self.window, _("Not a credits page"), f"{path.name}: {exc}")
            return False
        catalog = self.session.catalog
        update = diff(catalog, page)
        as_of = page_date(path)
        if not update.changes:
            message = _("{name}: no changes, the prices in use match the page.").format(name=path.name)
            self.window.statusBar().showMessage(message, 10000)
            return True
        dialog = PriceUpdateDialog(update, path.name, locale_numbers.date(as_of), self.window)
        dialog.accepted.connect(lambda: self._apply(update, path, as_of))
        dialog.open()
        return dialog

    def revert(self) -> bool:
        """Put the override back as it was before its last change (a page applied, a price
        recorded); the file it replaces is set aside, never deleted."""
        from imagine_calc.core.catalog.override_backups import revert

        path = self.session.loaded.override_path
        try:
            restored, aside = revert(path)
        except OSError as exc:  # FileNotFoundError: nothing to go back to
            inform(self.window, _("Nothing to revert"), str(exc))
            return False
        self.session.reload()
        if aside:
            message = _("Your override is back as it was ({name}); the file it replaced is kept as {aside}.")
            message = message.format(name=restored.name, aside=aside.name)
        else:
            message = _("Your override is back as it was ({name}).").format(name=restored.name)
        self.window.statusBar().showMessage(message, 15000)
        return True

    def _apply(self, update: PriceUpdate, path: Path, as_of: dt.date) -> None:
        from imagine_calc.core.catalog.price_update import apply_update

        loaded = self.session.loaded
        try:
            written = apply_update(update, loaded.catalog, loaded.override_path, as_of, path.name)
        except (CatalogError, OSError) as exc:
            warn(self.window, _("Prices not updated"), str(exc))
            return
        self.session.reload()
        message = _("Prices updated from {name}; {backup} (File > Revert prices to before the last change).")
        message = message.format(name=path.name, backup=written.backup_words())
        self.window.statusBar().showMessage(message, 15000)
