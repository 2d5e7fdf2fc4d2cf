"""A record on the shared base compares, hashes and shows as a generated dataclass would."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from imagine_calc.core.frozen import Frozen


@dataclass(frozen=True, eq=False, repr=False)
class Shared(Frozen):
    name: str
    credits: Decimal
    note: str = field(default="", compare=False)
    hidden: int = field(default=0, repr=False)
    unhashed: int = field(default=0, hash=False)


@dataclass(frozen=True)
class Generated:
    name: str
    credits: Decimal
    note: str = field(default="", compare=False)
    hidden: int = field(default=0, repr=False)
    unhashed: int = field(default=0, hash=False)


@dataclass(frozen=True, eq=False, repr=False)
class Other(Frozen):
    name: str
    credits: Decimal


CASES = [
    (("a", Decimal(5)), ("a", Decimal("5.0"))),
    (("a", Decimal(5)), ("a", Decimal(6))),
    (("a", Decimal(5), "x"), ("a", Decimal(5), "y")),
    (("a", Decimal(5), "", 1), ("a", Decimal(5), "", 2)),
    (("a", Decimal(5), "", 0, 1), ("a", Decimal(5), "", 0, 2)),
    (("a", Decimal("NaN")), ("a", Decimal("NaN"))),
]


@pytest.mark.parametrize(("left", "right"), CASES)
def test_equality_and_hash_follow_the_generated_methods(
    left: tuple[object, ...], right: tuple[object, ...]
) -> None:
    shared = Shared(*left), Shared(*right)  # type: ignore[arg-type]  # the cases mix field kinds
    generated = Generated(*left), Generated(*right)  # type: ignore[arg-type]  # as above
    assert (shared[0] == shared[1]) is (generated[0] == generated[1])
    assert (shared[0] != shared[1]) is (generated[0] != generated[1])
    assert hash(shared[0]) == hash(generated[0])
    assert (hash(shared[0]) == hash(shared[1])) is (hash(generated[0]) == hash(generated[1]))


def test_one_record_is_equal_to_itself_even_holding_nan() -> None:
    nan = Shared("a", Decimal("NaN"))
    assert nan == nan  # a tuple compares items by identity first, as dataclass does


def test_records_of_two_kinds_are_never_equal() -> None:
    assert Shared("a", Decimal(5)) != Other("a", Decimal(5))
    assert Other("a", Decimal(5)) == Other("a", Decimal(5))
    assert Shared("a", Decimal(5)).__eq__(Other("a", Decimal(5))) is NotImplemented


def test_repr_shows_the_fields_a_generated_repr_shows() -> None:
    args = ("a", Decimal(5), "why", 3, 4)
    assert repr(Shared(*args)) == repr(Generated(*args)).replace("Generated", "Shared")
    assert "hidden" not in repr(Shared(*args))


def test_the_dataclass_writes_only_init_and_the_frozen_guards() -> None:
    written = set(vars(Shared)) & {"__eq__", "__hash__", "__repr__", "__init__", "__setattr__"}
    assert written == {"__init__", "__setattr__"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        Shared("a", Decimal(5)).name = "b"  # type: ignore[misc]  # the frozen guard is the point
