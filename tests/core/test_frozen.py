"""A record on the shared base compares, hashes and shows as a generated dataclass would."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from imagine_calc.core.frozen import Frozen, hot_record, record


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


@record
class Recorded(Frozen):
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
    generated = Generated(*left), Generated(*right)  # type: ignore[arg-type]  # the cases mix field kinds
    for kind in (Shared, Recorded):
        shared = kind(*left), kind(*right)  # type: ignore[arg-type]  # as above
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


def test_a_record_compiles_only_its_init() -> None:
    written = set(vars(Recorded)) & {
        "__eq__",
        "__hash__",
        "__repr__",
        "__init__",
        "__setattr__",
        "__delattr__",
    }
    assert written == {"__init__"}
    assert (
        repr(Recorded("a", Decimal(5), "why", 3))
        == "Recorded(name='a', credits=Decimal('5'), note='why', unhashed=0)"
    )


def test_a_record_refuses_every_change_a_frozen_dataclass_refuses() -> None:
    made = Recorded("a", Decimal(5))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "b"  # type: ignore[misc]  # the guard is the point
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.note = "set by its default, so set already"  # type: ignore[misc]  # as above
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.extra = 1  # type: ignore[attr-defined]  # not a field: refused too
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.credits
    assert (made.name, made.credits, made.note) == ("a", Decimal(5), "")
    changed = dataclasses.replace(made, name="b")
    assert (changed.name, made.name) == ("b", "a")


def test_record_is_only_for_classes_on_frozen() -> None:
    class Plain:
        name: str

    with pytest.raises(TypeError, match="Plain"):
        record(Plain)


@record
class Wider(Recorded):
    extra: int = 0


def test_a_record_built_on_another_compares_by_its_own_fields() -> None:
    assert Recorded("a", Decimal(5)) == Recorded("a", Decimal(5))  # the parent's readers first
    assert Wider("a", Decimal(5), extra=1) != Wider("a", Decimal(5), extra=2)
    assert repr(Wider("a", Decimal(5), extra=1)).endswith("unhashed=0, extra=1)")


@hot_record
class Often(Frozen):
    name: str
    credits: Decimal
    note: str = field(default="", compare=False)


def test_a_record_made_often_sets_its_fields_in_c_and_shares_the_rest() -> None:
    written = set(vars(Often)) & {"__eq__", "__hash__", "__repr__", "__init__", "__setattr__", "__delattr__"}
    assert written == {"__init__", "__setattr__", "__delattr__"}  # a frozen dataclass's guards
    made = Often("a", Decimal(5), "why")
    assert made == Often("a", Decimal("5.0"), "other") and hash(made) == hash(Often("a", Decimal(5)))
    assert repr(made) == "Often(name='a', credits=Decimal('5'), note='why')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "b"  # type: ignore[misc]  # the guard is the point
    with pytest.raises(TypeError, match="Plain"):

        class Plain:
            name: str

        hot_record(Plain)
