"""The settings file is never trusted: one Qt cannot parse, or one far too large, is set aside
(kept, byte for byte) and the window starts with defaults, saying so. A file an earlier version
wrote loads as it was saved (tests/fixtures/settings: each written by the window of the commit it
is named after, the saved estimate's path made neutral), and is upgraded only when something is
written; a file of a newer format is read as far as this version knows it, and copied aside."""

from __future__ import annotations

import configparser
import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.limits import MAX_SETTINGS_BYTES
from imagine_calc.core.pricing.quotes import GenerationRequest
from imagine_calc.gui.shared import settings_keys as keys
from imagine_calc.gui.shared.settings_keys import FORMAT, FORMAT_VERSION, upgrade_to_1
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


# --- formats: files of earlier versions load, newer ones are never written over blindly ----------

FIXTURES = Path(__file__).parents[2] / "fixtures" / "settings"


class CaseKept(configparser.RawConfigParser):
    """Keys as Qt writes them (configparser lowers them)."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def sections(path: Path) -> dict[str, dict[str, str]]:
    """An INI file as {section: {key: text}}, read without Qt."""
    parser = CaseKept(interpolation=None)
    parser.read(path, encoding="utf-8")
    return {name: dict(parser[name]) for name in parser.sections()}


@pytest.mark.parametrize(
    ("written_by", "request_", "balances"),
    [
        # The first window (4c8b5b0): the quote and the window's geometry.
        (
            "4c8b5b0",
            GenerationRequest("chatgpt", "1K", "1:1", 2, False),
            Balances.of_whole(False, 0, None, 0, 0),
        ),
        # The Estimate tab (c071a42): balances, money and the working estimate's saved file.
        (
            "c071a42",
            GenerationRequest("flux-dev", "1K", "16:9", 2, False),
            Balances.of_whole(True, 8000, dt.date(2027, 1, 2), 3000, 0),
        ),
        # The version before formats were numbered (d57bfed).
        (
            "d57bfed",
            GenerationRequest("seedream-v4", "4K", "16:9", 3, True),
            Balances.of_whole(True, 12000, dt.date(2026, 12, 20), 500, 0),
        ),
    ],
)
def test_a_file_an_earlier_version_wrote_loads_as_saved_and_is_upgraded_with_the_first_write(
    user_dirs: Path, qapp: object, written_by: str, request_: GenerationRequest, balances: Balances
) -> None:
    ini = user_dirs / "settings.ini"
    shutil.copy(FIXTURES / f"written-by-{written_by}.ini", ini)
    before = ini.read_bytes()
    store = SettingsStore()
    assert store.problems == []
    assert store.request() == request_ and store.balances() == balances
    assert isinstance(store.get(keys.WINDOW_GEOMETRY), QByteArray)
    store.sync()
    assert ini.read_bytes() == before  # read, never written: a window that saves nothing changes nothing
    store.set(keys.TOP_UP, 42)
    store.sync()
    after = sections(ini)
    assert after.pop("General") == {"format_version": "1"}
    expected = sections(FIXTURES / f"written-by-{written_by}.ini")
    expected.setdefault("budget", {})["top_up"] = "42"
    assert after == expected  # every other key as it was
    again = SettingsStore()
    assert again.problems == [] and again.request() == request_ and again.get(keys.TOP_UP) == 42
    assert not list(user_dirs.glob("*.set-aside"))


def test_the_saved_file_of_an_estimate_from_before_one_working_estimate_per_window_is_still_read(
    user_dirs: Path, qapp: object
) -> None:
    shutil.copy(FIXTURES / "written-by-c071a42.ini", user_dirs / "settings.ini")
    assert SettingsStore().estimate_session() == (Path("/home/ana/estimates/spring.icalc.json"), True)


def test_a_new_file_is_written_in_this_format_only_once_something_is_set(
    user_dirs: Path, qapp: object
) -> None:
    ini = user_dirs / "settings.ini"
    store = SettingsStore()
    store.sync()
    assert not ini.exists()  # a screenshot, or a window that saves nothing, leaves no file
    store.set(keys.IMAGES, 2)
    store.sync()
    assert sections(ini) == {"General": {"format_version": str(FORMAT_VERSION)}, "quote": {"images": "2"}}


def test_a_file_of_a_newer_format_is_read_as_far_as_known_said_and_copied_before_any_write(
    user_dirs: Path, qapp: object
) -> None:
    ini = user_dirs / "settings.ini"
    newer = (
        "[General]\nformat_version=7\n"
        "[quote]\nmodel=flux-dev\nimages=several\n"
        "[budget]\nrenewal=next-tuesday\n"
        "[teams]\nshared_pool=12000\n"
    )
    ini.write_text(newer)
    store = SettingsStore()
    (kept,) = user_dirs.glob("settings.ini.*.set-aside")
    assert kept.read_text() == newer
    first, *rest = store.problems
    assert "newer version of imagine-calc (settings format 7; this version knows format 1)" in first
    assert kept.name in first
    assert store.request().model_id == "flux-dev"  # what it knows is read
    assert store.request().images == 1 and any("quote/images" in p for p in rest)  # unfit: said, default
    assert not any(kept.name in p for p in rest)  # one copy, said once
    store.set(keys.IMAGES, 3)
    store.sync()
    written = sections(ini)
    assert written["General"] == {"format_version": "7"}  # never claimed to be older than it is
    assert written["teams"] == {"shared_pool": "12000"}  # what it does not know is left as it was
    assert written["quote"]["images"] == "3"


def test_a_format_that_is_no_number_is_said_and_read_as_format_0(user_dirs: Path, qapp: object) -> None:
    (user_dirs / "settings.ini").write_text("[General]\nformat_version=one\n[quote]\nmodel=flux-dev\n")
    store = SettingsStore()
    assert store.problems[0].startswith("Setting format_version was 'one' (not a whole number")
    assert store.request().model_id == "flux-dev"
    assert len(list(user_dirs.glob("settings.ini.*.set-aside"))) == 1


def rename_count_to_images(values: dict[str, object]) -> None:
    """A hypothetical format 2 step: the number of images had been kept as `quote/count`."""
    if "quote/count" in values:
        values["quote/images"] = values.pop("quote/count")
    values[FORMAT.key] = 2


@pytest.mark.parametrize(
    ("saved", "steps_run"),
    [("", 2), ("[General]\nformat_version=1\n", 1), ("[General]\nformat_version=2\n", 0)],
    ids=["format-0", "format-1", "format-2"],
)
def test_the_steps_a_file_needs_run_in_order_and_are_written_with_the_first_setting(
    user_dirs: Path, qapp: object, saved: str, steps_run: int
) -> None:
    ini = user_dirs / "settings.ini"
    ini.write_text(saved + "[quote]\ncount=3\nmodel=flux-dev\n")
    ran: list[str] = []

    def to_1(values: dict[str, object]) -> None:
        ran.append("to_1")
        upgrade_to_1(values)

    def to_2(values: dict[str, object]) -> None:
        ran.append("to_2")
        rename_count_to_images(values)

    store = SettingsStore(upgrades=(to_1, to_2))
    assert ran == ["to_1", "to_2"][2 - steps_run :]
    assert store.problems == []
    assert store.get(keys.IMAGES) == (3 if steps_run else 1)  # format 2 never had quote/count
    assert "count=3" in ini.read_text()  # upgraded in memory only, until something is written
    store.set(keys.PROMPT_ENHANCER, True)
    store.sync()
    written = sections(ini)
    assert written["General"] == {"format_version": "2"}
    if steps_run:
        assert written["quote"] == {"images": "3", "model": "flux-dev", "prompt_enhancer": "true"}


def test_a_file_whose_copy_cannot_be_kept_is_never_written(
    user_dirs: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from imagine_calc.gui.shared import settings_store

    def refuse(*_: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_store, "copy_aside", refuse)
    ini = user_dirs / "settings.ini"
    ini.write_text("[quote]\nresolution=16K\nmodel=flux-dev\n")
    before = ini.read_bytes()
    store = SettingsStore()
    assert "could not be copied aside" in store.problems[0] and "changes are not saved" in store.problems[0]
    store.set(keys.RESOLUTION, "2K")
    store.sync()
    assert ini.read_bytes() == before
    assert store.get(keys.RESOLUTION) == "2K"  # kept while the window runs
