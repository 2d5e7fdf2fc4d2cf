"""What a quote says, in words (core/text words what pricing found): for tests that read it."""

from __future__ import annotations

from imagine_calc.core.pricing.quotes import Line, Quote
from imagine_calc.core.text.findings import caveat_words, detail_words, label_words, unknown_words


def unknowns(quote: Quote) -> list[str]:
    return [unknown_words(u) for u in quote.unknown_reasons]


def caveats(quote: Quote) -> list[str]:
    return [caveat_words(c) for c in quote.caveats]


def detail(line: Line) -> str:
    return detail_words(line.detail)


def label(line: Line) -> str:
    return label_words(line.label)
