"""The README's pictures show what the app says today: each is taken again (as
tests/readme_screenshots.py made it) and the words it shows must be those kept beside the PNG.
When they differ, retake them: `python -m tests.readme_screenshots` (and look at them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readme_screenshots import SCREENSHOTS, SHOTS, Shot, take


@pytest.mark.timeout(180)
@pytest.mark.parametrize("shot", SHOTS, ids=lambda s: s.name)
def test_each_readme_screenshot_shows_what_the_app_says_today(shot: Shot, tmp_path: Path) -> None:
    kept = (SCREENSHOTS / shot.name).with_suffix(".txt")
    assert (SCREENSHOTS / shot.name).is_file() and kept.is_file(), f"take {shot.name}: see this module"
    done = take(shot, tmp_path / shot.name, tmp_path / "scratch")
    assert done.returncode == 0, done.stderr
    now = (tmp_path / shot.name).with_suffix(".txt").read_text(encoding="utf-8")
    assert now == kept.read_text(encoding="utf-8"), (
        f"{shot.name} no longer shows what the app says: python -m tests.readme_screenshots"
    )
