"""Every state a quote can be in, and the words for it: one table, used by every view.

| state                    | short    | long                      |
|--------------------------|----------|---------------------------|
| exact                    | 147      | 147 credits               |
| observed                 | 51       | 51 credits, observed      |
| approximate              | ≈ 41     | about 41 credits          |
| lower bound              | ≥ 25     | at least 25 credits       |
| approximate lower bound  | ≥ ≈ 41   | at least about 41 credits |
| unknown                  | unknown  | unknown                   |

Short forms go in table cells (model list, upscale rows, estimate lines), long forms in
totals, sentences and the CLI. An estimate's figure is rounded as a person reads it; its
exact value is in `exact()` (tooltips) and in JSON.
"""

from __future__ import annotations

from decimal import Decimal

from imagine_calc.core.catalog.records import Basis
from imagine_calc.core.numbers import PLAIN, NumberStyle, approx, number, signed
from imagine_calc.core.pricing.findings import EnhancerNotPublished, EnhancerPerImageUnknown, Unknown
from imagine_calc.core.pricing.quotes import Line, Quote, QuoteState

#: state -> (short, long); {n} is the figure, already written for the state.
FORMS: dict[QuoteState, tuple[str, str]] = {
    QuoteState.EXACT: ("{n}", "{n} {credits}"),
    QuoteState.OBSERVED: ("{n}", "{n} {credits}, observed"),
    QuoteState.APPROXIMATE: ("≈ {n}", "about {n} {credits}"),
    QuoteState.LOWER_BOUND: ("≥ {n}", "at least {n} {credits}"),
    QuoteState.APPROXIMATE_LOWER_BOUND: ("≥ ≈ {n}", "at least about {n} {credits}"),
    QuoteState.UNKNOWN: ("unknown", "unknown"),
}
_ESTIMATES = (QuoteState.APPROXIMATE, QuoteState.APPROXIMATE_LOWER_BOUND)


def _figure(quote: Quote, style: NumberStyle) -> str:
    if quote.state in _ESTIMATES:
        return approx(quote.known_total, style)
    return number(quote.known_total, style)


def _fill(template: str, n: str) -> str:
    """`template` with the figure `n` written in, and "credit" for one."""
    return template.format(n=n, credits="credit" if n == "1" else "credits")


def forms(quote: Quote, style: NumberStyle = PLAIN) -> tuple[str, str]:
    """(short, long) at once: a list of models words both for every row, the figure written
    once (a settings change words ~36 quotes; writing each figure twice cost 0.3 ms)."""
    short_form, long_form = FORMS[quote.state]
    n = _figure(quote, style)
    return _fill(short_form, n), _fill(long_form, n)


def short(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """A table cell: "147", "≈ 41", "≥ 25", "≥ ≈ 41", "unknown"."""
    return _fill(FORMS[quote.state][0], _figure(quote, style))


def long(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """A total: "147 credits", "about 41 credits", "at least 25 credits", "unknown"."""
    return _fill(FORMS[quote.state][1], _figure(quote, style))


def exact(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """Every digit, with the state in words (for a tooltip beside a rounded figure):
    "41.472 credits (inferred: about)", "at least 25 credits"."""
    figure = f"{number(quote.known_total, style)} credits"
    if quote.state is QuoteState.UNKNOWN:
        return "unknown"
    prefix = "at least " if not quote.complete else ""
    suffix = " (rests on an inferred figure)" if quote.estimated else ""
    return f"{prefix}{figure}{suffix}"


def unrounded(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """The tooltip line beside a rounded total: "Unrounded: 41.472 credits (rests on an
    inferred figure)", "Unrounded: at least 84.5 credits"; "" when nothing is known. Not
    "Exactly", which a lower bound would contradict."""
    if quote.state is QuoteState.UNKNOWN:
        return ""
    return f"Unrounded: {exact(quote, style)}"


def line_amount(line: Line, style: NumberStyle = PLAIN) -> str:
    """One part of a breakdown: "98", "at least 25", "about 41", "unknown"."""
    if line.credits is None:
        return "unknown"
    figure = approx(line.credits, style) if line.basis is Basis.INFERRED else number(line.credits, style)
    about = "about " if line.basis is Basis.INFERRED else ""
    return f"at least {about}{figure}" if line.lower_bound else f"{about}{figure}"


def delta(current: Quote, other: Quote, style: NumberStyle = PLAIN, *, more_images: int = 0) -> str:
    """What choosing `other` instead of `current` changes, short: "+49", "-24.5", "±0"; with an
    unknown part on either side "+ ?" (more unknown), "- ?" (less), "± ?" (either way),
    after the known change if there is one ("+49 + ?"). Two unknowns never cancel to ±0.
    Where there is room, `delta_words` says the same in words.

    `more_images`: `other` is the same settings with this many more (or, below 0, fewer)
    images. n images cost n times one (the page), so an unknown part both share grows or
    shrinks with the count: 1 -> 2 images at a base price of 25 is "+25 + ?" (at least 25
    more), not "+25 ± ?"."""
    return delta_forms(current, other, style, more_images=more_images)[0]


def delta_words(current: Quote, other: Quote, style: NumberStyle = PLAIN, *, more_images: int = 0) -> str:
    """`delta` in words: "49 more", "24.5 less", "no change"; an unknown part said as such:
    "costs more, not published" (only an unknown part changes), "25 more, plus an unpublished
    amount" (at least 25 more), "49 less, plus less for the enhancer", "73.5 more, give or take
    the enhancer" (its part may differ either way). Never a number for what is not known."""
    return delta_forms(current, other, style, more_images=more_images)[1]


def delta_forms(
    current: Quote, other: Quote, style: NumberStyle = PLAIN, *, more_images: int = 0
) -> tuple[str, str]:
    """(`delta`, `delta_words`) at once: every option of every setting words both."""
    known = other.known_total - current.known_total
    way = _unknown_way(current, other, more_images)
    figure = number(abs(known), style)
    change = f"{figure} more" if known > 0 else f"{figure} less" if known < 0 else "no change"
    if way is None:
        return signed(known, style), change
    unknown = {"more": "+ ?", "less": f"{style.minus} ?", "either": "± ?"}[way]
    if known == 0:
        return unknown, _ALONE[way]
    enhancer = all(isinstance(u, _ENHANCER) for u in _changing(current, other))
    words = f"{change}, {(_FOR_THE_ENHANCER if enhancer else _UNPUBLISHED)[way]}"
    return f"{signed(known, style)} {unknown}", words


#: An unknown part that is the whole change.
_ALONE = {
    "more": "costs more, not published",
    "less": "costs less, not published",
    "either": "may cost more or less, not published",
}
#: An unknown part on top of a known change.
_UNPUBLISHED = {
    "more": "plus an unpublished amount",
    "less": "minus an unpublished amount",
    "either": "give or take an unpublished amount",
}
_FOR_THE_ENHANCER = {
    "more": "plus more for the enhancer",
    "less": "plus less for the enhancer",
    "either": "give or take the enhancer",
}
_ENHANCER = (EnhancerNotPublished, EnhancerPerImageUnknown)


def _unknown_way(current: Quote, other: Quote, more_images: int) -> str | None:
    """Which way the unknown part of the change goes: "more", "less", "either", or None when
    both totals are known."""
    if current.complete and other.complete:
        return None
    gained = bool(set(other.unknown_reasons) - set(current.unknown_reasons))
    lost = bool(set(current.unknown_reasons) - set(other.unknown_reasons))
    if more_images and not gained and not lost:
        gained, lost = more_images > 0, more_images < 0
    return "more" if gained and not lost else "less" if lost and not gained else "either"


def _changing(current: Quote, other: Quote) -> set[Unknown]:
    """The unknown parts the change is about: those only one side has, else those both share."""
    mine, theirs = set(current.unknown_reasons), set(other.unknown_reasons)
    return (mine ^ theirs) or (mine | theirs)


def estimated(value: Decimal, style: NumberStyle = PLAIN) -> str:
    """A figure that rests on an inferred price: "about 41"."""
    return f"about {approx(value, style)}"
