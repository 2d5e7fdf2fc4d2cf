"""Words for an estimate's lines: what each is ("Nano Banana Pro · 4K · 16:9 · 4 images"), its
settings without the name, what the table's "What" column shows, the subtotal kinds and each
subtotal's share of the total."""

from __future__ import annotations

from decimal import Decimal

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import Bound
from imagine_calc.core.estimates.estimate import GenerationItem, PricedEstimate, PricedItem, UpscaleItem
from imagine_calc.core.estimates.estimate_file import PriceChange, SavedEstimate, SavedPrice, price_changes
from imagine_calc.core.estimates.shares import Share
from imagine_calc.core.language import N_, _
from imagine_calc.core.numbers import PLAIN, NumberStyle, approx, whole
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.breakdown import breakdown
from imagine_calc.core.text.catalog import pro_model_words, settings_words
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sizes import pixels, scale, upscale_words

#: An item's kind as a subtotal names it.
KIND_WORDS = {"generation": N_("Generation"), "upscale": N_("Upscale")}


def settings(p: PricedItem, style: NumberStyle = PLAIN) -> str:
    """The line's settings without the model's or engine's name: "4K · 16:9 · 4 images",
    "4× · 1024 × 1024"."""
    item = p.item
    if isinstance(item, GenerationItem):
        r = item.request
        return settings_words("", r.resolution, r.aspect_ratio, r.images, r.prompt_enhancer, style)
    return f"{scale(item.scale)} · {_images(item)}"


def description(p: PricedItem, style: NumberStyle = PLAIN) -> str:
    """What the line is: "Nano Banana Pro · 4K · 16:9 · 4 images", "Topaz 4× · 12 images"."""
    item = p.item
    if isinstance(item, UpscaleItem):
        return f"{upscale_words(p.group, item.scale)} · {_images(item)}"
    return f"{p.group} · {settings(p, style)}"


def what(p: PricedItem, style: NumberStyle = PLAIN) -> str:
    """What the table shows: the settings alone when the label already names the model (the
    label a line gets by default), so the two columns do not say it twice."""
    return settings(p, style) if p.label == p.group else description(p, style)


def _images(item: UpscaleItem) -> str:
    n = len(item.sizes)
    (w, h) = item.sizes[0]
    if n == 1:
        return pixels(w, h)
    if len(set(item.sizes)) == 1:
        return _("{n} images of {size}").format(n=n, size=pixels(w, h))
    return _("{n} images").format(n=n)


def subtotal_name(key: str, by: str) -> str:
    """A subtotal's name: the model's or engine's, or the kind in words."""
    return _(KIND_WORDS[key]) if by == "kind" and key in KIND_WORDS else key


def percent(share: Decimal, style: NumberStyle = PLAIN) -> str:
    """A share as people read it: "85%", "4.6%", "0.38%"; never "100%" short of all of it,
    nor "0%" for a little."""
    if 0 < share < 1 and approx(share * 100, style) == "100":
        return _("more than {n}%").format(n=whole(99, style))
    # TRANSLATORS: a percentage; French writes "{n} %" (with a narrow no-break space)
    return _("{n}%").format(n=approx(share * 100, style))


def share_words(share: Share, by: str, style: NumberStyle = PLAIN) -> str:
    """What a subtotal's bar shows: "Nano Banana Pro: 12,800 credits, 67% of the total"; "at
    most" where other prices are not known, and no share of the total where its own are not."""
    values = {
        "name": subtotal_name(share.key, by),
        "total": quotes.long(share.quote, style),
        "share": percent(share.of_known, style),
    }
    if share.bound is Bound.EXACT:
        if share.estimated:
            return _("{name}: {total}, about {share} of the total").format(**values)
        return _("{name}: {total}, {share} of the total").format(**values)
    if share.bound is Bound.AT_MOST:
        if share.estimated:
            return _(
                "{name}: {total}, at most about {share} of the total (some prices are not known)"
            ).format(**values)
        return _("{name}: {total}, at most {share} of the total (some prices are not known)").format(**values)
    if not share.quote.known_total:
        return _("{name}: {total}; its share of the total is not known").format(**values)
    if share.estimated:
        return _(
            "{name}: {total}; its share of the total is not known (about {share} of the credits known)"
        ).format(**values)
    return _("{name}: {total}; its share of the total is not known ({share} of the credits known)").format(
        **values
    )


def _price(saved: SavedPrice, style: NumberStyle) -> str:
    if saved.complete:
        return quotes.credits_words(saved.credits, style)
    if saved.credits == 0:
        return _("unknown")
    return _("at least {n}").format(n=quotes.credits_words(saved.credits, style))


def change_words(change: PriceChange, style: NumberStyle = PLAIN) -> str:
    """ "Hero images: 12,800 credits → 14,400 credits", or the same figure known more or less
    surely, said as such."""
    before, after = _price(change.before, style), _price(change.after, style)
    if change.before.credits != change.after.credits:
        return f"{change.label}: {before} → {after}"
    if change.before.complete:
        return _("{label}: still {before}, now known only as the least it costs ({after})").format(
            label=change.label, before=before, after=after
        )
    return _("{label}: {before} is now known exactly ({after})").format(
        label=change.label, before=before, after=after
    )


def repriced_words(
    saved: SavedEstimate, priced: PricedEstimate, catalog: Catalog, style: NumberStyle = PLAIN
) -> list[str]:
    """What re-pricing an opened estimate changed, a line each, led by the prices' versions when
    they differ; [] when nothing changed."""
    changes = [change_words(c, style) for c in price_changes(saved, priced)]
    if changes and saved.catalog_version != catalog.version:
        values = {
            "saved": saved.catalog_version,
            "version": catalog.version,
            "date": style.date(catalog.as_of),
        }
        if saved.catalog_as_of:
            said = _("Saved with prices {saved} of {saved_date}; re-priced with {version} of {date}.").format(
                saved_date=style.date(saved.catalog_as_of), **values
            )
        else:
            said = _("Saved with prices {saved}; re-priced with {version} of {date}.").format(**values)
        changes.insert(0, said)
    return changes


def estimate_headline(total: Quote, lines: int, style: NumberStyle = PLAIN) -> str:
    """The Estimate tab's total: "Estimate: at least 724 credits", or that it is empty."""
    return _("Estimate: {total}").format(total=quotes.long(total, style)) if lines else _("Estimate: empty")


def added_words(label: str) -> str:
    return _("Added to the estimate: {label}.").format(label=label)


def adding_words(lines: int) -> str:
    """Edit > Undo's name for adding lines: "Undo add 2 lines"."""
    # TRANSLATORS: an undo step, shown after "Undo" / "Redo" in the Edit menu
    return plural(lines, "add {n} line", "add {n} lines")


def repriced_heading() -> str:
    return _("Re-priced with the prices in use:")


def no_balance_yet() -> str:
    return _(
        "Type your balance above to see whether it covers this estimate, which balance pays for "
        "what, and what would expire unused."
    )


def line_tooltip(p: PricedItem, style: NumberStyle = PLAIN) -> str:
    """A line's tooltip in plain text: what it is, its breakdown, the count, every digit, what
    is not known, notes, and the subscription a Pro model needs."""
    lines = [description(p, style)]
    said = breakdown(p.unit, style)
    lines += [f"{r.label}: {r.amount} ({r.detail})" for r in said.rows]
    if p.item.count > 1:
        lines.append(f"× {whole(p.item.count, style)} = {quotes.long(p.quote, style)}")
    if unrounded := quotes.unrounded(p.quote, style):
        lines.append(unrounded)
    lines += said.remarks()
    if p.needs_subscription:
        lines.append(f"{pro_model_words(p.subscription_inferred)}.")
    return "\n".join(lines)
