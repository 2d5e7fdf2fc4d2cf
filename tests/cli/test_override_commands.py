"""`record` and `catalog --revert` on overrides that were hard to write safely: a bomb of nested
YAML aliases, a clock set back, the user's own link, a link planted at a backup's name."""

from __future__ import annotations

import datetime as dt
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from imagine_calc.cli import main
from imagine_calc.core.catalog import override_backups

#: 428 bytes: nine lines of nine aliases, 490 million values expanded. Recording over it used to
#: rewrite it with every alias spelled out: 105 s and 3 GiB, then killed by the memory cap.
BOMB = (
    "# my override\nx-a: &a ["
    + ", ".join(["lol"] * 9)
    + "]\n"
    + "".join(
        f"x-{a}: &{a} [" + ", ".join([f"*{before}"] * 9) + "]\n"
        for before, a in zip("abcdefgh", "bcdefghi", strict=True)
    )
)
#: The cap on the process that records over it: far above what a refusal needs (~25 MB).
MEMORY_CAP = 512 * 2**20


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def clock_from(*times: dt.datetime) -> Iterator[dt.datetime]:
    yield from times


def test_record_over_an_alias_bomb_is_refused_at_once_and_writes_nothing(
    user_dirs: Path, override_file: Path
) -> None:
    override_file.write_text(BOMB)
    env = {**os.environ, "IMAGINE_CALC_CONFIG_DIR": str(user_dirs)}

    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "record", "Nano Banana 2", "49"],
        env=env,
        preexec_fn=capped,
        capture_output=True,
        text=True,
        timeout=60,
    )
    took = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "not recorded" in result.stderr and "Traceback" not in result.stderr
    assert f"{override_file}:7: not valid YAML: its aliases would repeat 490,329,036 values" in result.stderr
    assert override_file.read_text() == BOMB
    assert sorted(p.name for p in user_dirs.iterdir() if p.name != "cache") == ["override.yaml"]
    assert took < 30  # ~0.5 s here; the old rewrite ran for minutes


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


def test_record_and_revert_go_through_the_users_link(
    capsys: pytest.CaptureFixture[str], override_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "dotfiles" / "imagine-calc.yaml"
    target.parent.mkdir()
    mine = "# in my dotfiles\nmodels:\n  - id: midjourney-v7\n    price: 30\n"
    target.write_text(mine)
    override_file.symlink_to(target)
    code, out, _ = run(capsys, "record", "Flux Dev", "6")
    assert code == 0 and "Recorded 6 credits" in out
    assert override_file.is_symlink() and "credits: 6" in target.read_text()
    assert "# in my dotfiles" in target.read_text()
    code, out, _ = run(capsys, "catalog", "--revert")
    assert code == 0 and override_file.is_symlink() and target.read_text() == mine


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
