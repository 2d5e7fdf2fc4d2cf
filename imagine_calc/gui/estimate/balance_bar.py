"""The budget at a glance: one bar of the balances the estimate draws on, above its sentences.

The geometry is the core's (core/estimates/budget_bar.py), the words too (core/text/budget.py
`bar_words`); this paints them and says, for the part under the pointer, that part's sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from imagine_calc.core.estimates.budget import BudgetPlan
from imagine_calc.core.estimates.budget_bar import BudgetBar, Part, Span, budget_bar
from imagine_calc.core.language import _
from imagine_calc.core.text.budget import BarWords, bar_words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.bar_painting import CAP, BarColours, Pixels
from imagine_calc.gui.shared.markup import tooltip

#: The narrowest a balance or a shortfall is drawn, in logical pixels: 10 credits beside 5,000
#: stay visible and can be hovered.
LEAST = 6.0


class BalanceBar(QWidget):
    """Hidden until `show_plan` gives it a plan; its accessible description says it all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceBar")
        self.setAccessibleName(_("Budget at a glance"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bar: BudgetBar | None = None
        self.words: BarWords | None = None
        self.hide()

    def show_plan(self, plan: BudgetPlan | None, estimated: bool = False) -> None:
        """Draw `plan` (None: nothing to show, and the bar hides)."""
        bar = budget_bar(plan) if plan is not None else None
        if plan is None or bar is None or bar.empty:
            self.bar = self.words = None
            self.setAccessibleDescription("")
            self.hide()
            return
        self.bar, self.words = bar, bar_words(plan, estimated, locale_numbers.style())
        self.setAccessibleDescription(self.words.description)
        self.show()
        self.update()

    # --- geometry --------------------------------------------------------------------------

    def _band(self) -> tuple[float, float]:
        """The bar's top and bottom: a line of text tall, with a little room around it."""
        return 3.0, float(self.height() - 3)

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.sizeHint().height())

    def spans(self) -> tuple[Span, ...]:
        """The bar's parts in this widget's pixels, in painting order."""
        if self.bar is None:
            return ()
        return self.bar.spans(float(self.width()), CAP, LEAST)

    def words_at(self, x: float) -> str:
        """The sentence for the part at `x`: the open cap over what it covers, else the
        balance or the shortfall there; "" between parts."""
        words = self.words
        if words is None:
            return ""
        for span in sorted(self.spans(), key=lambda s: s.part is not Part.OPEN):
            if not span.contains(x):
                continue
            if span.part is Part.OPEN:
                return words.unknown
            if span.part is Part.SHORT:
                return words.short
            if span.segment is not None:
                return words.segments[span.segment]
        return ""

    # --- painting and hovering -------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.bar is None:
            return
        colours = BarColours.of(self.palette())
        top, bottom = self._band()
        painter = QPainter(self)
        px = Pixels(painter)
        spans = self.spans()
        for span in spans:
            kind = min(span.segment or 0, len(colours.used) - 1)
            if span.part is Part.USED:
                px.fill(span.x0, top, span.x1, bottom, colours.used[kind])
            elif span.part is Part.LEFT:
                px.fill(span.x0, top, span.x1, bottom, colours.left[kind])
            elif span.part is Part.SHORT:
                px.fill(span.x0, top, span.x1, bottom, colours.short)
        for i in range(len(self.bar.segments)):  # each balance framed, so an unused one shows
            mine = [s for s in spans if s.segment == i]
            if mine:
                px.outline(mine[0].x0, top, mine[-1].x1, bottom, colours.used[min(i, len(colours.used) - 1)])
        for span in spans:
            if span.part is Part.OPEN:
                px.open_cap(span.x0, top, span.x1, bottom, colours.cap)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = tooltip(self.words_at(event.pos().x()))
            self.setToolTip(tip)  # QWidget shows it for this event; the next one sets its own
            if not tip:
                QToolTip.hideText()
        return super().event(event)
