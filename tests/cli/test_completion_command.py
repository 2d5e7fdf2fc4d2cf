"""`imagine-calc completion SHELL`: scripts for bash, zsh and fish that complete commands, each
command's options and model names; the names are data: one that looks like shell code is offered
quoted, never run, and the scripts ask for them, so a price update completes at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from imagine_calc.core.language import LANGUAGES


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="bash is not installed")
def test_a_model_name_is_never_run_by_bash_completion(tmp_path: Path, override_file: Path) -> None:
    pwned = tmp_path / "PWNED"
    name = f"Evil $(touch {pwned}) `touch {pwned}`"
    override_file.write_text(
        f"models:\n  - id: evil\n    name: '{name}'\n    description: d\n    price: 5\n"
        "    max_resolution: 1K\n    aspect_ratios: ['1:1']\n",
        encoding="utf-8",
    )
    script = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shim = tmp_path / "imagine-calc"  # the script calls imagine-calc for model names
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m imagine_calc "$@"\n')
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}

    def complete(cur: str) -> list[str]:
        words = f"COMP_WORDS=(imagine-calc quote '{cur}'); COMP_CWORD=2"
        probe = f'{script}\n{words}; _imagine_calc; printf "%s\\n" "${{COMPREPLY[@]}}"'
        return subprocess.run(
            ["bash", "-c", probe], capture_output=True, text=True, env=env
        ).stdout.splitlines()

    offered = complete("Ev")
    assert not pwned.exists()
    assert len(offered) == 1
    # Quoted for the command line: bash reads it back as exactly the name.
    back = subprocess.run(["bash", "-c", f"printf %s {offered[0]}"], capture_output=True, text=True).stdout
    assert back == name and not pwned.exists()
    assert "Nano\\ Banana\\ 2" in complete("Nano")
    assert complete("Nano\\ Banana\\ P") == ["Nano\\ Banana\\ Pro"]


def test_the_model_words_are_every_name_then_every_id_a_line_each(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    from imagine_calc.cli import main
    from imagine_calc.core.catalog.loader import load_catalog

    catalog = load_catalog()
    assert main(["completion", "bash", "--words", "models"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [m.name for m in catalog.models] + [m.id for m in catalog.models]
    assert len(lines) == 50  # the page's 25 models


def test_a_model_name_with_a_line_break_is_still_one_word(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    from imagine_calc.cli import main

    override_file.write_text(
        'models:\n  - id: two-lines\n    name: "Two\\nLines"\n    description: d\n    price: 5\n'
        "    max_resolution: 1K\n    aspect_ratios: ['1:1']\n",
        encoding="utf-8",
    )
    main(["completion", "zsh", "--words", "models"])
    lines = capsys.readouterr().out.splitlines()
    assert "Two\\nLines" in lines and "Lines" not in lines


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_offers_each_commands_own_options(shell: str) -> None:
    from imagine_calc.cli.completion_command import script

    text = script(shell)
    if shell == "bash":
        assert (
            'upscale) COMPREPLY=($(compgen -W "--engine --help --json --lang --override --scale" '
            '-- "$cur"));;' in text
        )
        assert (
            '*) COMPREPLY=($(compgen -W "--color-scheme --help --lang --override --screenshot --selftest '
            '--version"' in text
        )
        codes = " ".join([*LANGUAGES, "pseudo"])  # every catalog there is, and the testers' one
        assert f'--lang) COMPREPLY=($(compgen -W "{codes}" -- "$cur")); return;;' in text
    elif shell == "zsh":
        assert "upscale) compadd -- --engine --help --json --lang --override --scale;;" in text
        assert "local cmd=${words[(r)(models|quote|upscale|catalog|estimate|record|completion)]}" in text
    else:
        assert "complete -c imagine-calc -n '__fish_seen_subcommand_from upscale' -l scale" in text
        assert "complete -c imagine-calc -n '__fish_use_subcommand' -l selftest" in text


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_options_the_help_hides_are_not_offered(shell: str) -> None:
    """--recover (a window's recovery) and --words (what the scripts ask) are not for people to type."""
    from imagine_calc.cli.completion_command import script

    text = script(shell)
    assert "recover" not in text
    assert text.count("--words") == text.count("--words models") == 1  # only in the script's own call
