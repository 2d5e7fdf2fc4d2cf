"""What a widget made of a view is made once while the view comes back, in its number style
and language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale

from imagine_calc.core import language
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.generate_view import GenerateView, generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.per_view import PerView

CATALOG = load_catalog()


def views(n: int) -> list[GenerateView]:
    return [
        generate_view(CATALOG, GenerationRequest("nano-banana-2", "1K", images=k)) for k in range(1, n + 1)
    ]


def counted() -> tuple[PerView[int], list[GenerateView]]:
    made: list[GenerateView] = []

    def make(view: GenerateView, _catalog: Catalog) -> int:
        made.append(view)
        return view.request.images

    return PerView(make, most=2), made


def test_a_view_seen_again_is_not_made_again() -> None:
    memo, made = counted()
    one, two = views(2)
    assert (memo(one, CATALOG), memo(two, CATALOG), memo(one, CATALOG)) == (1, 2, 1)
    assert made == [one, two]


def test_an_equal_view_that_is_another_object_is_made_anew() -> None:
    memo, made = counted()
    one = views(1)[0]
    same = generate_view(CATALOG, one.request)
    assert same == one
    memo(one, CATALOG), memo(same, CATALOG)
    assert made == [one, same]  # identity, not equality: nothing walks a view's quotes


def test_past_its_room_the_one_asked_for_longest_ago_is_made_again() -> None:
    memo, made = counted()
    one, two, three = views(3)
    memo(one, CATALOG), memo(two, CATALOG), memo(one, CATALOG), memo(three, CATALOG)  # two is now the oldest
    memo(one, CATALOG)
    assert made == [one, two, three]
    memo(two, CATALOG)
    assert made == [one, two, three, two]


def test_another_language_makes_it_anew() -> None:
    memo, made = counted()
    one = views(1)[0]
    memo(one, CATALOG)
    language.set_language("de")  # conftest restores English
    memo(one, CATALOG)
    memo(one, CATALOG)
    assert made == [one, one]


def test_another_locale_makes_it_anew(qapp: object) -> None:
    memo, made = counted()
    one = views(1)[0]
    memo(one, CATALOG)
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        locale_numbers.forget_default_style()
        memo(one, CATALOG)
        memo(one, CATALOG)
    finally:
        QLocale.setDefault(before)
        locale_numbers.forget_default_style()
    assert made == [one, one]


def test_cleared_it_makes_everything_anew() -> None:
    memo, made = counted()
    one = views(1)[0]
    memo(one, CATALOG)
    memo.clear()
    memo(one, CATALOG)
    assert made == [one, one]


def test_new_prices_forget_everything_made_for_the_old_ones() -> None:
    """Every view holds its catalog (a team's thousands of recordings): none is kept once
    another catalog is given, and nothing made for the old one is shown again."""
    memo, made = counted()
    one = views(1)[0]
    memo(one, CATALOG)
    memo(one, replace(CATALOG))
    assert made == [one, one]
    memo(one, CATALOG)  # and back: what was made for it before is forgotten, made again
    assert made == [one, one, one]
