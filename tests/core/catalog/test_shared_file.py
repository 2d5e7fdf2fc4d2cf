"""The user's own file in the shared folder: the only one written there, never through a link."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_file import LINK, NO_NAME, NotShared, record_shared
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
