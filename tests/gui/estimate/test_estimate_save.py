"""Saving is all or nothing: a process killed in the middle leaves the previous file intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from imagine_calc.core.estimates.estimate_file import read_estimate

# Runs the app's own write_file, with the rename that would publish the new file replaced by a
# SIGKILL: the process dies after every byte of the new estimate is written and synced.
KILLED_WHILE_SAVING = """
import os, signal, sys
from pathlib import Path
from imagine_calc.gui.estimate import estimate_document

def dies_before_rename(source, target):
    print(os.path.getsize(source), flush=True)  # bytes already in the temporary file
    os.kill(os.getpid(), signal.SIGKILL)

os.replace = dies_before_rename
estimate_document.write_file(Path(sys.argv[1]), sys.argv[2])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_in_the_middle_of_saving_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
    from imagine_calc.core.estimates.estimate_file import dumps
    from imagine_calc.core.pricing.requests import GenerationRequest

    catalog = load_catalog()

    def saved(count: int) -> str:
        estimate = Estimate((GenerationItem(GenerationRequest("flux-dev"), count),))
        return dumps(price_estimate(catalog, estimate), catalog)

    old, new = saved(3), saved(9)
    target = tmp_path / "plan.icalc.json"
    target.write_text(old, encoding="utf-8")

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_SAVING, str(target), new],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    assert target.read_text(encoding="utf-8") == old
    assert read_estimate(target).estimate.items[0].count == 3
    # Every byte of the new estimate had been written (to a temporary file) when the kill came.
    assert int(result.stdout) == len(new.encode("utf-8"))


def test_the_working_copy_of_a_huge_estimate_is_written_without_freezing_the_window(
    qtbot: QtBot, user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An estimate of 200,000 images takes most of a second to write: off the GUI thread (how
    long the hand-over takes is measured in benchmarks/bench_autosave.py)."""
    import threading

    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.catalog.records import Catalog
    from imagine_calc.core.estimates.estimate import PricedEstimate, UpscaleItem
    from imagine_calc.core.estimates.team import Team
    from imagine_calc.gui.estimate import estimate_document
    from imagine_calc.gui.estimate.estimate_document import EstimateDocument
    from imagine_calc.gui.estimate.estimate_model import EstimateTableModel
    from tests.gui.sessions import session_of

    writers: list[str] = []
    real = estimate_document.dumps

    def dumps(priced: PricedEstimate, catalog: Catalog, team: Team | None = None) -> str:
        writers.append(threading.current_thread().name)
        return real(priced, catalog, team)

    monkeypatch.setattr(estimate_document, "dumps", dumps)
    model = EstimateTableModel(session_of(load_catalog()))
    document = EstimateDocument(model)
    sizes = tuple((1000 + i % 997, 700 + i % 991) for i in range(200_000))
    model.add([UpscaleItem("topaz", 2, sizes, 1, "everything")], "add")
    document.autosave()
    qtbot.waitUntil(lambda: bool(writers), timeout=10_000)
    assert writers[0].startswith("autosave")  # handed over: written off the window's thread
    document.flush()  # at close the window waits for it, as quitting must
    assert read_estimate(document.session).estimate.items[0].sizes == sizes
