"""Words about the shared folder: whose price, which one is used, which file was left out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core import language
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.shared_file import NO_NAME, NotShared
from imagine_calc.core.catalog.shared_recordings import SetAside, SharedReading, layer
from imagine_calc.core.catalog.sharing import NAME_TOO_LONG, SharingError, check_name
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.findings import caveat_words
from imagine_calc.core.text.sharing import (
    folder_missing_words,
    name_problem_words,
    not_shared_words,
    shared_notes,
    sharing_kept_words,
)


def seen(credits: int, day: int, by: str) -> tuple[str, Observation]:
    return f"{by}.recordings.yaml", Observation(
        "nano-banana-2", "1K", None, 1, False, Decimal(credits), dt.date(2026, 12, day), by
    )


def test_conflicting_recordings_are_both_shown_with_dates_and_the_newer_used() -> None:
    reading = SharedReading(Path("team"), (seen(50, 1, "Ana"), seen(55, 2, "Bo")))
    catalog, _ = layer(load_catalog(), reading)
    quote = quote_generation(catalog, GenerationRequest("nano-banana-2"))
    assert quote.total == Decimal(55)
    said = [caveat_words(c) for c in quote.caveats if "differ" in caveat_words(c)]
    assert said == [
        "Recordings for these settings of Nano Banana 2 differ: 55 credits, observed by Bo on "
        "2026-12-02 is used, the newest; also 50 credits, observed by Ana on 2026-12-01."
    ]


def test_a_tie_of_dates_says_so_and_uses_the_first_name() -> None:
    reading = SharedReading(Path("team"), (seen(50, 2, "Ana"), seen(56, 2, "Bo")))
    catalog, _ = layer(load_catalog(), reading)
    quote = quote_generation(catalog, GenerationRequest("nano-banana-2"))
    assert quote.total == Decimal(50)
    assert any("recorded the same day" in caveat_words(c) for c in quote.caveats)


def test_a_file_left_out_is_named_in_one_sentence() -> None:
    reading = SharedReading(Path("team"), set_aside=(SetAside("<img src=x>.recordings.yaml", "too large"),))
    assert shared_notes(reading) == [
        "Shared prices: <img src=x>.recordings.yaml was left out: too large. It is a teammate's "
        "file: it was not changed."
    ]
    assert shared_notes(None) == []


def test_recording_without_a_name_asks_for_it() -> None:
    assert "Give your name" in not_shared_words(NotShared(NO_NAME))


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("   ", "Type your name as teammates will see it."),
        ("x" * 61, "Your name is longer than 60 characters: shorten it."),
        ("Bo\x1b[2J", "Your name holds control or formatting characters: type it again without them."),
    ],
)
def test_each_name_refused_says_why_in_words_of_its_own(typed: str, said: str) -> None:
    with pytest.raises(SharingError) as refused:
        check_name(typed)
    assert name_problem_words(refused.value) == said


def test_the_words_of_the_sharing_dialog_are_translated() -> None:
    language.set_language("de")
    assert folder_missing_words("/x") != "The shared prices folder /x does not exist."
    assert "/x" in folder_missing_words("/x")
    assert sharing_kept_words(None) != "Sharing is off: only your own recorded prices are used."
    assert name_problem_words(SharingError("", NAME_TOO_LONG)).count("60") == 1
