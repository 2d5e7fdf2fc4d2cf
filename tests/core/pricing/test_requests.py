"""The settings of one generation: the defaults the window and the command line start from, and
a record that can key a table of quotes (generate_view prices each distinct request once)."""

from __future__ import annotations

import dataclasses

import pytest

from imagine_calc.core.pricing.requests import GenerationRequest


def test_a_request_names_its_model_and_defaults_to_one_1k_image_without_the_enhancer() -> None:
    assert GenerationRequest("flux-dev") == GenerationRequest("flux-dev", "1K", None, 1, False)


def test_equal_settings_are_one_key_and_any_difference_another() -> None:
    seen = {GenerationRequest("nano-banana-2", "2K", "16:9", 2): "147"}
    assert seen[GenerationRequest("nano-banana-2", "2K", "16:9", 2)] == "147"
    assert GenerationRequest("nano-banana-2", "2K", "16:9", 2, True) not in seen
    assert GenerationRequest("nano-banana-2", "2K", None, 2) not in seen


def test_a_request_cannot_be_changed_once_made_only_replaced() -> None:
    request = GenerationRequest("flux-dev")
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.images = 3  # type: ignore[misc]  # the point: frozen
    assert dataclasses.replace(request, images=3).images == 3 and request.images == 1
