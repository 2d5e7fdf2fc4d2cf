"""An estimate as CSV (for spreadsheets), Markdown (for a client), JSON (for scripts) or text.

Every export has the same rows as the window's estimate table, in the same order. CSV and JSON
carry exact decimals without grouping; Markdown and text are for reading.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import BudgetPlan
from imagine_calc.core.estimates.estimate import PricedEstimate, PricedItem
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.budget import budget_lines, cost_words, rate_words
from imagine_calc.core.text.numbers import PLAIN, NumberStyle, json_number, plain_decimal, whole

HEADER = ("Label", "What", "Count", "Credits per run", "Credits")


def line_cells(p: PricedItem, style: NumberStyle = PLAIN) -> tuple[str, str, str, str, str]:
    """The five cells a line shows: the window passes its locale's style, files the plain one."""
    return (
        p.label,
        p.what,
        whole(p.item.count, style),
        quotes.short(p.unit, style),
        quotes.short(p.quote, style),
    )


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """A text cell a spreadsheet shows as typed: one that would start a formula (a label such as
    =HYPERLINK(...) or +cmd|' /C calc'!A0) gets a leading apostrophe, as OWASP advises, which
    spreadsheets read as "this is text" and do not display."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_csv(priced: PricedEstimate) -> str:
    """Numbers exact and unquoted, text neutralised against formulas (spreadsheet_text): the
    Markdown and JSON exports keep the text exactly as typed."""
    out = io.StringIO()
    # CRLF between records, as RFC 4180 and spreadsheets expect; a CR or LF inside a cell is
    # then quoted too, so a label with a line break stays one cell.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["label", "what", "count", "credits_per_run", "credits", "complete", "state", "basis", "unknown"]
    )
    for p in priced.items:
        writer.writerow(
            [
                spreadsheet_text(p.label),
                spreadsheet_text(p.what),
                p.item.count,
                plain_decimal(p.unit.known_total),
                plain_decimal(p.quote.known_total),
                "yes" if p.quote.complete else "no",
                p.quote.state.value,
                p.quote.basis,
                spreadsheet_text("; ".join(p.quote.unknown_reasons)),
            ]
        )
    t = priced.total
    writer.writerow(
        [
            "Total",
            "",
            "",
            "",
            plain_decimal(t.known_total),
            "yes" if t.complete else "no",
            t.state.value,
            t.basis,
            "",
        ]
    )
    return out.getvalue()


def to_markdown(
    priced: PricedEstimate, catalog: Catalog, plan: BudgetPlan | None = None, rate: Rate | None = None
) -> str:
    title = priced.estimate.title or "Estimate"
    rows = [HEADER, *(line_cells(p) for p in priced.items)]
    out = [f"# {_md(title)}", "", _md_table(rows), ""]
    out.append(f"**Total: {quotes.long(priced.total)}**" + (f" ({_money(rate, priced)})" if rate else ""))
    subtotals = priced.subtotals()
    if len(subtotals) > 1:
        out += ["", "Subtotals:", *(f"- {_md(name)}: {quotes.long(q)}" for name, q in subtotals)]
    if not priced.total.complete:
        out += ["", "Unknown parts:", *(f"- {_md(r)}" for r in priced.total.unknown_reasons)]
    if priced.total.caveats:
        out += ["", *(f"- {_md(c)}" for c in priced.total.caveats)]
    if plan is not None:
        out += ["", *(line.text for line in budget_lines(plan, priced.total.estimated))]
    out += ["", f"Prices: imagine-calc catalog {catalog.version}, as of {catalog.as_of.isoformat()}."]
    return "\n".join(out) + "\n"


def to_text(
    priced: PricedEstimate, catalog: Catalog, plan: BudgetPlan | None = None, rate: Rate | None = None
) -> str:
    """For the clipboard: aligned columns that paste cleanly into mail and chat."""
    rows = [HEADER, *(line_cells(p) for p in priced.items)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = [
        "  ".join(
            c.rjust(w) if i >= 2 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    title = priced.estimate.title
    out = ([title, ""] if title else []) + [line.rstrip() for line in lines]
    out += ["", "Total: " + quotes.long(priced.total) + (f" ({_money(rate, priced)})" if rate else "")]
    if not priced.total.complete:
        out += [f"  not known: {r}" for r in priced.total.unknown_reasons]
    out += [f"  note: {c}" for c in priced.total.caveats]
    if plan is not None:
        out += ["", *(line.text for line in budget_lines(plan, priced.total.estimated))]
    out.append(f"Prices: catalog {catalog.version}, as of {catalog.as_of.isoformat()}.")
    return "\n".join(out) + "\n"


def to_json(
    priced: PricedEstimate, catalog: Catalog, plan: BudgetPlan | None = None, rate: Rate | None = None
) -> str:
    def quote_json(q: Quote) -> dict[str, Any]:
        return {
            "credits": json_number(q.total),
            "known_credits": json_number(q.known_total),
            "text": quotes.long(q),
            "complete": q.complete,
            "state": q.state.value,
            "basis": q.basis,
            "unknown": list(q.unknown_reasons),
        }

    data: dict[str, Any] = {
        "title": priced.estimate.title,
        "catalog": {"version": catalog.version, "as_of": catalog.as_of.isoformat()},
        "items": [
            {
                "label": p.label,
                "what": p.description,
                "kind": p.item.kind,
                "count": p.item.count,
                "per_run": quote_json(p.unit),
                **quote_json(p.quote),
            }
            for p in priced.items
        ],
        "subtotals": [{"name": name, **quote_json(q)} for name, q in priced.subtotals()],
        "total": quote_json(priced.total),
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
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _money(rate: Rate, priced: PricedEstimate) -> str:
    return f"{cost_words(rate, priced.total)} at your rate of {rate_words(rate)}"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(rows: Sequence[Sequence[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(_md(c) for c in head) + " |", "|" + "|".join(["---"] * 2 + ["---:"] * 3) + "|"]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in body]
    return "\n".join(lines)
