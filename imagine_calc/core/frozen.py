"""Equality, hash and repr shared by the frozen records on the window's start path, written once.

Python 3.11's dataclass compiles a source string for every method it writes, for every record,
at every start: with `__eq__`, `__hash__` and `__repr__` a frozen record costs about twice what
it costs with `__init__` and the frozen guards alone. A record declared
`@dataclass(frozen=True, eq=False, repr=False)` on this base compares, hashes and shows as the
generated methods would (the fields marked `compare`, `hash` and `repr`, of the same class only),
for far less at import. Records compared in a hot loop keep the generated methods.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, ClassVar


def _names(cls: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(compared, hashed, shown) field names of a dataclass, as dataclass would pick them."""
    found = fields(cls)
    compared = tuple(f.name for f in found if f.compare)
    hashed = tuple(f.name for f in found if (f.compare if f.hash is None else f.hash))
    shown = tuple(f.name for f in found if f.repr)
    return compared, hashed, shown


class Frozen:
    """Base of a frozen dataclass declared with `eq=False, repr=False`."""

    __slots__ = ()
    #: Each record class's field names, worked out at its first comparison, hash or repr.
    _NAMES: ClassVar[dict[type[Any], tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {}

    def _fields(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        cls = self.__class__
        names = Frozen._NAMES.get(cls)
        if names is None:
            names = Frozen._NAMES[cls] = _names(cls)
        return names

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = self._fields()[0]
        return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in self._fields()[1]))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields()[2])
        return f"{self.__class__.__qualname__}({shown})"
