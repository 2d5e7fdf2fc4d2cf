"""Frozen records for a third of what a frozen dataclass costs at every start: `@record`.

Python 3.11's dataclass compiles a source string for every method it writes, for every record,
at every start: `@dataclass(frozen=True)` writes six (`__init__`, `__eq__`, `__hash__`,
`__repr__` and the two frozen guards), ~1 ms a record; the window's start makes 76 records.
A `@record` class on `Frozen` is a dataclass that writes only `__init__`: its fields are set
once through Frozen's own guards, which refuse every later change as a frozen dataclass does,
and it compares, hashes and shows as the generated methods would (the fields marked `compare`,
`hash` and `repr`, of the same class only), reading its fields in C (operator.attrgetter), so a
record compared or hashed in a hot loop (a request as a dict key, a quote per row) is within
a few tenths of a microsecond of the generated methods. To mypy a `@record` class is
`@dataclass(frozen=True)`: read-only fields and a typed `__init__`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

_T = TypeVar("_T")
#: (the compared fields' reader, the hashed fields' reader, the shown fields' names)
_Names = tuple[Callable[[Any], tuple[Any, ...]], Callable[[Any], tuple[Any, ...]], tuple[str, ...]]


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """A frozen record on Frozen: `@dataclass(frozen=True, eq=False, repr=False)` for one
    compiled method (`__init__`) instead of three."""
    if not issubclass(cls, Frozen):
        raise TypeError(f"@record is for classes on Frozen, not {cls.__qualname__}")
    return dataclass(eq=False, repr=False)(cls)


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def hot_record(cls: type[_T]) -> type[_T]:
    """A `@record` made by the hundred at every settings change (a quote, its lines, a request):
    a frozen dataclass's generated guards, two more methods compiled at start (~0.25 ms), set
    its fields in C; Frozen's guard would cost each field a Python call (a settings change made
    ~780 field sets: +0.12 ms a change)."""
    if not issubclass(cls, Frozen):
        raise TypeError(f"@hot_record is for classes on Frozen, not {cls.__qualname__}")
    return dataclass(frozen=True, eq=False, repr=False)(cls)


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The named fields of a record as one tuple, read in C (operator.attrgetter): as fast as
    the tuple a generated method builds, so records compared in a hot loop can share these."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


def _names(cls: type[Any]) -> _Names:
    """How a dataclass compares, hashes and shows, as dataclass would pick the fields."""
    found = fields(cls)
    compared = tuple(f.name for f in found if f.compare)
    hashed = tuple(f.name for f in found if (f.compare if f.hash is None else f.hash))
    shown = tuple(f.name for f in found if f.repr)
    return _getter(compared), _getter(hashed), shown


class _PerClass:
    """A record class's field readers, worked out at its first comparison, hash or repr and
    then kept on that class, where the next lookup finds them first."""

    def __get__(self, record: object, cls: type[Any]) -> _Names:
        names = _names(cls)
        cls._fields = names
        return names


class Frozen:
    """Base of a `@record` (or of a frozen dataclass declared with `eq=False, repr=False`)."""

    __slots__ = ()
    _fields = _PerClass()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each class its own readers: a subclass must not find its parent's, kept on the parent."""
        super().__init_subclass__(**kwargs)
        cls._fields = _PerClass()

    if not TYPE_CHECKING:  # hidden from mypy, which would then allow any attribute to be set

        def __setattr__(self, name: str, value: object) -> None:
            """A field is set once, by `__init__`; after that, and for any other name, refused as
            a frozen dataclass refuses it (a `frozen=True` subclass's generated guard runs instead)."""
            given = self.__dict__
            if name in given or name not in self.__dataclass_fields__:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            given[name] = value

        def __delattr__(self, name: str) -> None:
            raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = self._fields[0]
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        return hash(self._fields[1](self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields[2])
        return f"{self.__class__.__qualname__}({shown})"
