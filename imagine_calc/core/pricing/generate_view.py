"""Everything the Generate tab shows for one set of settings, computed at once, without Qt.

The window hands the parts to its list, its settings controls and its total; none of them
prices anything. Each distinct quote is computed once (the current settings appear in the
model list, among the resolution options and as the base of every delta), and
`pricing_calls` says how many there were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field

from imagine_calc.core.catalog.records import TIERS, Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.frozen import Frozen, hot_record, record
from imagine_calc.core.pricing.choices import availability, fit_request, tier_refusal
from imagine_calc.core.pricing.findings import Fitted, NotAvailable, Refused
from imagine_calc.core.pricing.quotes import Quote, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest


@hot_record
class ModelCell(Frozen):
    """A model at the current settings: its quote, or why it cannot make them."""

    model: Model
    quote: Quote | None
    why_not: NotAvailable | None = None


@record
class Choice(Frozen):
    """One option of a setting and the quote were it chosen (None when it is not offered)."""

    value: str
    quote: Quote | None
    reason: NotAvailable | None = None

    @property
    def offered(self) -> bool:
        return self.quote is not None


@record
class GenerateView(Frozen):
    """Everything the Generate tab shows for one request, each distinct quote made once."""

    request: GenerationRequest
    #: Each setting that had to change for this model, and what is used instead.
    notices: tuple[Fitted, ...]
    quote: Quote
    #: Every tier, offered or not.
    resolutions: tuple[Choice, ...]
    #: One image fewer and one more, where the limits allow.
    images: tuple[Choice, ...]
    #: The quote with the prompt enhancer switched the other way.
    enhancer: Quote
    models: tuple[ModelCell, ...]
    pricing_calls: int
    #: The quotes made for this view, so one asked for again later is not priced again.
    _priced: Callable[[GenerationRequest], Quote | Refused] = field(compare=False, repr=False)

    def cell(self, model_id: str) -> ModelCell:
        return next(c for c in self.models if c.model.id == model_id)

    def one_image(self, model_id: str) -> Quote | None:
        """One image of `model_id` at these settings (what a balance buys is counted in
        these), priced once per view; None where the model cannot make them."""
        r = self.request
        result = self._priced(GenerationRequest(model_id, r.resolution, r.aspect_ratio, 1, r.prompt_enhancer))
        return result if isinstance(result, Quote) else None


def generate_view(catalog: Catalog, request: GenerationRequest) -> GenerateView:
    """The view of `request`, fitted to its model first (a model without the current
    resolution or ratio falls back, and says so in `notices`)."""
    req, notices = fit_request(catalog, request)
    quotes: dict[GenerationRequest, Quote | Refused] = {}

    def priced(r: GenerationRequest) -> Quote | Refused:
        if r not in quotes:
            try:
                quotes[r] = quote_generation(catalog, r)
            except QuoteError as exc:
                quotes[r] = Refused(str(exc))
        return quotes[r]

    quote = _sure(priced(req))
    model = catalog.model(req.model_id)
    m, r, a, n, e = req.model_id, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer
    # GenerationRequest(...) rather than dataclasses.replace: a settings change makes ~30 of them
    resolutions = tuple(_choice(model, tier, GenerationRequest(m, tier, a, n, e), priced) for tier in TIERS)
    images = tuple(
        Choice(str(k), _sure(priced(GenerationRequest(m, r, a, k, e))))
        for k in (n - 1, n + 1)
        if catalog.images_min <= k <= catalog.images_max
    )
    enhancer = _sure(priced(GenerationRequest(m, r, a, n, not e)))
    cells = []
    for other in catalog.models:
        why = availability(other, r, a)
        if why is not None:
            cells.append(ModelCell(other, None, why))
            continue
        result = priced(GenerationRequest(other.id, r, a, n, e))
        cells.append(
            ModelCell(other, result) if isinstance(result, Quote) else ModelCell(other, None, result)
        )
    return GenerateView(req, notices, quote, resolutions, images, enhancer, tuple(cells), len(quotes), priced)


def _choice(
    model: Model, tier: str, req: GenerationRequest, priced: Callable[[GenerationRequest], Quote | Refused]
) -> Choice:
    why = tier_refusal(model, tier)
    if why is not None:
        return Choice(tier, None, why)
    result = priced(req)
    return Choice(tier, result) if isinstance(result, Quote) else Choice(tier, None, result)


def _sure(result: Quote | Refused) -> Quote:
    """A quote of settings fitted to the model: anything else is a bug, not a user error."""
    if isinstance(result, Refused):
        raise QuoteError(result.why)
    return result
