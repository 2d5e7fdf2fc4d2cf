"""Each subtotal's share of the estimate, for a bar beside it, and how far that share holds.

A bar can only be as long as what is known: the subtotal's known credits over the estimate's
known credits. Where some prices are not known the share of the real total is not that
fraction: a subtotal known in full is at most that share (the unknown parts are elsewhere and
only add to the total); a subtotal with unknown parts of its own has a share nobody knows, and
its bar is drawn open-ended. core/text/estimates.py words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from imagine_calc.core.estimates.budget import Bound
from imagine_calc.core.estimates.estimate import PricedEstimate
from imagine_calc.core.pricing.quotes import Quote


@dataclass(frozen=True)
class Share:
    #: The subtotal's key: a model's or engine's name, or the kind ("generation").
    key: str
    quote: Quote
    #: The subtotal's known credits over the estimate's known credits, exactly (0 when none known).
    of_known: Decimal
    #: How `of_known` holds for the share of the real total: exactly, at most, or not at all (None).
    bound: Bound | None
    #: The share rests on an inferred price (this subtotal's or another's): "about".
    estimated: bool = False

    @property
    def fraction(self) -> float:
        """`of_known` as a float from 0 to 1, for drawing only."""
        return float(self.of_known)

    @property
    def open(self) -> bool:
        """Some of the subtotal's own credits are not known: its bar has no known end."""
        return not self.quote.complete


def subtotal_shares(priced: PricedEstimate, by: Literal["group", "kind"] = "group") -> tuple[Share, ...]:
    """The estimate's subtotals, in order of first appearance, each with its share."""
    known = priced.total.known_total
    out = []
    for key, quote in priced.subtotals(by):
        of_known = quote.known_total / known if known else Decimal(0)
        bound: Bound | None = None  # its own credits not all known: no share of the total
        if quote.complete:
            bound = Bound.EXACT if priced.total.complete else Bound.AT_MOST
        out.append(Share(key, quote, of_known, bound, quote.estimated or priced.total.estimated))
    return tuple(out)
