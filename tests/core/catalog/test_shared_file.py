"""The user's own file in the shared folder: the only one written there, never through a link."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_file import LINK, NO_NAME, UNREADABLE, NotShared, record_shared
from imagine_calc.core.catalog.shared_recordings import read_shared
from imagine_calc.core.catalog.sharing import Sharing

SEEN = Observation("nano-banana-2", "1K", None, 1, False, Decimal(52), dt.date(2026, 12, 2))


def test_a_recording_goes_to_the_users_own_file_with_their_name(tmp_path: Path) -> None:
    sharing = Sharing(tmp_path, "Bo", "0123abcd")
    written = record_shared(sharing, SEEN)
    record_shared(sharing, Observation(*SEEN.settings(), Decimal(53), SEEN.date))  # replaces it
    assert written.path == tmp_path / "bo-0123abcd.recordings.yaml"
    assert [o for _, o in read_shared(tmp_path).found] == [
        Observation(*SEEN.settings(), Decimal(53), SEEN.date, "Bo")
    ]


def test_without_a_name_it_asks_for_one_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    with pytest.raises(NotShared) as caught:
        record_shared(Sharing(folder, None), SEEN)
    assert caught.value.reason == NO_NAME
    assert list(folder.iterdir()) == []


def test_a_link_planted_as_the_users_file_is_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(b"someone's file\n")
    folder = tmp_path / "team"
    folder.mkdir()
    sharing = Sharing(folder, "Bo", "0123abcd")
    sharing.own_file().symlink_to(target)
    with pytest.raises(NotShared) as caught:
        record_shared(sharing, SEEN)
    assert caught.value.reason == LINK
    assert target.read_bytes() == b"someone's file\n"
    assert sharing.own_file().is_symlink()


def test_the_users_file_unchanged_since_the_window_read_it_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window keeps what the folder held; your own file, as it last read it, is not parsed
    on the window's thread at every recording (up to 256 KB: a third of a second)."""
    from imagine_calc.core.catalog import shared_file

    sharing = Sharing(tmp_path, "Bo", "0123abcd")
    record_shared(sharing, SEEN)
    reading = read_shared(tmp_path)
    parsed: list[Path] = []
    parse = shared_file.read_recordings
    monkeypatch.setattr(shared_file, "read_recordings", lambda *a: parsed.append(a[1]) or parse(*a))
    four_k = Observation("nano-banana-2", "4K", None, 1, False, Decimal(90), SEEN.date)
    written = record_shared(sharing, four_k, reading)
    assert parsed == [] and [o.credits for o in written.recordings] == [52, 90]
    # edited since the reading (by hand, or by the command line): parsed, and its content kept
    text = sharing.own_file().read_text(encoding="utf-8").replace("credits: 52", "credits: 51")
    sharing.own_file().write_text(text, encoding="utf-8")
    written = record_shared(
        sharing, Observation(*SEEN.settings()[:3], 2, False, Decimal(98), SEEN.date), reading
    )
    assert parsed == [sharing.own_file()]
    assert [o.credits for o in written.recordings] == [51, 90, 98]
    # the reading with the file as written: the next recording needs no parsing either
    reading = reading.with_file(written.path.name, written.recordings, written.stamp)
    record_shared(sharing, four_k, reading)
    assert parsed == [sharing.own_file()]


def test_a_file_the_reading_set_aside_is_not_written_over(tmp_path: Path) -> None:
    sharing = Sharing(tmp_path, "Bo", "0123abcd")
    sharing.own_file().write_text("recorded_by: Bo\nobserved: [\n", encoding="utf-8")  # broken
    reading = read_shared(tmp_path)
    assert reading.set_aside
    with pytest.raises(NotShared) as caught:
        record_shared(sharing, SEEN, reading)
    assert caught.value.reason == UNREADABLE
    assert sharing.own_file().read_text(encoding="utf-8") == "recorded_by: Bo\nobserved: [\n"
