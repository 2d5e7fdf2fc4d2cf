"""The architecture holds, checked rather than described (ARCHITECTURE.md): import contracts,
type hints, one place for words about figures, and a command line that never loads Qt."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import FrameType

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
WORDS_FOR_FIGURES = {"core/numbers.py"}
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


# --- type: ignore, each with its reason and run by a test ------------------------------------

IGNORE = re.compile(r"#\s*type:\s*ignore\b")
#: The reason rides on the same line, after the ignore, as its own comment ("... # why").
REASON = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?\s+#\s*\S")


def _record_a_ratio(tmp: Path) -> None:
    """Writes a 16:9 into the override, which PyYAML 1.1 would read as a number: quoted."""
    from imagine_calc.core.catalog.override_file import record
    from imagine_calc.core.catalog.records import Observation

    record(
        tmp / "override.yaml", Observation("flux-dev", "1K", "16:9", 1, False, Decimal(5), dt.date.today())
    )


#: For each file of the package that keeps a type: ignore, something that runs its lines.
RUNS_IGNORED_LINES: dict[str, Callable[[Path], None]] = {
    "core/catalog/override_file.py": _record_a_ratio,
}


def _ignored() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if IGNORE.search(line):
                found.append((path.relative_to(PACKAGE).as_posix(), number, line.strip()))
    return found


def test_every_type_ignore_says_why_on_its_line() -> None:
    unexplained = [f"{rel}:{n} {line}" for rel, n, line in _ignored() if not REASON.search(line)]
    assert not unexplained, "a type: ignore without its reason:\n" + "\n".join(unexplained)


def test_every_type_ignore_is_on_a_line_a_test_runs(tmp_path: Path) -> None:
    ignored = _ignored()
    missing = sorted({rel for rel, _, _ in ignored} - set(RUNS_IGNORED_LINES))
    assert not missing, f"add to RUNS_IGNORED_LINES something that runs the ignored lines of {missing}"
    ran: set[tuple[str, int]] = set()

    def trace(frame: FrameType, event: str, _arg: object) -> Callable[..., object] | None:
        if event == "line":
            ran.add((frame.f_code.co_filename, frame.f_lineno))
        return trace

    for run in RUNS_IGNORED_LINES.values():
        sys.settrace(trace)
        try:
            run(tmp_path)
        finally:
            sys.settrace(None)
    not_run = [f"{rel}:{n}" for rel, n, _ in ignored if (str(PACKAGE / rel), n) not in ran]
    assert not not_run, f"ignored lines no test runs: {not_run}"
