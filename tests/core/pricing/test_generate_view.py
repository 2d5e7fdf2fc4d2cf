"""A whole Generate tab for one set of settings: the quote, what each option would cost, every
model at these settings (or why not), each distinct quote priced once."""

from __future__ import annotations

from dataclasses import replace

import pytest

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.pricing.choices import availability, fit_request, tier_refusal
from imagine_calc.core.pricing.findings import AboveMaximum
from imagine_calc.core.pricing.generate_view import GenerateView, generate_view
from imagine_calc.core.pricing.quotes import GenerationRequest, quote_generation

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
