"""The pricing core must run without Qt: the CLI, scripts and tests depend on it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import imagine_calc.core

CORE = Path(imagine_calc.core.__file__).parent


def test_no_core_module_imports_qt() -> None:
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") for n in names), (
                f"{path.name} imports Qt"
            )


def test_cli_quote_does_not_load_qt() -> None:
    code = (
        "import sys; from imagine_calc.cli import main; main(['quote', 'flux dev']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "5 credits" in result.stdout
