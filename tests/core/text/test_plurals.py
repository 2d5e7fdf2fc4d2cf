"""A count agrees with its word, written in the locale's style."""

from __future__ import annotations

import pytest

from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.text.plurals import plural

FRENCH = NumberStyle(integer=lambda n: group_thousands(n, "\u202f"), point=",", minus="−", plus="＋")


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1 image"), (0, "0 images"), (4, "4 images"), (-1, "-1 images"), (1000, "1,000 images")],
)
def test_a_count_agrees_with_its_word(n: int, text: str) -> None:
    assert plural(n, "image") == text


def test_a_count_is_written_in_the_locales_style() -> None:
    assert plural(12_000, "credit", FRENCH) == "12\u202f000 credits"
