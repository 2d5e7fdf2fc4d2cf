"""A session for tests that build one of the window's parts without the window."""

from __future__ import annotations

from pathlib import Path

from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import DEFAULT_MODEL, Session


def session_of(catalog: Catalog) -> Session:
    """`catalog` in use with no override, the default model at its defaults."""
    loaded = LoadedCatalog(catalog, Path("/nonexistent/override.yaml"), False, None)
    return Session(loaded, GenerationRequest(DEFAULT_MODEL))
