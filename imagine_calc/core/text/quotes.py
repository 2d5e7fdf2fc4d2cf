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
from imagine_calc.core.language import N_, N_plural, _, ngettext
from imagine_calc.core.numbers import PLAIN, NumberStyle, approx, number, rounded, signed
from imagine_calc.core.pricing.findings import EnhancerNotPublished, EnhancerPerImageUnknown, Unknown
from imagine_calc.core.pricing.quotes import Line, Quote, QuoteState

#: state -> (short, long in the singular and the plural); {n} is the figure, already written
#: for the state. The short forms are signs, the same in every language.
FORMS: dict[QuoteState, tuple[str, tuple[str, str]]] = {
    QuoteState.EXACT: ("{n}", N_plural("{n} credit", "{n} credits")),
    QuoteState.OBSERVED: ("{n}", N_plural("{n} credit, observed", "{n} credits, observed")),
    QuoteState.APPROXIMATE: ("≈ {n}", N_plural("about {n} credit", "about {n} credits")),
    QuoteState.LOWER_BOUND: ("≥ {n}", N_plural("at least {n} credit", "at least {n} credits")),
    QuoteState.APPROXIMATE_LOWER_BOUND: (
        "≥ ≈ {n}",
        N_plural("at least about {n} credit", "at least about {n} credits"),
    ),
    QuoteState.UNKNOWN: (N_("unknown"), ("unknown", "unknown")),  # said by `short` and `long` alone
}


def _shown(quote: Quote) -> Decimal:
    """The figure as it is shown: an estimate rounded as a person reads it."""
    return rounded(quote.known_total) if quote.state.estimated else quote.known_total


def count_of(value: Decimal) -> int:
    """The count a plural rule is asked about for a figure: the figure when whole; else 2, which
    reads plural in every language here ("1.5 credits": gettext's rules know whole numbers only)."""
    return int(value) if value == value.to_integral_value() else 2


def forms(quote: Quote, style: NumberStyle = PLAIN) -> tuple[str, str]:
    """(short, long) at once: a list of models words both for every row, the figure written
    once (a settings change words ~36 quotes; writing each figure twice cost 0.3 ms)."""
    if quote.state is QuoteState.UNKNOWN:
        unknown = _("unknown")
        return unknown, unknown
    shown = _shown(quote)
    n = number(shown, style)
    return FORMS[quote.state][0].format(n=n), ngettext(*FORMS[quote.state][1], count_of(shown)).format(n=n)


def short(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """A table cell: "147", "≈ 41", "≥ 25", "≥ ≈ 41", "unknown"."""
    if quote.state is QuoteState.UNKNOWN:
        return _("unknown")
    return FORMS[quote.state][0].format(n=number(_shown(quote), style))


def long(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """A total: "147 credits", "about 41 credits", "at least 25 credits", "unknown"."""
    if quote.state is QuoteState.UNKNOWN:
        return _("unknown")
    shown = _shown(quote)
    return ngettext(*FORMS[quote.state][1], count_of(shown)).format(n=number(shown, style))


def credits_words(value: Decimal, style: NumberStyle = PLAIN) -> str:
    """ "1 credit", "73.5 credits": a figure with its unit, every digit."""
    return ngettext("{n} credit", "{n} credits", count_of(value)).format(n=number(value, style))


def exact(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """Every digit, with the state in words (for a tooltip beside a rounded figure):
    "41.472 credits (rests on an inferred figure)", "at least 25 credits"."""
    if quote.state is QuoteState.UNKNOWN:
        return _("unknown")
    figure = credits_words(quote.known_total, style)
    if not quote.complete:
        figure = _("at least {n}").format(n=figure)
    return _("{n} (rests on an inferred figure)").format(n=figure) if quote.estimated else figure


def unrounded(quote: Quote, style: NumberStyle = PLAIN) -> str:
    """The tooltip line beside a rounded total: "Unrounded: 41.472 credits (rests on an
    inferred figure)", "Unrounded: at least 84.5 credits"; "" when nothing is known. Not
    "Exactly", which a lower bound would contradict."""
    if quote.state is QuoteState.UNKNOWN:
        return ""
    return _("Unrounded: {n}").format(n=exact(quote, style))


def line_amount(line: Line, style: NumberStyle = PLAIN) -> str:
    """One part of a breakdown: "98", "at least 25", "about 41", "unknown"."""
    if line.credits is None:
        return _("unknown")
    if line.basis is Basis.INFERRED:
        figure = approx(line.credits, style)
        return (_("at least about {n}") if line.lower_bound else _("about {n}")).format(n=figure)
    figure = number(line.credits, style)
    return _("at least {n}").format(n=figure) if line.lower_bound else figure


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
    change = (
        _("{n} more").format(n=figure)
        if known > 0
        else _("{n} less").format(n=figure)
        if known < 0
        else _("no change")
    )
    if way is None:
        return signed(known, style), change
    unknown = {"more": "+ ?", "less": f"{style.minus} ?", "either": "± ?"}[way]
    if known == 0:
        return unknown, _(_ALONE[way])
    enhancer = all(isinstance(u, _ENHANCER) for u in _changing(current, other))
    words = _((_FOR_THE_ENHANCER if enhancer else _UNPUBLISHED)[way]).format(change=change)
    return f"{signed(known, style)} {unknown}", words


#: An unknown part that is the whole change.
_ALONE = {
    "more": N_("costs more, not published"),
    "less": N_("costs less, not published"),
    "either": N_("may cost more or less, not published"),
}
#: An unknown part on top of a known change ({change}: "25 more").
_UNPUBLISHED = {
    "more": N_("{change}, plus an unpublished amount"),
    "less": N_("{change}, minus an unpublished amount"),
    "either": N_("{change}, give or take an unpublished amount"),
}
_FOR_THE_ENHANCER = {
    "more": N_("{change}, plus more for the enhancer"),
    "less": N_("{change}, plus less for the enhancer"),
    "either": N_("{change}, give or take the enhancer"),
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
    return _("about {n}").format(n=approx(value, style))
