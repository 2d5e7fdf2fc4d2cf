"""The settings of one generation, as the window and the command line collect them."""

from __future__ import annotations

from imagine_calc.core.frozen import Frozen, hot_record


@hot_record
class GenerationRequest(Frozen):
    """What the user asks to generate: the settings every quote is made for (a dict key)."""

    model_id: str
    resolution: str = "1K"
    aspect_ratio: str | None = None
    images: int = 1
    prompt_enhancer: bool = False
