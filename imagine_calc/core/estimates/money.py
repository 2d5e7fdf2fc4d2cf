"""Credits in money, only at a rate the user typed: no built-in plan prices or exchange rates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_BALANCE, MAX_MONEY, LimitError, parse_decimal
from imagine_calc.core.numbers import whole


@dataclass(frozen=True)
class Rate:
    """What one credit costs the user, in the currency they named."""

    per_credit: Decimal
    currency: str

    @classmethod
    def from_plan(cls, price: Decimal, credits: Decimal, currency: str) -> Rate:
        """A plan's price divided by its credits (both as the user typed them)."""
        if not credits.is_finite() or not 0 < credits <= MAX_BALANCE:
            raise ValueError(
                _("a plan's credits must be more than 0 and at most {most}").format(most=whole(MAX_BALANCE))
            )
        if not price.is_finite() or not 0 <= price <= MAX_MONEY:
            raise ValueError(_("a plan's price must be from 0 to {most}").format(most=whole(MAX_MONEY)))
        return cls(price / credits, currency)

    def cost(self, credits: Decimal) -> Decimal:
        """Exact: words for it are core/text/budget.py's `money`."""
        return credits * self.per_credit


def parse_rate(per_credit: str, currency: str) -> Rate | None:
    """A rate from typed text; None when the field is empty. LimitError says what is wrong
    with anything else (not a number, or out of bounds)."""
    if not per_credit.strip():
        return None
    return Rate(parse_decimal(per_credit, _("a price per credit"), MAX_MONEY), currency.strip())


def parse_plan(price: str, credits: str, currency: str) -> Rate | None:
    """A rate from a typed plan ("29.99" for "3,000" credits); None when both are empty.
    A comma in the credits groups thousands; in the price it may be decimal. LimitError
    says what is wrong with either."""
    if not price.strip() and not credits.strip():
        return None
    amount = parse_decimal(price, _("a plan's price"), MAX_MONEY)
    count = parse_decimal(credits.replace(",", ""), _("a plan's credits"), MAX_BALANCE)
    try:
        return Rate.from_plan(amount, count, currency.strip())
    except ValueError as exc:
        raise LimitError(str(exc)) from None
