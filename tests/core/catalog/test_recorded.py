"""The catalog's recorded prices, checked against the merged models: a later recording of the
same settings replaces an earlier one, and one of settings the catalog does not offer is refused
at its line, in the user's language."""

from __future__ import annotations

import pytest

from imagine_calc.core import language
from imagine_calc.core.catalog.loader import bundled_files, load_override
from tests.core.catalog.overrides import override_problems


def test_a_later_recording_of_the_same_settings_replaces_the_earlier_one() -> None:
    text = (
        "observed:\n"
        "  - {model: flux-dev, resolution: 1K, credits: 6, date: 2026-11-27}\n"
        "  - {model: nano-banana-2, resolution: 2K, credits: 74, date: 2026-11-27}\n"
        "  - {model: flux-dev, resolution: 1K, images: 1, prompt_enhancer: false, credits: 7,\n"
        "     date: 2026-11-28}\n"
    )
    catalog = load_override(bundled_files(), text, "o.yaml")
    assert [(o.model_id, o.credits) for o in catalog.observations] == [("nano-banana-2", 74), ("flux-dev", 7)]
    assert [o.credits for o in catalog.observations_of("flux-dev")] == [7]


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (
            "{model: dall-e, resolution: 1K, credits: 6, date: 2026-11-27}",
            "observed[0].model: no model 'dall-e' in the catalog",
        ),
        (
            "{model: flux-dev, resolution: 2K, credits: 6, date: 2026-11-27}",
            "observed[0].resolution: Flux Dev does not offer 2K (tiers: 1K)",
        ),
        (
            "{model: chatgpt, resolution: 1K, aspect_ratio: '16:9', credits: 6, date: 2026-11-27}",
            "observed[0].aspect_ratio: ChatGPT has no 16:9 aspect ratio",
        ),
        (
            "{model: flux-dev, resolution: 1K, images: 6, credits: 6, date: 2026-11-27}",
            "observed[0].images: images must be from 1 to 4, got 6",
        ),
    ],
)
def test_a_recording_of_settings_the_catalog_does_not_offer_is_refused_at_its_line(
    entry: str, said: str
) -> None:
    assert override_problems(f"observed:\n  - {entry}\n") == [f"override.yaml:2: {said}"]


def test_a_refused_recording_is_said_in_the_language_in_use() -> None:
    language.set_language("de")
    entry = "{model: flux-dev, resolution: 2K, credits: 6, date: 2026-11-27}"
    said = override_problems(f"observed:\n  - {entry}\n")
    assert said == ["override.yaml:2: observed[0].resolution: Flux Dev bietet 2K nicht an (Stufen: 1K)"]
