"""Light or dark, following the system; a dark palette of our own where the platform has none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    """Fusion's colours for a dark scheme, for platforms (offscreen, some X11 desktops)
    whose theme does not provide one."""
    p = QPalette()
    # Fusion outlines check boxes and fields in the window colour darkened by 40 %: the window
    # must be light enough, and the fields dark enough, for a box to show against it.
    base, window, text, mid = (
        QColor(27, 27, 29),
        QColor(58, 58, 62),
        QColor(230, 230, 230),
        QColor(100, 100, 106),
    )
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(36, 36, 39),
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Highlight: QColor(42, 130, 218),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 170, 255),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
        QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.Dark: QColor(20, 20, 22),
        QPalette.ColorRole.Light: QColor(80, 80, 85),
        QPalette.ColorRole.Shadow: QColor(0, 0, 0),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(125, 125, 125))
    return p


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def shortfall_red(palette: QPalette) -> QColor:
    """The red of a shortfall and of warnings: dark enough on a light window, light enough on a
    dark one: 4.6:1 or more against the window of dark_palette() and of Fusion's light one."""
    return QColor("#ff8080") if palette_is_dark(palette) else QColor("#c62828")


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(app: QApplication, requested: Qt.ColorScheme = Qt.ColorScheme.Unknown) -> None:
    """Use `requested` (or the system's scheme), and keep following the system's changes."""
    hints = app.styleHints()
    if requested != Qt.ColorScheme.Unknown:
        hints.setColorScheme(requested)

    def refresh() -> None:
        want_dark = (requested == Qt.ColorScheme.Dark) or (
            requested == Qt.ColorScheme.Unknown and hints.colorScheme() == Qt.ColorScheme.Dark
        )
        palette_is_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        if want_dark and not palette_is_dark:
            app.setPalette(dark_palette())
        elif not want_dark and palette_is_dark:
            app.setPalette(app.style().standardPalette())

    refresh()
    hints.colorSchemeChanged.connect(lambda _scheme: refresh())
