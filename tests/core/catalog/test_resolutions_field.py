"""The `resolutions` field of a model: the tiers its source lists as offered. A model that has
it offers exactly those tiers; an override's list must agree with its price and maximum."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from imagine_calc.core.catalog.loader import bundled_files, load_override, load_with_override
from imagine_calc.core.catalog.records import Catalog, flat_price_tiers
from imagine_calc.core.errors import CatalogError


def test_flat_price_tiers_keep_to_a_list() -> None:
    assert flat_price_tiers("4K") == ("1K", "2K", "4K")
    assert flat_price_tiers("4K", ("1K", "4K")) == ("1K", "4K")
    assert flat_price_tiers("3K", ("1K", "3K")) == ("1K", "3K")


def override(text: str) -> Catalog:
    return load_override(bundled_files(), textwrap.dedent(text), "override.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(CatalogError) as info:
        override(text)
    return [str(p) for p in info.value.problems]


def test_an_override_may_list_resolutions_or_null_them() -> None:
    catalog = override("models:\n  - id: flux-2-pro\n    max_resolution: 4K\n    resolutions: [4K, 1K]\n")
    assert catalog.model("flux-2-pro").tiers == ("1K", "4K")
    catalog = override("models:\n  - id: flux-2-pro\n    resolutions: null\n")
    assert catalog.model("flux-2-pro").tiers == ("1K", "2K")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("resolutions: [1K, 4K]", "resolutions go up to 4K but max_resolution is 2K"),
        ("resolutions: [1K, 1K, 2K]", "resolution 1K is listed twice"),
        ("resolutions: [1K, 5K]", "unknown resolution tier '5K'"),
        ("resolutions: []", "expected a list of resolution tiers"),
        ("resolutions: 2K", "expected a list of resolution tiers"),
        ("price: {1K: 5, 2K: 9}\n    resolutions: [1K]\n    max_resolution: 1K", "tier 2K is above"),
        ("price: {1K: 5, 2K: 9}\n    resolutions: [2K]", "resolutions list 2K but the price is for 1K, 2K"),
        ("price: {1K: 5, 2K: 9}\n    resolutions: [1K, 2K, 3K]\n    max_resolution: 3K", "the price is for"),
    ],
)
def test_resolutions_that_do_not_fit_are_refused_at_their_line(lines: str, message: str) -> None:
    found = problems(f"models:\n  - id: flux-2-pro\n    {lines}\n")
    assert any(message in p for p in found), found
    assert all(p.startswith("override.yaml:") for p in found)


def test_a_catalog_with_listed_resolutions_comes_back_from_the_cache_the_same(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: seedream-v4\n    resolutions: [1K, 4K]\n", encoding="utf-8")
    first = load_with_override(override_file).catalog
    again = load_with_override(override_file).catalog  # read from the cache this time
    assert again == first and again.model("seedream-v4").resolutions == ("1K", "4K")
    assert again.model("seedream-v4").tiers == ("1K", "4K")
