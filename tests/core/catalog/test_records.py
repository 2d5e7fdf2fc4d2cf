"""Catalog records: a mistyped model name gets the models it probably meant, and a model says on
what its subscription flag rests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from decimal import Decimal as D
from types import MappingProxyType

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import (
    BASE_TIER,
    NOT_PRO_REASON,
    PRO_REASON,
    TIERS,
    Basis,
    Catalog,
    Model,
    Observation,
    flat_price_tiers,
)
from imagine_calc.core.text.catalog import subscription_reason

CATALOG = load_catalog()


def named(*names: str) -> Catalog:
    """A catalog of these model names, with ids unlike them (so only the names are matched)."""
    base = CATALOG.models[0]
    models = tuple(replace(base, id=f"m{i}", name=name) for i, name in enumerate(names))
    return replace(CATALOG, models=models)


def suggested(catalog: Catalog, text: str) -> list[str]:
    return [m.name for m in catalog.suggest_models(text)]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("GPT Image 1.5", ["ChatGPT 1.5"]),  # "gpt" is in "chatgpt"; the version counts double
        ("banana 2", ["Nano Banana 2"]),
        ("GROK", ["xAI Grok Imagine"]),  # one word in common, and no other model has it
        ("ImagineArt 2.0", ["ImagineArt 2.0"]),
        ("nano banana", ["Nano Banana 2", "Nano Banana Pro", "Nano Banana"]),  # tied: page order
        ("flux", ["Flux Dev"]),  # one word shared by many: spelling decides
        ("nano-bananna-2", ["Nano Banana 2"]),
        ("zzz", []),
    ],
)
def test_a_mistyped_name_suggests_the_models_it_probably_meant(typed: str, meant: list[str]) -> None:
    assert suggested(CATALOG, typed) == meant


def test_a_version_number_counts_as_two_words() -> None:
    catalog = named("One Two Three", "Five 5")
    assert suggested(catalog, "one two three 5") == ["One Two Three"]  # 3 words against 1 + 2
    assert suggested(catalog, "one two 5") == ["One Two Three", "Five 5"]  # 2 against 2: tied


def test_at_most_three_suggestions_however_many_tie() -> None:
    catalog = named("Beta 1", "Beta 1 Pro", "Beta 1 Max", "Beta 1 Ultra")
    assert suggested(catalog, "beta 1") == ["Beta 1", "Beta 1 Pro", "Beta 1 Max"]


def test_at_most_three_suggestions_by_spelling() -> None:
    catalog = named("Alpha1", "Alpha2", "Alpha3", "Alpha4")
    assert len(suggested(catalog, "alphax")) == 3


def test_no_word_in_common_and_no_close_spelling_suggests_nothing_even_from_one_model() -> None:
    assert suggested(named("Solo"), "zzz") == []


def test_a_model_named_and_identified_alike_is_suggested_once() -> None:
    catalog = replace(CATALOG, models=(replace(CATALOG.models[0], id="alpha", name="Alpha"),))
    assert suggested(catalog, "alpah") == ["Alpha"]


def test_a_subscription_flag_says_whether_it_is_inferred_or_where_it_was_set() -> None:
    pro = CATALOG.model("nano-banana-pro")
    basis, reason = pro.subscription_basis()
    assert pro.requires_subscription and basis is Basis.INFERRED and "Pro" in reason
    plain = Model(
        id="plain",
        name="Plain",
        description="",
        tier_prices=MappingProxyType({"1K": Decimal(1)}),
        flat=True,
        max_resolution="1K",
        aspect_ratios=("1:1",),
    )
    assert plain.subscription_basis() == (Basis.INFERRED, NOT_PRO_REASON)
    flagged = replace(plain, requires_subscription=True)
    assert flagged.subscription_basis() == (Basis.STATED, "")  # no reason: core/text says where it was set
    assert subscription_reason(flagged) == "Set in the bundled catalog, without a reason."
    assert (
        subscription_reason(replace(flagged, origin="override"))
        == "Set in your override file, without a reason."
    )


@pytest.mark.parametrize(
    ("maximum", "tiers"),
    [
        ("1K", ("1K",)),
        ("2K", ("1K", "2K")),
        ("3K", ("1K", "2K", "3K")),  # Seedream v5 Lite, "Up to 3K": the only 3K the page names
        ("4K", ("1K", "2K", "4K")),  # no 3K the page does not name
        (None, ("1K", "2K", "4K")),  # "See tooltip"
    ],
)
def test_a_base_price_offers_the_tiers_up_to_its_maximum(maximum: str | None, tiers: tuple[str, ...]) -> None:
    assert flat_price_tiers(maximum) == tiers


def test_a_listed_set_of_tiers_is_offered_exactly_in_ascending_order() -> None:
    assert flat_price_tiers("4K", ("4K", "1K")) == ("1K", "4K")


def test_tiers_ascend_and_the_base_tier_is_the_first() -> None:
    assert TIERS == ("1K", "2K", "3K", "4K") and TIERS[0] == BASE_TIER


def test_a_price_per_tier_is_stated_at_each_tier_and_never_a_lower_bound() -> None:
    model = CATALOG.model("nano-banana-pro")  # the page: 80 (1K/2K) / 160 (4K)
    assert model.tiers == ("1K", "2K", "4K") and model.price_known
    assert [model.basis_at(t) for t in model.tiers] == [Basis.STATED] * 3
    assert not any(model.lower_bound_at(t) for t in model.tiers)
    assert model.basis_at("3K") is Basis.UNKNOWN  # not offered: nothing known of it


def test_a_base_price_is_the_1k_price_and_only_the_least_above() -> None:
    model = CATALOG.model("seedream-v4-5")  # the page: 24, up to 4K
    assert [model.price_at(t) for t in model.tiers] == [D(24)] * 3
    assert [model.basis_at(t) for t in model.tiers] == [Basis.BASE] * 3
    assert [model.lower_bound_at(t) for t in model.tiers] == [False, True, True]


def test_a_price_not_published_is_unknown_at_every_tier() -> None:
    model = CATALOG.model("midjourney-v7")
    assert not model.price_known and model.price_at("1K") is None
    assert {model.basis_at(t) for t in model.tiers} == {Basis.UNKNOWN}
    assert not model.lower_bound_at("2K")


def test_whether_a_model_needs_a_subscription_is_inferred_unless_set_without_a_reason() -> None:
    assert CATALOG.model("imagineart-1-5-pro").subscription_basis() == (Basis.INFERRED, PRO_REASON)
    assert CATALOG.model("imagineart-1-5").subscription_basis() == (Basis.INFERRED, NOT_PRO_REASON)
    flagged = replace(CATALOG.model("flux-dev"), requires_subscription=True)
    assert flagged.subscription_basis() == (Basis.STATED, "")


def test_a_model_or_engine_is_found_by_id_or_name_in_any_case() -> None:
    for text in ("nano-banana-2", "  NANO BANANA 2 ", "nano banana 2"):
        model = CATALOG.find_model(text)
        assert model is not None and model.id == "nano-banana-2"
    assert CATALOG.find_model("Nano Banana 3") is None
    engine = CATALOG.find_engine("magnific precision V2")
    assert engine is not None and engine.id == "magnific" and CATALOG.find_engine("waifu") is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nano banana", ["Nano Banana 2", "Nano Banana Pro", "Nano Banana"]),  # both words, in page order
        ("banana pro", ["Nano Banana Pro"]),  # the one with both words
        ("Flux 2", ["Flux 2 Max", "Flux 2 Pro"]),  # a version number counts double
        ("GPT Image 1.5", ["ChatGPT 1.5"]),  # "gpt" inside "chatgpt", and the version
        ("midjourney", ["Midjourney V7"]),  # one word, one model
        ("flux", ["Flux Dev"]),  # a word four models share is no answer: the closest spelling is
        ("xyz", []),
    ],
)
def test_a_mistyped_model_name_suggests_what_it_probably_meant(typed: str, meant: list[str]) -> None:
    assert [m.name for m in CATALOG.suggest_models(typed)] == meant


def test_the_prices_age_is_counted_from_their_date() -> None:
    assert CATALOG.as_of == dt.date(2026, 11, 26)  # catalog/00-meta.yaml
    assert CATALOG.age_days(dt.date(2026, 12, 3)) == 7
    assert CATALOG.age_days(dt.date(2026, 11, 20)) == -6


def test_recordings_are_kept_per_model_in_the_order_made() -> None:
    seen = (
        Observation("flux-dev", "1K", None, 1, False, D(6), dt.date(2026, 11, 27)),
        Observation("nano-banana-2", "1K", None, 1, False, D(50), dt.date(2026, 11, 27)),
        Observation("flux-dev", "1K", None, 2, False, D(12), dt.date(2026, 11, 28)),
    )
    catalog = replace(CATALOG, observations=seen)
    assert catalog.observations_of("flux-dev") == (seen[0], seen[2])
    assert catalog.observations_of("midjourney-v7") == ()


def test_a_catalog_answers_a_question_of_its_recordings_once_and_by_tier() -> None:
    """Pricing asks the same few questions of a team's thousands of recordings at every
    settings change: each is worked out once per catalog, from that tier's recordings only."""
    import datetime as dt
    from dataclasses import replace
    from decimal import Decimal

    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.catalog.records import Observation

    day = dt.date(2026, 11, 30)
    one = Observation("flux-dev", "1K", None, 1, False, Decimal(6), day)
    two = Observation("flux-dev", "2K", None, 1, False, Decimal(9), day)
    catalog = replace(load_catalog(), observations=(one, two))
    assert catalog.recorded_in("flux-dev", "2K") == (two,) and catalog.recorded_in("flux-dev", "4K") == ()
    asked: list[int] = []
    for _ in range(3):
        assert catalog.remembered(("q",), lambda: asked.append(1) or len(asked)) == 1
    assert asked == [1]
    assert replace(catalog).remembered(("q",), lambda: 2) == 2  # a new catalog asks again


def test_a_models_recordings_are_found_by_their_places_in_the_catalogs_order() -> None:
    """The detail pane lists a model's last recordings (and links each by its place) without
    scanning a team's thousands."""
    day = dt.date(2026, 11, 1)
    found = tuple(
        Observation(model, "1K", None, 1, False, D(n + 1), day) for n, model in enumerate("abab" + "c")
    )
    catalog = replace(load_catalog(), observations=found)
    assert catalog.places_of("a") == (0, 2)
    assert catalog.places_of("b") == (1, 3)
    assert catalog.places_of("c") == (4,)
    assert catalog.places_of("flux-dev") == ()
