"""Words for a budget and for money: the same sentences in the window, the exports and the CLI.

A budget whose estimate rests on an inferred price (Topaz's base cost) is worded in whole
credits, "about"; an estimate with unknown parts says that it needs more than shown. Money is
only ever at the user's own rate: the rate reads to four significant digits, amounts to the
currency's smallest unit, and the exact figures stay in the JSON export.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from imagine_calc.core.estimates.budget import Bound, BudgetPlan, Draw
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.numbers import PLAIN, NumberStyle, approx, number, significant
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text.catalog import PRO_INFERRED
from imagine_calc.core.text.plurals import plural

#: ISO 4217 currencies without minor units: amounts in them are whole numbers.
WHOLE_CURRENCIES = frozenset(
    {
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "ISK",
        "JPY",
        "KMF",
        "KRW",
        "PYG",
        "RWF",
        "UGX",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    }
)


@dataclass(frozen=True)
class BudgetLine:
    """A sentence of the budget and how to show it: a warning or a shortfall stands out."""

    kind: Literal["draw", "short", "covered", "lost", "warning"]
    text: str


#: How a bound reads before a figure.
BOUND_WORDS = {Bound.EXACT: "", Bound.AT_LEAST: "at least ", Bound.AT_MOST: "at most "}


class _Figures:
    """How the plan's figures read: with its bounds, and "about" where the estimate rests on an
    inferred price (a balance the estimate empties is used exactly, whatever else is unknown)."""

    def __init__(self, plan: BudgetPlan, estimated: bool | None, style: NumberStyle) -> None:
        self.plan, self.style = plan, style
        self.about = plan.estimated if estimated is None else estimated

    def n(self, value: Decimal, bound: Bound = Bound.EXACT, about: bool | None = None) -> str:
        about = self.about if about is None else about
        shown = approx(value, self.style) if about else number(value, self.style)
        return f"{BOUND_WORDS[bound]}{'about ' if about else ''}{shown}"

    def draw(self, d: Draw) -> str:
        """ "Top-up credits: at least 724 of 2,000 used, at most 1,276 left"."""
        about = self.about and d.left > 0
        used, left = self.n(d.used, d.used_bound, about), self.n(d.left, d.left_bound, about)
        return f"{d.balance}: {used} of {number(d.available, self.style)} used, {left} left"

    def short(self) -> str:
        """ "Short by at least 188 credits: Nano Banana Pro needs a subscription (...)."; the
        first reason that matters first: a Pro model no balance may pay, then the balances
        being too small (said by the figure itself), then prices not known."""
        plan, reasons = self.plan, []
        if plan.unpayable_pro:
            reasons.append(_pro_reason(plan))
            if plan.balance_short:
                reasons.append(f"the balances lack {self.n(plan.balance_short, plan.short_bound)} more")
        if not plan.complete:
            reasons.append("some prices are not known")
        why = f": {and_list(reasons)}" if reasons else ""
        return f"Short by {self.n(plan.short, plan.short_bound)} credits{why}."

    def covered(self) -> str:
        return f"Covered: {self.n(self.plan.left)} credits left after it."


def budget_lines(
    plan: BudgetPlan, estimated: bool | None = None, style: NumberStyle = PLAIN
) -> list[BudgetLine]:
    """One line per balance, then short or what is left, what expires at renewal, the Pro
    models a plan without a subscription cannot pay. Every figure keeps the estimate's
    certainty: "at least 724 of 2,000 used, at most 1,276 left" where prices are unknown."""
    say = _Figures(plan, estimated, style)
    n = say.n
    lines = [BudgetLine("draw", say.draw(d)) for d in plan.draws]
    pro = _pro_reason(plan)
    if plan.short:
        lines.append(BudgetLine("short", say.short()))
    elif plan.complete:
        lines.append(BudgetLine("covered", say.covered()))
    else:
        # Not "covered": the unknown parts come on top, and may not fit in what is left.
        lines.append(
            BudgetLine(
                "warning",
                f"The known prices fit, with {n(plan.left, plan.left_bound)} credits left, but some "
                "prices are not known: they come on top and may not fit.",
            )
        )
    if plan.lost_at_renewal:
        when = f"at renewal on {style.date(plan.renewal)}" if plan.renewal else "at your next renewal"
        lost = n(plan.lost_at_renewal, plan.lost_bound).replace("at most ", "up to ", 1)
        said = f"{lost} subscription credits would be lost {when} unless spent."
        lines.append(BudgetLine("lost", said[:1].upper() + said[1:]))
    if plan.pro_models and not plan.unpayable_pro:  # Pro lines with no known price: still unpayable
        lines.append(BudgetLine("warning", f"{pro[:1].upper()}{pro[1:]}: it cannot be paid without one."))
    return lines


@dataclass(frozen=True)
class BarWords:
    """What the budget's bar says: each balance's segment, the shortfall, the open cap when
    prices are not known, and all of it at once for a screen reader."""

    segments: tuple[str, ...]
    short: str
    unknown: str
    description: str


#: The open cap: the estimate needs more than the bar shows, by an amount nobody knows.
UNKNOWN_PART = "Some prices are not known: the estimate needs more than shown, by an amount not known."


def bar_words(plan: BudgetPlan, estimated: bool | None = None, style: NumberStyle = PLAIN) -> BarWords:
    """The bar's words: the same sentences as the budget's lines, for hovering a part of it."""
    say = _Figures(plan, estimated, style)
    segments = tuple(say.draw(d) for d in plan.draws)
    short = say.short() if plan.short else ""
    unknown = "" if plan.complete else UNKNOWN_PART
    said = [f"{s}." for s in segments] + [t for t in (short, unknown) if t]
    if not plan.short and plan.complete:
        said.append(say.covered())
    return BarWords(segments, short, unknown, " ".join(["Balances in the order they are spent.", *said]))


def and_list(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _pro_reason(plan: BudgetPlan) -> str:
    """ "Nano Banana Pro needs a subscription (a Pro model, inferred from the name)"."""
    names = plan.pro_models
    if not names:
        return ""
    joined = and_list(list(names))
    what = "a Pro model" if len(names) == 1 else "Pro models"
    inferred = f", {PRO_INFERRED}" if plan.pro_inferred else ""
    return f"{joined} need{'s' if len(names) == 1 else ''} a subscription ({what}{inferred})"


def affordable_words(
    images: int | None, needs_subscription: bool, subscribed: bool, style: NumberStyle = PLAIN
) -> str:
    """What a balance buys at these settings: "buys 68 images at these settings"."""
    if images is None:
        return "unknown for these settings (the price is not known exactly)"
    if images == 0 and needs_subscription and not subscribed:
        return f"none: a Pro model needs a subscription ({PRO_INFERRED})"
    return f"buys {plural(images, 'image', style)} at these settings"


def money(amount: Decimal, currency: str, style: NumberStyle = PLAIN) -> str:
    """ "12.34 EUR", "1,235 JPY": rounded to the currency's smallest unit for reading."""
    step = Decimal(1) if currency.upper() in WHOLE_CURRENCIES else Decimal("0.01")
    rounded = amount.quantize(step, rounding=ROUND_HALF_UP)
    text = number(rounded, style)
    if step < 1 and style.point not in text:
        text += style.point + "00"
    elif step < 1 and len(text.rpartition(style.point)[2]) == 1:
        text += "0"
    return f"{text} {currency}".strip()


def rate_words(rate: Rate, style: NumberStyle = PLAIN) -> str:
    """ "0.009997 USD per credit": four significant digits (the exact rate prices)."""
    return f"{number(significant(rate.per_credit), style)} {rate.currency or '(no currency)'} per credit"


def exact_money(rate: Rate, total: Quote, style: NumberStyle = PLAIN) -> str:
    """Every digit of what the known credits cost at the rate: "137.291456 EUR"."""
    return f"{number(rate.cost(total.known_total), style)} {rate.currency}".strip()


def cost_words(rate: Rate, total: Quote, style: NumberStyle = PLAIN) -> str:
    """What the estimate costs at the user's rate: "12.34 EUR", "at least 12.34 EUR"."""
    prefix = "" if total.complete else "at least "
    about = "about " if total.estimated else ""
    return f"{prefix}{about}{money(rate.cost(total.known_total), rate.currency, style)}"


def exact_rate_words(rate: Rate, style: NumberStyle = PLAIN) -> str:
    """ "Exactly 0.0099975 USD per credit": every digit of the rate in use."""
    return f"Exactly {number(rate.per_credit, style)} {rate.currency} per credit"


def at_your_rate(rate: Rate, total: Quote, style: NumberStyle = PLAIN) -> tuple[str, str]:
    """What the estimate costs at the user's rate: (the figure people read, every digit)."""
    return f"{cost_words(rate, total, style)} at your rate", f"{exact_money(rate, total, style)}, exactly"
