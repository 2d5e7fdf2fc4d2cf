"""Catalog records: a mistyped model name gets the models it probably meant, and a model says on
what its subscription flag rests."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import NOT_PRO_REASON, Basis, Catalog, Model
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
