"""Plain-text rendering of credits and quotes, for the CLI and plain-text exports.

The window formats numbers with QLocale instead; both start from the same Decimals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from imagine_calc.core.catalog.records import BASE_TIER, Model
from imagine_calc.core.pricing.quotes import Line, Quote, QuoteState


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
    if quote.state is QuoteState.UNKNOWN:
        return "unknown"
    about = "about " if quote.estimated else ""
    figure = approx_text(quote.known_total) if quote.estimated else credits_text(quote.known_total)
    return f"at least {about}{figure} credits, plus unknown"


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


def line_amount_text(line: Line, number: Callable[[Decimal], str] = credits_text) -> str:
    """One part of a breakdown: "98", "at least 25" (a base price above 1K), "unknown"."""
    if line.credits is None:
        return "unknown"
    return f"at least {number(line.credits)}" if line.lower_bound else number(line.credits)


def age_text(days: int) -> str:
    """How old the prices are: "today", "1 day old", "45 days old", or, for a date ahead of
    this computer's clock, "dated 3 days ahead" (never "-3 days old")."""
    if days < 0:
        return f"dated {-days} day{'s' if days != -1 else ''} ahead of this computer's date"
    if days == 0:
        return "from today"
    return f"{days} day{'s' if days != 1 else ''} old"


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


def price_words(model: Model, number: Callable[[Decimal], str] = credits_text) -> str:
    """A model's price as the page gives it, with how far it holds: "49 (1K) / 73.5 (2K) /
    98 (4K) per image", "25 per image at 1K, the page's base price; 2K and 4K cost more (not
    published)", "5 per image", or "unknown"."""
    summary = price_summary(model, number)
    if summary == "unknown":
        return summary
    if not model.flat:
        return f"{summary} per image"
    above = [t for t in model.tiers if model.lower_bound_at(t)]
    if not above:
        return f"{summary} per image"
    return (
        f"{summary} per image at {BASE_TIER}, the page's base price; "
        f"{' and '.join(above)} cost more (not published)"
    )


def tiered_text(prices: Mapping[str, Decimal | None], number: Callable[[Decimal], str] = credits_text) -> str:
    """Tier prices as ImagineArt's table writes them, equal neighbouring tiers grouped."""
    groups: list[tuple[Decimal | None, list[str]]] = []
    for tier, price in prices.items():
        if groups and groups[-1][0] == price:
            groups[-1][1].append(tier)
        else:
            groups.append((price, [tier]))
    return " / ".join(f"{'unknown' if p is None else number(p)} ({'/'.join(tiers)})" for p, tiers in groups)
