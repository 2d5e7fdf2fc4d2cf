"""Words for what pricing found: each kind of line label, each way a figure was found, each
reason a part is unknown, each caveat and each refusal has its sentence, the same in every view."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.records import Observation, UpscaleExample
from imagine_calc.core.numbers import NumberStyle, group_thousands
from imagine_calc.core.pricing.findings import (
    AboveMaximum,
    BaseCostUnknown,
    BaseOnlyAbove,
    BasePriceReach,
    BatchOf,
    CannotBeQuoted,
    Detail,
    EngineBaseUnknown,
    EngineGone,
    EnhancerLabel,
    EnhancerNotPublished,
    EnhancerPerImageUnknown,
    Fitted,
    FixedPrice,
    GenerationLabel,
    ImageRefused,
    InferredBaseCost,
    Label,
    MaxResolutionUnknown,
    ModelGone,
    NoSizeLimitStated,
    PageSays,
    PerMegapixel,
    PriceKind,
    PriceNotPublished,
    RatioNotOffered,
    Recorded,
    RecordingDisagrees,
    Refused,
    Surcharge,
    SurchargeUnknown,
    TierNotNamed,
    Times,
    Unknown,
    UnpriceableLabel,
    UpscaleLabel,
    WorkedOutSurcharge,
)
from imagine_calc.core.text.findings import (
    caveat_words,
    detail_words,
    fitted_words,
    label_words,
    not_available_words,
    refusal_words,
    seen_words,
    unknown_words,
)
from imagine_calc.core.text.sizes import size_limit_words

DAY = dt.date(2026, 12, 2)
#: A total recorded off the Create button: 30 credits for 4 images of Flux 2 Pro at 2K, 3:2.
FOUR = Observation("flux-2-pro", "2K", "3:2", 4, False, D(30), DAY)
#: Nano Banana 2 at 1K with and without the prompt enhancer (the page's 49, and 51 with it).
WITH = Observation("nano-banana-2", "1K", None, 1, True, D(51), DAY)
WITHOUT = Observation("nano-banana-2", "1K", None, 1, False, D(49), DAY)


@pytest.mark.parametrize(
    ("label", "said"),
    [
        (GenerationLabel("Nano Banana 2", "2K", "16:9"), "Nano Banana 2, 2K, 16:9"),
        (GenerationLabel("Nano Banana 2", "2K"), "Nano Banana 2, 2K"),
        (GenerationLabel("Flux Dev", "1K", "1:1", True), "Flux Dev, 1K, 1:1, prompt enhancer"),
        (EnhancerLabel("Prompt enhancer"), "Prompt enhancer"),
        (UpscaleLabel("Topaz", 4), "Topaz 4×"),
        (UnpriceableLabel(), "cannot be quoted"),
    ],
)
def test_each_kind_of_line_is_labelled(label: Label, said: str) -> None:
    assert label_words(label) == said


def test_a_recording_says_when_and_at_which_ratio_it_was_seen() -> None:
    assert seen_words(FOUR) == "observed by you on 2026-12-02 at 3:2 aspect ratio"
    assert seen_words(WITHOUT) == "observed by you on 2026-12-02"


@pytest.mark.parametrize(
    ("detail", "said"),
    [
        (Times(2, D(49)), "2 × 49"),
        (Times(1, D(25), PriceKind.BASE), "1 × 25 base price"),
        (Times(2, D(28), PriceKind.BASE_LOWER, "2K"), "2 × 28 base price, 2K costs more"),
        (Times(3, None), "3 × unknown"),
        (Recorded(FOUR), "observed by you on 2026-12-02 at 3:2 aspect ratio"),
        (Recorded(WITHOUT, 1), "1 × 49, observed by you on 2026-12-02"),
        (
            Recorded(FOUR, 3, D("7.5"), derived=True),  # 30 / 4 = 7.5 an image, for 3 images
            "3 × 7.5, worked out from your recording of 30 for 4 images on 2026-12-02 at 3:2 aspect ratio",
        ),
        (Surcharge(3, D(2), per_image=True), "3 × 2"),
        (Surcharge(3, D(2), per_image=False), "once per generation"),
        (
            WorkedOutSurcharge(WITH, WITHOUT, "Nano Banana 2"),
            "51 - 49, worked out from your recordings on 2026-12-02 for Nano Banana 2 · 1K · 1 image "
            "with and without it; assumed the same here",
        ),
        (SurchargeUnknown(), "surcharge unknown"),
        (FixedPrice(1, D(65)), "fixed price, any input size"),
        (FixedPrice(3, D(260)), "3 × 260, fixed price"),
        (PerMegapixel(D(20), D("2.0736"), 1, D(1)), "20 × 2.0736 MP × 1"),  # the page's example
        (PerMegapixel(D(20), D("6.2208"), 3, D(3)), "20 × 6.2208 MP in 3 images × 3"),
        (BaseCostUnknown(), "base cost unknown"),
        (BatchOf(1), "1 image"),
        (BatchOf(12), "12 images"),
        (
            CannotBeQuoted("Flux Dev does not offer 2K (allowed: 1K)"),
            "Flux Dev does not offer 2K (allowed: 1K)",
        ),
        (ModelGone("my-model"), "the prices in use have no model 'my-model'"),
    ],
)
def test_each_way_a_figure_was_found_is_said(detail: Detail, said: str) -> None:
    assert detail_words(detail) == said


def test_figures_in_a_detail_follow_the_locales_style() -> None:
    comma = NumberStyle(lambda n: group_thousands(n, "."), ",")
    assert detail_words(Times(2, D("73.5")), comma) == "2 × 73,5"
    assert detail_words(PerMegapixel(D(20), D("2.0736"), 1, D(1)), comma) == "20 × 2,0736 MP × 1"


@pytest.mark.parametrize(
    ("why", "said"),
    [
        (PriceNotPublished("Midjourney V7", "See tooltip."), "Midjourney V7: See tooltip."),
        (PriceNotPublished("My Model", ""), "My Model: price unknown"),
        (EnhancerNotPublished("Prompt enhancer", ""), "Prompt enhancer: surcharge unknown"),
        (EngineBaseUnknown("Topaz", "no base cost given."), "Topaz: no base cost given."),
        (EngineGone("waifu"), "the prices in use have no upscale engine 'waifu'"),
        (
            ImageRefused("Topaz", 4, 100, 50, "too large"),
            "Topaz 4×, 100 × 50: too large",
        ),
    ],
)
def test_each_unknown_part_says_why(why: Unknown, said: str) -> None:
    assert unknown_words(why) == said


def test_a_base_price_above_1k_says_it_is_the_1k_price_and_only_the_least() -> None:
    said = unknown_words(BaseOnlyAbove("ImagineArt 1.5 Pro", D(25), "4K"))
    assert said == (
        "ImagineArt 1.5 Pro at 4K: ImagineArt's page gives one base price (25 credits, the 1K price) "
        "and says higher resolutions cost more; the 4K price is not published. Record what "
        "ImagineArt shows to make it exact."
    )


def test_a_surcharge_recorded_for_one_image_is_not_assumed_for_several() -> None:
    said = unknown_words(EnhancerPerImageUnknown("Prompt enhancer", 3))
    assert "once per generation or once per image is not known" in said
    assert said.endswith("so 3 images may cost more.")


@pytest.mark.parametrize(
    ("says", "from_override", "gives"),
    [
        (PageSays.STATED, False, "ImagineArt's page gives 49 for 1K"),
        (PageSays.BASE, True, "your override gives 49 as its base price (the 1K price)"),
        (PageSays.BASE_BELOW, False, "ImagineArt's page gives a base price of 49, which 1K costs more than"),
    ],
)
def test_a_recording_that_contradicts_the_page_says_which_source_and_that_it_is_used(
    says: PageSays, from_override: bool, gives: str
) -> None:
    caveat = RecordingDisagrees("Nano Banana 2", D(50), "1K", DAY, D(49), says, from_override)
    assert caveat_words(caveat) == (
        f"You recorded 50 credits per image for Nano Banana 2 at 1K on 2026-12-02; {gives}. "
        "Your recording is used."
    )


def test_the_other_caveats_each_have_their_sentence() -> None:
    assert caveat_words(MaxResolutionUnknown("Recraft v4", "4K")) == (
        "Recraft v4's max resolution is unknown: check that 4K is offered."
    )
    assert caveat_words(BasePriceReach()) == (
        "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more."
    )
    assert caveat_words(InferredBaseCost("Topaz", D(20))) == (
        "Topaz's base cost of 20 credits per megapixel is inferred from ImagineArt's example, not stated."
    )
    example = UpscaleExample(1920, 1080, 2, "approximately 41 credits")
    limit = NoSizeLimitStated((64000, 48000), example, batch=True)
    assert caveat_words(limit) == size_limit_words((64000, 48000), example, True)


def test_a_setting_a_model_lacks_says_why_and_what_is_used_instead() -> None:
    assert refusal_words(AboveMaximum("Flux Dev", "1K")) == "Flux Dev goes up to 1K"
    assert refusal_words(TierNotNamed("Nano Banana 2", "3K")) == (
        "ImagineArt's page names no 3K option for Nano Banana 2"
    )
    assert refusal_words(RatioNotOffered("ChatGPT", "16:9")) == "ChatGPT has no 16:9 aspect ratio"
    assert refusal_words(Refused("cannot make 5 images in one generation")) == (
        "cannot make 5 images in one generation"
    )
    assert fitted_words(Fitted(AboveMaximum("Flux Dev", "1K"), "1K")) == "Flux Dev goes up to 1K: using 1K."
    assert not_available_words(RatioNotOffered("ChatGPT", "16:9")) == (
        "not available: ChatGPT has no 16:9 aspect ratio"
    )


def test_every_date_of_a_recording_is_written_as_the_style_writes_dates() -> None:
    dotted = NumberStyle(date=lambda d: d.strftime("%d.%m.%Y"))
    assert seen_words(FOUR, dotted) == "observed by you on 02.12.2026 at 3:2 aspect ratio"
    assert detail_words(Recorded(WITHOUT, 1), dotted) == "1 × 49, observed by you on 02.12.2026"
    assert "of 30 for 4 images on 02.12.2026" in detail_words(Recorded(FOUR, 3, D("7.5"), True), dotted)
    worked_out = detail_words(WorkedOutSurcharge(WITH, WITHOUT, "Nano Banana 2"), dotted)
    assert "recordings on 02.12.2026 for" in worked_out
    disagrees = RecordingDisagrees("Nano Banana 2", D(50), "1K", DAY, D(49), PageSays.STATED, False)
    assert "for Nano Banana 2 at 1K on 02.12.2026;" in caveat_words(disagrees, dotted)
