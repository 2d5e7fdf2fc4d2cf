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

from imagine_calc.core.estimates.budget import BudgetPlan
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text.numbers import PLAIN, NumberStyle, approx, number, plural, significant

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


def budget_lines(plan: BudgetPlan, estimated: bool = False, style: NumberStyle = PLAIN) -> list[BudgetLine]:
    """One line per balance, then short or covered, what expires at renewal, the warnings."""

    def n(value: Decimal) -> str:
        return approx(value, style) if estimated else number(value, style)

    about = "about " if estimated else ""
    lines = [
        BudgetLine("draw", f"{d.balance}: {n(d.used)} of {n(d.available)} used, {n(d.left)} left")
        for d in plan.draws
    ]
    if plan.short and not plan.complete:  # the prices not known only add to what is missing
        lines.append(
            BudgetLine(
                "short",
                f"Short by at least {about}{n(plan.short)} credits: some prices are not known.",
            )
        )
    elif plan.short:
        lines.append(BudgetLine("short", f"Short by {about}{n(plan.short)} credits."))
    elif plan.complete:
        lines.append(BudgetLine("covered", f"Covered: {about}{n(plan.left)} credits left after it."))
    else:
        # Not "covered": the unknown parts come on top, and may not fit in what is left.
        lines.append(
            BudgetLine(
                "warning",
                f"The known prices fit, with {about}{n(plan.left)} credits left; "
                "the prices not known come on top and may not fit.",
            )
        )
    if plan.lost_at_renewal and plan.renewal:
        lines.append(
            BudgetLine(
                "lost",
                f"{about.capitalize()}{n(plan.lost_at_renewal)} subscription credits would be lost at "
                f"renewal on {plan.renewal.isoformat()} unless spent.",
            )
        )
    lines += [BudgetLine("warning", w) for w in plan.warnings]
    return lines


def affordable_words(
    images: int | None, needs_subscription: bool, subscribed: bool, style: NumberStyle = PLAIN
) -> str:
    """What a balance buys at these settings: "buys 68 images at these settings"."""
    if images is None:
        return "unknown for these settings (the price is not known exactly)"
    if images == 0 and needs_subscription and not subscribed:
        return "none: a Pro model needs a subscription (inferred from the name)"
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
