"""File > Export estimate writes any label: NUL and other controls, line breaks, HTML and
formulas in an opened estimate end in a file, not in an error, and run nowhere. (Lone
surrogates: tests/core/text/test_exports.py, as the working copy the window saves
after opening is not the export's to make safe.)"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from imagine_calc.gui.main_window import MainWindow

LABELS = ["\x00=7*6", "\x7f\x9b31m.png", "\x1b[2J<script>alert(1)</script>", "a\r\nb|c"]


def test_every_export_of_hostile_labels_is_written(window: MainWindow, tmp_path: Path) -> None:
    item = {"kind": "generation", "model": "flux-dev", "resolution": "1K", "images": 1, "count": 1}
    doc = {
        "format": "imagine-calc-estimate",
        "format_version": 1,
        "title": "\x00<img src=x onerror=alert(1)>",
        "items": [{**item, "label": label} for label in LABELS],
    }
    saved = tmp_path / "hostile.icalc.json"
    saved.write_text(json.dumps(doc), encoding="ascii")
    panel = window.estimates.panel
    assert panel.open(saved)
    for kind in ("csv", "md", "json"):
        assert panel.export(kind, tmp_path / f"out.{kind}"), kind
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_bytes().decode("utf-8"))))
    assert [row[1] for row in rows if row[0] == "line"] == [
        "'\\x00=7*6",
        "\\x7f\\x9b31m.png",
        "\\x1b[2J<script>alert(1)</script>",
        "a\\r\\nb|c",
    ]
    markdown = (tmp_path / "out.md").read_bytes().decode("utf-8")
    assert "<script" not in markdown and "<img" not in markdown
    report = json.loads((tmp_path / "out.json").read_bytes().decode("utf-8"))
    assert [i["label"] for i in report["items"]] == LABELS and report["title"] == doc["title"]
