"""Text from outside, made safe once where it comes in: a name with bytes that were not UTF-8
reads with a visible mark and writes everywhere; a line for a terminal shows its control
characters as escapes; JSON for files and the terminal reads every string back exactly, is
written as UTF-8 without an error, and holds nothing a terminal would act on."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imagine_calc.core.outside_text import json_text, printable, readable

ACTED_ON = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize(
    "text", ["\ud800", "\udcff.png", "\x00\x1b[2J", "\x9b31m", "\x7f", "\u202eevil", "é 4× ✓", "a\nb"]
)
def test_any_string_is_kept_exactly_and_writable(text: str) -> None:
    out = json_text({"label": text, text: [text]})
    assert json.loads(out) == {"label": text, text: [text]}
    assert out.encode("utf-8") and not ACTED_ON.search(out)


def test_other_characters_stay_as_they_are() -> None:
    assert json_text("é 4× ✓") == '"é 4× ✓"'
    assert json_text("\udcff") == '"\\udcff"'


@given(
    st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8)
)
def test_any_data_round_trips(data: object) -> None:
    out = json_text(data)
    assert json.loads(out) == data and not ACTED_ON.search(out)
    out.encode("utf-8")


# --- readable: a label, a title, a name ----------------------------------------------------


def test_a_file_names_byte_that_was_not_utf8_reads_as_a_replacement_mark_and_writes() -> None:
    name = b"caf\xe9 \xff.png".decode("utf-8", "surrogateescape")  # as os.listdir hands it over
    assert name == "caf\udce9 \udcff.png"
    shown = readable(name)
    assert shown == "caf\ufffd \ufffd.png"
    assert shown.encode("utf-8").decode("utf-8") == shown


def test_readable_text_is_left_exactly_as_it_was() -> None:
    text = "Hero shots · 4× 🚀 \u202e\x1b[2J\n"  # controls are printable()'s business, not readable()'s
    assert readable(text) == text


def test_a_surrogate_pair_written_by_json_is_one_character_not_two_marks() -> None:
    assert readable(json.loads('"\\ud83d\\ude80"')) == "🚀"  # a pair, decoded: kept
    assert readable(json.loads('"\\ud83d"')) == "\ufffd"  # alone: marked


# --- printable: one line of a terminal ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),  # clear screen: shown, not done
        ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),  # retitle the terminal window
        ("a.png\nTotal: 0 credits", "a.png\\nTotal: 0 credits"),  # no faked line of output
        ("\r\t", "\\r\\t"),
        ("\x9b31m", "\\x9b31m"),  # the one-byte C1 form of ESC [
        ("\x7f", "\\x7f"),
        ("\u202egnp.exe", "\\u202egnp.exe"),  # a right-to-left override that reorders the name
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("\udcff.png", "\\udcff.png"),
    ],
)
def test_a_terminal_is_shown_control_characters_as_escapes(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert "\n" not in printable(text) and "\x1b" not in printable(text)


def test_everything_else_prints_as_it_is() -> None:
    text = "Nano Banana 2 · 4K · 16:9 — «über» 4× 日本 🚀 \u00a0"
    assert printable(text) == text
