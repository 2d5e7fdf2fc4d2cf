"""A non-modal warning strip at the top of the window (the override file is invalid...).

Its label is always rich text (several messages, a bold lead-in); a message given as a plain
`str` is escaped, so it shows exactly as written (markup.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QToolButton, QWidget

from imagine_calc.core.language import _
from imagine_calc.gui.shared.markup import RichLabel, join, tooltip


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="overrideBanner")
        self.label = RichLabel(objectName="bannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(text="✕", autoRaise=True)
        close.setToolTip(tooltip(_("Hide this message")))
        close.setAccessibleName(_("Hide warning"))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(_("Warning"))
        self._messages: list[str] = []
        # Coloured when first shown: a style sheet costs the window's start ~5 ms (Qt makes a
        # style-sheet style for the strip), and most starts have nothing to say.
        self.hide()

    def show_message(self, text: str) -> None:
        """Show `text` (plain, or `Html`) alone, replacing what was shown."""
        self._messages = []
        self.add_message(text)

    def add_message(self, text: str) -> None:
        """Show `text` (plain, or `Html`) under what is shown already (several things may be set
        aside at a start)."""
        if text not in self._messages:
            self._messages.append(text)
        self.label.setText(join("<br>", self._messages))
        self._recolour()
        self.show()

    @property
    def messages(self) -> list[str]:
        """What is shown, each message as given."""
        return list(self._messages)

    def dismiss(self) -> None:
        """The user has read it: hide, and start afresh with the next message."""
        self._messages = []
        self.hide()

    def _recolour(self) -> None:
        # The scheme is the application's (theme.apply): this frame's own Window colour is the
        # one its style sheet set, which would keep whatever scheme it started in.
        window = QApplication.palette(self).color(QPalette.ColorRole.Window)
        dark = window.lightness() < 128
        bg, fg, border = ("#4a3b10", "#ffe9a8", "#7a6320") if dark else ("#fff4ce", "#4a3b00", "#e0c060")
        sheet = (
            f"#overrideBanner {{ background: {bg}; border: 1px solid {border}; "
            f"border-radius: 4px; }} #overrideBanner QLabel {{ color: {fg}; }}"
        )
        if sheet != self.styleSheet():  # a new style sheet sends PaletteChange again
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.styleSheet():
            self._recolour()
        super().changeEvent(event)
