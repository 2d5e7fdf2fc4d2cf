"""Words for the Generate tab's settings: each option with what it would change, the images
count's bounds, the prompt enhancer's surcharge or why it is not known, settings fitted to a
model, and the total's description."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import PromptEnhancer
from imagine_calc.core.pricing.generate_view import GenerateView, generate_view
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.settings import (
    Option,
    enhancer_option,
    images_hints,
    images_tooltip,
    notices,
    resolution_hints,
    resolution_option,
    total_description,
)

CATALOG = load_catalog()


def view(
    model: str, resolution: str = "1K", ratio: str | None = None, images: int = 1, **kw: bool
) -> GenerateView:
    return generate_view(CATALOG, GenerationRequest(model, resolution, ratio, images, **kw))


def options(v: GenerateView) -> dict[str, Option]:
    return {c.value: resolution_option(c, v) for c in v.resolutions}


def test_each_resolution_says_what_it_would_change_from_the_current_one() -> None:
    # The page: Nano Banana 2 is 49 at 1K, 73.5 at 2K, 98 at 4K, and names no 3K.
    said = options(view("nano-banana-2"))
    assert said["1K"] == Option("1K", "1K (current): 49 credits")
    assert said["2K"] == Option("2K    +24.5", "2K: 73.5 credits (+24.5)")
    assert said["4K"] == Option("4K    +49", "4K: 98 credits (+49)")
    assert said["3K"] == Option("3K    not offered", "ImagineArt's page names no 3K option for Nano Banana 2")
    assert resolution_hints(view("nano-banana-2")) == "2K: +24.5   4K: +49"


def test_a_resolution_above_a_base_price_changes_the_total_by_an_unknown_amount() -> None:
    # ImagineArt 1.5 Pro: one base price, 25, exact at 1K and only the least above it.
    said = options(view("imagineart-1-5-pro"))
    assert said["2K"] == Option("2K    + ?", "2K: at least 25 credits (+ ?)")
    assert said["3K"].tooltip == "ImagineArt's page names no 3K option for ImagineArt 1.5 Pro"


def test_a_resolution_above_the_models_maximum_says_how_far_it_goes() -> None:
    assert options(view("flux-2-pro"))["4K"] == Option("4K    not offered", "Flux 2 Pro goes up to 2K")


def test_a_model_of_one_resolution_says_so_instead_of_hints() -> None:
    assert resolution_hints(view("flux-dev")) == "the only resolution offered"


def test_the_images_hints_say_one_fewer_and_one_more_where_the_bounds_allow() -> None:
    assert images_hints(view("nano-banana-2")) == "2 images: +49"
    assert images_hints(view("nano-banana-2", images=2)) == "1 image: -49   3 images: +49"
    assert images_hints(view("nano-banana-2", images=4)) == "3 images: -49"


def test_the_images_tooltip_says_whether_its_maximum_is_inferred() -> None:
    # catalog/00-meta.yaml: the page names no count above 4, so 4 is inferred.
    assert images_tooltip(CATALOG) == (
        "Images per generation (Alt+I), 1 to 4 (inferred: the page names no larger count); "
        "n images cost n times one"
    )
    stated = replace(CATALOG, images_max=6, images_inferred={})
    assert images_tooltip(stated).startswith("Images per generation (Alt+I), 1 to 6 (stated);")


def test_an_unpublished_surcharge_gives_the_catalogs_reason_and_what_switching_changes() -> None:
    reason = CATALOG.prompt_enhancer.unknown["surcharge"]
    off = enhancer_option(view("flux-dev"), CATALOG)
    assert off == Option("&Prompt enhancer    + ?", f"{reason}\nSwitching it on: + ?")
    on = enhancer_option(view("flux-dev", prompt_enhancer=True), CATALOG)
    assert on == Option("&Prompt enhancer    - ?", f"{reason}\nSwitching it off: - ?")


def test_a_surcharge_the_user_set_is_said_with_how_it_is_charged() -> None:
    per_image = replace(CATALOG, prompt_enhancer=PromptEnhancer("Prompt enhancer", D(2), "per_image"))
    three = generate_view(per_image, GenerationRequest("nano-banana-2", images=3))
    assert enhancer_option(three, per_image) == Option(
        "&Prompt enhancer    +6", "Prompt enhancer: 2 credits per image"
    )
    once = replace(CATALOG, prompt_enhancer=PromptEnhancer("Prompt enhancer", D(1), "per_generation"))
    three = generate_view(once, GenerationRequest("nano-banana-2", images=3))
    assert enhancer_option(three, once) == Option(
        "&Prompt enhancer    +1", "Prompt enhancer: 1 credit per generation"
    )


def test_every_setting_the_model_made_change_is_said_with_what_is_used() -> None:
    assert notices(view("flux-dev", "4K", "21:9")) == (
        "Flux Dev goes up to 1K: using 1K. Flux Dev has no 21:9 aspect ratio: using 1:1."
    )
    assert notices(view("flux-dev", "1K", "16:9")) == ""


def test_the_totals_description_gives_the_settings_the_total_and_every_digit() -> None:
    said = total_description(view("nano-banana-2", "2K", "16:9", 2), "Nano Banana 2")
    assert said.splitlines() == [
        "Nano Banana 2 · 2K · 16:9 · 2 images",
        "Total: 147 credits",
        "Unrounded: 147 credits",
    ]
