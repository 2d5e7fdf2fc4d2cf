"""What a widget made of a Generate view, kept while the view comes back.

The session shows the same view object again for settings gone through a moment ago
(core/pricing/kept_views.py); what a widget made of it (its words, its cells) is then the same
too, in the same number style and language. Kept by the view's identity (a view's hash would
walk its ~25 quotes), together with the view, so no other object can take that identity. New
prices forget everything: every view holds its catalog (a team's thousands of recordings), and
none of the old catalog's is shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.language import language
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.kept_views import MOST
from imagine_calc.gui.shared import locale_numbers

T = TypeVar("T")


class PerView(Generic[T]):
    """`make(view, catalog)`, made once per view (and number style and language) among the
    last `most`, for the catalog last given."""

    def __init__(self, make: Callable[[GenerateView, Catalog], T], most: int = MOST) -> None:
        self._make = make
        self._most = most
        self._catalog: Catalog | None = None
        self._kept: dict[int, tuple[GenerateView, object, str, T]] = {}

    def __call__(self, view: GenerateView, catalog: Catalog) -> T:
        if catalog is not self._catalog:
            self._catalog = catalog
            self._kept.clear()
        style, spoken = locale_numbers.style(), language()
        kept = self._kept.pop(id(view), None)  # made again or not: now the last to be forgotten
        # the entry holds its view alive: no other object can have that identity meanwhile
        if kept is None or kept[1] is not style or kept[2] != spoken:
            kept = (view, style, spoken, self._make(view, catalog))
            if len(self._kept) >= self._most:
                del self._kept[next(iter(self._kept))]  # the one asked for longest ago
        self._kept[id(view)] = kept
        return kept[3]

    def clear(self) -> None:
        """Forget everything made: what `make` reads beside the view and catalog changed."""
        self._kept.clear()
