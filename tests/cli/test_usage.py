"""What a script writer meets in the first hour: mistakes exit 2 with a suggestion and never open
a window, help says defaults and values, scales read as they are written, an override that is
not there is an error, a budget in text and JSON, and shell completion that completes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imagine_calc.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "screenshots" / "spring-campaign.icalc.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # --help and --version exit through argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_a_mistyped_command_exits_2_at_once_without_starting_qt() -> None:
    code = (
        "import sys; from imagine_calc.cli import main; rc = main(['qoute', 'x']); "
        "print('PySide6' in sys.modules); sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=no_display_env(), timeout=30
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "imagine-calc: unknown command 'qoute' (did you mean 'quote'?)"
    assert done.stdout.strip() == "False"  # Qt never imported: no window, no abort without a display
    # How soon it answers is measured in benchmarks/bench_core.py, where timings belong.


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--colour-scheme", "dark"], "unknown option '--colour-scheme' (did you mean '--color-scheme'?)"),
        (["--selftst"], "(did you mean '--selftest'?)"),
        (["https://example.com/a.png"], "is a web address. imagine-calc works offline and does not download"),
        (["models", "--jsn"], "unrecognized arguments: --jsn (did you mean '--json'?)"),
        (["upscale", "x.png", "--sacle", "2"], "(did you mean '--scale'?)"),
        (["no-such-photo.png"], "'no-such-photo.png' is not a command, and no such file or folder exists"),
        (["quote", "GPT Image 1.5"], "did you mean 'ChatGPT 1.5'?"),
        (["--override", "typo.yaml"], "--override typo.yaml: no such file"),
        (["quote", "flux dev", "--override", "typo.yaml"], "--override typo.yaml: no such file"),
        (["upscale", "x.png", "--scale", "two"], "not a scale: 'two' (write 2, 2x or 2×)"),
        (
            ["estimate", str(SAMPLE), "--rate", "cheap"],
            "--rate: a price per credit must be a number, got 'cheap'",
        ),
    ],
)
def test_mistakes_exit_2_with_one_line_and_a_suggestion(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and out == ""


def test_a_suggested_model_is_the_close_one_not_a_list_of_all(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "quote", "GPT Image 1.5")
    assert "Nano Banana" not in err


@pytest.mark.parametrize("scale", ["4", "4x", "4X", "4×"])
def test_scales_are_read_as_every_message_writes_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, scale: str
) -> None:
    from tests.images import write_image

    image = write_image(tmp_path / "a.png", 100, 100)
    code, out, _ = run(capsys, "upscale", str(image), "--scale", scale, "--json")
    assert code == 0 and json.loads(out)["scale"] == 4


def test_override_works_after_the_command_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    override = tmp_path / "mine.yaml"
    override.write_text("")  # an empty override changes nothing, and records can go into it
    assert run(capsys, "record", "Flux Dev", "11", "--override", str(override))[0] == 0
    _, before, _ = run(capsys, "--override", str(override), "quote", "flux dev")
    _, after, _ = run(capsys, "quote", "flux dev", "--override", str(override))
    assert before == after and "11 credits, observed" in after


def test_help_says_defaults_and_allowed_values_and_works_after_window_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--color-scheme", "dark", "--help")
    assert code == 0
    assert "--color-scheme" in out and "(default: system)" in out and "FILE" in out
    assert "README" not in out  # a wheel install has none
    _, out, _ = run(capsys, "quote", "--help")
    assert "(default: 1K)" in out and "1K|2K|3K|4K" in out and "(default: 1)" in out
    _, out, _ = run(capsys, "upscale", "--help")
    out = " ".join(out.split())  # as argparse wraps it to the terminal
    assert "topaz (2×, 4×)" in out and "magnific (2×, 4×, 8×, 16×)" in out and "2, 2x or 2×" in out


def test_estimate_prints_the_budget_the_window_shows(capsys: pytest.CaptureFixture[str]) -> None:
    balances = ["--subscription", "12000", "--renews", "2026-12-20", "--top-up", "500"]
    money = ["--rate", "0.012", "--currency", "EUR"]
    code, out, _ = run(capsys, "estimate", str(SAMPLE), *balances, *money)
    assert code == 0
    assert "Total: at least about 19,057 credits (at least about 228.69 EUR" in out
    assert "Subscription credits: 12,000 of 12,000 used, 0 left" in out
    assert "Short by at least about 6,557 credits: some prices are not known." in out

    _, out, _ = run(capsys, "estimate", str(SAMPLE), *balances, *money, "--json")
    data = json.loads(out)
    assert data["budget"]["short"] == "6557.1456"
    assert data["money"]["currency"] == "EUR" and data["money"]["per_credit"] == "0.012"
    assert "Short by at least about 6,557 credits: some prices are not known." in data["budget"]["text"]

    assert [row["used_bound"] for row in data["budget"]["balances"]] == ["exact", "exact"]
    assert all(row["state"] == "approximate_lower_bound" for row in data["budget"]["balances"])

    _, out, _ = run(capsys, "estimate", str(SAMPLE), "--subscription", "40000")
    fits = "The known prices fit, with at most about 20,943 credits left, but some prices are not known: "
    assert fits + "they come on top and may not fit." in out
    assert "Subscription credits: at least about 19,057 of 40,000 used, at most about 20,943 left" in out
    assert "Up to about 20,943 subscription credits would be lost at your next renewal unless spent." in out
    assert "Covered" not in out and "Top-up credits" not in out  # no top-up given, no line for it
    _, out, _ = run(capsys, "estimate", str(SAMPLE), "--subscription", "40000", "--json")
    row = json.loads(out)["budget"]["balances"][0]
    assert (row["used_bound"], row["left_bound"], row["complete"]) == ("at_least", "at_most", False)


def test_bash_completion_completes_commands_options_and_model_names(tmp_path: Path) -> None:
    script = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shim = tmp_path / "imagine-calc"  # the script calls imagine-calc for model names
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m imagine_calc "$@"\n')
    shim.chmod(0o755)

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{w}'" for w in ("imagine-calc", *words))
        probe = (
            f"{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words)}; _imagine_calc 2>/dev/null; "
            'printf "%s\\n" "${COMPREPLY[@]}"'
        )
        env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
        return subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=env).stdout.split(
            "\n"
        )

    assert "quote" in complete("qu")
    assert complete("upscale", "--sc") == ["--scale", ""]
    assert "--prompt-enhancer" in complete("quote", "--pro")
    names = complete("quote", "Nano")
    assert "Nano\\ Banana\\ 2" in names and "Nano\\ Banana\\ Pro" in names
    assert "2K" in complete("quote", "x", "--resolution", "")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_completion_script_names_every_command(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0
    for command in ("models", "quote", "upscale", "catalog", "estimate", "record"):
        assert command in out
    assert "--prompt-enhancer" in out.replace("-l prompt-enhancer", "--prompt-enhancer")
    if shell == "bash":
        assert subprocess.run(["bash", "-n"], input=out, text=True).returncode == 0
