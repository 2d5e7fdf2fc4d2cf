"""A wheel install in a fresh venv finds its bundled catalog and its translations without the
source tree, compiling nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_pip_install_into_a_new_venv_then_quote(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", str(ROOT)],
        check=True,
        cwd=tmp_path,
        env=clean_env,
        capture_output=True,
    )
    result = subprocess.run(
        [
            str(bindir / "imagine-calc"),
            "quote",
            "Nano Banana 2",
            "--resolution",
            "2K",
            "--images",
            "2",
            "--json",
        ],
        cwd=tmp_path,
        env=clean_env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["total_credits"] == 147
    where = subprocess.run(
        [
            str(bindir / "python"),
            "-c",
            "import imagine_calc.catalog as c, importlib.resources as r; print(c.__file__); "
            "print(sorted(p.name for p in r.files(c).iterdir() if p.name.endswith('.yaml')))",
        ],
        cwd=tmp_path,
        env=clean_env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(env_dir) in where and str(ROOT) not in where
    assert "10-models.yaml" in where
    assert sys.executable not in where
    # The compiled translations ship: German with its decimal comma, from the installed package.
    german = subprocess.run(
        [str(bindir / "imagine-calc"), "quote", "Nano Banana 2", "--resolution", "2K"],
        cwd=tmp_path,
        env={**clean_env, "LANGUAGE": "", "LC_ALL": "", "LANG": "de_DE.UTF-8"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Summe: 73,5 Credits" in german
