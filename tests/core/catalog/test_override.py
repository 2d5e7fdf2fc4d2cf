"""The user's override file sets unknown prices, changes prices, adds models; a bad one is ignored."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest


def test_no_override_file_means_the_bundled_catalog(override_file: Path) -> None:
    loaded = load_with_override()
    assert loaded.override_path == override_file
    assert not loaded.override_active and loaded.override_error is None


def test_override_sets_the_enhancer_surcharge_and_midjourney_price(override_file: Path) -> None:
    override_file.write_text(
        "prompt_enhancer:\n  surcharge: 2\n  applies: per_image\n"
        "models:\n  - id: midjourney-v7\n    price: 30\n"
    )
    loaded = load_with_override()
    assert loaded.override_active, loaded.override_error
    catalog = loaded.catalog
    q = quote_generation(catalog, GenerationRequest("midjourney-v7", images=2, prompt_enhancer=True))
    assert q.complete and q.total == Decimal(64)
    assert "price" not in catalog.model("midjourney-v7").unknown
    assert catalog.model("midjourney-v7").origin.startswith("override")


def test_override_changes_a_price_and_adds_a_model(override_file: Path) -> None:
    override_file.write_text(
        "models:\n"
        "  - id: flux-dev\n    price: 7\n"
        "  - id: my-model\n    name: My Model\n    description: Added by me.\n"
        "    price: {1K: 3, 2K: 6}\n    max_resolution: 2K\n    aspect_ratios: ['1:1']\n"
    )
    catalog = load_with_override().catalog
    assert quote_generation(catalog, GenerationRequest("flux-dev")).total == Decimal(7)
    assert quote_generation(catalog, GenerationRequest("my-model", "2K")).total == Decimal(6)
    assert len(catalog.models) == 26


def test_invalid_override_is_reported_and_the_bundled_catalog_used(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: -7\n")
    loaded = load_with_override()
    assert not loaded.override_active
    assert loaded.override_error is not None
    assert f"{override_file}:3: models[0].price:" in str(loaded.override_error)
    assert quote_generation(loaded.catalog, GenerationRequest("flux-dev")).total == Decimal(5)


def test_unreadable_or_binary_override_is_reported(override_file: Path) -> None:
    override_file.write_bytes(b"\xff\xfe\x00garbage")
    loaded = load_with_override()
    assert loaded.override_error is not None and "UTF-8" in str(loaded.override_error)
    override_file.unlink()
    override_file.mkdir()
    loaded = load_with_override()
    assert loaded.override_error is not None and "is a folder" in str(loaded.override_error)


@pytest.mark.parametrize(
    "price", ["9223372036854775808", "1e28", "1.0e+308", "1000001", ".inf", "1" + "0" * 40]
)
def test_an_outlandish_price_makes_the_override_invalid(override_file: Path, price: str) -> None:
    override_file.write_text(f"models:\n  - id: flux-dev\n    price: {price}\n")
    loaded = load_with_override()
    assert loaded.override_error is not None and loaded.override_error.first.line == 3
    assert "price" in str(loaded.override_error)
    assert quote_generation(loaded.catalog, GenerationRequest("flux-dev")).total == 5  # bundled


def test_a_fifo_as_the_override_is_reported_without_hanging(override_file: Path) -> None:
    os.mkfifo(override_file)
    loaded = load_with_override()
    assert loaded.override_error is not None and "not a regular file" in str(loaded.override_error)
