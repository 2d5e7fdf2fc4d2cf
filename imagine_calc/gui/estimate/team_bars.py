"""The team's plan at a glance: the pool as the personal budget's bar, and a small bar per member.

The geometry is the core's (core/estimates/team_bar.py), the words too (core/text); these paint
them with the personal bar's colours and edges (gui/shared/bar_painting.py), so both read alike
in light and dark and stay crisp at any scale. Hovering says the figures; a screen reader hears
the same words as the bar's accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from imagine_calc.core.estimates.team_bar import MemberBar, pool_bar
from imagine_calc.core.estimates.team_budget import TeamPlan
from imagine_calc.core.language import _
from imagine_calc.core.text.budget import BarWords
from imagine_calc.gui.estimate.balance_bar import BalanceBar
from imagine_calc.gui.shared.bar_painting import CAP, BarColours, Pixels
from imagine_calc.gui.shared.markup import tooltip


class PoolBar(BalanceBar):
    """The shared pool: subscription, top-ups, automatic top-ups, then what is short."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("poolBar")
        self.setAccessibleName(_("Team pool at a glance"))

    def show_team(self, plan: TeamPlan | None, words: BarWords | None) -> None:
        """Draw `plan`'s pool with `words` for its parts (None: nothing to show, and it hides)."""
        bar = pool_bar(plan) if plan is not None else None
        if bar is None or words is None or bar.empty:
            self.bar = self.words = None
            self.setAccessibleDescription("")
            self.hide()
            return
        self.bar, self.words = bar, words
        self.setAccessibleDescription(words.description)
        self.show()
        self.update()


class MemberBarView(QWidget):
    """One member's use against their limit: within it in the highlight, what it leaves as a
    tint framed to the limit's end, beyond it in red; no frame without a limit; an open cap
    where prices are not known. Its tooltip and accessible description are the member's line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bar: MemberBar | None = None

    def show_bar(self, bar: MemberBar, words: str) -> None:
        self.bar = bar
        self.setAccessibleName(bar.use.name or _("Unassigned"))
        self.setAccessibleDescription(words)
        self.setToolTip(tooltip(words))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(160, max(8, self.fontMetrics().height() // 2 + 2))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.sizeHint().height())

    def extents(self) -> dict[str, tuple[float, float]]:
        """Each part's (x0, x1) in this widget's pixels: "within", "left", "over", "open"; the
        open cap keeps its width inside the bar."""
        bar = self.bar
        if bar is None:
            return {}
        width = float(self.width())
        room = max(0.0, width - CAP) if bar.unknown else width
        x = {k: v * room for k, v in (("within", bar.within), ("left", bar.left), ("over", bar.over))}
        out = {"within": (0.0, x["within"])}
        if bar.limited:
            out["left"] = (x["within"], x["within"] + x["left"])
            out["over"] = (x["within"] + x["left"], x["within"] + x["left"] + x["over"])
        if bar.unknown:
            end = bar.end * room
            out["open"] = (end, end + CAP)
        return {k: v for k, v in out.items() if v[1] > v[0]}

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.bar is None:
            return
        colours = BarColours.of(self.palette())
        top, bottom = 1.0, float(self.height() - 1)
        painter = QPainter(self)
        px = Pixels(painter)
        parts = self.extents()
        if self.bar.limited:  # the limit's whole, faint, framed: its end is the limit
            x0, x1 = 0.0, parts.get("left", parts.get("within", (0.0, 0.0)))[1]
            px.fill(x0, top, x1, bottom, colours.left[0])
        for name, colour in (("within", colours.used[0]), ("over", colours.short)):
            if name in parts:
                px.fill(parts[name][0], top, parts[name][1], bottom, colour)
        if self.bar.limited:
            end = parts.get("left", parts.get("within", (0.0, 0.0)))[1]
            px.outline(0.0, top, end, bottom, colours.used[0])
        if "open" in parts:
            px.open_cap(parts["open"][0], top, parts["open"][1], bottom, colours.cap)
        painter.end()
