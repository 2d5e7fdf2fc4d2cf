"""Words for what pricing found (pricing/findings.py): a line's label and how its figure was
found, why a part is unknown, what is worth knowing, why a setting is not offered. The window,
its tooltips, the command line and every export take their sentences from here.
"""

from __future__ import annotations

from imagine_calc.core.catalog.records import BASE_TIER, Observation
from imagine_calc.core.language import _
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
    RecordingsConflict,
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
from imagine_calc.core.text.catalog import catalog_name, catalog_note, settings_words
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sharing import conflict_words, observed_by
from imagine_calc.core.text.sizes import pixels, size_limit_words, upscale_words


def label_words(label: Label) -> str:
    """ "Nano Banana 2, 2K, 16:9", "Prompt enhancer", "Topaz 4×", "cannot be quoted"."""
    match label:
        case GenerationLabel(model, resolution, ratio, with_enhancer):
            return ", ".join(
                p for p in (model, resolution, ratio, _("prompt enhancer") if with_enhancer else "") if p
            )
        case EnhancerLabel(name):
            return catalog_name(name)
        case UpscaleLabel(engine, scale):
            return upscale_words(engine, scale)
        case UnpriceableLabel():
            return _("cannot be quoted")


def _ratio(o: Observation) -> str:
    return _(" at {ratio} aspect ratio").format(ratio=o.aspect_ratio) if o.aspect_ratio else ""


def seen_words(o: Observation, style: NumberStyle = PLAIN) -> str:
    """ "observed by you on 2026-12-02 at 3:2 aspect ratio", "observed by Ana on ..." (the date
    as `style` writes it)"""
    return observed_by(o, style) + _ratio(o)


def detail_words(detail: Detail, style: NumberStyle = PLAIN) -> str:
    """How a line's figure was found: "2 × 49", "1 × 25 base price", "3 × 7.5, worked out from
    your recording of 30 for 4 images on 2026-12-02", "20 × 2.0736 MP × 1"."""
    match detail:
        case Times(images, price, kind, resolution):
            if price is None:
                return _("{images} × unknown").format(images=images)
            figure = number(price, style)
            if kind is PriceKind.BASE_LOWER:
                return _("{images} × {price} base price, {resolution} costs more").format(
                    images=images, price=figure, resolution=resolution
                )
            if kind is PriceKind.BASE:
                return _("{images} × {price} base price").format(images=images, price=figure)
            return f"{images} × {figure}"
        case Recorded(o, images, per_image, derived):
            if not images:  # a total recorded for exactly these settings
                return seen_words(o, style)
            each = f"{images} × {number(per_image if per_image is not None else o.credits, style)}"
            if not derived:
                return f"{each}, {seen_words(o, style)}"
            return plural(
                o.images,
                "{each}, worked out from your recording of {credits} for {n} image on {date}",
                "{each}, worked out from your recording of {credits} for {n} images on {date}",
                style,
                each=each,
                credits=number(o.credits, style),
                date=style.date(o.date),
            ) + _ratio(o)
        case Surcharge(images, price, True):
            return f"{images} × {number(price, style)}"
        case Surcharge():
            return _("once per generation")
        case WorkedOutSurcharge(on, off, model):
            settings = settings_words(model, off.resolution, off.aspect_ratio, off.images, False, style)
            return _(
                "{on} - {off}, worked out from your recordings on {date} for {settings} with and "
                "without it; assumed the same here"
            ).format(
                on=number(on.credits, style),
                off=number(off.credits, style),
                date=style.date(on.date),
                settings=settings,
            )
        case SurchargeUnknown():
            return _("surcharge unknown")
        case FixedPrice(1, _):
            return _("fixed price, any input size")
        case FixedPrice(images, price):
            return _("{images} × {price}, fixed price").format(images=images, price=number(price, style))
        case PerMegapixel(base, mp, 1, factor):
            return _("{base} × {mp} MP × {factor}").format(
                base=number(base, style), mp=number(mp, style), factor=number(factor, style)
            )
        case PerMegapixel(base, mp, images, factor):
            return _("{base} × {mp} MP in {images} images × {factor}").format(
                base=number(base, style), mp=number(mp, style), images=images, factor=number(factor, style)
            )
        case BaseCostUnknown():
            return _("base cost unknown")
        case BatchOf(images):
            return plural(images, "{n} image", "{n} images", style)
        case _:
            return unknown_words(detail, style)


def unknown_words(why: Unknown, style: NumberStyle = PLAIN) -> str:
    """Why a part is unknown, or only the least it costs."""
    match why:
        case PriceNotPublished(model, reason):
            return f"{model}: {catalog_note(reason) or _('price unknown')}"
        case BaseOnlyAbove(model, price, resolution):
            return _(
                "{model} at {resolution}: ImagineArt's page gives one base price ({price} credits, the "
                "{base_tier} price) and says higher resolutions cost more; the {resolution} price is not "
                "published. Record what ImagineArt shows to make it exact."
            ).format(model=model, resolution=resolution, price=number(price, style), base_tier=BASE_TIER)
        case EnhancerNotPublished(name, reason):
            return f"{catalog_name(name)}: {catalog_note(reason) or _('surcharge unknown')}"
        case EnhancerPerImageUnknown(name, images):
            return _(
                "{name}: your recordings show its surcharge for one image; whether it is charged once "
                "per generation or once per image is not known, so {images} images may cost more."
            ).format(name=catalog_name(name), images=images)
        case EngineBaseUnknown(engine, reason):
            return f"{engine}: {catalog_note(reason)}"
        case CannotBeQuoted(reason):
            return reason
        case ModelGone(model_id):
            return _("the prices in use have no model '{id}'").format(id=model_id)
        case EngineGone(engine_id):
            return _("the prices in use have no upscale engine '{id}'").format(id=engine_id)
        case ImageRefused(engine, scale, width, height, reason):
            return f"{upscale_words(engine, scale)}, {pixels(width, height)}: {reason}"


def caveat_words(caveat: Caveat, style: NumberStyle = PLAIN) -> str:
    """Something worth knowing that does not change the figure."""
    match caveat:
        case MaxResolutionUnknown(model, resolution):
            return _("{model}'s max resolution is unknown: check that {resolution} is offered.").format(
                model=model, resolution=resolution
            )
        case BasePriceReach():
            return _(
                "A base price is ImagineArt's price at 1K; its page says larger output dimensions cost more."
            )
        case RecordingDisagrees(model, recorded, resolution, date, page, says, from_override, by):
            figure = number(page, style)
            if says is PageSays.BASE_BELOW:
                page_says = _("a base price of {price}, which {resolution} costs more than").format(
                    price=figure, resolution=resolution
                )
            elif says is PageSays.BASE:
                page_says = _("{price} as its base price (the {base_tier} price)").format(
                    price=figure, base_tier=BASE_TIER
                )
            else:
                page_says = _("{price} for {resolution}").format(price=figure, resolution=resolution)
            if by is not None:
                template = _(
                    "{name} recorded {recorded} credits per image for {model} at {resolution} on {date}; "
                    "the prices in use give {page_says}. The recording is used."
                )
            elif from_override:
                template = _(
                    "You recorded {recorded} credits per image for {model} at {resolution} on {date}; "
                    "your override gives {page_says}. Your recording is used."
                )
            else:
                template = _(
                    "You recorded {recorded} credits per image for {model} at {resolution} on {date}; "
                    "ImagineArt's page gives {page_says}. Your recording is used."
                )
            return template.format(
                recorded=number(recorded, style),
                model=model,
                resolution=resolution,
                date=style.date(date),
                page_says=page_says,
                name=by,
            )
        case RecordingsConflict():
            return conflict_words(caveat, style)
        case InferredBaseCost(engine, base):
            return _(
                "{engine}'s base cost of {base} credits per megapixel is inferred from ImagineArt's "
                "example, not stated."
            ).format(engine=engine, base=number(base, style))
        case NoSizeLimitStated(largest, named, batch):
            return size_limit_words(largest, named, batch)


def refusal_words(why: NotAvailable) -> str:
    """Why a model cannot make a setting: "Flux Dev goes up to 1K"."""
    match why:
        case AboveMaximum(model, maximum):
            return _("{model} goes up to {maximum}").format(model=model, maximum=maximum)
        case TierNotNamed(model, tier):
            return _("ImagineArt's page names no {tier} option for {model}").format(tier=tier, model=model)
        case RatioNotOffered(model, ratio):
            return _("{model} has no {ratio} aspect ratio").format(model=model, ratio=ratio)
        case Refused(reason):
            return reason


def fitted_words(fitted: Fitted) -> str:
    """ "Flux Dev goes up to 1K: using 1K." """
    return _("{why}: using {using}.").format(why=refusal_words(fitted.why), using=fitted.using)


def not_available_words(why: NotAvailable) -> str:
    """ "not available: Flux Dev goes up to 1K" """
    return _("not available: {why}").format(why=refusal_words(why))
