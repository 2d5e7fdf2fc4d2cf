"""A broken catalog file is rejected with its file, line and key path; nothing is guessed."""

from __future__ import annotations

import textwrap

import pytest

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.errors import CatalogError

GOOD_MODEL = """
models:
  - id: test-model
    name: Test Model
    description: A model for tests.
    price: 10
    max_resolution: 2K
    aspect_ratios: ["1:1", "16:9"]
"""


def override_problems(text: str) -> list[str]:
    with pytest.raises(CatalogError) as info:
        load_override(bundled_files(), textwrap.dedent(text), "override.yaml")
    return [str(p) for p in info.value.problems]


def test_the_bundled_catalog_is_valid() -> None:
    catalog = load_catalog()
    assert len(catalog.models) == 25
    assert {e.id for e in catalog.engines} == {"topaz", "magnific"}


def test_broken_yaml_names_file_and_line() -> None:
    problems = override_problems("models:\n  - id: x\n    name: [unclosed\n")
    assert problems[0].startswith("override.yaml:4:")
    assert "not valid YAML" in problems[0]


@pytest.mark.parametrize(
    ("bad_line", "line", "key_path", "message"),
    [
        ("    colour: red", 8, "models[0].colour", "unknown key 'colour'"),
        ("    price: -3", 5, "models[0].price", "cannot be negative"),
        ('    price: "12"', 5, "models[0].price", "expected a number"),
        ("    price: true", 5, "models[0].price", "expected a number"),
        ("    price: {1K: 10, 5K: 20}", 5, "models[0].price.5K", "unknown resolution tier '5K'"),
        ("    max_resolution: 8K", 6, "models[0].max_resolution", "unknown resolution tier"),
        ('    aspect_ratios: ["16x9"]', 7, "models[0].aspect_ratios[0]", "malformed aspect ratio"),
        ("    name: 12", 3, "models[0].name", "expected non-empty text"),
    ],
)
def test_schema_errors_name_line_and_key_path(bad_line: str, line: int, key_path: str, message: str) -> None:
    lines = GOOD_MODEL.strip("\n").split("\n")
    key = bad_line.split(":")[0]
    replaced = [bad_line if ln.split(":")[0] == key else ln for ln in lines]
    if replaced == lines:
        replaced.append(bad_line)
    problems = override_problems("\n".join(replaced) + "\n")
    assert any(p.startswith(f"override.yaml:{line}: {key_path}:") and message in p for p in problems), (
        problems
    )


def test_duplicate_ids_are_rejected() -> None:
    text = GOOD_MODEL + GOOD_MODEL.replace("models:\n", "")
    problems = override_problems(text)
    assert any("duplicate id 'test-model'" in p and "models[1].id" in p for p in problems)


def test_duplicate_keys_are_rejected_not_silently_overwritten() -> None:
    problems = override_problems(GOOD_MODEL + "    price: 99\n")
    assert any("duplicate key" in p and ":9:" in p for p in problems), problems


def test_null_price_needs_a_reason() -> None:
    problems = override_problems(GOOD_MODEL.replace("price: 10", "price: null"))
    assert any("'price' is null: say why" in p for p in problems)


def test_a_tier_above_the_max_resolution_is_rejected() -> None:
    problems = override_problems(GOOD_MODEL.replace("price: 10", "price: {1K: 10, 4K: 20}"))
    assert any("tier 4K is above the model's max resolution 2K" in p for p in problems)


def test_a_new_model_must_be_complete() -> None:
    problems = override_problems("models:\n  - id: half\n    name: Half\n")
    assert any("missing required key 'price'" in p for p in problems)


def test_unknown_section_and_wrong_top_level_type() -> None:
    assert "unknown section 'prices'" in override_problems("prices: {}\n")[0]
    assert "expected a mapping" in override_problems("- just a list\n")[0]


def test_python_tags_are_refused_by_the_safe_loader() -> None:
    problems = override_problems("models: !!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in problems[0]


def test_all_problems_are_reported_at_once() -> None:
    text = GOOD_MODEL.replace("price: 10", "price: -1").replace('"16:9"', '"wide"')
    assert len(override_problems(text)) == 2


@pytest.mark.parametrize(
    ("ratio", "shown"), [('"16x9"', "'16x9'"), ("16", "16"), ('"16:9 wide"', "'16:9 wide'")]
)
def test_a_recorded_price_with_a_malformed_ratio_is_refused_at_its_key(ratio: str, shown: str) -> None:
    problems = override_problems(
        "observed:\n  - model: flux-dev\n    resolution: 1K\n"
        f"    aspect_ratio: {ratio}\n    credits: 6\n    date: 2026-11-27\n"
    )
    assert problems == [
        f'override.yaml:4: observed[0].aspect_ratio: malformed aspect ratio {shown}: expected W:H, as "16:9"'
    ]
