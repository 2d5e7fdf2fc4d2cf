"""Modal message boxes answered at once, as a user would click, and recorded for the test.

Every message box of the app comes from gui/shared/markup.py and runs `QMessageBox.exec`, so
answering that one method covers warnings, questions and information alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

Button = QMessageBox.StandardButton


@dataclass(frozen=True)
class Shown:
    icon: QMessageBox.Icon
    title: str
    text: str
    informative: str
    text_format: Qt.TextFormat


@dataclass
class Dialogs:
    """What was shown, and how the next question is answered (the first of `prefer` it offers)."""

    shown: list[Shown] = field(default_factory=list)
    prefer: tuple[Button, ...] = (Button.Discard, Button.Ok, Button.Close, Button.Cancel)

    def answer(self, box: QMessageBox) -> int:
        box.grab()  # drawn as it would be shown: rich text lays out (and loads) what it holds
        self.shown.append(
            Shown(box.icon(), box.windowTitle(), box.text(), box.informativeText(), box.textFormat())
        )
        offered = box.standardButtons()
        for button in self.prefer:
            if offered & button:
                return int(button.value)
        return int(Button.NoButton.value)

    def warnings(self) -> list[tuple[str, str]]:
        return [(s.title, s.text) for s in self.shown if s.icon == QMessageBox.Icon.Warning]


def answer_message_boxes(dialogs: Dialogs) -> Callable[[], None]:
    """Route every QMessageBox.exec to `dialogs`; returns the function that undoes it."""
    saved = QMessageBox.exec

    def answered(box: QMessageBox) -> int:
        return dialogs.answer(box)

    QMessageBox.exec = answered  # type: ignore[method-assign, assignment]  # a test's stand-in

    def restore() -> None:
        QMessageBox.exec = saved  # type: ignore[method-assign]  # put back Qt's own

    return restore
