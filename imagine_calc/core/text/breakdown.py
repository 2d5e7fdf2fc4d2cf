"""A quote as people and scripts read it, made once: its breakdown (a row per line, then what
is not known and what is worth knowing) and its JSON record. The window's total and tooltips,
the command line, and the text, Markdown and JSON exports all use these two."""

from __future__ import annotations

from typing import Any

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _, english
from imagine_calc.core.numbers import PLAIN, NumberStyle, json_number
from imagine_calc.core.pricing.quotes import Line, Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.findings import caveat_words, detail_words, label_words, unknown_words


@record
class Row(Frozen):
    """One line of a breakdown: "Nano Banana 2, 2K: 73.5 (1 × 73.5)"."""

    label: str
    amount: str
    detail: str
    #: Nothing of this line's figure is known (the window sets it apart).
    unknown: bool


@record
class Breakdown(Frozen):
    """A quote in words: a row per line, then what is not known and what is worth knowing."""

    rows: tuple[Row, ...]
    #: Why each unknown part is unknown, in words.
    not_known: tuple[str, ...]
    #: What is worth knowing, in words.
    notes: tuple[str, ...]

    def remarks(self) -> list[str]:
        """What is not known ("Not known: ...") and the notes, a line each."""
        return [_("Not known: {why}").format(why=w) for w in self.not_known] + list(self.notes)

    def lines(self) -> list[str]:
        """Plain text, a line each: the rows, then "Not known: ...", then the notes."""
        return [f"{r.label}: {r.amount} ({r.detail})" for r in self.rows] + self.remarks()


def row(line: Line, style: NumberStyle = PLAIN) -> Row:
    return Row(
        label_words(line.label),
        quotes.line_amount(line, style),
        detail_words(line.detail, style),
        line.credits is None,
    )


def breakdown(quote: Quote, style: NumberStyle = PLAIN) -> Breakdown:
    # Two findings may read the same (no size limit, said calmly of two batches): once each.
    return Breakdown(
        tuple(row(line, style) for line in quote.lines),
        tuple(dict.fromkeys(unknown_words(u, style) for u in quote.unknown_reasons)),
        tuple(dict.fromkeys(caveat_words(c, style) for c in quote.caveats)),
    )


def quote_record(quote: Quote) -> dict[str, Any]:
    """The one JSON shape of a quote, in the CLI's --json and every JSON export: figures as
    numbers (exact ones as decimal strings are the estimate file's), its state and basis, its
    words (`text`, and each line's `detail`, in English whatever the language), what is unknown
    and what is worth knowing."""
    with english():
        return _record(quote)


def _record(quote: Quote) -> dict[str, Any]:
    return {
        "total_credits": json_number(quote.total),
        "known_credits": json_number(quote.known_total),
        "complete": quote.complete,
        "estimated": quote.estimated,
        "state": quote.state.value,
        "basis": quote.basis,
        "text": quotes.long(quote),
        "lines": [
            {
                "label": label_words(line.label),
                "credits": json_number(line.credits),
                "detail": detail_words(line.detail),
                "basis": line.basis.value,
                "lower_bound": line.lower_bound,
            }
            for line in quote.lines
        ],
        "unknown": list(dict.fromkeys(unknown_words(u) for u in quote.unknown_reasons)),
        "caveats": list(dict.fromkeys(caveat_words(c) for c in quote.caveats)),
    }
