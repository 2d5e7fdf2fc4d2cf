"""Completion treats model names as data: a name from an override file or an applied page that
looks like shell code is offered quoted, never run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


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
