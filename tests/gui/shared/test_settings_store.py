"""The settings file is never trusted: one Qt cannot parse, or one far too large, is set aside
(kept, byte for byte) and the window starts with defaults, saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from imagine_calc.core.limits import MAX_SETTINGS_BYTES
from imagine_calc.gui.shared.settings_store import SettingsStore


def test_a_file_qt_cannot_parse_is_set_aside_and_defaults_are_used(user_dirs: Path, qapp: object) -> None:
    ini = user_dirs / "settings.ini"
    broken = b"[quote\nmodel=flux-dev\nresolution=2K\n"
    ini.write_bytes(broken)
    store = SettingsStore()
    (kept,) = user_dirs.glob("settings.ini.*.set-aside")
    assert kept.read_bytes() == broken
    assert any("could not be read as settings" in p and kept.name in p for p in store.problems)
    assert store.request().model_id == "nano-banana-2"  # not the unparsed flux-dev


def test_a_file_far_larger_than_settings_is_set_aside_unread(user_dirs: Path, qapp: object) -> None:
    ini = user_dirs / "settings.ini"
    with ini.open("wb") as fh:
        fh.write(b"[quote]\nmodel=flux-dev\n")
        fh.truncate(MAX_SETTINGS_BYTES + 1)  # sparse: no disk, and Qt would read it all
    store = SettingsStore()
    (kept,) = user_dirs.glob("settings.ini.*.set-aside")
    assert kept.stat().st_size == MAX_SETTINGS_BYTES + 1
    assert any("far more than settings take" in p for p in store.problems)
    assert store.request().model_id == "nano-banana-2"


def test_a_file_within_bounds_is_read(user_dirs: Path, qapp: object) -> None:
    (user_dirs / "settings.ini").write_text("[quote]\nmodel=flux-dev\n")
    store = SettingsStore()
    assert store.problems == [] and store.request().model_id == "flux-dev"
    assert not list(user_dirs.glob("*.set-aside"))


def test_the_copy_kept_aside_is_a_new_file_never_written_through_a_planted_link(
    user_dirs: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from imagine_calc.gui.shared import settings_store

    monkeypatch.setattr(settings_store, "stamp", lambda: "2026-11-27_10-00-00")
    victim = user_dirs / "victim.txt"
    victim.write_text("keep me")
    (user_dirs / "settings.ini.2026-11-27_10-00-00.set-aside").symlink_to(victim)
    ini = user_dirs / "settings.ini"
    ini.write_text("[quote]\nresolution=16K\n")
    store = SettingsStore()
    assert victim.read_text() == "keep me"
    kept = user_dirs / "settings.ini.2026-11-27_10-00-00-2.set-aside"
    assert kept.read_text() == "[quote]\nresolution=16K\n" and not kept.is_symlink()
    assert any(kept.name in p for p in store.problems)
