"""The window's one state, without Qt: the catalog in use, the Generate request and what it
shows, the balances, the upscale engine and scale, and the estimate's team (if it has one).

Data flows one way: a tab sends a change here (`set_request`, `set_balances`, ...), the
session prices what changed once, and tells every listener which parts changed; the tabs
only render. Tests drive the window through it instead of reaching into widgets.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from imagine_calc.core.catalog.loader import LoadedCatalog, load_with_override
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.catalog.shared_recordings import layer
from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.kept_views import KeptViews
from imagine_calc.core.pricing.requests import GenerationRequest

if TYPE_CHECKING:  # a team comes with an estimate: its records stay off the window's start
    from imagine_calc.core.estimates.team import Team

#: The model a new window starts on, and a request falls back to when the catalog lacks its own
#: (else the first model).
DEFAULT_MODEL = "nano-banana-2"


class Part(enum.Enum):
    """What a change touched: listeners re-render only those parts."""

    CATALOG = "catalog"
    REQUEST = "request"
    BALANCES = "balances"
    UPSCALE = "upscale"
    TEAM = "team"


Listener = Callable[[frozenset[Part]], None]


@record
class UpscaleChoice(Frozen):
    """The engine and scale upscale quotes are made at."""

    engine_id: str
    scale: int

    def fitted(self, catalog: Catalog) -> UpscaleChoice:
        """This choice where the catalog offers it: else the engine's nearest scale not above,
        or the first engine at its first scale."""
        engine = next((e for e in catalog.engines if e.id == self.engine_id), None)
        if engine is None:
            engine = catalog.engines[0]
            return UpscaleChoice(engine.id, next(iter(engine.scales)))
        if self.scale in engine.scales:
            return self
        below = [s for s in engine.scales if s < self.scale]
        return UpscaleChoice(engine.id, max(below) if below else next(iter(engine.scales)))


def known_model(catalog: Catalog, req: GenerationRequest) -> GenerationRequest:
    """`req` for a model the catalog has: its own, else the default, else the first one."""
    known = {m.id for m in catalog.models}
    if req.model_id in known:
        return req
    return replace(req, model_id=DEFAULT_MODEL if DEFAULT_MODEL in known else catalog.models[0].id)


class Session:
    """Holds what the window shows, and tells listeners when it changes."""

    def __init__(
        self, loaded: LoadedCatalog, request: GenerationRequest, balances: Balances | None = None
    ) -> None:
        self._loaded = loaded
        self._listeners: list[Listener] = []
        #: The request asked for at start, before it was fitted to the catalog.
        self.asked = request
        #: The views of the settings gone through, for this catalog: going back shows them again.
        self._views = KeptViews(loaded.catalog)
        self.view: GenerateView = self._views.view(known_model(loaded.catalog, request))
        self.balances = balances if balances is not None else Balances()
        first = loaded.catalog.engines[0]
        self.upscale = UpscaleChoice(first.id, next(iter(first.scales)))
        #: The open estimate's team (its pool, members and month): None for a personal budget.
        self.team: Team | None = None
        #: Lays the team's recordings under new own prices (`set_own`), then calls `set_loaded`:
        #: here, at once, unless the window's watcher does it off the window's thread (a team's
        #: folder holds thousands of recordings: shared_watch.SharedWatch.stack).
        self.stack_team: Callable[[LoadedCatalog], None] = self._stack_now

    # --- reading -----------------------------------------------------------------------------

    @property
    def loaded(self) -> LoadedCatalog:
        return self._loaded

    @property
    def catalog(self) -> Catalog:
        return self._loaded.catalog

    @property
    def request(self) -> GenerationRequest:
        """The settings in use, fitted to their model."""
        return self.view.request

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(parts)` after every change; returns what stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # --- changing ----------------------------------------------------------------------------

    def set_request(self, req: GenerationRequest) -> None:
        """Fit `req` to its model and price everything the Generate tab shows, once."""
        self.view = self._views.view(known_model(self.catalog, req))
        self._tell(Part.REQUEST)

    def select_model(self, model_id: str) -> None:
        self.set_request(replace(self.request, model_id=model_id))

    def set_balances(self, balances: Balances) -> None:
        if balances != self.balances:
            self.balances = balances
            self._tell(Part.BALANCES)

    def set_team(self, team: Team | None) -> None:
        """The estimate's team changed (typed, undone, or a file opened): None, no team."""
        if team != self.team:
            self.team = team
            self._tell(Part.TEAM)

    def set_upscale(self, engine_id: str, scale: int) -> None:
        choice = UpscaleChoice(engine_id, scale).fitted(self.catalog)
        if choice != self.upscale:
            self.upscale = choice
            self._tell(Part.UPSCALE)

    def set_loaded(self, loaded: LoadedCatalog) -> None:
        """New prices (an update applied, a recording, a revert): everything re-prices."""
        self._loaded = loaded
        self._views = KeptViews(loaded.catalog)
        self.view = self._views.view(known_model(loaded.catalog, self.request))
        self.upscale = self.upscale.fitted(loaded.catalog)
        self._tell(Part.CATALOG, Part.REQUEST, Part.UPSCALE)

    def set_own(self, loaded: LoadedCatalog) -> None:
        """The user's own prices changed (an update applied, a recording, a revert): `loaded`
        holds them and the team's reading in use, whose recordings go under them (`stack_team`)
        before anything is shown."""
        if loaded.shared is None:
            self.set_loaded(loaded)
        else:
            self.stack_team(loaded)

    def _stack_now(self, loaded: LoadedCatalog) -> None:
        assert loaded.shared is not None
        catalog, reading = layer(loaded.catalog, loaded.shared)
        self.set_loaded(replace(loaded, catalog=catalog, shared=reading))

    def reload(self) -> None:
        """Read the override file again (it was written or reverted); the team's recordings as
        last read go under it (the folder is read again when it changes, by the watcher)."""
        own = load_with_override(self._loaded.override_path)
        self.set_own(replace(own, shared_folder=self._loaded.shared_folder, shared=self._loaded.shared))

    def _tell(self, *parts: Part) -> None:
        changed = frozenset(parts)
        for listener in tuple(self._listeners):
            listener(changed)
