"""The Generate views of the settings a designer went through, kept for one catalog.

A designer goes back and forth between a few settings (1K and 2K, one image or four, the
enhancer on and off) and hovers through models; each view prices ~20 quotes (~1 ms of a
settings change). A view depends only on the catalog and the request, both frozen, so one
seen a moment ago is shown again as it was: the same object, which lets the widgets keep what
they made of it too (gui/shared/per_view.py). A new catalog (a price update, a recording, the
team's prices) comes with a new store: nothing priced against the old one is shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.generate_view import GenerateView, generate_view
from imagine_calc.core.pricing.requests import GenerationRequest

#: Views kept: every combination of one model's resolutions, image counts and enhancer (~24),
#: and the models hovered through at the current settings, with room to spare (~40 KB each).
MOST = 96


class KeptViews:
    """`view(request)`: the view of `request` in `catalog`, priced once while it is among the
    `most` last asked for."""

    def __init__(self, catalog: Catalog, most: int = MOST) -> None:
        self.catalog = catalog
        # functools' least-recently-used store: a view asked for again is the last forgotten
        self._view = lru_cache(maxsize=most)(partial(generate_view, catalog))
        self.view: Callable[[GenerationRequest], GenerateView] = self._view

    def __len__(self) -> int:
        return self._view.cache_info().currsize
