"""Spares PySide6 reading the source of every module the window imports.

PySide6 lets a module opt into `from __feature__ import snake_case, true_property`. To know
which modules might, it reads the whole source of each module imported after PySide6 itself
(`inspect.getsource`, once per module name) and keeps the answer in
`__feature__.pyside_feature_dict`: 0 ("uses PySide6, no feature") or -1 ("ignore"). For the
~60 modules of ours and ~55 of the standard library the window imports, that reading was
15-25 ms of a start of about 400 ms (measured by timing PySide6's `_mod_uses_pyside`).

imagine-calc selects no feature anywhere, so every answer is already known: 0 for our own
modules (what PySide6 finds for those that use Qt; for the others it only costs a comparison
when they call Qt, which the core never does) and -1 for what is loaded before the window and
for the standard library (which PySide6 finds -1 by reading it). Only names not yet answered
are filled, so nothing PySide6 decided is changed. If a PySide6 release moves the table,
nothing is filled and PySide6 reads the sources as before (tests/gui/shared/
test_pyside_features.py then fails, so we notice).
"""

from __future__ import annotations

import os
import sys


def answer_feature_scans(package: str = "imagine_calc") -> int:
    """Fill PySide6's per-module feature table before the window's imports; the names added."""
    feature = sys.modules.get("__feature__")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    top = sys.modules.get(package)
    folders = list(getattr(top, "__path__", ()))
    before = len(table)
    for name in _module_names(package, folders):
        table.setdefault(name, 0)
    for name in (*sys.modules, *sys.stdlib_module_names):
        table.setdefault(name, -1)
    return len(table) - before


def _module_names(package: str, folders: list[str]) -> list[str]:
    """Every module and package name under `folders` (our source tree; a frozen bundle has no
    sources, so there PySide6's own reading fails at once and nothing is needed)."""
    names: list[str] = []
    pending = [(package, folder) for folder in folders]
    while pending:
        prefix, folder = pending.pop()
        names.append(prefix)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            stem, dot, suffix = entry.name.partition(".")
            if suffix == "py" and stem != "__init__":
                names.append(f"{prefix}.{stem}")
            elif not dot and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                pending.append((f"{prefix}.{entry.name}", entry.path))
    return names
