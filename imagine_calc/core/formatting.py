"""Plain-text rendering of credits and quotes, for the CLI and plain-text exports.

The window formats numbers with QLocale instead; both start from the same Decimals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from imagine_calc.core.pricing import Quote
from imagine_calc.core.records import Model


def credits_text(value: Decimal) -> str:
    """Exact, without trailing zeros: 147, 220.5, 41.472."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):,}"
    return f"{value.normalize():,f}"


def plain_decimal(value: Decimal) -> str:
    """Exact and machine-readable, for files: "12800", "629.1456", never "1.28E+4"."""
    return format(value.normalize(), "f") if value else "0"


def approx_text(value: Decimal) -> str:
    """Whole credits, for a figure that is itself an estimate ("about 41")."""
    return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def total_text(quote: Quote) -> str:
    """ "147 credits", or "at least 147 credits, plus unknown" when a part is unknown."""
    if quote.complete:
        exact = credits_text(quote.known_total)
        if quote.estimated:
            return f"about {approx_text(quote.known_total)} credits ({exact})"
        return f"{exact} credits"
    if quote.known_total == 0:
        return "unknown"
    return f"at least {credits_text(quote.known_total)} credits, plus unknown"


def short_text(
    quote: Quote,
    number: Callable[[Decimal], str] = credits_text,
    approx: Callable[[Decimal], str] = approx_text,
) -> str:
    """A table cell: "12,800", "≈ 629" (rests on an inferred figure), "≥ 300 + ?" or "?".

    The window passes its locale-aware `number` and `approx`; files use the defaults.
    """
    if quote.complete:
        return f"≈ {approx(quote.known_total)}" if quote.estimated else number(quote.known_total)
    return "?" if quote.known_total == 0 else f"≥ {number(quote.known_total)} + ?"


def json_number(value: Decimal | None) -> int | float | None:
    """A JSON-ready number: int when whole, else the float whose repr is the exact decimal."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def price_summary(model: Model, number: Callable[[Decimal], str] = credits_text) -> str:
    """ "25", "49 (1K) / 73.5 (2K) / 98 (4K)", "80 (1K/2K) / 160 (4K)" or "unknown".

    Equal neighbouring tiers are grouped, as ImagineArt's own table writes them.
    """
    if model.flat:
        price = next(iter(model.tier_prices.values()))
        return "unknown" if price is None else number(price)
    return tiered_text(model.tier_prices, number)


def tiered_text(prices: Mapping[str, Decimal | None], number: Callable[[Decimal], str] = credits_text) -> str:
    """Tier prices as ImagineArt's table writes them, equal neighbouring tiers grouped."""
    groups: list[tuple[Decimal | None, list[str]]] = []
    for tier, price in prices.items():
        if groups and groups[-1][0] == price:
            groups[-1][1].append(tier)
        else:
            groups.append((price, [tier]))
    return " / ".join(f"{'unknown' if p is None else number(p)} ({'/'.join(tiers)})" for p, tiers in groups)
