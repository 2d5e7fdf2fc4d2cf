"""`record` and `catalog --revert` where backups were hard to keep right: a clock set back, a
link planted at a backup's name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from imagine_calc.cli import main
from imagine_calc.core.catalog import override_backups


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def clock_from(*times: dt.datetime) -> Iterator[dt.datetime]:
    yield from times


def test_revert_after_the_clock_goes_back_gives_the_previous_price(
    capsys: pytest.CaptureFixture[str], override_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    night = dt.datetime(2026, 10, 25, 1, 30)
    times = clock_from(night, night + dt.timedelta(minutes=20), night - dt.timedelta(minutes=40))
    monkeypatch.setattr(override_backups, "clock", lambda: next(times))
    for credits in ("81", "82", "83"):
        assert run(capsys, "record", "Flux Dev", credits)[0] == 0
    monkeypatch.setattr(override_backups, "clock", lambda: night)
    code, out, _ = run(capsys, "catalog", "--revert")
    assert code == 0 and "Reverted" in out and ".0003." in out
    _, out, _ = run(capsys, "record", "--list")
    assert "Flux Dev · 1K · 1 image: 82 credits" in out


def test_record_never_writes_through_a_link_planted_at_a_backups_name(
    capsys: pytest.CaptureFixture[str], override_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious\n")
    night = dt.datetime(2026, 10, 25, 1, 30)
    monkeypatch.setattr(override_backups, "clock", lambda: night)
    planted = override_file.parent / "override.yaml.0001.2026-10-25_01-30-00.bak"
    planted.symlink_to(victim)
    code, out, _ = run(capsys, "record", "Flux Dev", "6")
    assert code == 0 and "override.yaml.0002.2026-10-25_01-30-00.bak" in out
    assert victim.read_bytes() == b"precious\n" and planted.is_symlink()
