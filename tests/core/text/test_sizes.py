"""Words for images: pixel sizes as dimensions, megapixels as cameras write them, and the size-limit
caveat, calm for the sizes people upscale and precise for an output far beyond any a source names."""

from __future__ import annotations

from decimal import Decimal
from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.records import UpscaleExample
from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.text.sizes import (
    LARGE_OUTPUT,
    megapixels,
    megapixels_number,
    pixels,
    scale,
    size_limit_words,
    upscale_words,
)

EXAMPLE = UpscaleExample(width=1920, height=1080, scale=2, says="approximately 41")


def test_pixel_sizes_are_dimensions_never_grouped_like_amounts() -> None:
    assert pixels(1920, 1080) == "1920 × 1080"
    assert pixels(12000, 8000) == "12000 × 8000"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2.0736", "2.07"),  # 1920 × 1080
        ("16.777216", "16.78"),  # 4096 × 4096: rounded half up
        ("2.005", "2.01"),
        ("12", "12"),
        ("0.01", "0.01"),  # two decimals still show it
        ("0.003364", "0.0034"),  # a 58 px icon: two significant digits, not 0
        ("0.000256", "0.00026"),
        ("0", "0"),
    ],
)
def test_megapixels_read_as_cameras_write_them(value: str, text: str) -> None:
    assert megapixels_number(Decimal(value)) == text


def test_megapixels_follow_the_locale_and_say_their_unit() -> None:
    assert megapixels(Decimal("2.0736")) == "2.07 MP"
    german = NumberStyle(integer=lambda n: group_thousands(n, "."), point=",")
    assert megapixels(Decimal("1234.5"), german) == "1.234,5 MP"
    assert megapixels_number(Decimal("0.003364"), german) == "0,0034"


def test_scales_are_written_as_the_page_writes_them() -> None:
    assert scale(4) == "4×"
    assert upscale_words("Topaz", 2) == "Topaz 2×"


def test_without_a_named_size_the_caveat_is_only_that_no_limit_is_stated() -> None:
    assert size_limit_words((100_000, 100_000), None, batch=False) == (
        "No source states a size limit for upscaling."
    )


def test_an_output_up_to_the_warning_size_gets_the_calm_caveat_with_the_pages_example() -> None:
    calm = (
        "No source states a size limit for upscaling; the page's only example is a 1920 × 1080 image at 2×."
    )
    assert size_limit_words((3840, 2160), EXAMPLE, batch=False) == calm
    # exactly LARGE_OUTPUT times the named output's area: still calm
    assert size_limit_words((3840 * 4, 2160 * 4), EXAMPLE, batch=True) == calm
    assert LARGE_OUTPUT == 16


def test_an_output_far_beyond_any_named_one_is_named_with_its_size() -> None:
    largest = (3840 * 4 + 1, 2160 * 4)  # just over 16 times the named output
    words = size_limit_words(largest, EXAMPLE, batch=False)
    assert words.startswith("This output is 15361 × 8640 pixels (132.72 MP), 16 times the largest")
    assert "(3840 × 2160, a 1920 × 1080 image at 2×)" in words
    assert words.endswith("no source states a size limit: check that ImagineArt accepts it.")


def test_a_batch_names_its_largest_output_and_how_many_times_the_named_area_it_is() -> None:
    largest = (3840 * 10, 2160 * 10)  # 100 times the named output's area
    words = size_limit_words(largest, EXAMPLE, batch=True)
    assert words.startswith("The largest output here is 38400 × 21600 pixels (829.44 MP), 100 times")


FULL_SENTENCE_EXAMPLE = UpscaleExample(
    1920, 1080, 2, "A 1920×1080 image at 2× costs approximately 41 credits."
)


def test_a_pixel_size_is_a_dimension_never_grouped_like_an_amount() -> None:
    assert pixels(1920, 1080) == "1920 × 1080"
    assert pixels(20000, 15000) == "20000 × 15000"


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (D("2.0736"), "2.07"),  # the page's 1920 × 1080
        (D("16.777216"), "16.78"),  # 4096 × 4096
        (D("2.005"), "2.01"),  # half up
        (D(12), "12"),
        (D("0.000256"), "0.00026"),  # a 16 × 16 icon: two significant digits, not 0
        (D("0.0099"), "0.0099"),
        (D("0.01"), "0.01"),
        (D(0), "0"),
    ],
)
def test_megapixels_read_to_two_decimals_or_two_significant_digits_when_tiny(value: D, said: str) -> None:
    assert megapixels_number(value) == said


def test_megapixels_say_their_unit() -> None:
    assert megapixels(D("2.0736")) == "2.07 MP"


def test_scales_are_written_with_the_pages_times_sign() -> None:
    assert scale(16) == "16×"
    assert upscale_words("Magnific Precision v2", 8) == "Magnific Precision v2 8×"


def test_without_a_named_size_the_caveat_says_only_that_no_limit_is_stated() -> None:
    assert size_limit_words((100000, 100000), None, batch=False) == (
        "No source states a size limit for upscaling."
    )


@pytest.mark.parametrize(
    "largest",
    [
        (3840, 2160),  # the example's own output
        (7680, 4320),  # a 4K photo at 2×: four times the area
        (15360, 8640),  # sixteen times: still calm
    ],
)
def test_outputs_up_to_sixteen_times_the_named_area_are_said_calmly(largest: tuple[int, int]) -> None:
    assert size_limit_words(largest, FULL_SENTENCE_EXAMPLE, batch=True) == (
        "No source states a size limit for upscaling; the page's only example is a 1920 × 1080 image at 2×."
    )


def test_a_far_larger_output_is_named_with_how_far_beyond_the_example() -> None:
    # A 4000 × 3000 photo with Magnific at 16×: 64000 × 48000 = 3,072 MP, against the example's
    # 3840 × 2160 output (8,294,400 px): 3,072,000,000 / 8,294,400 = 370.4 times.
    said = size_limit_words((64000, 48000), FULL_SENTENCE_EXAMPLE, batch=False)
    assert said == (
        "This output is 64000 × 48000 pixels (3,072 MP), 370 times the largest any source names "
        "(3840 × 2160, a 1920 × 1080 image at 2×); no source states a size limit: check that "
        "ImagineArt accepts it."
    )
    assert size_limit_words((64000, 48000), FULL_SENTENCE_EXAMPLE, batch=True).startswith(
        "The largest output here is 64000 × 48000 pixels"
    )


def test_just_past_sixteen_times_is_no_longer_calm() -> None:
    assert "check that ImagineArt accepts it" in size_limit_words(
        (15361, 8640), FULL_SENTENCE_EXAMPLE, batch=False
    )
