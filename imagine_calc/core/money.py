"""Credits in money, only at a rate the user typed: no built-in plan prices or exchange rates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


@dataclass(frozen=True)
class Rate:
    """What one credit costs the user, in the currency they named."""

    per_credit: Decimal
    currency: str

    @classmethod
    def from_plan(cls, price: Decimal, credits: Decimal, currency: str) -> Rate:
        """A plan's price divided by its credits (both as the user typed them)."""
        if credits <= 0 or not credits.is_finite():
            raise ValueError("a plan's credits must be more than 0")
        if price < 0 or not price.is_finite():
            raise ValueError("a plan's price cannot be negative")
        return cls(price / credits, currency)

    def cost(self, credits: Decimal) -> Decimal:
        return credits * self.per_credit

    def text(self, credits: Decimal) -> str:
        """ "12.34 EUR": rounded to cents for reading; the rate itself stays exact."""
        amount = self.cost(credits).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return f"{amount:,} {self.currency}".strip()


def parse_rate(per_credit: str, currency: str) -> Rate | None:
    """A rate from typed text, or None when the field is empty or not a number >= 0."""
    try:
        value = Decimal(per_credit.strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return Rate(value, currency.strip())
