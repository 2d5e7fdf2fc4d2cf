"""The QApplication of the window: it also takes the files macOS asks it to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class Application(QApplication):
    """macOS opens a double-clicked document in a running app with a FileOpen event to the
    application object, not with a command-line argument; `open_file` carries its path. Only
    events sent to the application object itself pass through here, so this costs nothing for
    the window's own events."""

    open_file = Signal(Path)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.open_file.emit(Path(event.file()))
            return True
        return super().event(event)
