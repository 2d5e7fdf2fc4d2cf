"""A quote as people and scripts read it: a row per line, then what is not known and what is
worth knowing, each said once; and the one JSON record of a quote, with its state and basis."""

from __future__ import annotations

import json
from decimal import Decimal as D

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.pricing.quotes import quote_generation, sum_quotes
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale
from imagine_calc.core.text.breakdown import Row, breakdown, quote_record

CATALOG = load_catalog()
#: The catalog's reason for the enhancer's unknown surcharge (catalog/00-meta.yaml).
ENHANCER_UNKNOWN = CATALOG.prompt_enhancer.unknown["surcharge"]


def test_a_stated_price_is_one_row_with_nothing_unknown() -> None:
    # The page: Nano Banana 2 is 73.5 at 2K; two images cost twice that.
    said = breakdown(quote_generation(CATALOG, GenerationRequest("nano-banana-2", "2K", "16:9", 2)))
    assert said.rows == (Row("Nano Banana 2, 2K, 16:9", "147", "2 × 73.5", False),)
    assert said.not_known == () and said.notes == ()
    assert said.lines() == ["Nano Banana 2, 2K, 16:9: 147 (2 × 73.5)"]


def test_an_unknown_part_is_a_row_set_apart_and_a_line_saying_why() -> None:
    # Flux Dev: the page's base price 5, exact at 1K; the enhancer's surcharge is not published.
    quote = quote_generation(CATALOG, GenerationRequest("flux-dev", images=3, prompt_enhancer=True))
    said = breakdown(quote)
    assert said.rows == (
        Row("Flux Dev, 1K", "15", "3 × 5 base price", False),
        Row("Prompt enhancer", "unknown", "surcharge unknown", True),
    )
    assert said.not_known == (f"Prompt enhancer: {ENHANCER_UNKNOWN}",)
    assert said.remarks() == [
        f"Not known: Prompt enhancer: {ENHANCER_UNKNOWN}",
        "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more.",
    ]
    assert said.lines()[:2] == [
        "Flux Dev, 1K: 15 (3 × 5 base price)",
        "Prompt enhancer: unknown (surcharge unknown)",
    ]


def test_two_findings_that_read_the_same_are_said_once() -> None:
    # Two Topaz quotes whose outputs (3840 × 2160, 2000 × 2000) are both well within the
    # example's area: two size-limit findings, one calm sentence.
    both = sum_quotes(
        [quote_upscale(CATALOG, "topaz", 2, 1920, 1080), quote_upscale(CATALOG, "topaz", 2, 1000, 1000)]
    )
    assert len(both.caveats) == 3
    assert breakdown(both).notes == (
        "Topaz's base cost of 20 credits per megapixel is inferred from ImagineArt's example, not stated.",
        "No source states a size limit for upscaling; the page's only example is a 1920 × 1080 image at 2×.",
    )


def test_the_json_record_of_a_lower_bound_has_no_total_and_says_why() -> None:
    # ImagineArt 1.5 Pro: one base price, 25, and "2K and 4K outputs cost more than 1K".
    record = quote_record(quote_generation(CATALOG, GenerationRequest("imagineart-1-5-pro", "4K", images=2)))
    assert record["total_credits"] is None and record["known_credits"] == 50
    assert (record["complete"], record["estimated"], record["state"], record["basis"]) == (
        False,
        False,
        "lower_bound",
        "base",
    )
    assert record["text"] == "at least 50 credits"
    assert record["lines"] == [
        {
            "label": "ImagineArt 1.5 Pro, 4K",
            "credits": 50,
            "detail": "2 × 25 base price, 4K costs more",
            "basis": "base",
            "lower_bound": True,
        }
    ]
    assert len(record["unknown"]) == 1 and record["unknown"][0].startswith("ImagineArt 1.5 Pro at 4K:")
    assert record["caveats"] == []


def test_the_json_record_of_an_inferred_figure_keeps_every_digit_and_says_about() -> None:
    # Topaz: 20 (inferred) × 2.0736 MP × 1 = 41.472, which the page calls "approximately 41".
    record = quote_record(quote_upscale(CATALOG, "topaz", 2, 1920, 1080))
    assert record["total_credits"] == record["known_credits"] == 41.472
    assert json.dumps(record["total_credits"]) == "41.472" and D("41.472") == D(str(record["known_credits"]))
    assert record["estimated"] and record["state"] == "approximate" and record["basis"] == "inferred"
    assert record["text"] == "about 41 credits"
    assert record["lines"][0]["detail"] == "20 × 2.0736 MP × 1"
    assert len(record["caveats"]) == 2 and record["unknown"] == []
