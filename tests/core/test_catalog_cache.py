"""The prepared catalog: the same prices as a fresh load, never stale, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from imagine_calc.core.catalog_loader import load_catalog, load_with_override

START = """
import sys
from imagine_calc.core.catalog_loader import load_with_override
loaded = load_with_override()
print(loaded.catalog.model("flux-dev").price_at("1K"), "yaml" in sys.modules)
"""


def start(user_dirs: Path) -> str:
    env = {**os.environ, "IMAGINE_CALC_CONFIG_DIR": str(user_dirs)}
    result = subprocess.run(
        [sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_second_start_skips_yaml_and_quotes_the_same(user_dirs: Path, override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: 6\n", encoding="utf-8")
    assert start(user_dirs) == "6 True"  # parsed and checked
    assert start(user_dirs) == "6 False"  # taken ready: PyYAML is not even imported


def test_the_cached_catalog_equals_a_fresh_load(user_dirs: Path) -> None:
    first = load_with_override().catalog
    assert list((user_dirs / "cache").glob("catalog-*.pickle"))
    assert load_with_override().catalog == first == load_catalog()


def test_an_edit_of_the_same_size_is_seen_at_once(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: 6\n", encoding="utf-8")
    assert load_with_override().catalog.model("flux-dev").price_at("1K") == Decimal(6)
    override_file.write_text("models:\n  - id: flux-dev\n    price: 7\n", encoding="utf-8")
    assert load_with_override().catalog.model("flux-dev").price_at("1K") == Decimal(7)
    override_file.unlink()
    assert load_with_override().catalog.model("flux-dev").price_at("1K") == Decimal(5)


def test_a_broken_override_is_reported_every_time_never_cached(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: -1\n", encoding="utf-8")
    for _ in range(2):
        loaded = load_with_override()
        assert loaded.override_error is not None and loaded.override_error.first.line == 3
        assert loaded.catalog.model("flux-dev").price_at("1K") == Decimal(5)


def test_a_damaged_cache_file_is_a_miss(user_dirs: Path) -> None:
    expected = load_with_override().catalog
    (cached,) = (user_dirs / "cache").glob("catalog-*.pickle")
    cached.write_bytes(cached.read_bytes()[:100])
    assert load_with_override().catalog == expected
    cached.write_bytes(b"not a pickle at all")
    assert load_with_override().catalog == expected


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(user_dirs: Path) -> None:
    (user_dirs / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert load_with_override().catalog == load_catalog()
