"""A box for a number of credits (a balance, a top-up), its unit after the number in the form
the number takes: "1 credit", "2,000 credits" ("0 crédit" in French)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSpinBox, QWidget

from imagine_calc.core.limits import MAX_BALANCE
from imagine_calc.core.text.plurals import credits_unit


class CreditsSpin(QSpinBox):
    """Whole credits from `least` to the largest balance, grouped as the locale groups them.

    The unit is a suffix set again when the value changes; the box is as wide as its widest
    form, so the form around it does not shift while the user types 1 or 2."""

    def __init__(self, name: str, accessible: str, least: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.setRange(least, MAX_BALANCE)
        self.setGroupSeparatorShown(True)
        self.setAccessibleName(accessible)
        self.valueChanged.connect(self._name_unit)
        self._name_unit(self.value())

    def _name_unit(self, value: int) -> None:
        self.setSuffix(" " + credits_unit(value))

    def _widest_extra(self) -> int:
        """How much wider the box's widest unit is than the one it shows."""
        metrics = self.fontMetrics()
        shown = metrics.horizontalAdvance(self.suffix())
        return max(metrics.horizontalAdvance(" " + credits_unit(n)) for n in (0, 1, 2, 5)) - shown

    def sizeHint(self) -> QSize:
        # Qt's hint follows the suffix shown; its minimum hint does not depend on it.
        return super().sizeHint() + QSize(self._widest_extra(), 0)
