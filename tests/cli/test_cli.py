"""The command line's entry point: a mistake exits 2 with one line and no traceback, an override
that cannot be used is said and the bundled catalog used, a special file gets a message not a
hang, and a name the terminal cannot encode is printed escaped. Each command's own tests are in
the test module of its handler (test_quote_commands.py, test_catalog_commands.py...)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imagine_calc.cli import main
from tests.images import write_image


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["quote", "flux dev", "--images", "5"], "allowed: 1, 2, 3, 4"),
        (["quote", "chatgpt", "--aspect", "16:9"], "allowed: 1:1, 2:3, 3:2"),
        (["quote", "flux dev", "--resolution", "2K"], "allowed: 1K"),
        (["quote", "dall-e"], "no model 'dall-e'"),
        (["quote", "flux dev", "--images", "two"], "not a whole number"),
        (["upscale", "x.png", "--scale", "3"], "allowed: 2×, 4×"),
        (["upscale", "x.png", "--engine", "waifu"], "no upscale engine 'waifu'"),
        (["models", "--bogus"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_invalid_override_warns_and_still_quotes(
    override_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override_file.write_text("models: [")
    code, out, err = run(capsys, "quote", "flux dev", "--json")
    assert code == 0 and json.loads(out)["total_credits"] == 5
    assert "override ignored" in err and str(override_file) in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_special_files_get_a_message_not_a_hang(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    fifo = tmp_path / "x.icalc.json"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        code, out, err = run(capsys, "estimate", path)
        assert code == 1 and out == "" and "not a regular file" in err
    os.mkfifo(override_file)
    code, out, err = run(capsys, "quote", "flux dev")
    assert code == 0 and "5 credits" in out and "not a regular file" in err


def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-\xff.png")  # Latin-1 bytes: not valid UTF-8
    write_image(tmp_path / name, 10, 10)
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for extra in ([], ["--json"]):
        result = subprocess.run(
            [sys.executable, "-m", "imagine_calc", "upscale", str(tmp_path), *extra],
            env=env,
            capture_output=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        assert b"caf\\udce9-\\udcff.png" in result.stdout
    assert json.loads(result.stdout)["quoted"] == 1
