"""What pricing found, as data: each kind of line, detail, unknown part and caveat is a small
frozen record, and core/text/findings.py alone turns it into words (the window, tooltips, the
command line and every export call it). Nothing in pricing writes a sentence.

A record holds the figures and names a sentence needs, as the catalog gives them: a model's
name and a reason the catalog states are outside text, kept as written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from imagine_calc.core.catalog.records import Observation, UpscaleExample

# --- what a line is (its label) ---------------------------------------------------------------


@dataclass(frozen=True)
class GenerationLabel:
    """ "Nano Banana 2, 2K, 16:9" (", prompt enhancer" when a recorded total includes it)."""

    model: str
    resolution: str
    aspect_ratio: str | None = None
    with_enhancer: bool = False


@dataclass(frozen=True)
class EnhancerLabel:
    """The prompt enhancer's line, by the catalog's name for it."""

    name: str


@dataclass(frozen=True)
class UpscaleLabel:
    """ "Topaz 4×" """

    engine: str
    scale: int


@dataclass(frozen=True)
class UnpriceableLabel:
    """A line of an estimate that cannot be quoted at all (a model gone from the catalog)."""


Label = GenerationLabel | EnhancerLabel | UpscaleLabel | UnpriceableLabel


# --- how a line's figure was found (its detail) -----------------------------------------------


class PriceKind(StrEnum):
    STATED = "stated"
    #: the page's one base price, exact at 1K
    BASE = "base"
    #: the base price at a higher resolution: only the least it costs
    BASE_LOWER = "base_lower"


@dataclass(frozen=True)
class Times:
    """ "2 × 49", "1 × 25 base price", "2 × 28 base price, 2K costs more", "2 × unknown"."""

    images: int
    price: Decimal | None
    kind: PriceKind = PriceKind.STATED
    resolution: str = ""


@dataclass(frozen=True)
class Recorded:
    """A total the user recorded, used as it was made ("observed by you on ..."), or a per-image
    price worked out from one for another number of images (`derived`)."""

    observation: Observation
    images: int = 0
    per_image: Decimal | None = None
    derived: bool = False


@dataclass(frozen=True)
class Surcharge:
    """The enhancer's stated surcharge: per image ("2 × 3") or once per generation."""

    images: int
    price: Decimal
    per_image: bool


@dataclass(frozen=True)
class WorkedOutSurcharge:
    """The enhancer's surcharge as the difference of two recordings, assumed the same here."""

    on: Observation
    off: Observation
    model: str


@dataclass(frozen=True)
class SurchargeUnknown:
    pass


@dataclass(frozen=True)
class FixedPrice:
    """Magnific: a fixed price per scale, whatever the input size."""

    images: int
    price: Decimal


@dataclass(frozen=True)
class PerMegapixel:
    """Topaz: base × megapixels × factor, for one image or a batch."""

    base: Decimal
    megapixels: Decimal
    images: int
    factor: Decimal


@dataclass(frozen=True)
class BaseCostUnknown:
    pass


@dataclass(frozen=True)
class CannotBeQuoted:
    """Why an estimate line cannot be quoted, as the error said it."""

    why: str


@dataclass(frozen=True)
class ModelGone:
    """An estimate's model the prices in use do not have (an override that added it removed)."""

    model_id: str


@dataclass(frozen=True)
class EngineGone:
    engine_id: str


@dataclass(frozen=True)
class ImageRefused:
    """One image of an upscale line the engine cannot take, and the error's words."""

    engine: str
    scale: int
    width: int
    height: int
    why: str


@dataclass(frozen=True)
class BatchOf:
    """An upscale line of several images, each quoted alone (one could not be)."""

    images: int


Detail = (
    Times
    | Recorded
    | Surcharge
    | WorkedOutSurcharge
    | SurchargeUnknown
    | FixedPrice
    | PerMegapixel
    | BaseCostUnknown
    | CannotBeQuoted
    | ModelGone
    | EngineGone
    | ImageRefused
    | BatchOf
)


# --- why a part is unknown (or only a lower bound) --------------------------------------------


@dataclass(frozen=True)
class PriceNotPublished:
    """The catalog has no price for the model; `why` is the catalog's own reason."""

    model: str
    why: str


@dataclass(frozen=True)
class BaseOnlyAbove:
    """A base price used above 1K: the least it costs, the real price not published."""

    model: str
    price: Decimal
    resolution: str


@dataclass(frozen=True)
class EnhancerNotPublished:
    name: str
    why: str


@dataclass(frozen=True)
class EnhancerPerImageUnknown:
    """A surcharge recorded for one image; for several, once or per image is not known."""

    name: str
    images: int


@dataclass(frozen=True)
class EngineBaseUnknown:
    engine: str
    why: str


Unknown = (
    PriceNotPublished
    | BaseOnlyAbove
    | EnhancerNotPublished
    | EnhancerPerImageUnknown
    | EngineBaseUnknown
    | CannotBeQuoted
    | ModelGone
    | EngineGone
    | ImageRefused
)


# --- worth knowing, without changing the figure -----------------------------------------------


@dataclass(frozen=True)
class MaxResolutionUnknown:
    model: str
    resolution: str


@dataclass(frozen=True)
class BasePriceReach:
    """The page: "larger output dimensions cost more" than a base price. The same for every
    model, so an estimate of several says it once."""


class PageSays(StrEnum):
    STATED = "stated"
    BASE = "base"
    BASE_BELOW = "base_below"


@dataclass(frozen=True)
class RecordingDisagrees:
    """A recording contradicts the figure the page (or the user's override) gives."""

    model: str
    recorded: Decimal
    resolution: str
    date: dt.date
    page: Decimal
    says: PageSays
    from_override: bool


@dataclass(frozen=True)
class InferredBaseCost:
    engine: str
    base: Decimal


@dataclass(frozen=True)
class NoSizeLimitStated:
    """No source states an upscale size limit: said of the largest output (width, height)."""

    largest: tuple[int, int]
    named: UpscaleExample | None
    batch: bool


Caveat = MaxResolutionUnknown | BasePriceReach | RecordingDisagrees | InferredBaseCost | NoSizeLimitStated


# --- why a setting cannot be had, and what was used instead -----------------------------------


@dataclass(frozen=True)
class AboveMaximum:
    """ "Flux Dev goes up to 1K" """

    model: str
    maximum: str


@dataclass(frozen=True)
class TierNotNamed:
    """ "ImagineArt's page names no 3K option for Nano Banana 2" """

    model: str
    tier: str


@dataclass(frozen=True)
class RatioNotOffered:
    """ "Flux Dev has no 21:9 aspect ratio" """

    model: str
    ratio: str


@dataclass(frozen=True)
class Refused:
    """Settings the core refused (a QuoteError), as the error said it."""

    why: str


NotAvailable = AboveMaximum | TierNotNamed | RatioNotOffered | Refused


@dataclass(frozen=True)
class Fitted:
    """A saved or chosen setting the model does not offer, and what is used instead."""

    why: NotAvailable
    using: str
