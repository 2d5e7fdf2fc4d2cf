"""The prepared catalog: the same prices as a fresh load, never stale, never in the way."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog import cache as catalog_cache
from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_with_override

START = """
import sys
from imagine_calc.core.catalog.loader import load_with_override
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
    assert list((user_dirs / "cache").glob("catalog-*.json"))
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


def test_a_damaged_cache_file_is_set_aside_said_and_the_catalog_read_afresh(user_dirs: Path) -> None:
    expected = load_with_override().catalog
    (cached,) = (user_dirs / "cache").glob("catalog-*.json")
    for damage in (cached.read_bytes()[:100], b"not json at all"):
        cached.write_bytes(damage)
        loaded = load_with_override()
        assert loaded.catalog == expected
        (note,) = loaded.notes
        assert f"The catalog cache {cached.name} was not used" in note and ".set-aside" in note
        kept = (user_dirs / "cache").glob("catalog-*.set-aside")
        assert damage in [k.read_bytes() for k in kept]  # kept, never deleted
        assert load_with_override().notes == ()  # a fresh cache was written in its place


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(user_dirs: Path) -> None:
    (user_dirs / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert load_with_override().catalog == load_catalog()


def test_a_crafted_cache_file_runs_nothing_and_is_not_believed(user_dirs: Path, tmp_path: Path) -> None:
    """The old cache was a pickle: a file planted in the cache folder ran code at the next start."""
    import pickle

    expected = load_with_override().catalog
    (cached,) = (user_dirs / "cache").glob("catalog-*.json")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    cached.write_bytes(pickle.dumps(Payload()))
    for old_name in ("catalog-0.pickle", cached.name.replace(".json", ".pickle")):
        (user_dirs / "cache" / old_name).write_bytes(pickle.dumps(Payload()))
    loaded = load_with_override()
    assert loaded.catalog == expected
    assert not marker.exists()
    assert len(loaded.notes) == 3 and all("not used" in n for n in loaded.notes)
    assert not list((user_dirs / "cache").glob("*.pickle"))  # set aside unread, not deleted
    assert len(list((user_dirs / "cache").glob("*.set-aside"))) == 3
    # JSON is decoded field by field against the records: a wrong shape or value is a miss
    (cached,) = (user_dirs / "cache").glob("catalog-*.json")
    for old, new in (
        ('"version"', '"x"'),
        ('"5"', '"NaN"'),
        ('"5"', '{"__class__": "os.system"}'),
        ('"5"', "[]"),
    ):
        cached.write_text(cached.read_text().replace(old, new, 1))
        assert load_with_override().catalog == expected
        (cached,) = (user_dirs / "cache").glob("catalog-*.json")


def test_a_fifo_at_the_cache_path_does_not_hang_the_start(user_dirs: Path) -> None:
    load_with_override()
    (cached,) = (user_dirs / "cache").glob("catalog-*.json")
    cached.unlink()
    os.mkfifo(cached)
    assert start(user_dirs) == "5 True"  # loaded afresh; the subprocess has a 60 s timeout


def test_the_key_covers_the_validation_rules_even_when_they_are_not_imported() -> None:
    """A start that finds its catalog ready never imports the schema: the key must still
    cover its code, or a checkout with a new rule would keep the old result."""
    program = (
        "import sys\n"
        "from imagine_calc.core.catalog import cache\n"
        "if sys.argv[1] == 'import': import imagine_calc.core.catalog.schema\n"
        "assert ('imagine_calc.core.catalog.schema' in sys.modules) == (sys.argv[1] == 'import')\n"
        "print(cache._code_fingerprint().hex())\n"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", program, how], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        for how in ("import", "no")
    }
    assert len(keys) == 1


def test_a_new_validation_rule_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imagine_calc.core.catalog import cache as catalog_cache

    for name in catalog_cache._CODE:  # a checkout of the package's code
        copy = tmp_path / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes((catalog_cache._PACKAGE / name).read_bytes())
    monkeypatch.setattr(catalog_cache, "_PACKAGE", tmp_path)
    before = catalog_cache.key([("a", "b")])
    assert catalog_cache.key([("a", "b")]) == before
    with (tmp_path / "core/catalog/schema.py").open("a") as fh:
        fh.write("\n# a new rule\n")
    assert catalog_cache.key([("a", "b")]) != before


def test_the_key_covers_the_code_that_checks_a_catalog(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from imagine_calc.core.catalog import cache as catalog_cache

    before = catalog_cache.key([("a", "b")])
    monkeypatch.setattr(catalog_cache, "_code_fingerprint", lambda: b"a new validation rule")
    assert catalog_cache.key([("a", "b")]) != before


def test_the_catalog_cache_is_never_written_through_a_planted_link(user_dirs: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious\n")
    cache = user_dirs / "cache"
    cache.mkdir()
    path = cache / f"catalog-{catalog_cache.key(bundled_files())[:32]}.json"
    os.symlink(victim, path)
    loaded = load_with_override()
    assert victim.read_bytes() == b"precious\n"
    (note,) = loaded.notes
    assert "a link, not a file this app wrote" in note
    (aside,) = cache.glob("catalog-*.set-aside")
    assert aside.is_symlink() and os.readlink(aside) == str(victim)  # the link kept, not followed
    assert path.is_file() and not path.is_symlink()  # the cache written in its own place
    assert load_with_override().notes == ()


def test_a_cache_write_replaces_a_link_that_appears_without_writing_through_it(
    user_dirs: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious\n")
    catalog = load_with_override().catalog
    (path,) = (user_dirs / "cache").glob("catalog-*.json")
    path.unlink()
    os.symlink(victim, path)  # planted between the miss and the write
    catalog_cache.store(catalog_cache.key(bundled_files()), catalog)
    assert victim.read_bytes() == b"precious\n"
    assert path.is_file() and not path.is_symlink()


def test_a_cache_file_set_aside_is_named_with_the_time_it_was_set_aside(user_dirs: Path) -> None:
    load_with_override()
    (cached,) = (user_dirs / "cache").glob("catalog-*.json")
    cached.write_bytes(b"not json at all")
    load_with_override()
    (kept,) = (user_dirs / "cache").glob("catalog-*.set-aside")
    when = kept.name.removeprefix(cached.name + ".").removesuffix(".set-aside")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d", when), kept.name
