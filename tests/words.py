"""What a quote says, in words (core/text words what pricing found): for tests that read it."""

from __future__ import annotations

from imagine_calc.core.catalog.price_update import Change, PriceUpdate
from imagine_calc.core.pricing.quotes import Line, Quote
from imagine_calc.core.text.findings import caveat_words, detail_words, label_words, unknown_words
from imagine_calc.core.text.price_update import note_words, shown_words


def unknowns(quote: Quote) -> list[str]:
    return [unknown_words(u) for u in quote.unknown_reasons]


def caveats(quote: Quote) -> list[str]:
    return [caveat_words(c) for c in quote.caveats]


def detail(line: Line) -> str:
    return detail_words(line.detail)


def label(line: Line) -> str:
    return label_words(line.label)


def notes(update: PriceUpdate) -> list[str]:
    """A price update's notes, in words."""
    return [note_words(n) for n in update.notes]


def change(c: Change) -> tuple[str, str, str, str]:
    """A price update's change in words: (kind, name, before, after)."""
    return (c.kind, c.name, shown_words(c.before), shown_words(c.after))
