"""The validated catalog, kept ready between starts: loading it skips PyYAML and the schema.

Parsing and checking the YAML costs ~45 ms of every start (PyYAML's import alone ~19 ms);
reading the result back costs ~2 ms. The cache is plain JSON, decoded field by field against
the record classes' own type hints: reading it can build catalog records and nothing else, and
a file that does not fit them exactly is a miss, never an error. Nothing in it runs.

It is keyed on everything the result depends on: the text of every bundled file and of the
override, the app's version, and the code that reads and checks a catalog (its source files,
or the frozen app itself), so a checkout that changes a validation rule loads afresh. Only a
catalog that loaded without an error is kept, so an override's errors are always reported
from the real file. The file is read like any other (files.read_bytes): a FIFO at its path is
refused unopened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from imagine_calc import __version__
from imagine_calc.core.catalog import records
from imagine_calc.core.files import FileProblem, read_bytes, stamp
from imagine_calc.core.language import _
from imagine_calc.core.paths import cache_dir
from imagine_calc.core.writes import replace_file, set_aside

FORMAT = 2
MAX_BYTES = 2_000_000
#: The source files (under imagine_calc/) whose code decides what a catalog loads to. Read by
#: path: the schema and the YAML reader are imported only on a miss, so asking for their
#: modules would leave the validation rules out of the key on every start that hits.
_CODE = (
    "core/catalog/cache.py",
    "core/catalog/loader.py",
    "core/catalog/schema.py",
    "core/catalog/checks.py",
    "core/catalog/recorded.py",
    "core/catalog/records.py",
    "core/catalog/yaml_source.py",
    "core/catalog/yaml_aliases.py",
    "core/limits.py",
)
_PACKAGE = Path(__file__).resolve().parents[2]


class _Miss(Exception):
    """The cached data does not fit the records: load the catalog afresh."""


def _code_fingerprint() -> bytes:
    if getattr(sys, "frozen", False):  # a bundle's code changes only with the executable
        st = os.stat(sys.executable)
        return f"{sys.executable}:{st.st_size}:{st.st_mtime_ns}".encode()
    digest = hashlib.sha256()
    for name in _CODE:
        try:
            digest.update((_PACKAGE / name).read_bytes())
        except OSError:  # only bytecode installed: the version (in the key) stands for the code
            digest.update(name.encode())
    return digest.digest()


def key(texts: list[tuple[str, str]]) -> str:
    """A fingerprint of (name, text) pairs, the app's version and the loader's code."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    digest.update(_code_fingerprint())
    for name, text in texts:
        digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _file(fingerprint: str) -> Path:
    return cache_dir() / f"catalog-{fingerprint[:32]}.json"


def load(fingerprint: str) -> tuple[records.Catalog | None, str | None]:
    """The catalog kept for `fingerprint`, or None; and, when a file was there that could not be
    believed (damaged, tampered with, not a regular file), a note of where it was set aside."""
    path = _file(fingerprint)
    if os.path.islink(path):  # the app writes files, never links: someone else put this here
        return None, _set_aside(path, _("a link, not a file this app wrote"))
    try:
        raw = read_bytes(path, MAX_BYTES)
    except FileProblem as exc:
        if not os.path.lexists(path):
            return None, None  # the usual miss
        return None, _set_aside(path, str(exc))
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != fingerprint:
            raise _Miss
        catalog = _decode(records.Catalog, data.get("catalog"))
        if not isinstance(catalog, records.Catalog):
            raise _Miss
    except (ValueError, RecursionError, _Miss):
        return None, _set_aside(path, _("its content is not a catalog this version wrote"))
    return catalog, None


def store(fingerprint: str, catalog: records.Catalog) -> list[str]:
    """Keep `catalog` for the next start. Entries for other keys go (the key changed for a
    reason: a new version, a changed file); a pickle of older versions is set aside unread.
    Returns notes of what was set aside."""
    target = _file(fingerprint)
    notes = []
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("catalog-*"):
            if old.suffix == ".pickle" and not old.is_symlink():
                notes.append(_set_aside(old, _("an older version's cache, in a form that could run code")))
            elif old.suffix == ".json" and old.is_file() and not old.is_symlink():
                old.unlink(missing_ok=True)
        text = json.dumps({"format": FORMAT, "key": fingerprint, "catalog": _encode(catalog)})
        replace_file(target, text.encode("utf-8"))
    except OSError:
        pass  # a read-only cache folder only costs the next start its 45 ms
    return notes


def _set_aside(path: Path, why: str) -> str:
    try:
        moved = set_aside(path, "set-aside", stamp())
    except OSError as exc:
        return _("The catalog cache {path} was not used ({why}) and could not be moved: {error}.").format(
            path=path, why=why, error=exc.strerror or exc
        )
    return _("The catalog cache {name} was not used ({why}); it is kept as {kept}.").format(
        name=path.name, why=why, kept=moved.name
    )


# --- plain data to and from the records, by their type hints ---------------------------------


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return [[_encode(k), _encode(v)] for k, v in value.items()]  # keys may be ints
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(kind: Any, data: Any) -> Any:
    return _decoder(kind)(data)


def _miss() -> Any:
    raise _Miss


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that turns plain data into a `kind` or raises _Miss, made once per type."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind) if f.init}
        record_class: Callable[..., Any] = kind  # a dataclass type: calling it builds a record

        def record(data: Any) -> Any:
            if not isinstance(data, dict) or data.keys() != fields.keys():
                raise _Miss
            return record_class(**{name: decode(data[name]) for name, decode in fields.items()})

        return record
    if origin in (Mapping, dict):
        decode_key, decode_value = _decoder(args[0]), _decoder(args[1])

        def mapping(data: Any) -> Any:
            if not isinstance(data, list) or not all(isinstance(p, list) and len(p) == 2 for p in data):
                raise _Miss
            return MappingProxyType({decode_key(k): decode_value(v) for k, v in data})

        return mapping
    if origin is tuple:
        decode_item = _decoder(args[0])
        return lambda data: tuple(decode_item(v) for v in data) if isinstance(data, list) else _miss()
    if kind is Decimal:
        return _decimal
    if kind is dt.date:
        return lambda data: dt.date.fromisoformat(data) if isinstance(data, str) else _miss()
    if kind in (str, int, bool):
        return lambda data: data if type(data) is kind else _miss()
    raise TypeError(f"no decoder for {kind!r}")


def _decimal(data: Any) -> Decimal:
    try:
        value = Decimal(data) if isinstance(data, str) else None
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise _Miss
    return value
