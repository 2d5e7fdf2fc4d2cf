"""Estimates: an ordered list of generation and upscale items, priced by the same core as a quote.

A line's total is its one-run quote times its count; unknown parts stay unknown all the way up
to the grand total, which then reads "at least N". An item the current catalog cannot quote any
more (a model removed, a setting no longer offered) stays in the estimate, priced as unknown with
the reason, so reopening an old estimate never drops a line.

Labels and titles come from outside (a file's name, an estimate file, what was typed): each
record makes its own text readable (core/outside_text) as it is made, so a name that was not
UTF-8 shows as "photo-��.heic" and no later save, export or copy can fail on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from imagine_calc.core.catalog.records import Basis, Catalog
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_COUNT, LimitError, check_whole
from imagine_calc.core.outside_text import readable
from imagine_calc.core.pricing.findings import (
    BatchOf,
    CannotBeQuoted,
    EngineGone,
    ImageRefused,
    ModelGone,
    UnpriceableLabel,
    UpscaleLabel,
)
from imagine_calc.core.pricing.quotes import Line, Quote, quote_generation, sum_quotes, times
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale, quote_upscale_batch


@dataclass(frozen=True)
class GenerationItem:
    """`count` generations with the same settings ("x 20 generations")."""

    request: GenerationRequest
    count: int = 1
    label: str = ""
    #: The team member the line is for (core/estimates/team); "" = unassigned.
    member: str = ""

    kind: Literal["generation"] = "generation"

    def __post_init__(self) -> None:
        _make_readable(self, "label")
        _make_readable(self, "member")


@dataclass(frozen=True)
class UpscaleItem:
    """A batch of images upscaled with one engine and scale, `count` times.

    A dropped batch keeps one size per file; "10 images of 2048 x 2048" is one size, count 10.
    """

    engine_id: str
    scale: int
    sizes: tuple[tuple[int, int], ...]
    count: int = 1
    label: str = ""
    #: The team member the line is for (core/estimates/team); "" = unassigned.
    member: str = ""

    kind: Literal["upscale"] = "upscale"

    def __post_init__(self) -> None:
        _make_readable(self, "label")
        _make_readable(self, "member")


Item = GenerationItem | UpscaleItem


@dataclass(frozen=True)
class Estimate:
    items: tuple[Item, ...] = ()
    title: str = ""

    def __post_init__(self) -> None:
        _make_readable(self, "title")


def _make_readable(record: object, field: str) -> None:
    """A frozen record's text field with lone surrogates shown as U+FFFD, set where it is made
    (`dataclasses.replace` makes a new record, so an edit passes here too)."""
    object.__setattr__(record, field, readable(getattr(record, field)))


@dataclass(frozen=True)
class PricedItem:
    item: Item
    #: One run of the item (one generation, or the batch once); its lines show the breakdown.
    unit: Quote
    #: The whole line: `unit` times `count`.
    quote: Quote
    #: The model's or engine's name (its id when the catalog has it no more), for subtotals by
    #: model; core/text/estimates.py words what the line is from it and the item.
    group: str
    #: True when the line uses a model that needs a subscription.
    needs_subscription: bool = False
    #: True when that need is inferred (from "Pro" in the name), not stated.
    subscription_inferred: bool = False

    @property
    def label(self) -> str:
        return self.item.label or self.group


@dataclass(frozen=True)
class PricedEstimate:
    estimate: Estimate
    items: tuple[PricedItem, ...]
    total: Quote

    def subtotals(self, by: Literal["group", "kind"] = "group") -> list[tuple[str, Quote]]:
        """Subtotals in order of first appearance, by model/engine name or by kind (the item's
        kind, "generation" or "upscale": core/text words it)."""
        groups: dict[str, list[Quote]] = {}
        for p in self.items:
            key = p.group if by == "group" else p.item.kind
            groups.setdefault(key, []).append(p.quote)
        return [(key, sum_quotes(quotes)) for key, quotes in groups.items()]

    def credits_needing_subscription(self) -> Decimal:
        return sum((p.quote.known_total for p in self.items if p.needs_subscription), Decimal(0))


def unpriceable(reason: CannotBeQuoted | ModelGone | EngineGone | ImageRefused) -> Quote:
    return Quote(
        (Line(UnpriceableLabel(), None, reason, Basis.UNKNOWN),),
        Decimal(0),
        (reason,),
        (),
        frozenset({Basis.UNKNOWN}),
    )


def price_item(catalog: Catalog, item: Item) -> PricedItem:
    if isinstance(item, GenerationItem):
        return _price_generation(catalog, item)
    return _price_upscale(catalog, item)


def repriced(catalog: Catalog, old: PricedItem, item: Item) -> PricedItem:
    """`item` priced, reusing `old`'s one-run quote when only the label, count or member
    changed: a count edit on a 10,000-image batch then costs one multiplication, not 10,000
    quotes."""
    if replace(item, count=old.item.count, label=old.item.label, member=old.item.member) != old.item:
        return price_item(catalog, item)
    return replace(old, item=item, quote=times(old.unit, item.count))


def price_estimate(catalog: Catalog, estimate: Estimate) -> PricedEstimate:
    return assemble([price_item(catalog, item) for item in estimate.items], estimate.title)


def assemble(priced: Sequence[PricedItem], title: str) -> PricedEstimate:
    """An estimate of lines priced already (the window keeps each line's price as it is edited)."""
    items = tuple(priced)
    return PricedEstimate(
        Estimate(tuple(p.item for p in items), title), items, sum_quotes(p.quote for p in items)
    )


def _price_generation(catalog: Catalog, item: GenerationItem) -> PricedItem:
    req = item.request
    model = catalog.find_model(req.model_id)
    group = model.name if model else req.model_id
    if model is None:
        unit = unpriceable(ModelGone(req.model_id))
    else:
        try:
            unit = quote_generation(catalog, replace(req, model_id=model.id))
        except QuoteError as exc:
            unit = unpriceable(CannotBeQuoted(str(exc)))
    return PricedItem(
        item,
        unit,
        times(unit, item.count),
        group,
        needs_subscription=bool(model and model.requires_subscription),
        subscription_inferred=bool(model and "requires_subscription" in model.inferred),
    )


def _price_upscale(catalog: Catalog, item: UpscaleItem) -> PricedItem:
    engine = catalog.find_engine(item.engine_id)
    group = engine.name if engine else item.engine_id
    if engine is not None and len(item.sizes) > 1:
        try:  # the whole batch in one multiplication; quoted image by image only to say which fails
            unit = quote_upscale_batch(catalog, engine.id, item.scale, item.sizes)
            return PricedItem(item, unit, times(unit, item.count), group)
        except QuoteError:
            pass
    quotes: list[Quote] = []
    if engine is None:
        quotes.append(unpriceable(EngineGone(item.engine_id)))
    by_size: dict[tuple[int, int], Quote] = {}  # a batch of camera shots repeats a few sizes
    for width, height in item.sizes if engine is not None else ():
        quote = by_size.get((width, height))
        if quote is None:
            try:
                assert engine is not None
                quote = quote_upscale(catalog, engine.id, item.scale, width, height)
            except QuoteError as exc:
                quote = unpriceable(ImageRefused(group, item.scale, width, height, str(exc)))
            by_size[(width, height)] = quote
        quotes.append(quote)
    lines = [line for q in quotes for line in q.lines]
    unit = sum_quotes(quotes, lines if len(lines) <= 1 else [_batch_line(group, item, quotes)])
    return PricedItem(item, unit, times(unit, item.count), group)


def _batch_line(group: str, item: UpscaleItem, quotes: list[Quote]) -> Line:
    total = sum_quotes(quotes)
    return Line(
        UpscaleLabel(group, item.scale),
        total.known_total if total.complete else None,
        BatchOf(len(item.sizes)),
        Basis.INFERRED if total.estimated else Basis.STATED,
    )


def count_error(count: object) -> str | None:
    """Why `count` cannot be a line's repeat count, or None when it can."""
    try:
        check_whole(count, _("a count"), 1, MAX_COUNT)
    except LimitError as exc:
        return str(exc)
    return None
