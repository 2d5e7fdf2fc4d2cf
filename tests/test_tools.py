"""A tool the suite needs and .ci/run installs fails the test under CI, never skips it there."""

from __future__ import annotations

import pytest

from tests.tools import require


def test_a_missing_tool_fails_under_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="missing under CI"):
        require("no-such-tool-for-imagine-calc")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match=r"\.ci/run installs it"):
        require("no-such-tool-for-imagine-calc")
    assert require("sh").endswith("sh")
