"""What pricing found, as data: each kind of line, detail, unknown part and caveat is a small
frozen record, and core/text/findings.py alone turns it into words (the window, tooltips, the
command line and every export call it). Nothing in pricing writes a sentence.

A record holds the figures and names a sentence needs, as the catalog gives them: a model's
name and a reason the catalog states are outside text, kept as written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from imagine_calc.core.catalog.records import Observation, UpscaleExample
from imagine_calc.core.frozen import Frozen, hot_record, record


class Finding(Frozen):
    """What every finding shares: equal when of one kind with equal fields, hashable, and shown
    by its fields, written once (core/frozen.py) rather than generated for each record: the
    dataclass machinery then writes only __init__ and the frozen guards, which halves what these
    records cost every start (32 records: 21.6 ms to 12.3 ms, Python 3.11)."""

    __slots__ = ()


# --- what a line is (its label) ---------------------------------------------------------------


@hot_record
class GenerationLabel(Finding):
    """ "Nano Banana 2, 2K, 16:9" (", prompt enhancer" when a recorded total includes it)."""

    model: str
    resolution: str
    aspect_ratio: str | None = None
    with_enhancer: bool = False


@record
class EnhancerLabel(Finding):
    """The prompt enhancer's line, by the catalog's name for it."""

    name: str


@record
class UpscaleLabel(Finding):
    """ "Topaz 4×" """

    engine: str
    scale: int


@record
class UnpriceableLabel(Finding):
    """A line of an estimate that cannot be quoted at all (a model gone from the catalog)."""


Label = GenerationLabel | EnhancerLabel | UpscaleLabel | UnpriceableLabel


# --- how a line's figure was found (its detail) -----------------------------------------------


class PriceKind(StrEnum):
    STATED = "stated"
    #: the page's one base price, exact at 1K
    BASE = "base"
    #: the base price at a higher resolution: only the least it costs
    BASE_LOWER = "base_lower"


@hot_record
class Times(Finding):
    """ "2 × 49", "1 × 25 base price", "2 × 28 base price, 2K costs more", "2 × unknown"."""

    images: int
    price: Decimal | None
    kind: PriceKind = PriceKind.STATED
    resolution: str = ""


@record
class Recorded(Finding):
    """A total the user recorded, used as it was made ("observed by you on ..."), or a per-image
    price worked out from one for another number of images (`derived`)."""

    observation: Observation
    images: int = 0
    per_image: Decimal | None = None
    derived: bool = False


@record
class Surcharge(Finding):
    """The enhancer's stated surcharge: per image ("2 × 3") or once per generation."""

    images: int
    price: Decimal
    per_image: bool


@record
class WorkedOutSurcharge(Finding):
    """The enhancer's surcharge as the difference of two recordings, assumed the same here."""

    on: Observation
    off: Observation
    model: str


@record
class SurchargeUnknown(Finding):
    """A line's surcharge the catalog does not know: the line costs at least its known part."""


@record
class FixedPrice(Finding):
    """Magnific: a fixed price per scale, whatever the input size."""

    images: int
    price: Decimal


@record
class PerMegapixel(Finding):
    """Topaz: base × megapixels × factor, for one image or a batch."""

    base: Decimal
    megapixels: Decimal
    images: int
    factor: Decimal


@record
class BaseCostUnknown(Finding):
    """A line whose base cost the catalog does not know: only its surcharges are known."""


@record
class CannotBeQuoted(Finding):
    """Why an estimate line cannot be quoted, as the error said it."""

    why: str


@record
class ModelGone(Finding):
    """An estimate's model the prices in use do not have (an override that added it removed)."""

    model_id: str


@record
class EngineGone(Finding):
    """An upscale line of an engine the prices in use no longer have."""

    engine_id: str


@record
class ImageRefused(Finding):
    """One image of an upscale line the engine cannot take, and the error's words."""

    engine: str
    scale: int
    width: int
    height: int
    why: str


@record
class BatchOf(Finding):
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


@record
class PriceNotPublished(Finding):
    """The catalog has no price for the model; `why` is the catalog's own reason."""

    model: str
    why: str


@record
class BaseOnlyAbove(Finding):
    """A base price used above 1K: the least it costs, the real price not published."""

    model: str
    price: Decimal
    resolution: str


@record
class EnhancerNotPublished(Finding):
    """The prompt enhancer's price is not published; `why` is the catalog's note."""

    name: str
    why: str


@record
class EnhancerPerImageUnknown(Finding):
    """A surcharge recorded for one image; for several, once or per image is not known."""

    name: str
    images: int


@record
class EngineBaseUnknown(Finding):
    """An upscale engine with no known base cost; `why` is the catalog's note."""

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


@record
class MaxResolutionUnknown(Finding):
    """A model whose largest resolution is not known: the one asked for may not be offered."""

    model: str
    resolution: str


@record
class BasePriceReach(Finding):
    """The page: "larger output dimensions cost more" than a base price. The same for every
    model, so an estimate of several says it once."""


class PageSays(StrEnum):
    STATED = "stated"
    BASE = "base"
    BASE_BELOW = "base_below"


@record
class RecordingDisagrees(Finding):
    """A recording contradicts the figure the page (or the user's override) gives."""

    model: str
    recorded: Decimal
    resolution: str
    date: dt.date
    page: Decimal
    says: PageSays
    from_override: bool
    #: A teammate's name when the recording is theirs (a shared folder), else None.
    by: str | None = None


@record
class RecordingsConflict(Finding):
    """Recordings for the same settings that give different totals (the user's and a teammate's,
    or two teammates'): the one used (the newest) and the others, each with who and when. Never
    merged: every one is shown. `tie`: another was made the same day, so the user's own is used,
    else the first name in alphabetical order."""

    model: str
    used: Observation
    others: tuple[Observation, ...]
    tie: bool


@record
class InferredBaseCost(Finding):
    """An engine's per-megapixel base cost worked out from ImagineArt's example, not stated."""

    engine: str
    base: Decimal


@record
class NoSizeLimitStated(Finding):
    """No source states an upscale size limit: said of the largest output (width, height)."""

    largest: tuple[int, int]
    named: UpscaleExample | None
    batch: bool


Caveat = (
    MaxResolutionUnknown
    | BasePriceReach
    | RecordingDisagrees
    | RecordingsConflict
    | InferredBaseCost
    | NoSizeLimitStated
)


# --- why a setting cannot be had, and what was used instead -----------------------------------


@record
class AboveMaximum(Finding):
    """ "Flux Dev goes up to 1K" """

    model: str
    maximum: str


@record
class TierNotNamed(Finding):
    """ "ImagineArt's page names no 3K option for Nano Banana 2" """

    model: str
    tier: str


@record
class RatioNotOffered(Finding):
    """ "Flux Dev has no 21:9 aspect ratio" """

    model: str
    ratio: str


@record
class Refused(Finding):
    """Settings the core refused (a QuoteError), as the error said it."""

    why: str


NotAvailable = AboveMaximum | TierNotNamed | RatioNotOffered | Refused


@record
class Fitted(Finding):
    """A saved or chosen setting the model does not offer, and what is used instead."""

    why: NotAvailable
    using: str
