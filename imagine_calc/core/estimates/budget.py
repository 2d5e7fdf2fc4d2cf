"""Does a balance cover an estimate? Spending as ImagineArt spends (shared/seed/credit-balances.md).

- Free daily credits exist only without a subscription and cannot pay for Pro models.
- Subscription credits renew monthly and do not roll over: what is left at renewal is lost.
- Top-up credits never expire.
- Expiring credits go first: free, then subscription, then top-up. ImagineArt's page lists the
  order but the copy we have is cut off after "free first", so the rest is inferred from the
  rule "expiring before non-expiring".
- Pro models need an active subscription: without one, their lines cannot be paid at all.

Every figure keeps the estimate's certainty. Where prices are unknown the estimate needs more
than its known credits, so a balance it draws from is used at least as much and has at most
what is shown left, a shortfall is at least as large, and what would expire is at most (up to)
the figure. A balance with nothing left is used exactly, whatever else is unknown. What the
plan found is data (bounds, the Pro lines it cannot pay); core/text/budget.py words it.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import N_
from imagine_calc.core.pricing.quotes import QuoteState

if TYPE_CHECKING:
    from imagine_calc.core.catalog.records import Model
    from imagine_calc.core.estimates.estimate import PricedEstimate
    from imagine_calc.core.pricing.generate_view import GenerateView

ZERO = Decimal(0)

#: The balances, by the names the budget says (translated where said: core/text/budget).
FREE = N_("Free daily credits")
SUBSCRIPTION = N_("Subscription credits")
TOP_UP = N_("Top-up credits")


@record
class Balances(Frozen):
    """What the user holds, as they typed it; nothing here is fetched or assumed."""

    subscribed: bool = False
    subscription: Decimal = ZERO
    renewal: dt.date | None = None
    top_up: Decimal = ZERO
    free_daily: Decimal = ZERO

    @classmethod
    def of_whole(
        cls, subscribed: bool, subscription: int, renewal: dt.date | None, top_up: int, free_daily: int
    ) -> Balances:
        """Balances as whole credits, the way spin boxes and settings hold them."""
        return cls(subscribed, Decimal(subscription), renewal, Decimal(top_up), Decimal(free_daily))

    def usable(self) -> tuple[Decimal, Decimal, Decimal]:
        """(free, subscription, top-up) that can actually be spent today."""
        free = ZERO if self.subscribed else self.free_daily
        sub = self.subscription if self.subscribed else ZERO
        return free, sub, self.top_up

    @property
    def total(self) -> Decimal:
        return sum(self.usable(), ZERO)


class Bound(StrEnum):
    """How far a budget figure holds: exactly, or as a lower or upper bound."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@record
class Draw(Frozen):
    """How much of one balance the estimate uses; `complete` is False when prices not known
    come on top of the known credits."""

    balance: str
    available: Decimal
    used: Decimal
    complete: bool = True

    @property
    def left(self) -> Decimal:
        return self.available - self.used

    @property
    def open(self) -> bool:
        """Unknown parts may still draw on this balance: it has something left to give."""
        return not self.complete and self.left > 0

    @property
    def used_bound(self) -> Bound:
        return Bound.AT_LEAST if self.open else Bound.EXACT

    @property
    def left_bound(self) -> Bound:
        return Bound.AT_MOST if self.open else Bound.EXACT


@record
class BudgetPlan(Frozen):
    """How the balances pay for an estimate: each draw, what is short, what expires unused."""

    draws: tuple[Draw, ...]
    #: Known credits the estimate needs; unknown parts come on top (see `complete`).
    needed: Decimal
    complete: bool
    #: Credits the balances cannot pay for (Pro lines without a subscription count here).
    short: Decimal
    #: Subscription credits left over, which expire unused at `renewal` (None: not typed).
    lost_at_renewal: Decimal
    renewal: dt.date | None
    #: The estimate total's state (its "at least", its "about"), which every figure here keeps.
    state: QuoteState = QuoteState.EXACT
    #: Known credits of Pro models that cannot be paid without a subscription, and their names.
    unpayable_pro: Decimal = ZERO
    pro_models: tuple[str, ...] = ()
    #: The Pro flag of every one of them is inferred from the name (no source lists them).
    pro_inferred: bool = False

    @property
    def covered(self) -> bool:
        return self.short == 0

    @property
    def left(self) -> Decimal:
        return sum((d.left for d in self.draws), ZERO)

    @property
    def estimated(self) -> bool:
        """The figures rest on an inferred price: read them as "about"."""
        return self.state.estimated

    @property
    def short_bound(self) -> Bound:
        return Bound.EXACT if self.complete else Bound.AT_LEAST

    @property
    def left_bound(self) -> Bound:
        return Bound.AT_MOST if any(d.open for d in self.draws) else Bound.EXACT

    @property
    def lost_bound(self) -> Bound:
        return Bound.EXACT if self.complete else Bound.AT_MOST

    @property
    def balance_short(self) -> Decimal:
        """What the balances lack beyond the Pro lines they may not pay."""
        return self.short - self.unpayable_pro


def plan_budget(balances: Balances, priced: PricedEstimate) -> BudgetPlan:
    """Spend the estimate's known credits across the balances, expiring ones first."""
    free, sub, top = balances.usable()
    pro_credits = priced.credits_needing_subscription()
    other = priced.total.known_total - pro_credits
    complete = priced.total.complete

    unpayable = ZERO
    payable_pro = pro_credits
    pro = [p for p in priced.items if p.needs_subscription] if not balances.subscribed else []
    if pro:
        unpayable, payable_pro = pro_credits, ZERO

    free_used = min(free, other)  # free credits cannot pay for Pro models
    rest = other - free_used + payable_pro
    sub_used = min(sub, rest)
    top_used = min(top, rest - sub_used)
    short = rest - sub_used - top_used + unpayable

    # A balance the user did not give (0 free credits, no top-up) is not a line of the plan;
    # the subscription is, once the user says they have one.
    draws = []
    if balances.subscribed:
        draws.append(Draw(SUBSCRIPTION, sub, sub_used, complete))
    elif free:
        draws.append(Draw(FREE, free, free_used, complete))
    if top:
        draws.append(Draw(TOP_UP, top, top_used, complete))

    lost = sub - sub_used if balances.subscribed else ZERO
    return BudgetPlan(
        tuple(draws),
        priced.total.known_total,
        complete,
        short,
        lost,
        balances.renewal if balances.subscribed else None,
        priced.total.state,
        unpayable,
        tuple(sorted({p.group for p in pro})),
        bool(pro) and all(p.subscription_inferred for p in pro),
    )


def images_for(view: GenerateView, model: Model, balances: Balances) -> int | None:
    """Images of `model` at the view's settings the balances could pay for, from the view's own
    quotes; None when the price is not known exactly (a lower bound would overstate it), 0 for
    a Pro model without a subscription."""
    one = view.one_image(model.id)
    return affordable_images(balances, model, None if one is None else one.total)


def affordable_images(balances: Balances, model: Model, per_image: Decimal | None) -> int | None:
    """Images of `model` at `per_image` credits the balances could pay for; None when unknown."""
    if per_image is None:
        return None
    free, sub, top = balances.usable()
    if model.requires_subscription:
        if not balances.subscribed:
            return 0
        spendable = sub + top
    else:
        spendable = free + sub + top
    if per_image == 0:
        return None
    return int((spendable / per_image).to_integral_value(rounding=ROUND_FLOOR))
