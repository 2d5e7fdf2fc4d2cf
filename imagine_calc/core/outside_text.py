"""Text from outside (file and folder names, estimate files, saved pages, settings, the
clipboard) made safe to keep and safe to print, decided once at the boundary.

Python keeps bytes of a file name that are not UTF-8 as lone surrogates (`surrogateescape`:
b"\\xff" becomes "\\udcff"), and `json.loads` turns "\\ud800" into one too. Such a string
cannot be written as UTF-8, so a label holding one stopped every later save. Paths keep
their surrogates (they are the original bytes, and the file is found by them); text that
becomes a label, a title or a name goes through `readable` where it comes in, so no later
step can fail on it.

For a terminal, `printable` shows control characters as escapes: a name may hold an ANSI
sequence (clear screen, set the window title) or a newline that fakes a line of output.
`json_text` keeps every string exactly (lone surrogates included) in JSON that can be written
as UTF-8 and printed to a terminal.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Every surrogate code point: in a Python str each one is lone (pairs are decoded).
_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def readable(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (�): visible where the name had a
    byte that was not UTF-8, and writable as UTF-8 everywhere after."""
    return _SURROGATE.sub("\ufffd", text)


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` for one line of a terminal: control characters, bidi overrides and lone
    surrogates shown as escapes ("\\x1b", "\\n", "\\udcff"); everything else as it is."""
    return _CONTROL.sub(_escape_one, text)


#: What JSON text keeps as a \u escape besides what `json.dumps` escapes itself (C0 controls):
#: lone surrogates, which cannot be written as UTF-8, and DEL, the C1 controls and the bidi
#: overrides a terminal would act on. Outside its strings `json.dumps` writes only ASCII.
_JSON_ESCAPED = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(data: Any, indent: int | None = 2) -> str:
    """`data` as JSON that `json.loads` reads back exactly (a file name's "\\udcff" included),
    with every other character as it is, not as an escape."""
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
