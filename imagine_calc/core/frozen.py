"""Equality, hash and repr shared by the frozen records on the window's start path, written once.

Python 3.11's dataclass compiles a source string for every method it writes, for every record,
at every start: with `__eq__`, `__hash__` and `__repr__` a frozen record costs about twice what
it costs with `__init__` and the frozen guards alone. A record declared
`@dataclass(frozen=True, eq=False, repr=False)` on this base compares, hashes and shows as the
generated methods would (the fields marked `compare`, `hash` and `repr`, of the same class only),
for far less at import. Records compared in a hot loop keep the generated methods.

`@record` goes one step further, for what the frozen guards cost: `frozen=True` has dataclass
compile a `__setattr__` and a `__delattr__` for every record (76 records, ~20 ms of every start).
A `@record` class is a dataclass whose generated `__init__` assigns its fields once through
Frozen's own guards, which refuse every later change as frozen records do; to mypy it is
`@dataclass(frozen=True, eq=False, repr=False)`.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """A frozen record on Frozen: `@dataclass(frozen=True, eq=False, repr=False)` for one
    compiled method (`__init__`) instead of three."""
    if not issubclass(cls, Frozen):
        raise TypeError(f"@record is for classes on Frozen, not {cls.__qualname__}")
    return dataclass(eq=False, repr=False)(cls)


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

    if not TYPE_CHECKING:  # hidden from mypy, which would then allow any attribute to be set

        def __setattr__(self, name: str, value: object) -> None:
            """A field is set once, by `__init__`; after that, and for any other name, refused as
            a frozen dataclass refuses it (a `frozen=True` subclass's generated guard runs instead)."""
            if name in self.__dict__ or name not in getattr(self, "__dataclass_fields__", ()):
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)

        def __delattr__(self, name: str) -> None:
            raise FrozenInstanceError(f"cannot delete field {name!r}")

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
