"""JSON for files and the terminal: every string read back exactly, written as UTF-8 without
an error, and nothing in it that a terminal would act on."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imagine_calc.core.outside_text import json_text

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
