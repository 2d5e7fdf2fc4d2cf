"""The validated catalog, kept ready between starts: loading it skips PyYAML and the schema.

Parsing and checking the YAML costs ~45 ms of every start (PyYAML's import alone ~19 ms);
unpickling the result costs 0.4 ms. The cache is keyed on everything the result depends on:
the text of every bundled file and of the override, the app's version and the record
classes' fields. Any change is a miss and a fresh, checked load. Only a catalog that loaded
without an error is kept, so an override's errors are always reported from the real file.

The file lives in the user's own cache folder, which only they can write; a file that cannot
be read back (truncated, or from another Python) is a miss, never an error.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import sys
import zlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

from imagine_calc import __version__
from imagine_calc.core import records
from imagine_calc.core.paths import cache_dir

FORMAT = 1


def _proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


class _Pickler(pickle.Pickler):
    """Pickles the records' read-only mappings as what they wrap (pickle cannot otherwise)."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is MappingProxyType:
            return _proxy, (dict(obj),)
        return NotImplemented


def key(texts: list[tuple[str, str]]) -> str:
    """A fingerprint of (name, text) pairs, the version and the record classes' shape."""
    shape = [
        f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}"
        for cls in (
            records.Catalog,
            records.Model,
            records.UpscaleEngine,
            records.PromptEnhancer,
            records.Source,
        )
    ]
    parts = [f"{FORMAT}", __version__, sys.version, *shape]
    for name, text in texts:
        parts += [name, text]
    data = "\0".join(parts).encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def _file(fingerprint: str) -> Path:
    return cache_dir() / f"catalog-{fingerprint}.pickle"


def load(fingerprint: str) -> records.Catalog | None:
    try:
        with _file(fingerprint).open("rb") as f:
            catalog = pickle.load(f)  # our own file, in a folder only the user can write
    except Exception:  # any unreadable cache (truncated, another Python) is a miss
        return None
    return catalog if isinstance(catalog, records.Catalog) else None


def store(fingerprint: str, catalog: records.Catalog) -> None:
    """Keep `catalog` for the next start; older entries go (the key changed for a reason)."""
    target = _file(fingerprint)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("catalog-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            _Pickler(f, protocol=pickle.HIGHEST_PROTOCOL).dump(catalog)
        os.replace(tmp, target)
    except OSError:
        return  # a read-only cache folder only costs the next start its 45 ms
