"""Reading dropped files into rows without the panel's widgets: rows arrive in drop order, a
file dropped twice is quoted once unless duplicates count, a removed file is quoted again, files
passed over are tallied, and busy is said at the start and the end."""

from __future__ import annotations

import gc
from pathlib import Path

from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.gui.upscale.scan_controller import UpscaleScans
from imagine_calc.gui.upscale.upscale_rows import UpscaleTableModel
from tests.gui.sessions import session_of
from tests.images import write_image

CATALOG = load_catalog()


def scans_of(qtbot: QtBot, count_duplicates: bool = False) -> tuple[UpscaleScans, list[object]]:
    model = UpscaleTableModel(session_of(CATALOG))
    scans = UpscaleScans(model, lambda: count_duplicates)
    said: list[object] = []
    for signal in (scans.busy, scans.message):
        signal.connect(said.append)
    return scans, said


def read(qtbot: QtBot, scans: UpscaleScans, *paths: Path) -> None:
    with qtbot.waitSignal(scans.busy, timeout=10_000, check_params_cb=lambda busy: not busy):
        scans.add_paths([str(p) for p in paths])


def test_rows_arrive_in_drop_order_and_busy_is_said_at_start_and_end(qtbot: QtBot, tmp_path: Path) -> None:
    scans, said = scans_of(qtbot)
    files = [write_image(tmp_path / f"{name}.png", w, 100) for name, w in (("b", 300), ("a", 200))]
    read(qtbot, scans, *files)
    assert [r.name for r in scans.model.rows] == ["b.png", "a.png"]
    assert said == [True, False] and not scans.jobs
    assert gc.get_freeze_count() == 0  # nothing stays frozen after the drop


def test_a_file_dropped_twice_is_quoted_once_unless_duplicates_count(qtbot: QtBot, tmp_path: Path) -> None:
    hd = write_image(tmp_path / "hd.png", 1920, 1080)
    once, _ = scans_of(qtbot)
    read(qtbot, once, hd)
    read(qtbot, once, hd)
    assert (once.model.row_count(), once.duplicates_skipped) == (1, 1)
    twice, _ = scans_of(qtbot, count_duplicates=True)
    read(qtbot, twice, hd)
    read(qtbot, twice, hd)
    assert (twice.model.row_count(), twice.duplicates_skipped) == (2, 0)


def test_a_removed_file_is_quoted_again_and_reset_forgets_everything(qtbot: QtBot, tmp_path: Path) -> None:
    hd = write_image(tmp_path / "hd.png", 1920, 1080)
    (tmp_path / "notes.txt").write_text("not an image")
    scans, _ = scans_of(qtbot)
    read(qtbot, scans, tmp_path)
    assert scans.model.row_count() == 1 and scans.skipped.counts()
    scans.forget(list(scans.model.rows))
    scans.model.remove_rows([0])
    read(qtbot, scans, hd)
    assert (scans.model.row_count(), scans.duplicates_skipped) == (1, 0)
    scans.reset()
    assert (scans.duplicates_skipped, scans.skipped.counts()) == (0, {})


def test_cancelling_before_the_reader_starts_says_so_and_ends_busy(qtbot: QtBot, tmp_path: Path) -> None:
    scans, said = scans_of(qtbot)
    files = [write_image(tmp_path / f"{i}.png", 10 + i, 10) for i in range(3)]
    first = scans.add_paths([str(files[0])])
    second = scans.add_paths([str(f) for f in files[1:]])  # queued behind the first
    with qtbot.waitSignal(scans.busy, timeout=10_000, check_params_cb=lambda busy: not busy):
        scans.cancel()
    assert first.cancelled and second.cancelled
    assert "Reading stopped: the files read so far are quoted." in said
    scans.shut_down()
    assert not scans.jobs
