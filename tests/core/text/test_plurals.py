"""A count agrees with its words by the language's plural rule, written in the locale's style."""

from __future__ import annotations

import pytest

from imagine_calc.core import language
from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.text.plurals import plural

FRENCH = NumberStyle(integer=lambda n: group_thousands(n, "\u202f"), point=",", minus="−", plus="＋")


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1 image"), (0, "0 images"), (4, "4 images"), (-1, "-1 images"), (1000, "1,000 images")],
)
def test_a_count_agrees_with_its_word(n: int, text: str) -> None:
    assert plural(n, "{n} image", "{n} images") == text


def test_a_count_is_written_in_the_locales_style() -> None:
    assert plural(12_000, "{n} credit", "{n} credits", FRENCH) == "12\u202f000 credits"


def test_a_noun_whose_plural_is_not_an_s_gives_it() -> None:
    assert plural(1, "{n} web address", "{n} web addresses") == "1 web address"
    assert plural(3, "{n} web address", "{n} web addresses") == "3 web addresses"


def test_the_other_placeholders_are_filled_in_either_form() -> None:
    one = plural(1, "{n} file in {folder}", "{n} files in {folder}", folder="Photos")
    assert one == "1 file in Photos"
    assert plural(2, "{n} file in {folder}", "{n} files in {folder}", folder="Photos") == "2 files in Photos"


def test_the_form_comes_from_the_language_in_use() -> None:
    """The rule is the catalog's: the pseudo-language shows which form was picked, marked."""
    language.set_language(language.PSEUDO)
    assert plural(1, "{n} image", "{n} images") == language.pseudo("{n} image").format(n="1")
    assert plural(2, "{n} image", "{n} images") == language.pseudo("{n} images").format(n="2")
