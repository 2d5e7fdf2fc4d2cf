"""The override file's backups: kept before every change, numbered so they go back in the order
they were made whatever the clock did, never written through a link planted at their names, and
put back by revert (through the user's own link too), one step per call."""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog import override_backups
from imagine_calc.core.catalog import override_file as overrides
from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation

#: 01:30 on the night summer time ends; an hour later the clock reads 01:30 again.
NIGHT = dt.datetime(2026, 10, 25, 1, 30)
STAMP = "2026-10-25_01-30-00"


def seen(credits: int) -> Observation:
    return Observation("flux-dev", "1K", None, 1, False, Decimal(credits), dt.date(2026, 10, 24))


def recorded_price(path: Path) -> Decimal | None:
    loaded = load_with_override(path)
    assert loaded.override_error is None, loaded.override_error
    return next((o.credits for o in loaded.catalog.observations), None)


def test_revert_after_the_clock_goes_back_undoes_the_last_change(override_file: Path) -> None:
    overrides.record(override_file, seen(81), NIGHT)
    overrides.record(override_file, seen(82), NIGHT + dt.timedelta(minutes=20))
    overrides.record(override_file, seen(83), NIGHT - dt.timedelta(minutes=40))  # the clock fell back
    assert recorded_price(override_file) == 83
    override_backups.revert(override_file)
    assert recorded_price(override_file) == 82  # was 81: the backups were ordered by local time
    override_backups.revert(override_file)
    assert recorded_price(override_file) == 81
    override_backups.revert(override_file)
    assert recorded_price(override_file) is None
    assert override_backups.backups(override_file) == []


def test_backups_are_numbered_and_the_number_only_grows(override_file: Path) -> None:
    for minutes, credits in ((0, 5), (-90, 6), (-200, 7)):
        overrides.record(override_file, seen(credits), NIGHT + dt.timedelta(minutes=minutes))
    names = [p.name for p in override_backups.backups(override_file)]
    assert names == [
        "override.yaml.0001.2026-10-25_01-30-00.bak",
        "override.yaml.0002.2026-10-25_00-00-00.bak",
        "override.yaml.0003.2026-10-24_22-10-00.bak",
    ]


def test_backups_named_by_local_time_alone_keep_their_order_before_the_numbered(
    override_file: Path,
) -> None:
    """Backups an earlier version made: by the time in their names, then -2, -3."""
    old = {
        "override.yaml.2026-11-27_16-30-05-2.bak": "second",
        "override.yaml.2026-11-26_09-00-00.bak": "first",
        "override.yaml.2026-11-27_16-30-05-3.bak": "third",
    }
    for name, label in old.items():
        (override_file.parent / name).write_text(f"# {label}\n")
    override_file.write_text("# fourth\n")
    overrides.record(override_file, seen(5), NIGHT)  # a year later, the clock reads earlier
    for label in ("fourth", "third", "second", "first"):
        override_backups.revert(override_file)
        assert override_file.read_text() == f"# {label}\n"


def test_no_write_goes_through_a_link_planted_at_a_backups_name(override_file: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious\n")
    override_file.write_text("# mine\n")
    planted = override_file.parent / f"override.yaml.0001.{STAMP}.bak"
    dangling = override_file.parent / f"override.yaml.0002.{STAMP}.bak"
    os.symlink(victim, planted)
    os.symlink(tmp_path / "nowhere", dangling)
    written = overrides.record(override_file, seen(5), NIGHT)
    assert victim.read_bytes() == b"precious\n" and not (tmp_path / "nowhere").exists()
    assert planted.is_symlink() and dangling.is_symlink()  # left alone, never replaced
    assert written.backup.name == f"override.yaml.0003.{STAMP}.bak"
    assert written.backup.read_text() == "# mine\n"
    assert override_backups.backups(override_file) == [written.backup]  # a link is never put back


def test_revert_never_sets_aside_through_a_planted_link(override_file: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious\n")
    overrides.record(override_file, seen(5), NIGHT)
    current = override_file.read_bytes()
    planted = override_file.parent / f"override.yaml.{STAMP}.reverted"
    os.symlink(victim, planted)
    _, aside = override_backups.revert(override_file, NIGHT)
    assert victim.read_bytes() == b"precious\n" and planted.is_symlink()
    assert aside is not None and aside.name == f"override.yaml.{STAMP}-2.reverted"
    assert aside.read_bytes() == current


def test_revert_goes_back_in_the_file_the_users_link_names(
    override_file: Path, linked_override: Path
) -> None:
    before = linked_override.read_text()
    overrides.record(override_file, seen(6), NIGHT)
    changed = linked_override.read_text()
    restored, aside = override_backups.revert(override_file, NIGHT)
    assert override_file.is_symlink() and linked_override.read_text() == before
    assert aside is not None and aside.read_text() == changed  # the file it replaced, kept
    assert not restored.exists()  # used up, as a renamed backup would be
    with pytest.raises(FileNotFoundError):
        override_backups.revert(override_file)


def test_with_no_backup_there_is_nothing_to_revert_to(override_file: Path) -> None:
    override_file.write_text("# mine\n")
    nothing = f"no backup of {re.escape(str(override_file))} to go back to"
    with pytest.raises(FileNotFoundError, match=nothing):
        override_backups.revert(override_file)
    assert override_file.read_text() == "# mine\n"


def test_only_files_named_as_backups_of_this_file_are_backups(override_file: Path) -> None:
    folder = override_file.parent
    for name in (
        "override.yaml.notes.bak",  # not a backup's name
        "override.yaml.0001.2026-10-25_01-30.bak",  # a time without seconds
        "override.yaml2.0001.2026-10-25_01-30-00.bak",  # another file's backup
        "override.yaml.0001.2026-10-25_01-30-00.bak.swp",
    ):
        (folder / name).write_text("# not mine\n")
    assert override_backups.backups(override_file) == []


def test_a_file_whose_name_holds_glob_characters_finds_its_own_backups(tmp_path: Path) -> None:
    odd = tmp_path / "over[ride]*.yaml"
    backup = override_backups.keep_backup(odd, b"# as it was\n", NIGHT)
    assert backup.name == f"over[ride]*.yaml.0001.{STAMP}.bak"
    assert override_backups.backups(odd) == [backup]


def test_a_backup_is_stamped_with_the_clocks_time_when_none_is_given(
    override_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(override_backups, "clock", lambda: dt.datetime(2027, 1, 2, 3, 4, 5))
    backup = override_backups.keep_backup(override_file, b"# as it was\n")
    assert backup.name == "override.yaml.0001.2027-01-02_03-04-05.bak"


def test_revert_after_the_override_was_deleted_puts_the_backup_back_and_sets_nothing_aside(
    override_file: Path,
) -> None:
    overrides.record(override_file, seen(5), NIGHT)
    overrides.record(override_file, seen(6), NIGHT)
    override_file.unlink()
    restored, aside = override_backups.revert(override_file, NIGHT)
    assert aside is None and not restored.exists()
    assert recorded_price(override_file) == 5


def test_revert_keeps_the_mode_of_the_file_the_users_link_names(
    override_file: Path, linked_override: Path
) -> None:
    overrides.record(override_file, seen(6), NIGHT)
    override_backups.revert(override_file, NIGHT)
    assert linked_override.stat().st_mode & 0o777 == 0o644


def test_nothing_to_revert_says_so_in_exactly_these_words(override_file: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=f"^no backup of {re.escape(str(override_file))} to go back to$"
    ):
        override_backups.revert(override_file)
