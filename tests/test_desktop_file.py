"""The Linux .desktop entry names the command and the icon the bundle installs."""

from __future__ import annotations

import configparser
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def test_desktop_entry_launches_the_app_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(RESOURCES / "imagine-calc.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"].split() == ["imagine-calc", "%f"]  # "Open with" passes an estimate or an image
    assert (RESOURCES / f"{entry['Icon']}.svg").is_file()
    assert entry["Categories"].endswith(";") and entry["Name"]
