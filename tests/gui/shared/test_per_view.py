"""What a widget made of a view is made once while the view comes back, in its number style
and language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from imagine_calc.core import language
from imagine_calc.core.catalog.loader import load_catalog
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

    def make(view: GenerateView) -> int:
        made.append(view)
        return view.request.images

    return PerView(make, most=2), made


def test_a_view_seen_again_is_not_made_again() -> None:
    memo, made = counted()
    one, two = views(2)
    assert (memo(one), memo(two), memo(one)) == (1, 2, 1)
    assert made == [one, two]


def test_an_equal_view_that_is_another_object_is_made_anew() -> None:
    memo, made = counted()
    one = views(1)[0]
    same = generate_view(CATALOG, one.request)
    assert same == one
    memo(one), memo(same)
    assert made == [one, same]  # identity, not equality: nothing walks a view's quotes


def test_past_its_room_the_one_asked_for_longest_ago_is_made_again() -> None:
    memo, made = counted()
    one, two, three = views(3)
    memo(one), memo(two), memo(one), memo(three)  # two is now the oldest
    memo(one)
    assert made == [one, two, three]
    memo(two)
    assert made == [one, two, three, two]


def test_another_language_makes_it_anew() -> None:
    memo, made = counted()
    one = views(1)[0]
    memo(one)
    language.set_language("de")  # conftest restores English
    memo(one)
    memo(one)
    assert made == [one, one]


def test_another_locale_makes_it_anew(qapp: object) -> None:
    memo, made = counted()
    one = views(1)[0]
    memo(one)
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        locale_numbers.forget_default_style()
        memo(one)
        memo(one)
    finally:
        QLocale.setDefault(before)
        locale_numbers.forget_default_style()
    assert made == [one, one]


def test_cleared_it_makes_everything_anew() -> None:
    memo, made = counted()
    one = views(1)[0]
    memo(one)
    memo.clear()
    memo(one)
    assert made == [one, one]
