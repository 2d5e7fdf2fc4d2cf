"""Starts the window (`imagine-calc` with no command), or renders it to a PNG (`--screenshot`)."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from imagine_calc import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from imagine_calc.gui.main_window import MainWindow


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="Open the imagine-calc window.")
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="open this saved estimate (.icalc.json), or quote this image or folder for upscaling",
    )
    parser.add_argument(
        "--override",
        metavar="PATH",
        type=Path,
        help="use this override catalog instead of the one in your config folder",
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", type=Path, help="render the main window offscreen into a PNG and exit"
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check the catalog, quoting, image reading and the window offscreen; exit 0 if all work",
    )
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        default="system",
        help="colour scheme (default: follow the system)",
    )
    return parser


def run_app(argv: Sequence[str]) -> int:
    args, qt_args = build_gui_parser().parse_known_args(list(argv))
    if args.selftest:
        from imagine_calc.selftest import run_selftest

        return run_selftest()
    # The window collects garbage on its own thread (MainThreadCollector); it takes over from
    # here rather than after start-up, whose burst of imports and widgets made Python collect
    # about 50 times (11 ms) for no cycle worth freeing.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_window(args, qt_args)
    finally:
        if was_collecting:
            gc.enable()


def _run_window(args: argparse.Namespace, qt_args: list[str]) -> int:
    if args.screenshot is not None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _quiet_offscreen_notes()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared import theme
    from imagine_calc.gui.shared.garbage import MainThreadCollector
    from imagine_calc.gui.shared.resources import app_icon
    from imagine_calc.gui.shared.settings_store import SettingsStore

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setStyle("Fusion")  # follows the system's light/dark scheme on every platform
    schemes = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    theme.apply(app, schemes[args.color_scheme])
    icon = app_icon()
    app.setWindowIcon(icon)
    MainThreadCollector(app)
    window = MainWindow(load_with_override(args.override), SettingsStore(), icon)
    app.aboutToQuit.connect(window.shut_down)
    if args.file is not None and args.file.suffix.lower() != ".json":
        window.show_upscale().add_paths([str(args.file)])
    elif args.file is not None and not _open_estimate(window, args.file, interactive=args.screenshot is None):
        return 1
    if args.screenshot is not None:
        return _screenshot(app, window, args.screenshot)
    window.show()
    return app.exec()


def _quiet_offscreen_notes() -> None:
    """Offscreen, Qt notes that it cannot pass size hints to a window manager (there is none);
    a screenshot's stderr should hold only what went wrong."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    """The window as it looks once everything it was given is read, saved as a PNG."""
    window.show()
    if window.upscale_is_built and not window.upscale_panel.wait_until_read():
        print("imagine-calc: reading took too long; the picture shows what was read", file=sys.stderr)
    for _ in range(5):  # layouts settle one level per pass of the event loop
        app.processEvents()
    ok = window.grab().save(str(path))
    # No close(): a screenshot must not overwrite the user's remembered settings or session.
    window.shut_down(keep_working_copy=False)
    if not ok:
        print(f"imagine-calc: cannot write {path}", file=sys.stderr)
        return 1
    return 0


def _open_estimate(window: MainWindow, path: Path, interactive: bool) -> bool:
    """Show `path` in the Estimate tab; with no one to answer a dialog, errors go to stderr."""
    from PySide6.QtCore import QTimer

    from imagine_calc.core.estimates.estimate_file import EstimateFileError

    panel = window.estimates.show()
    if interactive:
        # After the window is up, so a question about unsaved work or an error has a parent.
        QTimer.singleShot(0, lambda: panel.confirm_discard() and panel.open(path))
        return True
    try:
        panel.show_changes(panel.document.open(path, remember=False))
    except EstimateFileError as exc:
        print(f"imagine-calc: {exc}", file=sys.stderr)
        return False
    return True
