"""Each rule that keeps an exported cell from running in a spreadsheet, breaking a Markdown table
or faking a line of text. benchmarks/check_csv_in_spreadsheets.py runs the same payloads
through LibreOffice and Gnumeric; these tests hold the rules without them."""

from __future__ import annotations

import csv
import io
import re

import pytest

from imagine_calc.core.text.export_cells import (
    csv_record,
    markdown_text,
    plain_text,
    spreadsheet_text,
)
from tests.core.text.spreadsheet_payloads import PAYLOADS

FORMULA = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
#: What LibreOffice and Gnumeric may drop or skip before they look for a formula.
SKIPPED = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def runs(cell: str) -> bool:
    """Whether a spreadsheet would take `cell` (as it reads it) for a formula."""
    seen = SKIPPED.sub("", cell).lstrip()
    return seen.startswith(FORMULA)


def read_back(record: str, separator: str = ",") -> list[str]:
    return next(csv.reader(io.StringIO(record), delimiter=separator))


@pytest.mark.parametrize("label", [label for label, _ in PAYLOADS], ids=[why for _, why in PAYLOADS])
def test_no_payload_runs_read_with_a_comma_or_a_semicolon(label: str) -> None:
    record = csv_record([label, 3, "Flux Dev"])
    assert record.count("\r\n") == 1 and record.endswith("\r\n") and "\n" not in record[:-2]
    cell = read_back(record)[0]
    assert not runs(cell), cell
    # LibreOffice reading with `;` honours no quotes that a comma closes: every piece between
    # semicolons becomes a cell of its own, quotes and all.
    for piece in record.rstrip("\r\n").split(";"):
        assert not runs(piece), piece


@pytest.mark.parametrize(
    ("label", "cell"),
    [
        ("=7*6", "'=7*6"),
        ("\x00=7*6", "'\\x00=7*6"),  # LibreOffice dropped the NUL and showed 42
        ("\x00\x00+7*6", "'\\x00\\x00+7*6"),
        ("\x1b[2J=7*6", "\\x1b[2J=7*6"),  # no formula after the escape: no apostrophe
        ("\ufeff=7*6", "'\ufeff=7*6"),
        ("\u200b-7", "'\u200b-7"),
        (" =7*6", "' =7*6"),
        ("\u3000+7*6", "'\u3000+7*6"),
        ("＝7*6", "'＝7*6"),
        ("＋7*6", "'＋7*6"),
        ("－7*6", "'－7*6"),
        ("＠SUM(1)", "'＠SUM(1)"),
        ("\thello", "'\\thello"),  # OWASP: a tab or CR at the start, whatever follows
        ("\rhello", "'\\rhello"),
        ("x;=7*6;", "x;'=7*6;"),
        ("x,=7*6,", "x,'=7*6,"),
        ("Hero, -2 stops", "Hero,' -2 stops"),
        ('x";@A1', "x\";'@A1"),
    ],
)
def test_what_a_spreadsheet_would_run_gets_an_apostrophe(label: str, cell: str) -> None:
    assert spreadsheet_text(label) == cell


@pytest.mark.parametrize("label", ["Hero images", "5 × 4K", "a-b", "x=1", "Drafts; 2 rounds", "1,000 images"])
def test_ordinary_labels_are_left_alone(label: str) -> None:
    assert spreadsheet_text(label) == label


def test_every_text_cell_is_quoted_and_numbers_are_bare() -> None:
    from decimal import Decimal

    record = csv_record(["x;=7*6;", "Flux Dev", 20, Decimal("629.1456"), "", 'say "hi"'])
    assert record == '"x;\'=7*6;","Flux Dev",20,629.1456,"","say ""hi"""\r\n'
    assert read_back(record) == ["x;'=7*6;", "Flux Dev", "20", "629.1456", "", 'say "hi"']


def test_a_line_break_in_a_label_cannot_start_a_row() -> None:
    record = csv_record(["a\r\n=7*6\nb\rc", 1])
    assert record == '"a\\r\\n=7*6\\nb\\rc",1\r\n'


@pytest.mark.parametrize("text", ["\ud800", "\udcff", "a\ud800b", "\udcff=1"])
def test_a_lone_surrogate_is_written_as_the_replacement_character(text: str) -> None:
    cell = spreadsheet_text(text)
    assert "\ufffd" in cell and cell.encode("utf-8")
    assert markdown_text(text).encode("utf-8") and "\ufffd" in markdown_text(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a|b", "a\\|b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("AT&T", "AT&amp;T"),
        ("line\r\nbreak\rand\nmore\u2028too", "line break and more too"),
        ("*bold* _em_ `code` ~~gone~~", "\\*bold\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("back\\slash", "back\\\\slash"),
        ("bell\x07 nul\x00", "bell\\x07 nul\\x00"),
        ("Hero images (4K)", "Hero images (4K)"),
    ],
)
def test_markdown_text_escapes_markup_line_breaks_and_html(text: str, shown: str) -> None:
    assert markdown_text(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Hero\nTotal: 0 credits", "Hero\\nTotal: 0 credits"),
        ("\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"),
        ("\ud800", "\\ud800"),
        ("\u202eevil", "\\u202eevil"),
        ("one\u2028two\u2029", "one\\u2028two\\u2029"),
        ("Hero images", "Hero images"),
    ],
)
def test_plain_text_shows_controls_as_escapes(text: str, shown: str) -> None:
    assert plain_text(text) == shown
