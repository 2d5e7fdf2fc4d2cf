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


def test_the_window_starts_without_the_imaging_stack() -> None:
    """Pillow and the size readers cost every start 24 ms though most starts read no image:
    they come with the first dropped file (core/images/image_size imports Pillow when it needs it)."""
    code = (
        "import sys; from imagine_calc.gui.main_window import MainWindow; "
        "import imagine_calc.core.images.image_size; "
        "assert 'PIL' not in sys.modules, 'Pillow was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


#: Modules the window needs only once the user acts (a drag, a balance typed, a tab or dialog
#: opened, a price update): each costs every start its import, its records and PySide's look at
#: its source, so none may come before the first paint.
AFTER_FIRST_PAINT = (
    "imagine_calc.gui.upscale.drop_area",
    "imagine_calc.gui.upscale.upscale_panel",
    "imagine_calc.gui.estimate.estimate_panel",
    "imagine_calc.gui.about",
    "imagine_calc.gui.prices.update_dialog",
    "imagine_calc.gui.prices.price_updates",  # File > Update prices…, Revert, a dropped page
    "imagine_calc.gui.prices.sharing_dialog",  # File > Shared prices folder…
    "imagine_calc.core.images.image_size",
    "imagine_calc.core.text.upscale",
    "imagine_calc.core.text.budget",
    "imagine_calc.core.text.exports",
    "imagine_calc.core.estimates.money",
    "imagine_calc.core.catalog.price_update",
    "imagine_calc.core.catalog.schema",
    "imagine_calc.core.catalog.shared_file",  # written to only by a recording shared with the team
    "imagine_calc.core.catalog.override_file",  # by a recording, a page update or a revert
    "imagine_calc.core.catalog.override_backups",
    "secrets",
    "html",  # its table of named entities; gui/shared/markup.py escapes without it
    "yaml",
    "babel",
    "PIL",
)
FIRST_PAINT = """
import os, sys
from imagine_calc.cli import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
feature = sys.modules["__feature__"]  # PySide6's reading of each module's source, watched
scanned, read_source = [], feature._mod_uses_pyside
def reading(module):
    scanned.append(module.__name__)
    return read_source(module)
feature._mod_uses_pyside = reading
from imagine_calc.gui.shared import pyside_features
answer = pyside_features.answer_feature_scans
def answering(*args):
    print("before:", *sorted(sys.modules))  # before the window's own imports
    return answer(*args)
pyside_features.answer_feature_scans = answering
def report():
    import dataclasses
    print("loaded:", *sorted(sys.modules))
    compiled = [  # a frozen dataclass compiling its own equality and repr: not a @record
        f"{name}.{kind.__qualname__}"
        for name, module in sorted(sys.modules.items()) if name.startswith("imagine_calc")
        for kind in vars(module).values()
        if isinstance(kind, type) and kind.__module__ == name and dataclasses.is_dataclass(kind)
        and kind.__dataclass_params__.frozen
        and (kind.__dataclass_params__.eq or kind.__dataclass_params__.repr)
    ]
    print("compiled:", *compiled)
    print("scanned:", *scanned, flush=True)
    os._exit(0)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.isWindow():
            QTimer.singleShot(0, report)
        return False
first_paint = FirstPaint()
app.installEventFilter(first_paint)
main([])
"""


@pytest.mark.parametrize("lang", ["C.UTF-8", "de_DE.UTF-8"])
def test_the_first_paint_comes_before_what_only_a_users_action_needs(tmp_path: Path, lang: str) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "IMAGINE_CALC_CONFIG_DIR": str(tmp_path),
        "LANG": lang,
        "HOME": str(tmp_path),
    }
    command = [sys.executable, "-c", FIRST_PAINT]
    runs = [
        subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        for _ in range(2)  # the first prepares the catalog (YAML and the schema); every later start reads it
    ]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    said = dict(line.partition(": ")[::2] for line in runs[1].stdout.splitlines())
    loaded, compiled = set(said.get("loaded", "").split()), said.get("compiled", "")
    before_window, scanned = said.get("before", ""), said.get("scanned", "")
    assert "imagine_calc.gui.main_window" in loaded, "the window was painted"
    early = sorted(m for m in AFTER_FIRST_PAINT if m in loaded)
    assert not early, f"imported before the first paint: {early}"
    # A frozen dataclass compiles six methods at every start, a @record one (core/frozen.py).
    assert not compiled.split(), f"frozen dataclasses before the first paint, not records: {compiled}"
    # PySide6 reads the source of each module imported after it unless told the answer first
    # (gui/shared/pyside_features.py): none the window imports may be read. (Here PySide6 comes
    # before the command line, to watch the first paint; `imagine-calc` imports it later.)
    ours = {m for m in scanned.split() if m.startswith("imagine_calc")}
    assert ours <= set(before_window.split()), sorted(ours - set(before_window.split()))


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


# --- sentences are built in core/text ------------------------------------------------------

#: Two words in the literal parts of an f-string that fills in values: a sentence being built.
SENTENCE = re.compile(r"[A-Za-z]{2,}[,:;]?\s+[A-Za-z]{2,}")
#: Modules that build their own sentences, and why: what they say is about a file, a command
#: or a failure, found where it is said (an error raised with its message is allowed anywhere).
#: Everything said about a figure (a price, a total, a budget, a change) is built in core/text.
SAYS_ITS_OWN = {
    "core/catalog/checks.py": "a problem in a catalog file, with its key and value",
    "core/catalog/yaml_source.py": "a catalog file that is not valid YAML, in PyYAML's words",
    "core/catalog/loader.py": "a problem in a catalog file, with its key and value",
    "core/catalog/credits_page.py": "a cell of a saved page that cannot be read, quoted",
    "core/catalog/page_address.py": "why a page's own address is not kept",
    "core/catalog/override_file.py": "the override file: where its previous state is kept",
    "core/catalog/cache.py": "a catalog cache set aside",
    "core/catalog/shared_recordings.py": "why a teammate's file or the shared folder is not read",
    "core/catalog/sharing.py": "the shared-folder setting set aside",
    "core/catalog/price_update.py": "the note an applied page leaves in the override file",
    "core/images/image_files.py": "a folder that cannot be read",
    "core/images/image_size.py": "why a file's size cannot be read",
    "core/writes.py": "why a file cannot be written",
    "gui/estimate/estimate_document.py": "a working estimate that cannot be read or kept",
    "gui/estimate/estimate_files.py": "the estimate's file: saved, not saved, where",
    "gui/estimate/estimate_host.py": "where the working estimate is kept",
    "gui/estimate/estimate_model.py": "the names of undo steps",
    "gui/estimate/working_copies.py": "working estimates left by other windows",
    "gui/main_window.py": "the override file not used, and estimates to recover",
    "gui/prices/price_updates.py": "a page applied or reverted, and where the old file is kept",
    "gui/shared/banner.py": "its style sheet (no words)",
    "gui/shared/languages.py": "View > Language's entries: the system's language by its name",
    "gui/shared/settings_store.py": "a settings file set aside, and why",
    "cli/catalog_commands.py": "the command line's report of a catalog and its files",
    "cli/command_line.py": "a mistake on the line: an unknown option, command or language",
    "cli/estimate_command.py": "an export written, or not",
    "cli/parser.py": "usage: options, commands and mistakes",
    "cli/quote_commands.py": "the models table's legend and files not quoted",
    "cli/record_command.py": "a price recorded or removed, and where",
    "app.py": "a screenshot that cannot be written",
    "qt_messages.py": "the window that cannot start",
    "selftest.py": "the self-test's report",
}


#: The catalog's functions (core/language.py, core/text/plurals.py) whose text is a template.
TRANSLATED = {"_", "ngettext", "pgettext", "plural"}


def _template(node: ast.AST) -> str | None:
    """The literal text of a sentence being filled in: an f-string's literal parts, or the
    template of `"...".format(...)`, `_("...").format(...)` or `plural(n, "...", "...")`."""
    if isinstance(node, ast.JoinedStr):
        if not any(isinstance(v, ast.FormattedValue) for v in node.values):
            return None
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Name) and func.id == "plural":
        return " ".join(
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        )
    if not (isinstance(func, ast.Attribute) and func.attr == "format" and (node.args or node.keywords)):
        return None
    text = func.value
    if isinstance(text, ast.Call) and isinstance(text.func, ast.Name) and text.func.id in TRANSLATED:
        texts = [a.value for a in text.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        return " ".join(texts) if texts else None
    return text.value if isinstance(text, ast.Constant) and isinstance(text.value, str) else None


def _sentences(root: Path = PACKAGE) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("core/text/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        raised = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
        for node in ast.walk(tree):
            if id(node) in raised:
                continue
            literal = _template(node)
            if literal is not None and SENTENCE.search(literal):
                found.setdefault(rel, []).append(node.lineno)
    return found


def test_sentences_about_figures_are_built_only_in_core_text() -> None:
    found = _sentences()
    outside = {rel: lines for rel, lines in found.items() if rel not in SAYS_ITS_OWN}
    assert not outside, f"sentences built outside core/text (move them there, or name why): {outside}"
    stale = sorted(set(SAYS_ITS_OWN) - set(found))
    assert not stale, f"these build no sentence any more: take them off SAYS_ITS_OWN: {stale}"


def test_the_sentence_check_finds_one_built_in_pricing_but_not_an_error_or_core_text(tmp_path: Path) -> None:
    (tmp_path / "core" / "pricing").mkdir(parents=True)
    (tmp_path / "core" / "text").mkdir(parents=True)
    (tmp_path / "core" / "pricing" / "planted.py").write_text(
        'def words(n: int) -> str:\n    return f"{n} images cost more"\n\n\n'
        'def check(n: int) -> None:\n    raise ValueError(f"{n} images is too many")\n\n\n'
        'def translated(n: int) -> str:\n    return _("{n} images cost more").format(n=n)\n\n\n'
        'def counted(n: int) -> str:\n    return plural(n, "{n} image costs", "{n} images cost")\n\n\n'
        'def formatted(n: int) -> str:\n    return "{n} images cost more".format(n=n)\n\n\n'
        'def words_alone() -> str:\n    return _("Images cost more")\n'
    )
    (tmp_path / "core" / "text" / "fine.py").write_text(
        'def words(n: int) -> str:\n    return f"{n} images"\n'
    )
    assert _sentences(tmp_path) == {"core/pricing/planted.py": [2, 10, 14, 18]}


#: CONTRIBUTING: modules stay under this many lines (split one by its jobs before it reaches it).
MODULE_LINES = 400


def _long_modules(root: Path = PACKAGE, limit: int = MODULE_LINES) -> dict[str, int]:
    sizes = {p.relative_to(root).as_posix(): len(p.read_bytes().splitlines()) for p in root.rglob("*.py")}
    return {rel: n for rel, n in sorted(sizes.items()) if n >= limit}


def test_every_module_stays_under_400_lines() -> None:
    assert not _long_modules(), f"split these by their jobs (CONTRIBUTING): {_long_modules()}"


def test_the_size_check_counts_lines_as_an_editor_does(tmp_path: Path) -> None:
    (tmp_path / "short.py").write_text("x = 1\n" * 399)
    (tmp_path / "long.py").write_text("x = 1\n" * 400)
    assert _long_modules(tmp_path) == {"long.py": 400}


#: What the session (core/session.py) holds for the window: no part of the window keeps a copy.
SESSION_STATE = frozenset({"catalog", "loaded", "_loaded", "request", "_request", "balances", "engine_id"})
#: Parts of the window that hold one of those as their own, and why.
HOLDS_ITS_OWN = {
    ("gui/generate/record_dialog.py", "request"): "records the settings it was opened for",
}


def _state_copies(root: Path = PACKAGE) -> set[tuple[str, str]]:
    """(module, attribute) wherever a window module assigns one of the session's values to self."""
    found = set()
    for path in sorted((root / "gui").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                targets = [t for target in node.targets for t in ast.walk(target)]
            elif isinstance(node, ast.AnnAssign | ast.AugAssign):
                targets = [node.target]
            else:
                continue
            for t in targets:
                if not (isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name)):
                    continue
                if t.value.id == "self" and t.attr in SESSION_STATE:
                    found.add((rel, t.attr))
    return found


def test_the_window_keeps_no_copy_of_the_sessions_state() -> None:
    """One state for the window: the catalog, the request, the balances and the upscale engine
    are read from the session, never mirrored in a tab (where they would drift)."""
    copies = _state_copies() - set(HOLDS_ITS_OWN)
    assert not copies, f"read these from the session instead of keeping them: {sorted(copies)}"
    stale = sorted(set(HOLDS_ITS_OWN) - _state_copies())
    assert not stale, f"take these off HOLDS_ITS_OWN: {stale}"


def test_the_state_check_finds_a_planted_mirror(tmp_path: Path) -> None:
    (tmp_path / "gui" / "tab").mkdir(parents=True)
    (tmp_path / "gui" / "tab" / "planted.py").write_text(
        "class Tab:\n    def __init__(self, catalog, owner):\n"
        "        self.catalog = catalog\n        self.x, self.balances = 1, owner.balances\n"
        "        self.session = owner\n"
    )
    assert _state_copies(tmp_path) == {("gui/tab/planted.py", "catalog"), ("gui/tab/planted.py", "balances")}


def test_no_module_imports_itself_back_through_others_even_inside_a_function() -> None:
    """Import cycles, counting imports made inside functions (which a start-up saving defers
    but which tie the modules as tightly): none."""
    import grimp

    graph = grimp.build_graph("imagine_calc")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    assert not cycles, f"modules that import each other: {cycles}"
