"""The tables of a saved page, Markdown or HTML, as rows of cells; a cell is its lines.

A cell's lines are what the page shows on lines of their own: list items, lines ended by
`<br>` (`<br/>`, `<br />`), paragraphs and other blocks. GitBook, which ImagineArt's help centre
runs on, writes "49 (1K)<br>73.5 (2K)<br>98 (4K)" and may wrap each line in a `<p>`; without
the breaks the figures would run together ("49 (1K)73.5 (2K)").

Tables come as HTML `<table>`s, as ARIA grids (`role="row"` and `role="cell"` elements:
GitBook's usual rendering, whose header row stands just before the grid's own element), or
as Markdown pipe tables, whose cells may hold the same inline HTML.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

Table = list[list[list[str]]]  # rows of cells; a cell is its lines (one line if it has no breaks)

#: Tags that start or end a line inside a cell.
_BLOCKS = frozenset({"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
#: Tags that never have an end tag, so they never open anything.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
_HEAD_ROLES = frozenset({"columnheader"})


def plain(text: str) -> str:
    """Text as it reads: tags and Markdown emphasis gone, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = unescape(text).replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


class _Lines:
    """Collects a cell's text, a new line at every break or block."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._text: list[str] = []

    def add(self, data: str) -> None:
        self._text.append(data)

    def end_line(self) -> None:
        line = plain("".join(self._text))
        self._text = []
        if line:
            self.lines.append(line)

    def done(self) -> list[str]:
        self.end_line()
        return self.lines or [""]


class _OpenTable:
    def __init__(self) -> None:
        self.rows: Table = []
        #: per row: whether every cell is a header cell (<th>, role="columnheader")
        self.heads: list[bool] = []


class _HtmlTables(HTMLParser):
    """Native tables and ARIA grids; rows outside any table (a grid's header, which GitBook
    puts before the grid) are kept and lead the grid that follows them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._stack: list[_OpenTable] = []
        self._loose: _OpenTable | None = None  # rows met outside any table
        self._cell: _Lines | None = None
        self._cell_head = True
        #: open ARIA elements: (tag, how many of that tag were open, counting it; its role)
        self._aria: list[tuple[str, int, str]] = []
        self._open: dict[str, int] = {}

    # -- structure shared by <table> and role="table" ------------------------------------

    def _start_table(self) -> None:
        self._end_cell()
        table = _OpenTable()
        if self._loose is not None:
            loose, self._loose = self._loose, None
            if loose.heads and all(loose.heads):  # a grid's header row, written before it
                table.rows, table.heads = loose.rows, loose.heads
            else:
                self.tables.append(loose.rows)
        self._stack.append(table)

    def _end_table(self) -> None:
        self._end_cell()
        if self._stack:
            self.tables.append(self._stack.pop().rows)

    def _start_row(self) -> None:
        self._end_cell()
        if self._stack:
            target = self._stack[-1]
        else:  # a row outside any table: a grid's header, kept for the grid that follows
            target = self._loose = self._loose or _OpenTable()
        target.rows.append([])
        target.heads.append(True)

    def _start_cell(self, head: bool) -> None:
        self._end_cell()
        self._cell, self._cell_head = _Lines(), head

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        target = self._stack[-1] if self._stack else self._loose
        if target is not None and target.rows:
            target.rows[-1].append(self._cell.done())
            target.heads[-1] = target.heads[-1] and self._cell_head
        self._cell = None

    # -- parser events -------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self._open[tag] = self._open.get(tag, 0) + 1
        role = next((v or "" for k, v in attrs if k == "role"), "").strip().lower()
        if tag == "table" or role in _TABLE_ROLES:
            self._start_table()
        elif tag == "tr" or role == "row":
            self._start_row()
        elif tag in ("td", "th") or role in _CELL_ROLES:
            self._start_cell(tag == "th" or role in _HEAD_ROLES)
        elif tag in _BLOCKS and self._cell is not None:
            self._cell.end_line()
        if role in _TABLE_ROLES | _CELL_ROLES and tag not in _VOID and tag not in ("table", "td", "th"):
            self._aria.append((tag, self._open[tag], role))

    def handle_endtag(self, tag: str) -> None:
        if self._aria and self._aria[-1][:2] == (tag, self._open.get(tag, 0)):
            role = self._aria.pop()[2]
            if role in _TABLE_ROLES:
                self._end_table()
            elif role in _CELL_ROLES:
                self._end_cell()
        elif tag == "table":
            self._end_table()
        elif tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag in _BLOCKS and self._cell is not None:
            self._cell.end_line()
        if self._open.get(tag):
            self._open[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.add(data)

    def close(self) -> None:
        super().close()
        while self._stack:
            self._end_table()
        self._end_cell()
        if self._loose is not None:
            self.tables.append(self._loose.rows)
            self._loose = None


class _CellLines(HTMLParser):
    """The lines of one Markdown cell, which may hold inline HTML (`<br>`, `<ul><li>`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # plain() decodes entities, once
        self.cell = _Lines()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.cell.end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.cell.end_line()

    def handle_data(self, data: str) -> None:
        self.cell.add(data)

    def handle_entityref(self, name: str) -> None:
        self.cell.add(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.cell.add(f"&#{name};")


def _cell_lines(cell: str) -> list[str]:
    parser = _CellLines()
    parser.feed(cell)
    parser.close()
    return parser.cell.done()


def _markdown_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    current: Table = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):  # not the separator row
                current.append([_cell_lines(c) for c in cells])
        elif current:
            tables.append(current)
            current = []
    return tables


def tables(text: str) -> list[Table]:
    """Every table of the page: HTML ones (in the order they end), then Markdown ones. A
    Markdown page may hold HTML tables too (GitBook's export writes a table with line breaks
    in its cells as HTML)."""
    found: list[Table] = []
    if re.search(r"<table[\s>]|\brole\s*=\s*[\"']?(?:table|grid|row)\b", text, flags=re.I):
        parser = _HtmlTables()
        parser.feed(text)
        parser.close()
        found = parser.tables
    return found + _markdown_tables(text)
