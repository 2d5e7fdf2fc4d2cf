"""Copies of ImagineArt's Image Credits page (tests/fixtures/image-credits.md, as read for the
bundled catalog), edited the way the vendor edits it."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = (Path(__file__).parent / "fixtures" / "image-credits.md").read_text(encoding="utf-8")


def row(name: str) -> str:
    """The page's table row for a model (its name is in bold)."""
    match = re.search(rf"^\| \*\*{re.escape(name)}\*\* .*$", PAGE, flags=re.M)
    assert match, name
    return match.group(0)


def edited(*replacements: tuple[str, str]) -> str:
    page = PAGE
    for old, new in replacements:
        assert old in page, old
        page = page.replace(old, new, 1)
    return page


def with_price(name: str, price: str) -> str:
    cells = row(name).split("|")
    cells[2] = f" {price} "
    return edited((row(name), "|".join(cells)))


def as_html(page: str) -> str:
    """The page as a browser saves it: tables as <table>, bold as <strong>, around it a site."""
    out = ["<!DOCTYPE html><html><head><title>Image Credits - ImagineArt</title></head><body>"]
    out.append("<nav><ul><li><a href='/'>Docs</a></li></ul></nav><main>")
    rows: list[str] = []
    for line in [*page.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                tag = "th" if not rows else "td"
                html = [re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", c) for c in cells]
                rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in html) + "</tr>")
        else:
            if rows:
                out.append(f"<table><thead>{rows[0]}</thead><tbody>{''.join(rows[1:])}</tbody></table>")
                rows = []
            if line.strip():
                out.append(f"<p>{line.strip()}</p>")
    out.append("</main></body></html>")
    return "\n".join(out)
