"""The settings of one generation, as the window and the command line collect them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GenerationRequest:
    model_id: str
    resolution: str = "1K"
    aspect_ratio: str | None = None
    images: int = 1
    prompt_enhancer: bool = False
