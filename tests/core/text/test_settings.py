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
    Hints,
    Option,
    enhancer_hints,
    enhancer_tooltip,
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
    assert said["2K"] == Option("2K    24.5 more", "2K: 73.5 credits (24.5 more)")
    assert said["4K"] == Option("4K    49 more", "4K: 98 credits (49 more)")
    assert said["3K"] == Option("3K    not offered", "ImagineArt's page names no 3K option for Nano Banana 2")
    assert resolution_hints(view("nano-banana-2")) == Hints(
        ("2K: 24.5 more", "4K: 49 more"),
        ("2K: +24.5", "4K: +49"),
        "2K: 73.5 credits (24.5 more)\n4K: 98 credits (49 more)",
    )
    assert resolution_hints(view("nano-banana-2")).words == "2K: 24.5 more   4K: 49 more"
    assert resolution_hints(view("nano-banana-2")).short == "2K: +24.5   4K: +49"


def test_a_resolution_above_a_base_price_changes_the_total_by_an_unknown_amount() -> None:
    # ImagineArt 1.5 Pro: one base price, 25, exact at 1K and only the least above it.
    said = options(view("imagineart-1-5-pro"))
    assert said["2K"] == Option(
        "2K    costs more, not published", "2K: at least 25 credits (costs more, not published)"
    )
    hints = resolution_hints(view("imagineart-1-5-pro", "2K"))
    assert hints.parts == ("1K: costs less, not published", "4K: may cost more or less, not published")
    assert hints.short == "1K: - ?   4K: ± ?"
    assert said["3K"].tooltip == "ImagineArt's page names no 3K option for ImagineArt 1.5 Pro"


def test_a_resolution_above_the_models_maximum_says_how_far_it_goes() -> None:
    assert options(view("flux-2-pro"))["4K"] == Option("4K    not offered", "Flux 2 Pro goes up to 2K")


def test_a_model_of_one_resolution_says_so_instead_of_hints() -> None:
    assert resolution_hints(view("flux-dev")) == Hints.same("the only resolution offered")


def test_the_images_hints_say_one_fewer_and_one_more_where_the_bounds_allow() -> None:
    assert images_hints(view("nano-banana-2")).words == "2 images: 49 more"
    assert images_hints(view("nano-banana-2", images=2)).words == "1 image: 49 less   3 images: 49 more"
    assert images_hints(view("nano-banana-2", images=2)).short == "1 image: -49   3 images: +49"
    assert images_hints(view("nano-banana-2", images=4)).sentences == "3 images: 147 credits (49 less)"


def test_with_the_enhancer_on_the_hints_name_its_unpublished_part() -> None:
    """The issue's "2 images: -28 - ?" in words: what is known as a number, the rest named."""
    hints = images_hints(view("flux-2-pro", images=3, prompt_enhancer=True))
    assert hints.parts == (
        "2 images: 28 less, plus less for the enhancer",
        "4 images: 28 more, plus more for the enhancer",
    )
    assert hints.short_parts == ("2 images: -28 - ?", "4 images: +28 + ?")
    assert hints.sentences.splitlines()[0] == (
        "2 images: at least 56 credits (28 less, plus less for the enhancer)"
    )


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
    off = view("flux-dev")
    assert enhancer_hints(off).words == "Switching it on: costs more, not published"
    assert enhancer_hints(off).short == "Switching it on: + ?"
    assert enhancer_tooltip(off, CATALOG) == (
        f"{reason}\nSwitching it on: at least 5 credits (costs more, not published)"
    )
    on = view("flux-dev", prompt_enhancer=True)
    assert enhancer_hints(on).parts == ("Switching it off: costs less, not published",)
    assert (
        enhancer_tooltip(on, CATALOG) == f"{reason}\nSwitching it off: 5 credits (costs less, not published)"
    )


def test_a_surcharge_the_user_set_is_said_with_how_it_is_charged() -> None:
    per_image = replace(CATALOG, prompt_enhancer=PromptEnhancer("Prompt enhancer", D(2), "per_image"))
    three = generate_view(per_image, GenerationRequest("nano-banana-2", images=3))
    assert enhancer_hints(three).words == "Switching it on: 6 more"
    assert enhancer_tooltip(three, per_image) == (
        "Prompt enhancer: 2 credits per image\nSwitching it on: 153 credits (6 more)"
    )
    once = replace(CATALOG, prompt_enhancer=PromptEnhancer("Prompt enhancer", D(1), "per_generation"))
    three = generate_view(once, GenerationRequest("nano-banana-2", images=3))
    assert enhancer_tooltip(three, once).splitlines()[0] == "Prompt enhancer: 1 credit per generation"
    assert enhancer_hints(three).short == "Switching it on: +1"


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
