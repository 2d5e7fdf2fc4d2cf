"""What a person reads in rich text the app built (a tooltip, a rich label): its plain text."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def visible(rich: str) -> str:
    """The characters `rich` shows, entities decoded and tags gone (non-breaking spaces as spaces)."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText().replace("\u00a0", " ")
