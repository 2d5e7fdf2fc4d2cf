"""Finds packaged resources the same way in a checkout, a wheel and a frozen bundle."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from imagine_calc.core.paths import package_dir


def resource_path(name: str) -> str:
    return str(package_dir("imagine_calc.resources") / name)


def app_icon() -> QIcon:
    """The SVG icon (Qt renders it at every size the platform asks for)."""
    return QIcon(resource_path("imagine-calc.svg"))
