"""A studio of five planned for a month (issue 27's "Must show"), as a saved estimate: the same
lines and team as tests/core/estimates/test_team_budget.py works out by hand."""

from __future__ import annotations

from pathlib import Path

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, price_estimate
from imagine_calc.core.estimates.estimate_file import dumps
from tests.core.estimates.test_team_budget import STUDIO, studio

TITLE = "Studio of five: December"


def write_studio(folder: Path) -> Path:
    """The studio's estimate with its team, saved in `folder`."""
    catalog = load_catalog()
    path = folder / "studio-of-five.icalc.json"
    path.write_text(
        dumps(price_estimate(catalog, Estimate(STUDIO, TITLE)), catalog, studio()), encoding="utf-8"
    )
    return path
