"""Loading the catalog: the bundled files merged as one and checked across files; the user's
override merged over them, setting unknown prices, changing prices, adding models (a bad one is
reported and ignored); and the recorded prices checked against the models they name."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override, load_with_override
from imagine_calc.core.catalog.records import NOT_PRO_REASON
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from tests.core.catalog.overrides import GOOD_MODEL, override_problems


def test_no_override_file_means_the_bundled_catalog(override_file: Path) -> None:
    loaded = load_with_override()
    assert loaded.override_path == override_file
    assert not loaded.override_active and loaded.override_error is None


def test_override_sets_the_enhancer_surcharge_and_midjourney_price(override_file: Path) -> None:
    override_file.write_text(
        "prompt_enhancer:\n  surcharge: 2\n  applies: per_image\n"
        "models:\n  - id: midjourney-v7\n    price: 30\n"
    )
    loaded = load_with_override()
    assert loaded.override_active, loaded.override_error
    catalog = loaded.catalog
    q = quote_generation(catalog, GenerationRequest("midjourney-v7", images=2, prompt_enhancer=True))
    assert q.complete and q.total == Decimal(64)
    assert "price" not in catalog.model("midjourney-v7").unknown
    assert catalog.model("midjourney-v7").origin.startswith("override")


def test_override_changes_a_price_and_adds_a_model(override_file: Path) -> None:
    override_file.write_text(
        "models:\n"
        "  - id: flux-dev\n    price: 7\n"
        "  - id: my-model\n    name: My Model\n    description: Added by me.\n"
        "    price: {1K: 3, 2K: 6}\n    max_resolution: 2K\n    aspect_ratios: ['1:1']\n"
    )
    catalog = load_with_override().catalog
    assert quote_generation(catalog, GenerationRequest("flux-dev")).total == Decimal(7)
    assert quote_generation(catalog, GenerationRequest("my-model", "2K")).total == Decimal(6)
    assert len(catalog.models) == 26


def test_invalid_override_is_reported_and_the_bundled_catalog_used(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: -7\n")
    loaded = load_with_override()
    assert not loaded.override_active
    assert loaded.override_error is not None
    assert f"{override_file}:3: models[0].price:" in str(loaded.override_error)
    assert quote_generation(loaded.catalog, GenerationRequest("flux-dev")).total == Decimal(5)


def test_unreadable_or_binary_override_is_reported(override_file: Path) -> None:
    override_file.write_bytes(b"\xff\xfe\x00garbage")
    loaded = load_with_override()
    assert loaded.override_error is not None and "UTF-8" in str(loaded.override_error)
    override_file.unlink()
    override_file.mkdir()
    loaded = load_with_override()
    assert loaded.override_error is not None and "is a folder" in str(loaded.override_error)


@pytest.mark.parametrize(
    "price", ["9223372036854775808", "1e28", "1.0e+308", "1000001", ".inf", "1" + "0" * 40]
)
def test_an_outlandish_price_makes_the_override_invalid(override_file: Path, price: str) -> None:
    override_file.write_text(f"models:\n  - id: flux-dev\n    price: {price}\n")
    loaded = load_with_override()
    assert loaded.override_error is not None and loaded.override_error.first.line == 3
    assert "price" in str(loaded.override_error)
    assert quote_generation(loaded.catalog, GenerationRequest("flux-dev")).total == 5  # bundled


def test_a_fifo_as_the_override_is_reported_without_hanging(override_file: Path) -> None:
    os.mkfifo(override_file)
    loaded = load_with_override()
    assert loaded.override_error is not None and "not a regular file" in str(loaded.override_error)


def test_the_bundled_catalog_is_valid() -> None:
    catalog = load_catalog()
    assert len(catalog.models) == 25
    assert {e.id for e in catalog.engines} == {"topaz", "magnific"}


def test_null_price_needs_a_reason() -> None:
    problems = override_problems(GOOD_MODEL.replace("price: 10", "price: null"))
    assert any("'price' is null: say why" in p for p in problems)


def test_a_tier_above_the_max_resolution_is_rejected() -> None:
    problems = override_problems(GOOD_MODEL.replace("price: 10", "price: {1K: 10, 4K: 20}"))
    assert any("tier 4K is above the model's max resolution 2K" in p for p in problems)


def test_a_figure_given_in_an_override_drops_the_reason_it_was_not_known() -> None:
    # The page: ImagineArt 2.0's maximum is "See tooltip"; an override that knows it says 2K.
    catalog = load_override(
        bundled_files(), "models:\n  - id: imagineart-2-0\n    max_resolution: 2K\n", "o.yaml"
    )
    model = catalog.model("imagineart-2-0")
    assert model.max_resolution == "2K" and model.tiers == ("1K", "2K")
    assert "max_resolution" not in model.unknown
    assert model.origin == "override o.yaml" and model.price_at("1K") == 25  # the rest as bundled


def test_a_pro_flag_set_off_in_an_override_drops_the_inferred_reason_for_it() -> None:
    catalog = load_override(
        bundled_files(), "models:\n  - id: nano-banana-pro\n    requires_subscription: false\n", "o.yaml"
    )
    model = catalog.model("nano-banana-pro")
    assert not model.requires_subscription and "requires_subscription" not in model.inferred
    assert model.subscription_basis()[1] == NOT_PRO_REASON


def test_listed_resolutions_must_agree_with_the_maximum_and_a_price_per_tier() -> None:
    up_to_2k = GOOD_MODEL.replace("max_resolution: 2K", "max_resolution: 4K\n    resolutions: [1K, 2K]")
    assert any("resolutions go up to 2K but max_resolution is 4K" in p for p in override_problems(up_to_2k))
    listed = GOOD_MODEL.replace("price: 10", "price: {1K: 10, 2K: 20}").replace(
        "max_resolution: 2K", "max_resolution: 2K\n    resolutions: [1K]"
    )
    problems = override_problems(listed)
    assert any("resolutions list 1K but the price is for 1K, 2K" in p for p in problems)


def test_a_reason_for_a_figure_that_is_known_is_refused() -> None:
    given = GOOD_MODEL + "    unknown:\n      price: Not published.\n"
    assert any("'unknown: price' is given but 'price' is known" in p for p in override_problems(given))


def test_an_engine_priced_per_megapixel_needs_its_base_cost_or_why_not() -> None:
    engine = (
        "upscale_engines:\n  - id: clarity\n    name: Clarity\n    description: d\n"
        "    pricing: per_megapixel\n    scales: {2: 1}\n    max_input_megapixels: 50\n"
    )
    problems = override_problems(engine + "    base_credits_per_megapixel: null\n")
    assert any("'base_credits_per_megapixel' is null: say why" in p for p in problems)
    fixed = engine.replace("per_megapixel", "fixed")  # a fixed price needs no base cost
    assert (
        load_override(bundled_files(), fixed, "o.yaml").engine("clarity").base_credits_per_megapixel is None
    )


def test_an_images_minimum_above_its_maximum_is_refused() -> None:
    assert any(
        "images.min is larger than images.max" in p for p in override_problems("images: {min: 4, max: 2}\n")
    )


def test_a_catalog_without_its_sections_or_models_says_each_missing_part() -> None:
    with pytest.raises(CatalogError) as info:
        load_catalog([("only.yaml", "upscale_engines: []\n")])
    said = [str(p) for p in info.value.problems]
    assert said == [
        "only.yaml: meta: the catalog has no 'meta' section",
        "only.yaml: images: the catalog has no 'images' section",
        "only.yaml: prompt_enhancer: the catalog has no 'prompt_enhancer' section",
        "only.yaml: models: the catalog has no models",
    ]


def test_two_bundled_files_may_not_both_define_a_model_or_a_section() -> None:
    extra = GOOD_MODEL.replace("test-model", "flux-dev") + "images: {min: 1, max: 4}\n"
    with pytest.raises(CatalogError) as info:
        load_catalog([*bundled_files(), ("catalog/30-extra.yaml", extra)])
    said = [str(p) for p in info.value.problems]
    assert any("catalog/30-extra.yaml:3: models[0].id: duplicate id 'flux-dev'" in p for p in said)
    assert any("section 'images' is defined twice" in p for p in said)


def test_an_override_named_on_the_command_line_is_loaded_from_there(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("models:\n  - id: flux-dev\n    price: 6\n")
    loaded = load_with_override(mine)
    assert loaded.override_path == mine and loaded.override_active
    assert loaded.catalog.files[-1] == str(mine)
    assert quote_generation(loaded.catalog, GenerationRequest("flux-dev")).total == 6


def test_an_override_over_the_size_bound_is_reported_unread(override_file: Path) -> None:
    override_file.write_bytes(b"#" * 4_000_001)
    loaded = load_with_override()
    assert not loaded.override_active and loaded.override_error is not None
    assert str(loaded.override_error).startswith(f"{override_file}: ")
