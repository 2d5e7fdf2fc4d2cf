"""macOS hands a double-clicked document to the running app as a FileOpen event to the
application object: the Application says which file, and lets every other event through.

There is one application object per process, and the suite's is pytest-qt's: these run in a
process of their own with the app's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent
from imagine_calc.gui.shared.application import Application

app = Application([])
opened = []
app.open_file.connect(opened.append)
taken = {
    "file": app.event(QFileOpenEvent(sys.argv[1])),
    "no file": app.event(QFileOpenEvent(QUrl("https://example.org/page"))),
}
quit_seen = []
app.aboutToQuit.connect(lambda: quit_seen.append(True))
app.event(QEvent(QEvent.Type.Quit))  # Qt's own handling: the application quits
app.processEvents()
print(json.dumps({
    "opened": [str(p) for p in opened],
    "paths": all(isinstance(p, Path) for p in opened),
    "taken": taken,
    "quit": bool(quit_seen),
}))
"""


def run_probe(path: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_file_open_event_says_its_file_and_other_events_reach_qt(tmp_path: Path) -> None:
    document = tmp_path / "spring campaign.icalc.json"
    result = run_probe(document)
    assert result["opened"] == [str(document)]  # once, as the path macOS gave
    assert result["paths"] is True
    # Taken when it names a file; an event for a web address names none and is Qt's to answer.
    assert result["taken"] == {"file": True, "no file": False}
    assert result["quit"] is True
