"""The command line's entry point: a mistake exits 2 with one line and no traceback, an override
that cannot be used is said and the bundled catalog used, a special file gets a message not a
hang, and a name the terminal cannot encode is printed escaped. Each command's own tests are in
the test module of its handler (test_quote_commands.py, test_catalog_commands.py...)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
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


class Window:
    """Stands in for the window: records what the command line hands it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Path | None, list[str]]] = []

    def __call__(self, args: object, file: Path | None, qt_args: list[str]) -> int:
        self.calls.append((getattr(args, "color_scheme", ""), file, qt_args))
        return 7


@pytest.fixture
def window(monkeypatch: pytest.MonkeyPatch) -> Window:
    import imagine_calc.app

    stand_in = Window()
    monkeypatch.setattr(imagine_calc.app, "run_app", stand_in)
    return stand_in


def test_an_existing_file_opens_in_the_window_with_qts_options_passed_on(
    window: Window, tmp_path: Path
) -> None:
    estimate = tmp_path / "spring.icalc.json"
    estimate.write_text("{}")
    assert main(["-platform", "offscreen", "--color-scheme", "dark", str(estimate)]) == 7
    assert window.calls == [("dark", estimate, ["-platform", "offscreen"])]


def test_no_word_opens_the_window_without_a_file(window: Window) -> None:
    assert main([]) == 7 and window.calls == [("system", None, [])]


def test_a_command_is_never_the_window(window: Window, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quote", "flux dev"]) == 0
    assert window.calls == [] and "Total: 5 credits" in capsys.readouterr().out


def test_an_override_that_is_a_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--override", str(tmp_path), "quote", "flux dev")
    assert (code, out) == (2, "")
    assert err.strip() == (
        f"imagine-calc: --override {tmp_path}: no such file (to start a new override file there, "
        "create it empty first)"
    )


def test_a_reader_that_goes_away_ends_the_command_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from imagine_calc.cli import quote_commands

    def closed(*_: object) -> int:
        raise BrokenPipeError  # `imagine-calc models | head -1`

    monkeypatch.setattr(quote_commands, "cmd_models", closed)
    assert run(capsys, "models") == (0, "", "")


def test_a_recording_without_a_date_is_dated_today(monkeypatch: pytest.MonkeyPatch) -> None:
    from imagine_calc.cli import record_command

    dates: list[object] = []
    monkeypatch.setattr(record_command, "cmd_record", lambda args, _loaded: dates.append(args.date) or 0)
    main(["record", "flux dev", "6"])
    main(["record", "flux dev", "6", "--date", "2026-11-01"])
    assert dates == [dt.date.today(), dt.date(2026, 11, 1)]


def test_what_loading_the_catalog_set_aside_is_said_before_the_answer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    from dataclasses import replace

    from imagine_calc.core.catalog import loader

    real = loader.load_with_override

    def with_a_note(path: Path | None = None, shared: Path | None = None) -> loader.LoadedCatalog:
        return replace(
            real(path, shared), notes=("the catalog cache was set aside as catalog.json.x.set-aside",)
        )

    monkeypatch.setattr(loader, "load_with_override", with_a_note)
    code, out, err = run(capsys, "quote", "flux dev")
    assert code == 0 and "Total: 5 credits" in out
    assert err == "note: the catalog cache was set aside as catalog.json.x.set-aside\n"


# --- mistakes in the user's language --------------------------------------------------------

#: Pairs of lowercase words: what is left of an English sentence in a translated line.
_WORD = re.compile(r"[a-z]{2,}")


def _english_pairs(text: str) -> set[str]:
    words = [w if _WORD.fullmatch(w) else "" for w in text.split()]
    return {f"{a} {b}" for a, b in itertools.pairwise(words) if a and b}


def _mistakes(tmp_path: Path) -> list[tuple[list[str], str]]:
    """(a command line with a mistake, an English text it shows) through the core, argparse,
    the image readers, the estimate file, its team and the shared prices folder."""
    cut = tmp_path / "cut.png"
    cut.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"\xff\xfe\xff")
    head = '{"format": "imagine-calc-estimate", "format_version": 1, '
    bad_item = tmp_path / "item.icalc.json"
    bad_item.write_text(head + '"items": [{"kind": "x"}]}', encoding="utf-8")
    bad_team = tmp_path / "team.icalc.json"
    team = '{"month": "2026-12", "subscription": "100", "members": [{"name": "Ana"}, {"name": "ana"}]}'
    bad_team.write_text(head + '"items": [], "team": ' + team + "}", encoding="utf-8")
    return [
        (["quote", "Nano"], "allowed"),
        (["quote", "flux dev", "--resolution", "9K"], "invalid choice"),
        (["quote"], "the following arguments are required"),
        (["models", "--bogus"], "unrecognized arguments"),
        (["quote", "flux dev", "--images", "9"], "images in one generation"),
        (["upscale", "x.png", "--scale", "3"], "does not offer"),
        (["upscale", str(cut)], "it ends inside its IHDR chunk"),
        (["models", "--override", str(latin)], "not UTF-8 text"),
        (["catalog", "--update-from", str(tmp_path)], "cannot be read as a saved page"),
        (["estimate", str(bad_item)], "unknown kind 'x'"),
        (["estimate", str(bad_team)], "two members are named 'Ana'"),
        (["record", "flux dev", "6", "--shared-folder", str(tmp_path / "gone")], "does not exist"),
    ]


def test_mistakes_are_said_in_the_language_in_use(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv, english in _mistakes(tmp_path):
        _code, out, err = run(capsys, *argv)
        said = out + err
        assert english in said, (argv, said)  # the case shows the text it is about
        _code, out, err = run(capsys, "--lang", "de", *argv)
        german = out + err
        assert english not in german, (argv, german)
        left = _english_pairs(said) & _english_pairs(german)
        assert not left, f"{argv}: English left in German: {sorted(left)}\n{german}"


def test_with_json_a_mistake_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--lang", "de", "quote", "flux dev", "--resolution", "9K", "--json")
    assert code == 2 and "invalid choice: '9K'" in err
    code, _out, err = run(capsys, "--lang", "de", "quote", "Nano", "--json")
    assert code == 2 and "no model 'Nano' (allowed:" in err
