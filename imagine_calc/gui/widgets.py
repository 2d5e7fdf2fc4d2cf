"""Small widget helpers shared by the panels."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def headline_label(object_name: str, accessible_name: str, scale: float) -> QLabel:
    """A bold label `scale` times the normal font size, for a total people read at a glance."""
    label = QLabel(objectName=object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(accessible_name)
    return label
