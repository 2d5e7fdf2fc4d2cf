"""The architecture holds, checked rather than described (ARCHITECTURE.md): import contracts,
type hints, one place for words about figures, and a command line that never loads Qt."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "imagine_calc"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is in the test extra"
    return found


def test_import_contracts_hold() -> None:
    """pyproject.toml [tool.importlinter]: the core imports no Qt and no GUI, the tabs do not
    import each other, and the window has no Decimal arithmetic of its own."""
    result = subprocess.run([tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 broken" in result.stdout


@pytest.mark.timeout(300)
def test_type_hints_check_strict_in_the_core_and_normal_in_the_window() -> None:
    result = subprocess.run([tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:]


#: Number formats (",", ".2f", "e", "%"...) may appear only where figures become words.
WORDS_FOR_FIGURES = {"core/text/numbers.py"}
#: Elapsed seconds of the self-test, a figure that is not a price.
TIMINGS = {"selftest.py"}


def test_only_core_text_formats_numbers() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in WORDS_FOR_FIGURES | TIMINGS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
                spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
                if any(c in spec for c in ",_efgEFG%") or "." in spec:
                    found.append(f"{rel}:{node.lineno} {{:{spec}}}")
    assert not found, "numbers formatted outside core/text:\n" + "\n".join(found)


def test_the_command_line_quotes_without_loading_qt() -> None:
    code = (
        "import sys; from imagine_calc.cli import main; main(['quote', 'flux dev']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "5 credits" in result.stdout
