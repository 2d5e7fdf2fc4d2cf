"""The budget as one bar, in fractions and in pixels, with no Qt: what the window paints.

One segment per balance in the order they are spent (free or subscription, then top-up), as wide
as the balance; in each, the part the estimate uses, then what is left. A shortfall follows the
last balance, as wide as the credits missing. Where some prices are not known the estimate needs
more than its known credits by an amount nobody knows: that gets no width of its own, only an
open cap of a fixed width where the known part ends (after the shortfall, or after the last
credits used). Fractions are of the bar's extent, every balance plus the shortfall; floats, for
drawing only: every figure the user reads comes from the plan itself (core/text/budget.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from imagine_calc.core.estimates.budget import BudgetPlan, Draw


class Part(StrEnum):
    """What a stretch of the bar shows."""

    USED = "used"
    LEFT = "left"
    SHORT = "short"
    OPEN = "open"


@dataclass(frozen=True)
class Segment:
    """One balance: where it starts and how much of it is used and left, as fractions."""

    draw: Draw
    start: float
    used: float
    left: float

    @property
    def width(self) -> float:
        return self.used + self.left


@dataclass(frozen=True)
class Span:
    """A stretch of the bar in pixels; `segment` is the balance's index (None: short or open)."""

    part: Part
    x0: float
    x1: float
    segment: int | None = None

    def contains(self, x: float) -> bool:
        return self.x0 <= x < self.x1


@dataclass(frozen=True)
class BudgetBar:
    segments: tuple[Segment, ...]
    #: The shortfall's width, after the last balance.
    short: float
    #: Some prices are not known: the estimate needs more than its known part shows.
    unknown: bool

    @property
    def open_at(self) -> float | None:
        """Where the known part ends and the open cap starts (None: every price is known):
        after the shortfall, else after the last credits used, else at the start."""
        if not self.unknown:
            return None
        if self.short:
            return 1.0
        return next((s.start + s.used for s in reversed(self.segments) if s.used), 0.0)

    @property
    def empty(self) -> bool:
        """Nothing to draw: no credits in any balance, none short, nothing unknown."""
        return not self.short and not any(s.width for s in self.segments) and not self.unknown

    def spans(self, width: float, cap: float, least: float = 0.0) -> tuple[Span, ...]:
        """The bar laid out in `width` pixels: each balance and the shortfall at least `least`
        wide (a 10-credit balance beside 5,000 stays visible), the rest in proportion; the
        open cap `cap` wide, with room kept after the known part when the cap would pass the
        end. In painting order: the open cap last, over what it covers."""
        room = width
        if self.open_at:  # the cap's end inside the bar: open_at * room + cap <= width
            room = max(0.0, min(width, (width - cap) / self.open_at))
        sizes = _sizes([s.width for s in self.segments] + [self.short], room, least)
        out: list[Span] = []
        x = 0.0
        known_end = 0.0  # in pixels: after the last credits used, then after the shortfall
        for i, (segment, size) in enumerate(zip(self.segments, sizes, strict=False)):
            used = size * (segment.used / segment.width) if segment.width else 0.0
            if used:
                out.append(Span(Part.USED, x, x + used, i))
                known_end = x + used
            if size - used:
                out.append(Span(Part.LEFT, x + used, x + size, i))
            x += size
        if self.short:
            out.append(Span(Part.SHORT, x, x + sizes[-1]))
            known_end = x + sizes[-1]
        if self.unknown:
            out.append(Span(Part.OPEN, known_end, max(known_end, min(known_end + cap, width))))
        return tuple(out)


def _sizes(pieces: list[float], room: float, least: float) -> list[float]:
    """Pixel sizes of fractions `pieces` filling `room`: each non-zero one at least `least`,
    the others sharing what remains in proportion to each other."""
    small: set[int] = set()
    while True:
        rest = sum(p for i, p in enumerate(pieces) if i not in small and p)
        left = room - least * len(small)
        scale = max(0.0, left / rest) if rest else 0.0
        grown = {i for i, p in enumerate(pieces) if p and i not in small and p * scale < least}
        if not grown or left <= 0:
            break
        small |= grown
    return [0.0 if not p else least if i in small else p * scale for i, p in enumerate(pieces)]


def budget_bar(plan: BudgetPlan) -> BudgetBar:
    """The plan's bar: balances in the order they are spent, then the shortfall, then, where
    prices are not known, the open cap after the last credits the known part takes."""
    extent = float(sum(d.available for d in plan.draws) + plan.short)
    scale = 1.0 / extent if extent else 0.0
    segments = []
    start = 0.0
    for d in plan.draws:
        used, left = float(d.used) * scale, float(d.left) * scale
        segments.append(Segment(d, start, used, left))
        start += used + left
    return BudgetBar(tuple(segments), float(plan.short) * scale, not plan.complete)
