"""`imagine-calc --selftest` reports one line per check and fails if any check fails."""

from __future__ import annotations

import io

import pytest

from imagine_calc import selftest


def test_every_check_passes_on_a_working_install(qapp: object) -> None:
    out = io.StringIO()
    assert selftest.run_selftest(out) == 0
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {name}" for name, _ in selftest.CHECKS]
    assert "25 models" in lines[0] and "Midjourney V7" in lines[1] and "640 x 360" in lines[2]
    assert "'73,5 Credits'" in lines[3] and "built in de" in lines[4] and "'&Generieren'" in lines[4]


def test_a_failing_check_fails_the_run_and_the_others_still_report(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "SAMPLE_SIZE", (1, 1))
    out = io.StringIO()
    assert selftest.run_selftest(out) == 1
    text = out.getvalue()
    assert "FAIL sample image: RuntimeError: sample.png reads as 640 x 360" in text
    assert "ok   window" in text and text.splitlines()[-1].startswith("FAILED: 4 of 5")
