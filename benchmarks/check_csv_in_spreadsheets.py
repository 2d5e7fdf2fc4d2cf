"""The CSV export in real spreadsheet programs: every payload of
tests/core/text/spreadsheet_payloads.py exported as File > Export estimate writes it, then
opened by LibreOffice Calc (read with `,` and with `;` as the separator, formulas evaluated)
and by Gnumeric (which guesses the separator), both without a display. Prints what each cell
shows and marks any cell that ran (it shows 42, a link or a formula's error) or that a
separator split. Each payload is a file of its own, so a program that merges rows cannot hide
what one payload does.

Not part of the test suite (the programs are big); tests/core/text/test_export_cells.py
checks each rule. Needs: apt-get install -y libreoffice-calc-nogui gnumeric

Run: .venv/bin/python benchmarks/check_csv_in_spreadsheets.py [--keep DIR]
Exits 1 if any cell ran or was split.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from imagine_calc.core.catalog.loader import bundled_files, load_override
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import Balances, plan_budget
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.exports import CSV_HEADER, export_bytes
from tests.core.text.spreadsheet_payloads import HOSTILE_MODEL_NAME, HOSTILE_UNKNOWN_REASON, PAYLOADS

COLUMNS = len(CSV_HEADER)  # section, label, what, count, credits_per_run, credits, bound, ...
#: The line of the model whose name and unknown reason are payloads.
HOSTILE_LINE = "(the hostile model's line)"


def hostile_catalog() -> Catalog:
    """The bundled catalog and a model whose name and unknown reason are payloads, as an
    override file can make them."""
    override = {
        "models": [
            {
                "id": "hostile",
                "name": HOSTILE_MODEL_NAME,
                "description": "A model whose name is a formula.",
                "price": None,
                "max_resolution": "1K",
                "aspect_ratios": ["1:1"],
                "unknown": {"price": HOSTILE_UNKNOWN_REASON},
            }
        ]
    }
    return load_override(bundled_files(), json.dumps(override), "hostile.yaml")


def export_files(out: Path) -> dict[str, Path]:
    """One CSV per payload, each the whole export of a one-line estimate (header, the line,
    its subtotals, the total, the budget), so a program that merges rows cannot hide what one payload does."""
    catalog = hostile_catalog()
    lines = {label: GenerationItem(GenerationRequest("flux-dev"), 1, label) for label, _ in PAYLOADS}
    lines[HOSTILE_LINE] = GenerationItem(GenerationRequest("hostile"), 1, "plain label")
    files = {}
    for n, (label, item) in enumerate(lines.items(), 1):
        priced = price_estimate(catalog, Estimate((item,), "Payload"))
        files[label] = out / f"payload{n:02}.csv"
        plan = plan_budget(Balances(True, Decimal(100), None, Decimal(10)), priced)
        files[label].write_bytes(export_bytes("csv", priced, catalog, plan))
    return files


class Cells(html.parser.HTMLParser):
    """Rows of (text, has a link) from the first table of an HTML export."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, bool]]] = []
        self._cell: list[str] | None = None
        self._link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._link = [], False
        elif tag == "a" and self._cell is not None and any(k == "href" for k, _ in attrs):
            self._link = True
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell), self._link))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def libreoffice(files: list[Path], out: Path, separator: str) -> list[list[list[tuple[str, bool]]]]:
    """What LibreOffice shows of each file, read with `separator`."""
    # Tokens: separator, text delimiter ("), UTF-8 (76), first line, column formats, language
    # (1033), quoted field as text (false), detect special numbers (true), -, -, trim spaces
    # (false), -, evaluate formulas (true): the settings that run the most.
    options = f"CSV:{ord(separator)},34,76,1,,1033,false,true,false,false,false,-1,true"
    target = out / f"lo{ord(separator)}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(out / 'lo-profile').as_uri()}",
            "--headless",
            f"--infilter={options}",
            "--convert-to",
            "html",
            "--outdir",
            str(target),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return [read_table(target / (f.stem + ".html")) for f in files]


def gnumeric(files: list[Path], out: Path) -> list[list[list[tuple[str, bool]]]]:
    """What Gnumeric shows of each file; it guesses the separator (its importer that takes
    one needs a window)."""
    tables = []
    for f in files:
        target = out / f"{f.stem}.gnumeric.html"
        subprocess.run(
            [
                "ssconvert",
                "--import-type=Gnumeric_stf:stf_csvtab",
                "--export-type=Gnumeric_html:html40",
                str(f),
                str(target),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        tables.append(read_table(target))
    return tables


def read_table(path: Path) -> list[list[tuple[str, bool]]]:
    parser = Cells()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser.rows


def ran(text: str, link: bool) -> bool:
    """A cell that ran: the payloads' result, a link, or an error only a formula gives."""
    return link or text.strip() == "42" or text.startswith(("Err:", "#NAME?", "#VALUE!", "#REF!"))


def cells(row: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The row without the empty cells a program pads it with to the widest row."""
    row = list(row)
    while row and row[-1] == ("", False):
        row.pop()
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path, help="keep the CSV and HTML files in this folder")
    args = ap.parse_args()
    missing = [p for p in ("soffice", "ssconvert") if shutil.which(p) is None]
    if missing:
        print(f"needs {' and '.join(missing)}: apt-get install -y libreoffice-calc-nogui gnumeric")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        files = export_files(out)
        written = {label: path.read_bytes().count(b"\r\n") for label, path in files.items()}
        paths = list(files.values())
        readers = {
            "LibreOffice ,": libreoffice(paths, out, ","),
            "LibreOffice ;": libreoffice(paths, out, ";"),
            "Gnumeric": gnumeric(paths, out),
        }
    problems = 0
    for name, tables in readers.items():
        print(f"\n== {name}")
        for label, table in zip(files, tables, strict=True):
            rows = [cells(row) for row in table]
            flags = [
                f"RAN in row {r + 1} column {c + 1}"
                for r, row in enumerate(rows)
                for c, (text, link) in enumerate(row)
                if ran(text, link)
            ]
            records = written[label]
            if name.endswith(","):
                if len(rows) != records:
                    flags.append(f"{len(rows)} rows, not {records}")
                if any(len(row) > COLUMNS for row in rows):
                    flags.append("a cell SPLIT")
            elif name == "Gnumeric" and len(rows) != records:
                flags.append(f"{len(rows)} rows, not {records}")
            problems += bool(flags)
            line = rows[1] if len(rows) > 1 else []
            if label == HOSTILE_LINE and len(line) == COLUMNS:
                shown = f"what={line[2][0]!r} unknown={line[10][0]!r}"
            elif name.endswith(";"):  # every cell of the row: where the separator cut it
                shown = " | ".join(repr(text[:28]) for text, _ in line[1:5])
            else:
                shown = repr(line[1][0]) if len(line) > 1 else "(no row)"
            print(f"   {label!r:58} {shown}  {' '.join(flags) or 'ok'}")
    print(f"\n{'every cell held' if not problems else f'{problems} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
