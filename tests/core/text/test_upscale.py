"""Words for a batch of upscale quotes: the headline, what was quoted and passed over and why,
the batch's notes once, a row's tooltip, and what a drop would add."""

from __future__ import annotations

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.pricing.upscale import quote_upscale, quote_upscale_batch
from imagine_calc.core.text.offline import OFFLINE
from imagine_calc.core.text.upscale import (
    NO_MINIMUM,
    addresses_refused,
    batch_label,
    batch_words,
    command_line_total,
    drop_hint,
    headline,
    image_tooltip,
    pasted_name,
    skipped_words,
)

CATALOG = load_catalog()
#: Topaz 2× of 1920 × 1080, 1000 × 1000 and 4000 × 3000: 20 (inferred) × (2.0736 + 1 + 12) MP × 1
#: = 301.472 credits, "about 301".
BATCH = quote_upscale_batch(CATALOG, "topaz", 2, [(1920, 1080), (1000, 1000), (4000, 3000)])
INFERRED = "Topaz's base cost of 20 credits per megapixel is inferred from ImagineArt's example, not stated."


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        ({"svg": 2, "pdf": 1, "other": 14}, "2 SVG drawings, 1 PDF document and 14 other files"),
        ({"other": 3, "psd": 1}, "1 Photoshop file and 3 other files"),  # the others come last
        ({"raw": 1}, "1 camera RAW file"),
        ({"xcf": 2}, "2 other files"),  # a kind without a name of its own
        ({}, ""),
    ],
)
def test_files_passed_over_in_folders_are_counted_by_kind(counts: dict[str, int], said: str) -> None:
    assert skipped_words(counts) == said


def test_the_headline_gives_the_total_once_something_is_quoted() -> None:
    assert headline("Topaz", 2, BATCH, quoted=3) == "Topaz 2×: about 301 credits"
    assert (
        headline("Magnific Precision v2", 16, BATCH, quoted=0)
        == "Magnific Precision v2 16×: nothing quoted yet"
    )


def test_under_the_total_every_count_then_the_batchs_notes_once() -> None:
    said = batch_words(BATCH, 3, 1, 2, {"svg": 2}, may_cost_more=True).splitlines()
    assert said[0] == (
        "3 files quoted · 1 not quoted (the reason is on its row) · 2 duplicates not counted · "
        f"skipped in folders: 2 SVG drawings · {NO_MINIMUM}"
    )
    assert said[1:] == [
        INFERRED,
        "No source states a size limit for upscaling; the page's only example is a 1920 × 1080 image at 2×.",
    ]


def test_with_nothing_quoted_there_are_no_notes_and_no_counts_but_the_quoted() -> None:
    assert batch_words(BATCH, 0, 0, 0, {}, may_cost_more=False) == "0 files quoted"


def test_the_command_line_total_says_how_many_images_and_how_many_failed() -> None:
    assert (
        command_line_total("Topaz", 2, BATCH, 3, 0) == "Total for 3 images with Topaz 2×: about 301 credits"
    )
    assert command_line_total("Topaz", 2, BATCH, 1, 2) == (
        "Total for 1 image with Topaz 2×: about 301 credits; 2 files could not be quoted"
    )


def test_a_rows_tooltip_gives_the_file_its_size_every_digit_and_how_it_was_found() -> None:
    size = ImageSize("/photos/city.png", 1920, 1080, "PNG")
    quote = quote_upscale(CATALOG, "topaz", 2, 1920, 1080)  # 20 × 2.0736 × 1 = 41.472
    said = image_tooltip(size.path, size, quote).splitlines()
    assert said[:3] == [
        "/photos/city.png",
        "PNG, 1920 × 1080 pixels",
        "Topaz 2×: 41.472 credits (rests on an inferred figure) (20 × 2.0736 MP × 1)",
    ]
    assert said[3] == INFERRED


def test_a_rows_tooltip_says_why_it_is_not_quoted() -> None:
    broken = SizeError("/photos/broken.png", "corrupt", "corrupt PNG: the header ends early")
    assert image_tooltip(broken.path, broken, None) == (
        "/photos/broken.png\nNot quoted: corrupt PNG: the header ends early"
    )
    size = ImageSize("/photos/huge.tif", 100, 50, "TIFF")
    assert image_tooltip(size.path, size, "Topaz has no 8× scale") == (
        "/photos/huge.tif\nTIFF, 100 × 50 pixels\nNot quoted: Topaz has no 8× scale"
    )
    assert image_tooltip(size.path, size, None) == "/photos/huge.tif\nTIFF, 100 × 50 pixels"


@pytest.mark.parametrize(
    ("files", "addresses", "image", "hint"),
    [
        (3, 0, False, "Release to quote 3 items"),
        (1, 2, True, "Release to quote 1 item"),  # the files are taken, the addresses said later
        (0, 2, False, "Web addresses cannot be quoted: the app is offline"),
        (0, 0, True, "Release to quote this image"),
        (0, 0, False, ""),
    ],
)
def test_a_drag_says_what_a_drop_would_add(files: int, addresses: int, image: bool, hint: str) -> None:
    assert drop_hint(files, addresses, image) == hint


def test_refused_addresses_are_counted_and_the_app_says_it_is_offline() -> None:
    assert addresses_refused(1, OFFLINE) == f"1 web address not quoted: {OFFLINE}"
    assert addresses_refused(2, OFFLINE).startswith("2 web addresses not quoted: imagine-calc works offline")


def test_names_the_batch_gives_to_what_it_makes() -> None:
    assert batch_label(1) == "Upscale 1 image" and batch_label(12) == "Upscale 12 images"
    assert pasted_name(3) == "Pasted image 3"
