"""Test-wide set-up: Qt offscreen, and user files redirected so no test touches a real profile."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# The suite speaks English whatever the machine's locale: a test that wants another language
# (or a subprocess that does) says so.
os.environ["LANGUAGE"] = ""
os.environ["LC_ALL"] = ""
os.environ["LC_MESSAGES"] = ""
os.environ["LANG"] = "C.UTF-8"

from pathlib import Path

import pytest
from hypothesis import is_hypothesis_test, settings

from imagine_calc.core import language
from imagine_calc.core.paths import CONFIG_ENV, OVERRIDE_ENV

# Set by benchmarks/mutation_core.py: the fuzzers run against thousands of mutants there, so each
# tries at most this many examples, the same ones every run, and no example is timed (the
# mutants' trampolines make every call slower). The normal suite keeps each test's own settings.
MUTATION_RUN_ENV = "IMAGINE_CALC_MUTATION_RUN"
MUTATION_RUN_EXAMPLES = 10


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get(MUTATION_RUN_ENV) != "1":
        return
    for item in items:
        test = getattr(item, "obj", None)
        if test is None or not is_hypothesis_test(test):
            continue
        # Hypothesis keeps a test's @settings here and reads it at each call; a second @settings
        # would be refused. Fail loudly if a new version stores it elsewhere.
        chosen: settings = test._hypothesis_internal_use_settings
        test._hypothesis_internal_use_settings = settings(
            chosen,
            max_examples=min(chosen.max_examples, MUTATION_RUN_EXAMPLES),
            derandomize=True,
            database=None,
            deadline=None,
        )


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty config folder (settings, override file)."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv(CONFIG_ENV, str(config))
    monkeypatch.delenv(OVERRIDE_ENV, raising=False)
    monkeypatch.delenv("IMAGINE_CALC_SHARED_FOLDER", raising=False)  # no team folder unless given
    return config


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English, and a test that chose another language leaves English."""
    language.set_language(language.ENGLISH)
    yield
    language.set_language(language.ENGLISH)


@pytest.fixture
def override_file(user_dirs: Path) -> Path:
    """Where the app looks for the user's override catalog in this test."""
    return user_dirs / "override.yaml"
