"""Opening a file from the desktop: a saved estimate opens in the Estimate tab, an image is
quoted; on macOS the file arrives as a FileOpen event to the running application."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from imagine_calc.gui.main_window import MainWindow
from tests.images import write_image

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "screenshots" / "spring-campaign.icalc.json"


def test_an_estimate_opens_in_its_tab_and_an_image_is_quoted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_file(SAMPLE)
    assert window.tabs.currentWidget() is window.estimates.page
    assert window.estimates.panel.model.rowCount() == 12
    photo = write_image(tmp_path / "photo.png", 300, 200)
    window.open_file(photo)
    panel = window.upscale_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.scans.jobs, timeout=10000)
    assert window.tabs.currentWidget() is window.upscale_page


PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QFileOpenEvent
from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.application import Application
from imagine_calc.gui.shared.settings_store import SettingsStore
app = Application([])
window = MainWindow(load_with_override(), SettingsStore())
app.open_file.connect(window.open_file)
Application.sendEvent(app, QFileOpenEvent(sys.argv[1]))
print(json.dumps({"lines": window.estimates.panel.model.rowCount(), "title": window.windowTitle()}))
window.shut_down(keep_working_copy=False)
"""


def test_a_file_open_event_opens_the_file(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IMAGINE_CALC_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["lines"] == 12 and "spring-campaign.icalc.json" in result["title"]
