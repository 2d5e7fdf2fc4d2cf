"""An estimate as CSV (for spreadsheets), Markdown (for a client), JSON (for scripts) or text.

Every export has the same rows as the window's estimate table, in the same order. CSV and JSON
carry exact decimals without grouping; Markdown and text are for reading. Every text from
outside goes through export_cells on its way in: any label, title or model name (a lone
surrogate, a NUL, a formula, a line break, HTML) is written, shown as typed and never run.
The window's File > Export estimate and `imagine-calc estimate FILE --export OUT` both write
`export_bytes`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import SUBSCRIPTION, Bound, BudgetPlan
from imagine_calc.core.estimates.estimate import PricedEstimate, PricedItem
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.language import N_, _, english
from imagine_calc.core.numbers import PLAIN, NumberStyle, plain_decimal, whole
from imagine_calc.core.outside_text import json_text
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.breakdown import breakdown, quote_record
from imagine_calc.core.text.budget import budget_lines, cost_words, rate_words
from imagine_calc.core.text.estimates import description, subtotal_name, what
from imagine_calc.core.text.export_cells import csv_record, markdown_text, plain_text
from imagine_calc.core.text.findings import unknown_words

#: The estimate's columns, as the window and the Markdown and text exports head them.
HEADER = (N_("Label"), N_("What"), N_("Count"), N_("Credits per run"), N_("Credits"))


def header() -> tuple[str, ...]:
    """HEADER in the language in use."""
    return tuple(_(h) for h in HEADER)


def _for_files(style: NumberStyle) -> NumberStyle:
    """A style's figures with ISO 8601 days: a file is read anywhere, and later."""
    return dataclasses.replace(style, date=dt.date.isoformat)


#: A file's suffix (any case) -> the export it gets.
KINDS = {".csv": "csv", ".md": "md", ".json": "json"}


def line_cells(p: PricedItem, style: NumberStyle = PLAIN) -> tuple[str, str, str, str, str]:
    """The five cells a line shows: the window passes its locale's style, files the plain one."""
    return (
        p.label,
        what(p, style),
        whole(p.item.count, style),
        quotes.short(p.unit, style),
        quotes.short(p.quote, style),
    )


#: The CSV's columns. `section` says what a row is, so a script keeps the rows it wants from
#: one rectangular table: "line" (the estimate's lines, as the window lists them), "subtotal"
#: (by model or engine, then by kind: `what` says which), "total", and "budget" (each balance's
#: figures, what is short, what would be lost at renewal). `bound` says how far `credits` holds:
#: "exact", "at_least" or "at_most"; `state` is the quote's state (a budget figure's: the
#: estimate's it rests on).
CSV_HEADER = (
    "section",
    "label",
    "what",
    "count",
    "credits_per_run",
    "credits",
    "bound",
    "complete",
    "state",
    "basis",
    "unknown",
)

_SUBTOTALS: tuple[tuple[Literal["group", "kind"], str], ...] = (("group", "by model"), ("kind", "by kind"))

CsvRow = tuple[str, str, str, str | int, str | Decimal, Decimal, str, str, str, str, str]


def to_csv(priced: PricedEstimate, plan: BudgetPlan | None = None) -> str:
    """Numbers exact and bare, every text cell quoted and neutralised against formulas
    (export_cells.spreadsheet_text); the JSON export keeps the text exactly as typed. In English
    whatever the language: scripts read it."""
    with english():
        return _csv(priced, plan)


def _csv(priced: PricedEstimate, plan: BudgetPlan | None) -> str:
    rows: list[Sequence[str | int | Decimal]] = [CSV_HEADER]
    for p in priced.items:
        rows.append(_quote_row("line", p.label, what(p), p.quote, p.item.count, p.unit.known_total))
    for by, what_words in _SUBTOTALS:
        for key, q in priced.subtotals(by):
            rows.append(_quote_row("subtotal", subtotal_name(key, by), what_words, q))
    rows.append(_quote_row("total", "Total", "", priced.total))
    if plan is not None:
        rows += _budget_rows(plan)
    return "".join(csv_record(row) for row in rows)


def _quote_row(
    section: str, label: str, what_words: str, q: Quote, count: int | str = "", unit: Decimal | str = ""
) -> CsvRow:
    return (
        section,
        label,
        what_words,
        count,
        unit,
        q.known_total,
        Bound.EXACT.value if q.complete else Bound.AT_LEAST.value,
        "yes" if q.complete else "no",
        q.state.value,
        q.basis,
        "; ".join(unknown_words(u) for u in q.unknown_reasons),
    )


def _budget_rows(plan: BudgetPlan) -> list[CsvRow]:
    """A row per figure of the budget, each with its bound: what each balance has (as typed),
    what the estimate uses of it and what is left, what no balance pays, and what would expire
    unused. A figure worked out from the estimate has the estimate's state ("approximate": read
    it as "about"); a balance as typed has none."""

    def row(label: str, what_words: str, credits: Decimal, bound: Bound, state: str) -> CsvRow:
        complete = "yes" if bound is Bound.EXACT else "no"
        return ("budget", label, what_words, "", "", credits, bound.value, complete, state, "", "")

    worked_out = plan.state.value
    rows = []
    for d in plan.draws:
        rows.append(row(d.balance, "available", d.available, Bound.EXACT, ""))
        rows.append(row(d.balance, "used", d.used, d.used_bound, worked_out))
        rows.append(row(d.balance, "left", d.left, d.left_bound, worked_out))
    rows.append(row("Short", "credits no balance pays", plan.short, plan.short_bound, worked_out))
    for d in plan.draws:
        if d.balance == SUBSCRIPTION:  # what it has left at renewal is lost
            when = f"on {plan.renewal.isoformat()}" if plan.renewal else "at the next renewal"
            what_words = f"subscription credits unspent {when}"
            rows.append(row("Lost at renewal", what_words, plan.lost_at_renewal, d.left_bound, worked_out))
    return rows


def to_markdown(
    priced: PricedEstimate,
    catalog: Catalog,
    plan: BudgetPlan | None = None,
    rate: Rate | None = None,
    style: NumberStyle = PLAIN,
) -> str:
    """For a client, in the language in use and its figures (`style`; days in ISO 8601): every
    text escaped (markdown_text), so a label is one cell of one row and no HTML in a title or
    label runs in a renderer."""
    md, style = markdown_text, _for_files(style)
    rows = [header(), *(line_cells(p, style) for p in priced.items)]
    out = [f"# {md(priced.estimate.title) or _('Estimate')}", "", _md_table(rows), ""]
    total, money = _total(priced, rate, style)
    out.append(f"**{md(total)}**" + (f" ({md(money)})" if money else ""))
    subtotals = priced.subtotals()
    if len(subtotals) > 1:
        listed = [f"- {md(name)}: {md(quotes.long(q, style))}" for name, q in subtotals]
        out += ["", _("Subtotals:"), *listed]
    said = breakdown(priced.total, style)
    if said.not_known:
        out += ["", _("Unknown parts:"), *(f"- {md(r)}" for r in said.not_known)]
    if said.notes:
        out += ["", *(f"- {md(c)}" for c in said.notes)]
    if plan is not None:
        out += ["", *(md(line.text) for line in budget_lines(plan, priced.total.estimated, style))]
    prices = _("Prices: imagine-calc catalog {version}, as of {date}.")
    out += ["", md(prices.format(version=catalog.version, date=style.date(catalog.as_of)))]
    return "\n".join(out) + "\n"


def _total(priced: PricedEstimate, rate: Rate | None, style: NumberStyle) -> tuple[str, str]:
    """ "Total: 12,800 credits", and what it costs at the user's rate ("" without one)."""
    total = _("Total: {total}").format(total=quotes.long(priced.total, style))
    if rate is None:
        return total, ""
    money = _("{cost} at your rate of {rate}").format(
        cost=cost_words(rate, priced.total, style), rate=rate_words(rate, style)
    )
    return total, money


def to_text(
    priced: PricedEstimate,
    catalog: Catalog,
    plan: BudgetPlan | None = None,
    rate: Rate | None = None,
    style: NumberStyle = PLAIN,
    numbered: bool = False,
) -> str:
    """For the clipboard and the terminal, in the language in use and its figures (`style`;
    days in ISO 8601): aligned columns that paste cleanly into mail and chat, every text on its
    own line with its controls escaped (plain_text). `numbered`: each line's number first, as
    the command line's --assign takes it."""
    style = _for_files(style)
    rows = [header(), *(tuple(plain_text(c) for c in line_cells(p, style)) for p in priced.items)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = [
        "  ".join(
            c.rjust(w) if i >= 2 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    if numbered:
        digits = len(str(len(priced.items)))
        lines = [("#" if i == 0 else str(i)).rjust(digits) + "  " + line for i, line in enumerate(lines)]
    title = plain_text(priced.estimate.title)
    out = ([title, ""] if title else []) + [line.rstrip() for line in lines]
    total, money = _total(priced, rate, style)
    out += ["", total + (f" ({money})" if money else "")]
    said = breakdown(priced.total, style)
    out += ["  " + _("not known: {why}").format(why=r) for r in said.not_known]
    out += ["  " + _("note: {note}").format(note=c) for c in said.notes]
    if plan is not None:
        out += ["", *(line.text for line in budget_lines(plan, priced.total.estimated, style))]
    out.append(
        _("Prices: catalog {version}, as of {date}.").format(
            version=catalog.version, date=style.date(catalog.as_of)
        )
    )
    return "\n".join(plain_text(line) for line in out) + "\n"


def to_json(
    priced: PricedEstimate, catalog: Catalog, plan: BudgetPlan | None = None, rate: Rate | None = None
) -> str:
    """For scripts: exact figures, and words in English whatever the language."""
    with english():
        return _json(priced, catalog, plan, rate)


def _json(priced: PricedEstimate, catalog: Catalog, plan: BudgetPlan | None, rate: Rate | None) -> str:
    data: dict[str, Any] = {
        "title": priced.estimate.title,
        "catalog": {"version": catalog.version, "as_of": catalog.as_of.isoformat()},
        "items": [
            {
                "label": p.label,
                "what": description(p),
                "kind": p.item.kind,
                "count": p.item.count,
                "per_run": quote_record(p.unit),
                **quote_record(p.quote),
            }
            for p in priced.items
        ],
        "subtotals": [{"name": name, **quote_record(q)} for name, q in priced.subtotals()],
        "subtotals_by_kind": [
            {"name": subtotal_name(kind, "kind"), "kind": kind, **quote_record(q)}
            for kind, q in priced.subtotals("kind")
        ],
        "total": quote_record(priced.total),
    }
    if rate is not None:
        data["money"] = {
            "per_credit": plain_decimal(rate.per_credit),
            "currency": rate.currency,
            "known_cost": plain_decimal(rate.cost(priced.total.known_total)),
            "text": cost_words(rate, priced.total),
            "rate_text": rate_words(rate),
            "note": "at the rate the user entered; imagine-calc ships no prices in money",
        }
    if plan is not None:
        lines = budget_lines(plan)
        data["budget"] = {
            "balances": [
                {
                    "balance": d.balance,
                    "available": plain_decimal(d.available),
                    "used": plain_decimal(d.used),
                    "left": plain_decimal(d.left),
                    "used_bound": d.used_bound.value,
                    "left_bound": d.left_bound.value,
                    "state": plan.state.value,
                    "complete": plan.complete,
                }
                for d in plan.draws
            ],
            "short": plain_decimal(plan.short),
            "short_bound": plan.short_bound.value,
            "lost_at_renewal": plain_decimal(plan.lost_at_renewal),
            "lost_bound": plan.lost_bound.value,
            "renewal": plan.renewal.isoformat() if plan.renewal else None,
            "state": plan.state.value,
            "complete": plan.complete,
            "warnings": [line.text for line in lines if line.kind == "warning"],
            "text": [line.text for line in lines],
        }
    return json_text(data) + "\n"


def kind_of(path: Path) -> str | None:
    """The export a file name asks for by its suffix ("csv", "md", "json"), or None."""
    return KINDS.get(path.suffix.lower())


def export(
    kind: str,
    priced: PricedEstimate,
    catalog: Catalog,
    plan: BudgetPlan | None = None,
    rate: Rate | None = None,
    style: NumberStyle = PLAIN,
) -> str:
    """The export of `kind` ("csv", "md" or "json"); the CSV has no money. Only the Markdown is
    in the language in use, with `style`'s figures: the CSV and the JSON are for scripts."""
    if kind == "csv":
        return to_csv(priced, plan)
    if kind == "md":
        return to_markdown(priced, catalog, plan, rate, style)
    if kind == "json":
        return to_json(priced, catalog, plan, rate)
    raise ValueError(_("no export {kind}").format(kind=repr(kind)))


def export_bytes(
    kind: str,
    priced: PricedEstimate,
    catalog: Catalog,
    plan: BudgetPlan | None = None,
    rate: Rate | None = None,
    style: NumberStyle = PLAIN,
) -> bytes:
    """The file to write: UTF-8, with an explicit error handler, so no text stops a write (the
    exports hold no lone surrogate; if one ever slipped through it would show as "\\udcff")."""
    return export(kind, priced, catalog, plan, rate, style).encode("utf-8", "backslashreplace")


def _md_table(rows: Sequence[Sequence[str]]) -> str:
    align = "|" + "|".join(["---"] * 2 + ["---:"] * 3) + "|"
    lines = ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
    return "\n".join([lines[0], align, *lines[1:]])
