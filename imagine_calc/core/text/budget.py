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
from imagine_calc.core.language import N_, _
from imagine_calc.core.numbers import PLAIN, NumberStyle, approx, number, significant
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text.catalog import PRO_INFERRED, and_words
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


#: How a figure reads with its bound, and with "about" where it rests on an inferred price;
#: `up_to`: an upper bound said as "up to" (what would be lost), not "at most".
FIGURE_WORDS = {
    (Bound.EXACT, False): "{n}",
    (Bound.EXACT, True): N_("about {n}"),
    (Bound.AT_LEAST, False): N_("at least {n}"),
    (Bound.AT_LEAST, True): N_("at least about {n}"),
    (Bound.AT_MOST, False): N_("at most {n}"),
    (Bound.AT_MOST, True): N_("at most about {n}"),
}
UP_TO_WORDS = {False: N_("up to {n}"), True: N_("up to about {n}")}


class Figures:
    """How the plan's figures read: with its bounds, and "about" where the estimate rests on an
    inferred price (a balance the estimate empties is used exactly, whatever else is unknown)."""

    def __init__(self, plan: BudgetPlan, estimated: bool | None, style: NumberStyle) -> None:
        self.plan, self.style = plan, style
        self.about = plan.estimated if estimated is None else estimated

    def n(
        self, value: Decimal, bound: Bound = Bound.EXACT, about: bool | None = None, up_to: bool = False
    ) -> str:
        about = self.about if about is None else about
        shown = approx(value, self.style) if about else number(value, self.style)
        template = UP_TO_WORDS[about] if up_to and bound is Bound.AT_MOST else FIGURE_WORDS[bound, about]
        return _(template).format(n=shown)

    def draw(self, d: Draw) -> str:
        """ "Top-up credits: at least 724 of 2,000 used, at most 1,276 left"."""
        about = self.about and d.left > 0
        used, left = self.n(d.used, d.used_bound, about), self.n(d.left, d.left_bound, about)
        return _("{balance}: {used} of {available} used, {left} left").format(
            balance=_(d.balance), used=used, available=number(d.available, self.style), left=left
        )

    def short(self) -> str:
        """ "Short by at least 188 credits: Nano Banana Pro needs a subscription (...)."; the
        first reason that matters first: a Pro model no balance may pay, then the balances
        being too small (said by the figure itself), then prices not known."""
        plan, reasons = self.plan, []
        if plan.unpayable_pro:
            reasons.append(_pro_reason(plan))
            if plan.balance_short:
                lack = self.n(plan.balance_short, plan.short_bound)
                reasons.append(_("the balances lack {n} more").format(n=lack))
        if not plan.complete:
            reasons.append(_("some prices are not known"))
        short = self.n(plan.short, plan.short_bound)
        if reasons:
            return _("Short by {n} credits: {why}.").format(n=short, why=and_list(reasons))
        return _("Short by {n} credits.").format(n=short)

    def covered(self) -> str:
        return _("Covered: {n} credits left after it.").format(n=self.n(self.plan.left))


def known_fit_words(left: str) -> str:
    """Not "covered": the known prices fit with `left` credits to spare, but the unknown parts
    come on top, and may not fit in what is left (a personal budget or a team's pool)."""
    return _(
        "The known prices fit, with {n} credits left, but some prices are not known: they come on "
        "top and may not fit."
    ).format(n=left)


def budget_lines(
    plan: BudgetPlan, estimated: bool | None = None, style: NumberStyle = PLAIN
) -> list[BudgetLine]:
    """One line per balance, then short or what is left, what expires at renewal, the Pro
    models a plan without a subscription cannot pay. Every figure keeps the estimate's
    certainty: "at least 724 of 2,000 used, at most 1,276 left" where prices are unknown."""
    say = Figures(plan, estimated, style)
    n = say.n
    lines = [BudgetLine("draw", say.draw(d)) for d in plan.draws]
    pro = _pro_reason(plan)
    if plan.short:
        lines.append(BudgetLine("short", say.short()))
    elif plan.complete:
        lines.append(BudgetLine("covered", say.covered()))
    else:
        lines.append(BudgetLine("warning", known_fit_words(n(plan.left, plan.left_bound))))
    if plan.lost_at_renewal:
        lost = n(plan.lost_at_renewal, plan.lost_bound, up_to=True)
        if plan.renewal:
            said = _("{n} subscription credits would be lost at renewal on {date} unless spent.").format(
                n=lost, date=style.date(plan.renewal)
            )
        else:
            said = _("{n} subscription credits would be lost at your next renewal unless spent.").format(
                n=lost
            )
        lines.append(BudgetLine("lost", _capital(said)))
    if plan.pro_models and not plan.unpayable_pro:  # Pro lines with no known price: still unpayable
        said = _("{why}: it cannot be paid without one.").format(why=pro)
        lines.append(BudgetLine("warning", _capital(said)))
    return lines


def _capital(sentence: str) -> str:
    """A sentence that starts with a figure's words ("up to 1,276 ...") starts with a capital."""
    return sentence[:1].upper() + sentence[1:]


@dataclass(frozen=True)
class BarWords:
    """What the budget's bar says: each balance's segment, the shortfall, the open cap when
    prices are not known, and all of it at once for a screen reader."""

    segments: tuple[str, ...]
    short: str
    unknown: str
    description: str


#: The open cap: the estimate needs more than the bar shows, by an amount nobody knows.
UNKNOWN_PART = N_("Some prices are not known: the estimate needs more than shown, by an amount not known.")


def bar_words(plan: BudgetPlan, estimated: bool | None = None, style: NumberStyle = PLAIN) -> BarWords:
    """The bar's words: the same sentences as the budget's lines, for hovering a part of it."""
    say = Figures(plan, estimated, style)
    segments = tuple(say.draw(d) for d in plan.draws)
    short = say.short() if plan.short else ""
    unknown = "" if plan.complete else _(UNKNOWN_PART)
    said = [_("{sentence}.").format(sentence=s) for s in segments] + [t for t in (short, unknown) if t]
    if not plan.short and plan.complete:
        said.append(say.covered())
    return BarWords(segments, short, unknown, " ".join([_("Balances in the order they are spent."), *said]))


def and_list(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return and_words(parts)


def _pro_reason(plan: BudgetPlan) -> str:
    """ "Nano Banana Pro needs a subscription (a Pro model, inferred from the name)"."""
    names = plan.pro_models
    if not names:
        return ""
    joined = and_list(list(names))
    if plan.pro_inferred:
        return plural(
            len(names),
            "{names} needs a subscription (a Pro model, {why})",
            "{names} need a subscription (Pro models, {why})",
            names=joined,
            why=_(PRO_INFERRED),
        )
    return plural(
        len(names),
        "{names} needs a subscription (a Pro model)",
        "{names} need a subscription (Pro models)",
        names=joined,
    )


def affordable_words(
    images: int | None, needs_subscription: bool, subscribed: bool, style: NumberStyle = PLAIN
) -> str:
    """What a balance buys at these settings: "buys 68 images at these settings"."""
    if images is None:
        return _("unknown for these settings (the price is not known exactly)")
    if images == 0 and needs_subscription and not subscribed:
        return _("none: a Pro model needs a subscription ({why})").format(why=_(PRO_INFERRED))
    return plural(images, "buys {n} image at these settings", "buys {n} images at these settings", style)


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


def no_money_words(why: str) -> str:
    """A rate that cannot be read: "A price per credit must be a number, got 'x': no money shown."."""
    return _("{why}: no money shown.").format(why=_capital(why))


def rate_words(rate: Rate, style: NumberStyle = PLAIN) -> str:
    """ "0.009997 USD per credit": four significant digits (the exact rate prices)."""
    return _("{rate} {currency} per credit").format(
        rate=number(significant(rate.per_credit), style), currency=rate.currency or _("(no currency)")
    )


def exact_money(rate: Rate, total: Quote, style: NumberStyle = PLAIN) -> str:
    """Every digit of what the known credits cost at the rate: "137.291456 EUR"."""
    return f"{number(rate.cost(total.known_total), style)} {rate.currency}".strip()


def cost_words(rate: Rate, total: Quote, style: NumberStyle = PLAIN) -> str:
    """What the estimate costs at the user's rate: "12.34 EUR", "at least 12.34 EUR"."""
    bound = Bound.EXACT if total.complete else Bound.AT_LEAST
    return _(FIGURE_WORDS[bound, total.estimated]).format(
        n=money(rate.cost(total.known_total), rate.currency, style)
    )


def exact_rate_words(rate: Rate, style: NumberStyle = PLAIN) -> str:
    """ "Exactly 0.0099975 USD per credit": every digit of the rate in use."""
    return _("Exactly {rate} {currency} per credit").format(
        rate=number(rate.per_credit, style), currency=rate.currency
    )


def at_your_rate(rate: Rate, total: Quote, style: NumberStyle = PLAIN) -> tuple[str, str]:
    """What the estimate costs at the user's rate: (the figure people read, every digit)."""
    return (
        _("{cost} at your rate").format(cost=cost_words(rate, total, style)),
        _("{cost}, exactly").format(cost=exact_money(rate, total, style)),
    )
