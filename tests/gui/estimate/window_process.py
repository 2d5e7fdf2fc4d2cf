"""One imagine-calc window in a process of its own, for tests of two running copies.

    python -m tests.gui.estimate.window_process [--open FILE] [--add LABEL] [--quote IMAGE]
                                                [--quit-when PATH]

It starts as `imagine-calc` does (claiming its working estimate), opens FILE if given, adds a
line labelled LABEL, quotes IMAGE in the Upscale tab and adds it with the tab's button, waits
until its working copy holds every line, prints one JSON line (the labels it shows, what it
adopted, what it offers to recover, its working copy), then runs until killed or until PATH
exists, when it closes like a user quitting.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.estimates.estimate_file import EstimateFileError, read_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.estimate.working_copies import claim
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared.application import Application
from imagine_calc.gui.shared.settings_store import SettingsStore


def wait_until_kept(app: Application, copy: Path, lines: int) -> None:
    """Until the working copy on disk holds `lines` lines (it is written off the GUI thread)."""
    while True:
        app.processEvents()
        try:
            if len(read_estimate(copy).estimate.items) == lines:
                return
        except EstimateFileError:
            pass  # not written yet


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--open", type=Path)
    parser.add_argument("--add")
    parser.add_argument("--quote", type=Path)
    parser.add_argument("--quit-when", type=Path)
    args = parser.parse_args()
    app = Application(sys.argv[:1])
    store = SettingsStore()
    working = claim(store.estimate_session(), None, adopt=args.open is None)
    window = MainWindow(load_with_override(), store, None, working)
    app.aboutToQuit.connect(window.shut_down)
    panel = window.estimates.show()
    if args.open:
        panel.open(args.open)
    if args.add:
        request = GenerationRequest("nano-banana-2", "1K", "1:1", 1, False)
        panel.add([GenerationItem(request, 1, args.add)])
    if args.quote:
        upscale = window.upscale_panel
        upscale.add_paths([str(args.quote)])
        upscale.wait_until_read()
        upscale.add_estimate.click()
    if args.add or args.quote:
        wait_until_kept(app, panel.document.session, panel.model.rowCount())
    print(
        json.dumps(
            {
                "labels": [p.label for p in panel.model.priced],
                "adopted": working.adopted,
                "recoverable": working.recoverable,
                "copy": str(panel.document.session),
            }
        ),
        flush=True,
    )
    if args.quit_when is None:
        window.shut_down()
        return 0
    quit_when = args.quit_when

    def check() -> None:
        if quit_when.exists():
            window.close()
            app.quit()

    poll = QTimer(interval=20)
    poll.timeout.connect(check)
    poll.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
