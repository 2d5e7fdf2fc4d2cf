"""Text from outside (labels, titles, model names from an override, reasons, a currency) as each
export needs it: no spreadsheet runs it, no Markdown renderer makes markup of it, no line of
text is faked by it, and no file write fails on it.

What real programs do, measured with benchmarks/check_csv_in_spreadsheets.py: LibreOffice Calc
7.4 drops a NUL before it reads a cell, so "\\x00=7*6" showed 42 and a NUL before
=HYPERLINK(...) made a live link; read with `;` as the separator (as in many European locales)
it split an unquoted label "x;=7*6;" and ran the middle. A leading apostrophe keeps a cell text
in both LibreOffice and Gnumeric; LibreOffice shows it ('=1+1), Gnumeric hides it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from imagine_calc.core.numbers import plain_decimal
from imagine_calc.core.outside_text import printable, readable

#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection"), and the
#: full-width forms an input method types, which a spreadsheet may read the same way.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")

#: What a spreadsheet may drop before it looks for a formula: control characters (LibreOffice
#: drops NUL), and the invisible format characters (zero-width space, byte-order mark, bidi
#: marks); leading spaces go after them.
_DROPPED = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

#: Where a reader with another separator (or none of our quotes) starts a cell inside ours.
_SEPARATOR = re.compile("([,;])")

#: Controls in a cell, shown as escapes ("\\x00", "\\n"), which read the same in every program:
#: C0 (line breaks and tabs too), DEL and C1. A raw line break let LibreOffice, reading with
#: the other separator, start a row inside the cell, and that row's "=7*6" ran. The bidi
#: marks, overrides and isolates too ("\\u202e"): they make a cell read other than it is.
_CELL_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    """Lone surrogates as U+FFFD (they cannot be written as UTF-8), controls as escapes."""
    return _CELL_CONTROL.sub(lambda m: printable(m.group()), readable(text))


def spreadsheet_text(text: str) -> str:
    """A text cell that a spreadsheet shows and never runs. Where what it would look at
    (controls dropped, then leading spaces) starts a formula, the cell gets a leading
    apostrophe, which LibreOffice and Gnumeric (measured) and Excel (OWASP) read as text; so
    does a cell that starts with a tab or CR (OWASP), and each part after a `,` or `;` inside
    it: LibreOffice reading with `;` honours no quotes closed by a `,`, and "x;=7*6;" became
    three cells, the middle one a formula."""
    first, *rest = _SEPARATOR.split(text)
    out = ["'" + first if first.startswith(("\t", "\r")) else _neutral(first)]
    out += [sep + _neutral(part) for sep, part in zip(rest[::2], rest[1::2], strict=True)]
    return _shown("".join(out))


def _neutral(part: str) -> str:
    return "'" + part if _DROPPED.sub("", part).lstrip().startswith(FORMULA_STARTS) else part


def csv_record(cells: Sequence[str | int | Decimal]) -> str:
    """One CSV record, CRLF-ended (RFC 4180): every text cell neutralised and quoted, so no
    separator inside it (`,`, or the `;` a European locale reads with) splits it, and on one
    line (a line break shows as \\n); numbers bare and exact, so a spreadsheet sums them."""
    out = []
    for cell in cells:
        if isinstance(cell, str):
            out.append('"' + spreadsheet_text(cell).replace('"', '""') + '"')
        elif isinstance(cell, Decimal):
            out.append(plain_decimal(cell))
        else:
            out.append(str(cell))
    return ",".join(out) + "\r\n"


#: Everything a Markdown renderer (or a browser after it) may take for a line break.
_MD_BREAK = re.compile("\r\n|[\n\r\t\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: Punctuation that makes inline Markdown (emphasis, code, links, tables, strike-through).
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
#: What opens a block where a line or a list item starts: a heading, a list, a quote (">" is
#: already an entity), a thematic break, an ordered list ("1." or "1)").
_MD_BLOCK_START = re.compile(r"^(?:([#+\-=])|(\d+)([.)]))")
_MD_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def markdown_text(text: str) -> str:
    """`text` as it reads, on one line of a Markdown table cell, heading or list item: HTML as
    entities (no <script> or <img onerror=...> runs in a renderer), `|` and inline markup
    escaped, line breaks as spaces (a CR no longer splits a table row), controls as escapes."""
    text = _MD_BREAK.sub(" ", readable(text)).strip().translate(_MD_HTML)
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_BLOCK_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], text)
    return _shown(text)


#: Line and paragraph separators: no control characters, but line breaks to mail and chat.
_SEPARATOR_LINE = re.compile("[\u2028\u2029]")


def plain_text(text: str) -> str:
    """`text` for one line of plain text (the clipboard, the terminal): controls, bidi
    overrides and lone surrogates as escapes (printable), and the Unicode line and paragraph
    separators too, which mail and chat break lines at: a label cannot fake a line."""
    return _SEPARATOR_LINE.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text))
