"""The shared folder and the name teammates see: kept once for the window and the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from imagine_calc.core.catalog.sharing import (
    SUFFIX,
    Sharing,
    SharingError,
    check_name,
    file_stem,
    load_sharing,
    save_sharing,
)


def test_nothing_is_shared_until_the_user_says_where() -> None:
    sharing, note = load_sharing()
    assert sharing == Sharing() and note is None


def test_the_folder_and_name_are_kept_with_an_install_id(tmp_path: Path) -> None:
    kept = save_sharing(Sharing(tmp_path, "Ana"))
    assert len(kept.install_id) == 8
    assert load_sharing() == (kept, None)
    assert kept.own_file() == tmp_path / f"ana-{kept.install_id}{SUFFIX}"


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Ana María", "ana-maría"),
        ("../../etc/passwd", "etc-passwd"),
        ("...", "teammate"),
        ("a/b\\c", "a-b-c"),
    ],
)
def test_a_name_becomes_a_safe_file_stem(name: str, stem: str) -> None:
    assert file_stem(name) == stem
    assert len(file_stem("x" * 500)) == 40


@pytest.mark.parametrize("bad", ["", "   ", "a\x1b[2Jb", "x" * 61, "right\u202eleft"])
def test_a_name_with_controls_or_too_long_is_refused(bad: str) -> None:
    with pytest.raises(SharingError):
        check_name(bad)


def test_a_damaged_setting_is_set_aside_not_deleted(user_dirs: Path) -> None:
    (user_dirs / "sharing.json").write_text('{"folder": 7}')
    sharing, note = load_sharing()
    assert sharing == Sharing()
    assert note is not None and "was not used" in note
    assert [p for p in os.listdir(user_dirs) if p.startswith("sharing.json.")]
