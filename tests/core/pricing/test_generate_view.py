"""A whole Generate tab for one set of settings: the quote, what each option would cost, every
model at these settings (or why not), each distinct quote priced once."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.pricing.choices import availability, fit_request, tier_refusal
from imagine_calc.core.pricing.findings import AboveMaximum, Fitted, RatioNotOffered, TierNotNamed
from imagine_calc.core.pricing.generate_view import GenerateView, generate_view
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest

CATALOG = load_catalog()
NANO = GenerationRequest("nano-banana-2", "2K", "16:9", images=2)


def distinct_requests(view: GenerateView) -> set[GenerationRequest]:
    """What the view shows a quote for: its own settings, each offered tier, the neighbouring
    image counts, the enhancer the other way, and every model that can make these settings."""
    req = view.request
    shown = {req, replace(req, prompt_enhancer=not req.prompt_enhancer)}
    shown |= {replace(req, resolution=c.value) for c in view.resolutions if c.offered}
    shown |= {replace(req, images=int(c.value)) for c in view.images}
    shown |= {replace(req, model_id=c.model.id) for c in view.models if c.quote is not None}
    return shown


def test_the_quote_is_that_of_the_settings() -> None:
    view = generate_view(CATALOG, NANO)
    assert view.request == NANO and view.notices == ()
    assert view.quote == quote_generation(CATALOG, NANO)


def test_settings_the_model_lacks_fall_back_and_say_so() -> None:
    asked = GenerationRequest("chatgpt-1-5", "4K", "16:9")  # up to 1K only
    view = generate_view(CATALOG, asked)
    fitted, notices = fit_request(CATALOG, asked)
    assert view.request == fitted and fitted.resolution == "1K"
    assert view.notices == notices and notices
    assert view.quote == quote_generation(CATALOG, fitted)


@pytest.mark.parametrize("enhancer", [False, True])
def test_every_tier_is_listed_with_its_quote_or_why_not(enhancer: bool) -> None:
    asked = replace(NANO, prompt_enhancer=enhancer)
    view = generate_view(CATALOG, asked)
    model = CATALOG.model(NANO.model_id)
    assert [c.value for c in view.resolutions] == list(TIERS)
    for choice in view.resolutions:
        if choice.value in model.tiers:
            assert choice.offered and choice.reason is None
            assert choice.quote == quote_generation(CATALOG, replace(asked, resolution=choice.value))
        else:
            assert not choice.offered and choice.quote is None
            assert choice.reason == tier_refusal(model, choice.value) is not None
    assert [c.value for c in view.resolutions if c.offered] == ["1K", "2K", "4K"]


@pytest.mark.parametrize(("images", "neighbours"), [(1, ["2"]), (2, ["1", "3"]), (3, ["2", "4"]), (4, ["3"])])
@pytest.mark.parametrize("enhancer", [False, True])
def test_one_image_fewer_and_one_more_within_the_limits(
    images: int, neighbours: list[str], enhancer: bool
) -> None:
    asked = replace(NANO, images=images, prompt_enhancer=enhancer)
    view = generate_view(CATALOG, asked)
    assert [c.value for c in view.images] == neighbours
    for choice in view.images:
        assert choice.quote == quote_generation(CATALOG, replace(asked, images=int(choice.value)))


def test_the_enhancer_the_other_way() -> None:
    off = generate_view(CATALOG, NANO)
    on = generate_view(CATALOG, replace(NANO, prompt_enhancer=True))
    assert off.enhancer == on.quote and on.enhancer == off.quote
    assert off.quote != on.quote


@pytest.mark.parametrize(("ratio", "enhancer"), [("16:9", False), ("21:9", True)])
def test_every_model_at_these_settings_or_why_it_cannot(ratio: str, enhancer: bool) -> None:
    view = generate_view(
        CATALOG, replace(NANO, resolution="4K", aspect_ratio=ratio, prompt_enhancer=enhancer)
    )
    assert [c.model for c in view.models] == list(CATALOG.models)
    for cell in view.models:
        why = availability(cell.model, "4K", ratio)
        assert cell.why_not == why
        if why:
            assert cell.quote is None
        else:
            expected = GenerationRequest(cell.model.id, "4K", ratio, images=2, prompt_enhancer=enhancer)
            assert cell.quote == quote_generation(CATALOG, expected)
    assert view.cell("chatgpt-1-5").why_not == AboveMaximum("ChatGPT 1.5", "1K")
    assert view.cell("nano-banana-2").quote == view.quote


def test_a_model_not_in_the_view_has_no_cell() -> None:
    with pytest.raises(StopIteration):
        generate_view(CATALOG, NANO).cell("no-such-model")


@pytest.mark.parametrize(
    "request_",
    [
        NANO,
        replace(NANO, images=1, prompt_enhancer=True),
        GenerationRequest("seedream-v5-lite", "3K", "1:1", images=4),
        GenerationRequest("midjourney-v7"),
    ],
    ids=lambda r: f"{r.model_id}-{r.resolution}-{r.images}",
)
def test_each_distinct_quote_is_priced_once(request_: GenerationRequest) -> None:
    view = generate_view(CATALOG, request_)
    assert view.pricing_calls == len(distinct_requests(view))


def view(
    model: str, resolution: str = "1K", ratio: str | None = None, images: int = 1, **kw: bool
) -> GenerateView:
    return generate_view(CATALOG, GenerationRequest(model, resolution, ratio, images, **kw))


def test_every_resolution_is_a_choice_with_its_quote_or_why_it_is_not_offered() -> None:
    v = view("nano-banana-2")  # the page: 49 (1K) / 73.5 (2K) / 98 (4K)
    assert [c.value for c in v.resolutions] == list(TIERS)
    by_tier = {c.value: c for c in v.resolutions}
    assert [(t, c.offered) for t, c in by_tier.items()] == [
        ("1K", True),
        ("2K", True),
        ("3K", False),
        ("4K", True),
    ]
    assert by_tier["2K"].quote is not None and by_tier["2K"].quote.total == D("73.5")
    assert by_tier["4K"].quote is not None and by_tier["4K"].quote.total == D(98)
    assert by_tier["3K"].reason == TierNotNamed("Nano Banana 2", "3K")
    assert v.quote.total == D(49)


def test_the_image_choices_are_one_fewer_and_one_more_within_the_bounds() -> None:
    assert [(c.value, c.quote.total if c.quote else None) for c in view("nano-banana-2").images] == [
        ("2", D(98))
    ]
    middle = view("nano-banana-2", images=2)
    assert [(c.value, c.quote.total if c.quote else None) for c in middle.images] == [
        ("1", D(49)),
        ("3", D(147)),
    ]
    assert [c.value for c in view("nano-banana-2", images=4).images] == ["3"]  # 4 is the most


def test_the_enhancer_is_quoted_switched_the_other_way() -> None:
    off = view("flux-dev")
    assert off.quote.complete and not off.enhancer.complete  # its surcharge is not published
    on = view("flux-dev", prompt_enhancer=True)
    assert on.enhancer.complete and on.enhancer.total == D(5)


def test_every_model_is_a_cell_at_the_current_settings_or_says_why_it_cannot_make_them() -> None:
    v = view("nano-banana-2", "4K", "21:9")
    assert [c.model.id for c in v.models] == [m.id for m in CATALOG.models]
    assert v.cell("nano-banana-pro").quote is not None and v.cell("nano-banana-pro").quote.total == D(160)
    assert v.cell("flux-dev").why_not == AboveMaximum("Flux Dev", "1K")
    assert v.cell("seedream-v4").why_not == RatioNotOffered("Seedream v4", "21:9")  # up to 4K, no 21:9
    assert v.cell("flux-dev").quote is None


def test_settings_the_model_lacks_are_fitted_first_and_said() -> None:
    v = view("flux-dev", "4K", "21:9", 9)
    assert v.request == GenerationRequest("flux-dev", "1K", "1:1", 4)
    assert v.notices == (
        Fitted(AboveMaximum("Flux Dev", "1K"), "1K"),
        Fitted(RatioNotOffered("Flux Dev", "21:9"), "1:1"),
    )
    assert v.quote.total == D(20)  # the page's 5, four images


def test_each_distinct_quote_is_priced_once_too() -> None:
    # The current settings (also the 1K choice and Nano Banana 2's own cell), 2K and 4K (3K is
    # refused unpriced), 2 images, the enhancer on, and each of the 24 other models at 1K and
    # 1:1, which every model on the page offers.
    v = view("nano-banana-2")
    others = len(CATALOG.models) - 1
    assert others == 24
    assert all(c.quote is not None for c in v.models)
    assert v.pricing_calls == 1 + 2 + 1 + 1 + others
