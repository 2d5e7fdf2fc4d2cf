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


@pytest.mark.parametrize(
    ("n", "said"), [(1, "1 image"), (0, "0 images"), (2, "2 images"), (12800, "12,800 images")]
)
def test_one_is_singular_and_every_other_count_plural(n: int, said: str) -> None:
    assert plural(n, "image") == said


def test_a_noun_whose_plural_is_not_an_s_gives_it() -> None:
    assert plural(1, "web address", many="web addresses") == "1 web address"
    assert plural(3, "web address", many="web addresses") == "3 web addresses"


def test_the_count_is_written_in_the_locales_style() -> None:
    dotted = NumberStyle(lambda n: group_thousands(n, "."), ",")
    assert plural(100000, "file", dotted) == "100.000 files"
