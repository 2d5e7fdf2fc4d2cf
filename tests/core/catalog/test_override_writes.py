"""Where the override's writes go: backups in the order they were made whatever the clock did,
never through a link planted at the app's own files, and through the user's own link."""

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
from imagine_calc.core.errors import CatalogError

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


@pytest.fixture
def linked_override(override_file: Path, tmp_path: Path) -> Path:
    """The override is a link into the user's dotfiles folder; returns the file it names."""
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "imagine-calc.yaml"
    target.write_text("# kept in my dotfiles\nmodels:\n  - id: midjourney-v7\n    price: 30\n")
    target.chmod(0o644)
    os.symlink(os.path.relpath(target, override_file.parent), override_file)
    return target


def test_a_recording_updates_the_file_the_users_link_names(
    override_file: Path, linked_override: Path
) -> None:
    before = linked_override.read_text()
    written = overrides.record(override_file, seen(6), NIGHT)
    assert override_file.is_symlink() and override_file.resolve() == linked_override
    text = linked_override.read_text()
    assert "# kept in my dotfiles" in text and "credits: 6" in text
    assert linked_override.stat().st_mode & 0o777 == 0o644  # still the user's file, as they made it
    assert written.backup.parent == override_file.parent and written.backup.read_text() == before
    assert sorted(p.name for p in linked_override.parent.iterdir()) == ["imagine-calc.yaml"]  # no litter
    assert recorded_price(override_file) == 6


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


def test_a_link_to_a_file_not_made_yet_gets_it(override_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "dotfiles-override.yaml"
    os.symlink(target, override_file)
    written = overrides.record(override_file, seen(6), NIGHT)
    assert override_file.is_symlink() and "credits: 6" in target.read_text()
    assert not written.had_file and written.backup.read_text() == overrides.NO_FILE


def test_a_link_that_loops_is_refused_and_left(override_file: Path) -> None:
    os.symlink(override_file.name, override_file)
    with pytest.raises(OSError, match="loops"):
        overrides.record(override_file, seen(6), NIGHT)
    assert override_file.is_symlink() and not override_backups.backups(override_file)


def test_a_change_that_would_break_the_file_is_refused_by_key_and_nothing_is_written(
    override_file: Path,
) -> None:
    override_file.write_text("# mine\nmodels:\n  - id: flux-dev\n    price: 7\n")

    def negative(doc: dict[str, list[dict[str, object]]]) -> None:
        doc["models"][0]["price"] = -1

    with pytest.raises(CatalogError) as info:
        overrides.edit(override_file, negative)
    (problem,) = info.value.problems
    # the lines of a file never written are no one's: the key alone says where
    assert (problem.file, problem.line, problem.key_path) == (str(override_file), None, "models[0].price")
    assert problem.message.endswith(" (after this change)") and "negative" in problem.message
    assert override_file.read_text() == "# mine\nmodels:\n  - id: flux-dev\n    price: 7\n"


def test_revert_keeps_the_mode_of_the_file_the_users_link_names(
    override_file: Path, linked_override: Path
) -> None:
    overrides.record(override_file, seen(6), NIGHT)
    override_backups.revert(override_file, NIGHT)
    assert linked_override.stat().st_mode & 0o777 == 0o644


def test_revert_after_the_user_deleted_the_override_puts_the_backup_back(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: 7\n")
    overrides.record(override_file, seen(6), NIGHT)
    override_file.unlink()
    restored, aside = override_backups.revert(override_file, NIGHT)
    assert aside is None and not restored.exists()
    assert override_file.read_text() == "models:\n  - id: flux-dev\n    price: 7\n"


def test_nothing_to_revert_says_so(override_file: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=f"^no backup of {re.escape(str(override_file))} to go back to$"
    ):
        override_backups.revert(override_file)


def test_a_recording_replaces_one_written_by_hand_for_the_same_settings(override_file: Path) -> None:
    """A hand-written recording may leave out images (1), the enhancer (off) and the ratio (any)."""
    override_file.write_text(
        "observed:\n  - model: flux-dev\n    resolution: 1K\n    credits: 5\n    date: 2026-10-20\n"
    )
    overrides.record(override_file, seen(6), NIGHT)
    assert recorded_price(override_file) == 6
    assert override_file.read_text().count("model: flux-dev") == 1


def test_a_recording_at_another_ratio_is_kept_beside_it(override_file: Path) -> None:
    override_file.write_text(
        "observed:\n  - model: flux-dev\n    resolution: 1K\n    aspect_ratio: '16:9'\n    credits: 5\n"
        "    date: 2026-10-20\n"
    )
    overrides.record(override_file, seen(6), NIGHT)
    loaded = load_with_override(override_file)
    assert loaded.override_error is None
    assert sorted(o.credits for o in loaded.catalog.observations) == [5, 6]
