"""Fixtures the catalog's tests share."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def linked_override(override_file: Path, tmp_path: Path) -> Path:
    """The override is a link into the user's dotfiles folder; returns the file it names."""
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "imagine-calc.yaml"
    target.write_text("# kept in my dotfiles\nmodels:\n  - id: midjourney-v7\n    price: 30\n")
    target.chmod(0o644)
    os.symlink(os.path.relpath(target, override_file.parent), override_file)
    return target
