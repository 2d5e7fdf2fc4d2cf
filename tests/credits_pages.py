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


# --- ImagineArt's help centre (GitBook) ------------------------------------------------------

#: tests/fixtures/image-credits-gitbook.html is built, not saved: no copy of the help centre's
#: page is in the project. It is the docs page's table (same models and figures) written in the
#: cell formats ImagineArt's GitBook page uses ("49 (1K)<br>73.5 (2K)<br>98 (4K)", "1K, 2K, 4K",
#: "Shown in Image mode tooltip"), in GitBook's table markup (cells of <div><p>, a <colgroup>),
#: inside a page as Chrome saves it (a "saved from url" comment, GitBook's canonical link). The
#: cells are the eight the reader could not make sense of before it read GitBook's formats.
GITBOOK = (Path(__file__).parent / "fixtures" / "image-credits-gitbook.html").read_text(encoding="utf-8")
GITBOOK_URL = "https://help.imagine.art/image-studio/image-credits"


def gitbook_row(name: str, page: str = GITBOOK) -> str:
    """A model's row (<tr>...</tr>) in the GitBook page."""
    for row in re.findall(r"<tr[^>]*>.*?</tr>", page, flags=re.S):
        if f"<strong>{name}</strong>" in row:
            return row
    raise AssertionError(name)


def gitbook_with(name: str, column: int, cell: str, page: str = GITBOOK) -> str:
    """The GitBook page with one cell of a model's row (its paragraph) written as `cell`."""
    row = gitbook_row(name, page)
    cells = re.findall(r"<td[^>]*>.*?</td>", row, flags=re.S)
    new_cell = re.sub(
        r"(<p[^>]*>).*?(</p>)", lambda m: m.group(1) + cell + m.group(2), cells[column], count=1
    )
    return page.replace(row, row.replace(cells[column], new_cell, 1), 1)


def _model_table(page: str) -> re.Match[str]:
    found = re.search(r"<table[^>]*>.*?</table>", page, flags=re.S)
    assert found
    return found


def as_split_header(page: str = GITBOOK) -> str:
    """GitBook's native grid: the header drawn as a table of its own (hidden from screen
    readers), then the table of rows with the header again, for screen readers only."""
    table = _model_table(page)
    head = re.search(r"<thead>.*?</thead>", table.group(0), flags=re.S)
    assert head
    visible = (
        f'<div aria-hidden="true" class="mb-1 rounded-lg"><table class="w-full">{head.group(0)}</table></div>'
    )
    body = table.group(0).replace("<thead>", '<thead class="sr-only">', 1)
    return page[: table.start()] + visible + body + page[table.end() :]


def as_aria_grid(page: str = GITBOOK) -> str:
    """GitBook's usual grid: no <table>, rows and cells of <div role=...>, and the header row
    in a row group of its own just before the element whose role is "table"."""
    table = _model_table(page)
    heads = re.findall(r"<th\b[^>]*>(.*?)</th>", table.group(0), flags=re.S)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0).split("</thead>")[1], flags=re.S)
    header = "".join(f'<div role="columnheader" class="px-3 py-2" title="{h}">{h}</div>' for h in heads)
    body = "".join(
        '<div class="row" role="row">'
        + "".join(
            f'<div role="cell" class="cell" style="width:25%">{c}</div>'
            for c in re.findall(r"<td[^>]*>(.*?)</td>", r, flags=re.S)
        )
        + "</div>"
        for r in rows
    )
    grid = (
        f'<div class="flex flex-col"><div role="rowgroup" class="mb-1 flex flex-col"><div role="row" '
        f'class="flex w-full">{header}</div></div><div role="table" class="flex flex-col w-fit">'
        f'<div role="rowgroup" class="flex flex-col">{body}</div></div></div>'
    )
    return page[: table.start()] + grid + page[table.end() :]


def as_gitbook_markdown(page: str = GITBOOK, url: str = GITBOOK_URL) -> str:
    """The page as GitBook exports Markdown: front matter, the model table as HTML (its cells
    hold line breaks, here also as lines of their own), the upscale table as a pipe table."""
    table = _model_table(page).group(0)
    table = re.sub(r'<div class="blocks[^"]*"><p[^>]*>(.*?)</p></div>', r"\1", table)
    table = re.sub(r' (?:class|style|scope|title)="[^"]*"', "", table)
    table = re.sub(r"<colgroup>.*?</colgroup>", "", table, flags=re.S)
    table = table.replace("<br>", "\n", 1)  # one break as a line of the source instead
    upscale = PAGE[PAGE.index("| Engine") : PAGE.index("> *Example")]
    return (
        f"---\ndescription: Understand how credits are consumed.\nurl: {url}\n---\n\n# Image Credits\n\n"
        f"## Create / Edit image (base cost per image)\n\n{table}\n\n## Upscale image\n\n{upscale}"
    )
