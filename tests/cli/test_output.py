"""What the command line prints of names, labels and paths from outside: control characters as
escapes (no ANSI sequence reaches the terminal, no newline fakes a line), and never an encoding
error, whatever the file names and whatever the terminal's encoding."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from imagine_calc.cli import main
from tests.images import write_image

ROOT = Path(__file__).resolve().parents[2]
#: What a terminal acts on: C0 controls but the newline, DEL, C1, bidi overrides, surrogates.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
NAMES = {
    b"plain.png": "plain.png",
    b"\x1b[2J\x1b]0;pwned\x07.png": "\\x1b[2J\\x1b]0;pwned\\x07.png",
    b"a.png\nTotal: 0 credits": "a.png\\nTotal: 0 credits",
    b"\xff\xfe.png": "\\udcff\\udcfe.png",  # not UTF-8: Python keeps the bytes as surrogates
    b"\xe2\x80\xaeevil.png": "\\u202eevil.png",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "shots"
    for name in NAMES:
        write_image(folder / os.fsdecode(name), 64, 48, "PNG")
    return folder


def test_upscale_shows_every_name_escaped_on_its_own_line(
    capsys: pytest.CaptureFixture[str], hostile_folder: Path
) -> None:
    code, out, err = run(capsys, "upscale", str(hostile_folder))
    assert code == 0 and err == ""
    assert not RAW.search(out)
    lines = out.splitlines()
    for shown in NAMES.values():
        assert sum(line.startswith(f"{hostile_folder}/{shown}: 64 × 48") for line in lines) == 1
    assert [line for line in lines if line.startswith("Total")] == [
        "Total for 5 images with Topaz 2×: about 0.31 credits"
    ]


def run_with(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "imagine_calc", *argv],
        capture_output=True,
        text=True,
        encoding="ascii",
        errors="strict",  # what came out must be ASCII: escapes, not bytes the terminal lacks
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"},
    ],
)
def test_no_encoding_error_in_an_ascii_terminal(hostile_folder: Path, env: dict[str, str]) -> None:
    done = run_with(env, "upscale", str(hostile_folder))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "\\udcff\\udcfe.png" in done.stdout and "64 \\xd7 48" in done.stdout
    done = run_with(env, "upscale", str(hostile_folder), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # still JSON: non-ASCII as \u escapes, not \xd7
    # Exact: the bytes of each name, as the file system encoding of the run decoded them (in
    # the C locale ASCII, so a UTF-8 name comes back as surrogates too).
    fs_encoding = "ascii" if env.get("LC_ALL") == "C" else "utf-8"
    names = {Path(f["path"]).name.encode(fs_encoding, "surrogateescape") for f in report["files"]}
    assert names == set(NAMES)


def test_json_keeps_names_exact_and_writes_nothing_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str], hostile_folder: Path
) -> None:
    code, out, _ = run(capsys, "upscale", str(hostile_folder), "--json")
    assert code == 0 and not RAW.search(out)
    assert {Path(f["path"]).name for f in json.loads(out)["files"]} == {os.fsdecode(n) for n in NAMES}


def test_a_mistake_naming_a_control_character_is_one_escaped_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "\x1b[2Jqoute\nTotal: 0 credits")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "\\x1b[2Jqoute\\nTotal: 0 credits" in err
    code, _, err = run(capsys, "quote", "\x1b]0;pwned\x07")
    assert code == 2 and not RAW.search(err) and "no model '\\x1b]0;pwned\\x07'" in err


def test_model_names_from_an_override_are_printed_escaped(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text(
        'models:\n  - id: evil\n    name: "Evil\\e[2J\\nTotal: 0"\n    description: d\n    price: 5\n'
        "    max_resolution: 1K\n    aspect_ratios: ['1:1']\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "models")
    assert code == 0 and err == "" and not RAW.search(out)
    assert any(line.startswith("Evil\\x1b[2J\\nTotal: 0 ") for line in out.splitlines())
    code, out, _ = run(capsys, "completion", "bash", "--words", "models")
    assert "Evil\\x1b[2J\\nTotal: 0" in out.splitlines()


def test_every_command_writes_through_the_output_module() -> None:
    """One place decides how text reaches the terminal: no print() anywhere else in the CLI."""
    found = []
    for path in sorted((ROOT / "imagine_calc" / "cli").glob("*.py")):
        if path.name == "output.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found


# --- the language: people's lines in it, scripts' bytes the same in every one ----------------


def _json_runs(tmp_path: Path) -> list[list[str]]:
    photo = write_image(tmp_path / "photo.png", 1920, 1080)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    estimate = ROOT / "resources" / "screenshots" / "spring-campaign.icalc.json"
    return [
        ["quote", "Nano Banana 2", "--resolution", "2K", "--json"],
        ["quote", "Seedream V4", "--resolution", "4K", "--images", "2", "--json"],
        ["models", "--json"],
        ["upscale", str(photo), str(tmp_path / "broken.png"), str(tmp_path / "none.png"), "--json"],
        ["quote", "no such model", "--json"],  # a mistake: in English too
        ["estimate", str(estimate), "--top-up", "3000", "--rate", "0.012", "--currency", "EUR", "--json"],
    ]


def test_json_is_the_same_bytes_in_every_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Scripts read --json: its words (`text`, `detail`, errors) stay English, its figures plain."""
    for argv in _json_runs(tmp_path):
        said = {code: run(capsys, "--lang", code, *argv) for code in ("en", "de", "pseudo")}
        assert said["de"] == said["en"] == said["pseudo"], argv
        assert "73,5" not in said["en"][1] and "Summe" not in said["en"][1]


def test_the_csv_and_json_exports_are_the_same_bytes_in_every_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    estimate = ROOT / "resources" / "screenshots" / "spring-campaign.icalc.json"
    for suffix in (".csv", ".json"):
        written = {}
        for code in ("en", "de", "pseudo"):
            out = tmp_path / f"{code}{suffix}"
            assert (
                run(
                    capsys,
                    "--lang",
                    code,
                    "estimate",
                    str(estimate),
                    "--top-up",
                    "3000",
                    "--export",
                    str(out),
                )[0]
                == 0
            )
            written[code] = out.read_bytes()
        assert written["de"] == written["en"] == written["pseudo"], suffix


def test_a_german_environment_gets_german_words_and_figures() -> None:
    """The issue's own example, as a user types it: the locale comes from LANG alone."""
    env = {**os.environ, "LANGUAGE": "", "LC_ALL": "", "LANG": "de_DE.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "quote", "Nano Banana 2", "--resolution", "2K"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout == "  Nano Banana 2, 2K: 73,5  (1 × 73,5)\nSumme: 73,5 Credits\n"


def test_the_markdown_export_is_in_the_language_with_its_figures_and_iso_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    estimate = ROOT / "resources" / "screenshots" / "spring-campaign.icalc.json"
    out = tmp_path / "de.md"
    assert run(capsys, "--lang", "de", "estimate", str(estimate), "--export", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "| Bezeichnung | Was | Anzahl |" in text and "**Summe: " in text
    assert re.search(r"\d\.\d{3} Credits", text)  # German grouping
    assert re.search(r"Stand \d{4}-\d\d-\d\d\.", text)  # a file's days stay ISO 8601


@pytest.mark.parametrize("code", ["en", "de"])
def test_no_command_reads_babel_whatever_its_language(code: str) -> None:
    """CLDR's figures come from the table beside the catalogs: reading Babel's data cost ~40 ms."""
    program = (
        "import sys; from imagine_calc.cli import main; "
        f"main(['--lang', '{code}', 'quote', 'Nano Banana 2']); "
        "assert not any(m == 'babel' or m.startswith('babel.') for m in sys.modules), 'Babel was read'"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert ("49 Credits" if code == "de" else "49 credits") in result.stdout
