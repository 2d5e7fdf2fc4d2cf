"""PySide6 is told each module's feature answer before the window's imports, instead of reading
each module's source (the start-up path itself is checked in tests/test_architecture.py)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from imagine_calc.gui.shared.pyside_features import answer_feature_scans


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A package `pkg` with a module, a subpackage and a data folder, importable."""
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "data" / "de").mkdir(parents=True)
    (root / "__pycache__").mkdir()
    files = ("__init__.py", "a.py", "sub/__init__.py", "sub/b.py", "data/notes.txt", "__pycache__/a.pyc")
    for name in files:
        (root / name).write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "pkg", raising=False)
    __import__("pkg")
    return "pkg"


def _feature_table(monkeypatch: pytest.MonkeyPatch, table: object) -> None:
    feature = types.ModuleType("__feature__")
    feature.pyside_feature_dict = table  # type: ignore[attr-defined]  # a stand-in module, given the attribute PySide6's has
    monkeypatch.setitem(sys.modules, "__feature__", feature)


def test_our_modules_are_answered_and_what_pyside_decided_stays(
    package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = {"pkg.a": -1}  # already read by PySide6: not ours to change
    _feature_table(monkeypatch, table)

    added = answer_feature_scans(package)

    assert {name: table[name] for name in table if name.partition(".")[0] == "pkg"} == {
        "pkg": 0,
        "pkg.a": -1,
        "pkg.sub": 0,
        "pkg.sub.b": 0,
    }
    assert table["json"] == -1, "the standard library does not use PySide6"
    assert table["sys"] == -1, "nor does what is loaded already"
    assert added == len(table) - 1


def test_without_pyside6s_table_nothing_is_filled(package: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _feature_table(monkeypatch, None)  # a PySide6 that keeps its answers elsewhere

    assert answer_feature_scans(package) == 0


def test_the_running_pyside6_keeps_the_table_we_fill() -> None:
    """If a PySide6 upgrade moves the table, the start-up saving is gone: this says so."""
    import PySide6.QtCore  # noqa: F401  # loads PySide6's feature support

    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    assert isinstance(table, dict)
    assert table.get("PySide6") == 0
