"""Test-wide set-up: Qt offscreen, and user files redirected so no test touches a real profile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

from imagine_calc.core.paths import CONFIG_ENV, OVERRIDE_ENV


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty config folder (settings, override file)."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv(CONFIG_ENV, str(config))
    monkeypatch.delenv(OVERRIDE_ENV, raising=False)
    return config


@pytest.fixture
def override_file(user_dirs: Path) -> Path:
    """Where the app looks for the user's override catalog in this test."""
    return user_dirs / "override.yaml"
