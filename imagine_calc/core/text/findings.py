"""Words for what pricing found (pricing/findings.py): a line's label and how its figure was
found, why a part is unknown, what is worth knowing, why a setting is not offered. The window,
its tooltips, the command line and every export take their sentences from here.
"""

from __future__ import annotations

from imagine_calc.core.catalog.records import BASE_TIER, Observation
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.pricing.findings import (
    AboveMaximum,
    BaseCostUnknown,
    BaseOnlyAbove,
    BasePriceReach,
    BatchOf,
    CannotBeQuoted,
    Caveat,
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
    NotAvailable,
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
from imagine_calc.core.text.catalog import settings_words
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sizes import pixels, size_limit_words, upscale_words


def label_words(label: Label) -> str:
    """ "Nano Banana 2, 2K, 16:9", "Prompt enhancer", "Topaz 4×", "cannot be quoted"."""
    match label:
        case GenerationLabel(model, resolution, ratio, with_enhancer):
            return ", ".join(
                p for p in (model, resolution, ratio, "prompt enhancer" if with_enhancer else "") if p
            )
        case EnhancerLabel(name):
            return name
        case UpscaleLabel(engine, scale):
            return upscale_words(engine, scale)
        case UnpriceableLabel():
            return "cannot be quoted"


def _ratio(o: Observation) -> str:
    return f" at {o.aspect_ratio} aspect ratio" if o.aspect_ratio else ""


def seen_words(o: Observation, style: NumberStyle = PLAIN) -> str:
    """ "observed by you on 2026-12-02 at 3:2 aspect ratio" (the date as `style` writes it)"""
    return f"observed by you on {style.date(o.date)}{_ratio(o)}"


def detail_words(detail: Detail, style: NumberStyle = PLAIN) -> str:
    """How a line's figure was found: "2 × 49", "1 × 25 base price", "3 × 7.5, worked out from
    your recording of 30 for 4 images on 2026-12-02", "20 × 2.0736 MP × 1"."""
    match detail:
        case Times(images, price, kind, resolution):
            if price is None:
                return f"{images} × unknown"
            if kind is PriceKind.BASE_LOWER:
                return f"{images} × {number(price, style)} base price, {resolution} costs more"
            base = " base price" if kind is PriceKind.BASE else ""
            return f"{images} × {number(price, style)}{base}"
        case Recorded(o, images, per_image, derived):
            if not images:  # a total recorded for exactly these settings
                return seen_words(o, style)
            each = f"{images} × {number(per_image if per_image is not None else o.credits, style)}"
            if not derived:
                return f"{each}, {seen_words(o, style)}"
            return (
                f"{each}, worked out from your recording of {number(o.credits, style)} for "
                f"{plural(o.images, 'image', style)} on {style.date(o.date)}{_ratio(o)}"
            )
        case Surcharge(images, price, True):
            return f"{images} × {number(price, style)}"
        case Surcharge():
            return "once per generation"
        case WorkedOutSurcharge(on, off, model):
            settings = settings_words(model, off.resolution, off.aspect_ratio, off.images, False, style)
            return (
                f"{number(on.credits, style)} - {number(off.credits, style)}, worked out from your "
                f"recordings on {style.date(on.date)} for {settings} with and without it; assumed the "
                "same here"
            )
        case SurchargeUnknown():
            return "surcharge unknown"
        case FixedPrice(1, _):
            return "fixed price, any input size"
        case FixedPrice(images, price):
            return f"{images} × {number(price, style)}, fixed price"
        case PerMegapixel(base, mp, 1, factor):
            return f"{number(base, style)} × {number(mp, style)} MP × {number(factor, style)}"
        case PerMegapixel(base, mp, images, factor):
            return (
                f"{number(base, style)} × {number(mp, style)} MP in {images} images × {number(factor, style)}"
            )
        case BaseCostUnknown():
            return "base cost unknown"
        case BatchOf(images):
            return plural(images, "image", style)
        case _:
            return unknown_words(detail, style)


def unknown_words(why: Unknown, style: NumberStyle = PLAIN) -> str:
    """Why a part is unknown, or only the least it costs."""
    match why:
        case PriceNotPublished(model, reason):
            return f"{model}: {reason or 'price unknown'}"
        case BaseOnlyAbove(model, price, resolution):
            return (
                f"{model} at {resolution}: ImagineArt's page gives one base price ({number(price, style)} "
                f"credits, the {BASE_TIER} price) and says higher resolutions cost more; the {resolution} "
                "price is not published. Record what ImagineArt shows to make it exact."
            )
        case EnhancerNotPublished(name, reason):
            return f"{name}: {reason or 'surcharge unknown'}"
        case EnhancerPerImageUnknown(name, images):
            return (
                f"{name}: your recordings show its surcharge for one image; whether it is charged once "
                f"per generation or once per image is not known, so {images} images may cost more."
            )
        case EngineBaseUnknown(engine, reason):
            return f"{engine}: {reason}"
        case CannotBeQuoted(reason):
            return reason
        case ModelGone(model_id):
            return f"the prices in use have no model '{model_id}'"
        case EngineGone(engine_id):
            return f"the prices in use have no upscale engine '{engine_id}'"
        case ImageRefused(engine, scale, width, height, reason):
            return f"{upscale_words(engine, scale)}, {pixels(width, height)}: {reason}"


def caveat_words(caveat: Caveat, style: NumberStyle = PLAIN) -> str:
    """Something worth knowing that does not change the figure."""
    match caveat:
        case MaxResolutionUnknown(model, resolution):
            return f"{model}'s max resolution is unknown: check that {resolution} is offered."
        case BasePriceReach():
            return (
                "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more."
            )
        case RecordingDisagrees(model, recorded, resolution, date, page, says, from_override):
            if says is PageSays.BASE_BELOW:
                page_says = f"a base price of {number(page, style)}, which {resolution} costs more than"
            elif says is PageSays.BASE:
                page_says = f"{number(page, style)} as its base price (the {BASE_TIER} price)"
            else:
                page_says = f"{number(page, style)} for {resolution}"
            source = "your override" if from_override else "ImagineArt's page"
            return (
                f"You recorded {number(recorded, style)} credits per image for {model} at {resolution} on "
                f"{style.date(date)}; {source} gives {page_says}. Your recording is used."
            )
        case InferredBaseCost(engine, base):
            return (
                f"{engine}'s base cost of {number(base, style)} credits per megapixel is inferred from "
                "ImagineArt's example, not stated."
            )
        case NoSizeLimitStated(largest, named, batch):
            return size_limit_words(largest, named, batch)


def refusal_words(why: NotAvailable) -> str:
    """Why a model cannot make a setting: "Flux Dev goes up to 1K"."""
    match why:
        case AboveMaximum(model, maximum):
            return f"{model} goes up to {maximum}"
        case TierNotNamed(model, tier):
            return f"ImagineArt's page names no {tier} option for {model}"
        case RatioNotOffered(model, ratio):
            return f"{model} has no {ratio} aspect ratio"
        case Refused(reason):
            return reason


def fitted_words(fitted: Fitted) -> str:
    """ "Flux Dev goes up to 1K: using 1K." """
    return f"{refusal_words(fitted.why)}: using {fitted.using}."


def not_available_words(why: NotAvailable) -> str:
    """ "not available: Flux Dev goes up to 1K" """
    return f"not available: {refusal_words(why)}"
