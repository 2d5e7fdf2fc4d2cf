"""The catalog in use: one object holds it, and every view that shows prices listens to it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from imagine_calc.core.catalog.loader import LoadedCatalog, load_with_override
from imagine_calc.core.catalog.records import Catalog


class CatalogOwner(QObject):
    """Emits `changed(LoadedCatalog)` when a price update, a recording or a revert gives new
    prices; the list, the totals, the upscale rows and the estimate re-price from it."""

    changed = Signal(object)

    def __init__(self, loaded: LoadedCatalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loaded = loaded

    @property
    def loaded(self) -> LoadedCatalog:
        return self._loaded

    @property
    def catalog(self) -> Catalog:
        return self._loaded.catalog

    def set_loaded(self, loaded: LoadedCatalog) -> None:
        self._loaded = loaded
        self.changed.emit(loaded)

    def reload(self) -> None:
        """Read the override file again (it was written or reverted)."""
        self.set_loaded(load_with_override(self._loaded.override_path))
