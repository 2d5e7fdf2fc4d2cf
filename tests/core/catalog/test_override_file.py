"""Writing the user's override file: a recorded price kept (one per set of settings), removed,
or any change, each only over a file that loads, with the user's comments kept, checked before
anything is written, the file as it was kept as a backup, and through the user's own link."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from imagine_calc.core.catalog import override_backups
from imagine_calc.core.catalog import override_file as overrides
from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Catalog, Observation
from imagine_calc.core.errors import CatalogError

#: 01:30 on the night summer time ends; an hour later the clock reads 01:30 again.
NIGHT = dt.datetime(2026, 10, 25, 1, 30)
DAY = dt.date(2026, 10, 24)


def seen(credits: int, model: str = "flux-dev", ratio: str | None = None) -> Observation:
    return Observation(model, "1K", ratio, 1, False, Decimal(credits), DAY)


def loaded_catalog(path: Path) -> Catalog:
    loaded = load_with_override(path)
    assert loaded.override_error is None, loaded.override_error
    return loaded.catalog


def recorded_price(path: Path) -> Decimal | None:
    return next((o.credits for o in loaded_catalog(path).observations), None)


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


def test_a_recording_keeps_the_users_comments_and_order(override_file: Path) -> None:
    override_file.write_text(
        "# my prices, checked 2026-10-20\nmodels:\n  - id: flux-dev  # cheaper on my plan\n    price: 6\n"
    )
    overrides.record(override_file, seen(6), NIGHT)
    text = override_file.read_text()
    assert text.startswith(
        "# my prices, checked 2026-10-20\nmodels:\n  - id: flux-dev  # cheaper on my plan\n"
    )
    assert "observed:" in text and recorded_price(override_file) == 6


def test_a_file_of_comments_alone_keeps_them(override_file: Path) -> None:
    override_file.write_text("# nothing here yet\n")
    overrides.record(override_file, seen(6), NIGHT)
    assert override_file.read_text().startswith("# nothing here yet\n")


def test_one_recording_per_set_of_settings_the_newest_kept(override_file: Path) -> None:
    overrides.record(override_file, seen(6), NIGHT)
    overrides.record(override_file, seen(7), NIGHT)
    overrides.record(override_file, seen(8, ratio="3:2"), NIGHT)  # another ratio: another recording
    assert [(o.aspect_ratio, o.credits) for o in loaded_catalog(override_file).observations] == [
        (None, 7),
        ("3:2", 8),
    ]
    # PyYAML, the catalog's reader, reads a bare 3:2 as the number 182: it is written quoted.
    assert 'aspect_ratio: "3:2"' in override_file.read_text()


def test_recordings_are_removed_and_the_section_with_the_last(override_file: Path) -> None:
    overrides.record(override_file, seen(6), NIGHT)
    overrides.record(override_file, seen(50, "nano-banana-2"), NIGHT)
    catalog = loaded_catalog(override_file)
    written, gone = overrides.remove_recordings(
        override_file, lambda o: o.model_id != "nano-banana-2", catalog
    )
    assert [o.credits for o in gone] == [50]
    assert [o.model_id for o in written.catalog.observations] == ["flux-dev"]
    written, gone = overrides.remove_recordings(override_file, lambda o: False, written.catalog)
    assert [o.credits for o in gone] == [6] and "observed" not in override_file.read_text()


def test_a_file_the_loader_refuses_is_never_rewritten(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: -7\n")
    with pytest.raises(CatalogError) as info:
        overrides.record(override_file, seen(6), NIGHT)
    assert info.value.first.line == 3  # the user's own line
    assert override_file.read_text() == "models:\n  - id: flux-dev\n    price: -7\n"
    assert override_backups.backups(override_file) == []


def test_a_change_that_would_break_the_file_is_refused_and_nothing_written(override_file: Path) -> None:
    override_file.write_text("images:\n  max: 6\n")

    def impossible(doc: Any) -> None:
        doc["images"]["min"] = 9

    with pytest.raises(CatalogError) as info:
        overrides.edit(override_file, impossible, NIGHT)
    [problem] = info.value.problems
    assert problem.line is None  # the lines of a file never written are nobody's
    assert problem.message == "images.min is larger than images.max (after this change)"
    assert (
        override_file.read_text() == "images:\n  max: 6\n" and override_backups.backups(override_file) == []
    )


def test_a_change_that_would_make_the_file_too_large_is_refused(override_file: Path) -> None:
    def huge(doc: Any) -> None:
        doc["notes"] = "x" * 4_000_001

    with pytest.raises(CatalogError, match=r"the changed file would be 40000\d\d bytes, over 4000000 bytes"):
        overrides.edit(override_file, huge, NIGHT)
    assert not override_file.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n- list\n", "an override file is a mapping of sections"),
        ("models: [unclosed\n", "not valid YAML"),
    ],
)
def test_a_document_that_cannot_be_edited_says_why(text: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        overrides.load_document(text, "override.yaml")


def test_the_backup_is_named_in_words_whether_there_was_a_file_or_not(override_file: Path) -> None:
    first = overrides.record(override_file, seen(6), NIGHT)
    assert not first.had_file
    assert first.backup_words() == (
        f"there was no override file before ({first.backup.name} notes that: a revert goes back to none)"
    )
    second = overrides.record(override_file, seen(7), NIGHT)
    assert second.backup_sentence() == f"The file as it was is kept as {second.backup.name}."


def test_prices_are_written_as_yaml_numbers_whole_or_not() -> None:
    assert overrides.yaml_number(Decimal(7)) == 7 and isinstance(overrides.yaml_number(Decimal(7)), int)
    assert overrides.yaml_number(Decimal("73.5")) == 73.5


def test_a_change_refused_names_the_key_and_the_file_it_would_have_broken(override_file: Path) -> None:
    override_file.write_text("# mine\nmodels:\n  - id: flux-dev\n    price: 7\n")

    def negative(doc: dict[str, list[dict[str, object]]]) -> None:
        doc["models"][0]["price"] = -1

    with pytest.raises(CatalogError) as info:
        overrides.edit(override_file, negative)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.key_path) == (str(override_file), None, "models[0].price")
    assert problem.message.endswith(" (after this change)") and "negative" in problem.message
    assert override_file.read_text() == "# mine\nmodels:\n  - id: flux-dev\n    price: 7\n"


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
