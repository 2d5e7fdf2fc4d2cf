"""What can happen to the app's files between two starts: the catalog changes under saved
settings and estimates (an override shrinks a model, a page is applied, an override is
removed), and what was saved is damaged or aged (a crash, an older version, a full disk, a
clock). The monkey walk (tests/gui/monkey.py) quits, applies one or two of these, and starts
again: every start must open the window.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

from imagine_calc.cli import main as cli
from imagine_calc.core.paths import config_dir, override_path

#: Written by versions before one working estimate per window (gui/estimate/working_copies.py).
LEGACY_WORKING_COPY = "unsaved-estimate.icalc.json"


class BetweenStarts:
    """Changes to the catalog and to saved state, each a method; `apply` picks some."""

    def __init__(self, rng: random.Random, pages: list[Path], current_model: Callable[[], str]) -> None:
        self.rng = rng
        self.pages = pages
        self.current_model = current_model
        self.changes: list[Callable[[], None]] = [
            self.shrink_the_current_model,
            self.add_a_model,
            self.remove_the_override,
            self.apply_a_page,
            self.damage_the_settings,
            self.damage_a_working_copy,
            self.tamper_with_the_catalog_cache,
            self.leave_an_older_versions_file,
        ]

    def apply(self) -> list[str]:
        """One or two changes, by name (for the walk's log)."""
        chosen = self.rng.sample(self.changes, self.rng.randint(1, 2))
        for change in chosen:
            change()
        return [change.__name__ for change in chosen]

    # --- the catalog ------------------------------------------------------------------------

    def shrink_the_current_model(self) -> None:
        """A page update takes tiers and ratios away from the model the settings name."""
        override_path().write_text(
            f"models:\n  - id: {self.current_model()}\n    price: 7\n"
            "    max_resolution: 1K\n    aspect_ratios: ['4:5']\n",
            encoding="utf-8",
        )

    def add_a_model(self) -> None:
        override_path().write_text(
            "models:\n  - id: monkey-model\n    name: Monkey <b>Model</b>\n    description: Added.\n"
            "    price: {1K: 3, 2K: 6}\n    max_resolution: 2K\n    aspect_ratios: ['1:1', '3:2']\n",
            encoding="utf-8",
        )

    def remove_the_override(self) -> None:
        """The model settings and estimates name may be gone with it."""
        override_path().unlink(missing_ok=True)

    def apply_a_page(self) -> None:
        page = self.rng.choice(self.pages)
        cli(["catalog", "--update-from", str(page), "--apply"])

    # --- saved state ------------------------------------------------------------------------

    def damage_the_settings(self) -> None:
        ini = config_dir() / "settings.ini"
        damage = self.rng.choice(
            [
                b"[quote\nmodel=flux-dev\n",
                b"\xff\xfe\x00garbage\x00" * 50,
                b"[quote]\nmodel=gone-model\nresolution=4K\naspect_ratio=99:1\nimages=0\n",
                b"[budget]\nsubscribed=true\nrenewal=2001-01-01\nsubscription=-1\n",
                b"",
            ]
        )
        if ini.exists() and self.rng.random() < 0.3:
            ini.write_bytes(ini.read_bytes()[: len(ini.read_bytes()) // 2])  # cut short mid-write
        else:
            ini.write_bytes(damage)

    def damage_a_working_copy(self) -> None:
        folder = config_dir() / "working-estimates"
        copies = sorted(folder.glob("*.json")) if folder.is_dir() else []
        if not copies:
            return
        target = self.rng.choice(copies)
        target.write_text(
            self.rng.choice(
                [
                    "",
                    "[" * 50_000,
                    '{"format": "imagine-calc-estimate", "format_version": 1, "items": [{"kind": 7}]}',
                    '{"format": "imagine-calc-estimate", "format_version": 99, "items": []}',
                    json.dumps({"path": 5, "modified": "yes"}),
                    '{"format": "imagine-calc-estimate", "format_version": 1, "title": "\\ud800",'
                    ' "items": [{"kind": "generation", "model": "gone-model", "label": "\\udcff"}]}',
                ]
            ),
            encoding="utf-8",
        )

    def tamper_with_the_catalog_cache(self) -> None:
        cache = config_dir() / "cache"
        for cached in cache.glob("catalog-*.json") if cache.is_dir() else []:
            if self.rng.random() < 0.5:
                cached.write_text(cached.read_text(encoding="utf-8").replace('"5"', '"NaN"', 1))
            else:
                os.utime(cached, (0, 0))  # a cache from 1970

    def leave_an_older_versions_file(self) -> None:
        (config_dir() / LEGACY_WORKING_COPY).write_text(
            '{"format": "imagine-calc-estimate", "format_version": 1, "title": "Older", "items": ['
            '{"kind": "generation", "model": "flux-dev", "resolution": "4K", "aspect_ratio": "21:9",'
            ' "images": 9, "count": 3}]}',
            encoding="utf-8",
        )
