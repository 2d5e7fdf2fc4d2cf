"""An override file's text for the catalog's tests, and the problems loading one reports."""

from __future__ import annotations

import textwrap

import pytest

from imagine_calc.core.catalog.loader import bundled_files, load_override
from imagine_calc.core.errors import CatalogError

#: A whole model, as an override adds one.
GOOD_MODEL = """
models:
  - id: test-model
    name: Test Model
    description: A model for tests.
    price: 10
    max_resolution: 2K
    aspect_ratios: ["1:1", "16:9"]
"""


def override_problems(text: str) -> list[str]:
    """What loading `text` as the user's override.yaml reports, as the user reads it."""
    with pytest.raises(CatalogError) as info:
        load_override(bundled_files(), textwrap.dedent(text), "override.yaml")
    return [str(p) for p in info.value.problems]
