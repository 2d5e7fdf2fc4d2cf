"""Tests mirror the package (CONTRIBUTING): each module has a test module at the mirrored path,
`imagine_calc/core/pricing/choices.py` -> `tests/core/pricing/test_choices.py`. A package's
`__init__.py` that holds code mirrors to the test module named for the package
(`imagine_calc/cli/__init__.py` -> `tests/cli/test_cli.py`); one that holds only its docstring
needs none. A module without one is named here, with why, or the test fails naming it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "imagine_calc"
TESTS = ROOT / "tests"

#: Modules without a test module of their own, and why. Take a module off when its test module
#: lands: the test below fails for an entry that no longer needs to be here.
WITHOUT_TESTS: dict[str, str] = {
    # Constants only: the version, the app's name and its desktop id (tests/packaging checks
    # APP_ID against the desktop entry and the metainfo).
    "__init__.py": "constants: __version__, APP_NAME, APP_ID",
    # `python -m imagine_calc` is cli.main (tests/cli/test_cli.py), and the suite runs it so
    # (tests/cli/test_usage.py, tests/gui/test_screenshot.py).
    "__main__.py": "two lines that run cli.main",
}


def mirrored(module: Path, tests: Path = TESTS, package: Path = PACKAGE) -> Path | None:
    """Where the test module of `module` is, or None for a package's `__init__.py` that holds
    nothing but its docstring."""
    rel = module.relative_to(package)
    if module.name != "__init__.py":
        return tests / rel.parent / f"test_{module.stem}.py"
    body = ast.parse(module.read_text(encoding="utf-8")).body
    if all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body):
        return None
    name = rel.parent.name or package.name
    return tests / rel.parent / f"test_{name}.py"


def without_tests(tests: Path = TESTS, package: Path = PACKAGE) -> list[str]:
    """Every module of `package` whose mirrored test module is missing, as its path in the package."""
    missing = []
    for module in sorted(package.rglob("*.py")):
        expected = mirrored(module, tests, package)
        if expected is not None and not expected.is_file():
            missing.append(module.relative_to(package).as_posix())
    return missing


def test_every_module_has_a_test_module_at_its_mirrored_path_or_says_why_not() -> None:
    unexplained = [m for m in without_tests() if m not in WITHOUT_TESTS]
    assert not unexplained, (
        "modules without a test module at the mirrored path (add one, e.g. imagine_calc/core/x.py -> "
        "tests/core/test_x.py, or say why in WITHOUT_TESTS): " + ", ".join(unexplained)
    )


def test_the_list_of_modules_without_tests_holds_only_what_still_needs_it() -> None:
    missing = set(without_tests())
    stale = sorted(m for m in WITHOUT_TESTS if m not in missing)
    assert not stale, f"these have a test module now, or are gone: take them off WITHOUT_TESTS: {stale}"


def test_the_check_finds_a_module_without_tests_and_knows_a_package_of_docstring_only(
    tmp_path: Path,
) -> None:
    package, tests = tmp_path / "pkg", tmp_path / "tests"
    for folder in (package / "core" / "pricing", package / "cli", tests / "core" / "pricing", tests / "cli"):
        folder.mkdir(parents=True)
    (package / "__init__.py").write_text('"""Only a docstring."""\n')
    (package / "core" / "__init__.py").write_text('"""core."""\n')
    (package / "core" / "pricing" / "__init__.py").write_text("")
    (package / "core" / "pricing" / "choices.py").write_text("X = 1\n")
    (package / "core" / "pricing" / "tested.py").write_text("X = 1\n")
    (tests / "core" / "pricing" / "test_tested.py").write_text("")
    (package / "cli" / "__init__.py").write_text('"""The command."""\n\ndef main() -> int:\n    return 0\n')
    assert without_tests(tests, package) == ["cli/__init__.py", "core/pricing/choices.py"]
    (tests / "cli" / "test_cli.py").write_text("")
    assert without_tests(tests, package) == ["core/pricing/choices.py"]
