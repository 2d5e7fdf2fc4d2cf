"""Starts the window (`imagine-calc` with no command), or renders it to a PNG (`--screenshot`)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from imagine_calc import APP_ID, APP_NAME, __version__
from imagine_calc.core.language import _
from imagine_calc.qt_messages import NO_DISPLAY, handle_qt_messages

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from imagine_calc.gui.main_window import MainWindow


def run_app(args: argparse.Namespace, file: Path | None, qt_args: list[str]) -> int:
    """The window, its screenshot, or its self-test, as the command line's options say."""
    if args.selftest:
        from imagine_calc.selftest import run_selftest

        return run_selftest()
    if args.screenshot is None and not _display_likely():
        why = _(" (neither DISPLAY nor WAYLAND_DISPLAY is set)")
        print(_(NO_DISPLAY).format(why=why), file=sys.stderr)
        return 1
    # The window collects garbage on its own thread (MainThreadCollector); it takes over from
    # here rather than after start-up, whose burst of imports and widgets made Python collect
    # about 50 times (11 ms) for no cycle worth freeing.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_window(args, file, qt_args)
    finally:
        if was_collecting:
            gc.enable()


def _display_likely() -> bool:
    """False when on Linux Qt would look for an X or Wayland display and neither is set."""
    if not sys.platform.startswith("linux"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not any(p in platform for p in ("xcb", "wayland")):
        return True  # offscreen, vnc, eglfs, ...: no display server needed
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_window(args: argparse.Namespace, file: Path | None, qt_args: list[str]) -> int:
    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    handle_qt_messages(quiet=args.screenshot is not None)
    from imagine_calc.gui.shared.paint_thread import paint_on_window_thread

    paint_on_window_thread()  # before the first paint: no thread pool to wait for

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from imagine_calc.gui.shared.pyside_features import answer_feature_scans

    answer_feature_scans()  # before the window's imports: PySide6 would read each one's source

    from imagine_calc.core import language
    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.gui.estimate.working_copies import claim, claim_new
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared import locale_numbers, theme
    from imagine_calc.gui.shared.application import Application
    from imagine_calc.gui.shared.garbage import MainThreadCollector
    from imagine_calc.gui.shared.languages import start_language, system_language
    from imagine_calc.gui.shared.resources import app_icon
    from imagine_calc.gui.shared.settings_store import SettingsStore

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else Application([sys.argv[0], *qt_args])
    locale_numbers.use_a_readable_default()
    # The system's language first, so what the settings file says is wrong (if anything) is in
    # it; then the one --lang or View > Language chose, before any widget is made.
    language.set_language(system_language())
    store = SettingsStore()
    start_language(app, store, getattr(args, "lang", None))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")  # follows the system's light/dark scheme on every platform
    schemes = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    theme.apply(app, schemes[args.color_scheme])
    icon = app_icon()
    app.setWindowIcon(icon)
    MainThreadCollector(app)
    if args.screenshot is not None:  # a picture: the user's working estimates stay untouched
        working = claim_new()
    else:  # not the last estimate when one is opened: that stays to be recovered instead
        opens_estimate = file is not None and file.suffix.lower() == ".json"
        working = claim(store.estimate_session(), args.recover, adopt=not opens_estimate)
    from dataclasses import replace

    from imagine_calc.core.catalog.sharing import load_sharing

    sharing, sharing_note = load_sharing()  # the team's folder, as the command line reads it
    # Read once the window is up, off its thread (200 teammates' files take seconds to parse);
    # a screenshot waits for them, to show what the window would.
    loaded = load_with_override(args.override, sharing.folder if args.screenshot is not None else None)
    window = MainWindow(replace(loaded, shared_folder=sharing.folder), store, icon, working)
    if sharing_note:
        window.banner.add_message(sharing_note)
    app.aboutToQuit.connect(window.shut_down)
    if isinstance(app, Application):
        app.open_file.connect(window.open_file)
    if args.screenshot is not None:
        shown = _open_for_screenshot(window, file) if file is not None else window
        if shown is None:
            return 1
        return _screenshot(app, window, shown, args.screenshot)
    window.show()
    if file is not None:  # after the window is up, so a question or an error has a parent
        QTimer.singleShot(0, lambda: window.open_file(file))
    QTimer.singleShot(0, window.offer_recovery)
    return app.exec()


def _screenshot(app: QApplication, window: MainWindow, shown: QWidget, path: Path) -> int:
    """`shown` (the window, or a dialog over it) as it looks once everything it was given is
    read, saved as a PNG; beside it, PATH.txt holds the words the picture shows, so a test can
    tell when the README's pictures no longer show what the app says (tests/readme_screenshots)."""
    window.show()
    shown.show()
    if window.upscale_is_built and not window.upscale_panel.wait_until_read():
        print(_("imagine-calc: reading took too long; the picture shows what was read"), file=sys.stderr)
    for _pass in range(5):  # layouts settle one level per pass of the event loop
        app.processEvents()
    ok = shown.grab().save(str(path))
    try:
        path.with_suffix(".txt").write_text(shown_words(shown), encoding="utf-8")
    except OSError:
        ok = False
    # No close(): a screenshot must not overwrite the user's remembered settings or session.
    window.shut_down(keep_working_copy=False)
    if not ok:
        print(_("imagine-calc: cannot write {path}").format(path=path), file=sys.stderr)
        return 1
    return 0


def _open_for_screenshot(window: MainWindow, path: Path) -> QWidget | None:
    """What `open_file` shows, with no one to answer a dialog: errors go to stderr, and the
    user's working estimate is left alone. A saved credits page shows its review dialog."""
    from imagine_calc.core.estimates.estimate_file import EstimateFileError
    from imagine_calc.gui.prices.price_updates import PAGE_SUFFIXES

    if path.suffix.lower() in PAGE_SUFFIXES:
        dialog = window.update_prices_from(path)
        if isinstance(dialog, bool):
            said = _("imagine-calc: {name} changes no price: no review to show").format(name=path.name)
            print(said, file=sys.stderr)
            return None
        return dialog
    if not path.name.lower().endswith(".json"):
        window.show_upscale().add_paths([str(path)])
        return window
    panel = window.estimates.show()
    try:
        panel.show_changes(panel.document.open(path, remember=False))
    except EstimateFileError as exc:
        print(f"imagine-calc: {exc}", file=sys.stderr)
        return None
    return window


def shown_words(top: QWidget) -> str:
    """The words a picture of `top` shows, one widget or cell a line, in reading order: labels,
    buttons, fields, the current choice of each box, tab titles, and the cells of each table in
    view. Not the prices' age in the status bar, which changes every day."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QTabBar,
        QTextBrowser,
        QWidget,
    )

    found: list[tuple[int, int, str]] = []

    def add(widget: QWidget, text: str, x: int = 0, y: int = 0) -> None:
        where = widget.mapTo(top, widget.rect().topLeft()) if widget is not top else widget.rect().topLeft()
        if text.strip():
            found.append((where.y() + y, where.x() + x, " ".join(text.split())))

    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.objectName() == "catalogAge":
            continue
        if isinstance(widget, QLabel):
            rich = widget.textFormat() != Qt.TextFormat.PlainText
            add(widget, _plain_text(widget.text()) if rich else widget.text())
        elif isinstance(widget, QTextBrowser):
            add(widget, widget.toPlainText())
        elif isinstance(widget, QAbstractButton | QLineEdit):
            add(widget, widget.text())
        elif isinstance(widget, QComboBox):
            add(widget, widget.currentText())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                rect = widget.tabRect(i)
                add(widget, widget.tabText(i), rect.x(), rect.y())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, viewport = widget.model(), widget.viewport()
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    rect = widget.visualRect(model.index(row, col))
                    if rect.isValid() and viewport.rect().intersects(rect):
                        add(viewport, str(model.index(row, col).data() or ""), rect.x(), rect.y())
    return "\n".join(text for _y, _x, text in sorted(found)) + "\n"


def _plain_text(html: str) -> str:
    """The plain text of our own rich text (a label's, escaped by gui/shared/markup), as it reads."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()
