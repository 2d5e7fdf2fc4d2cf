"""What a price update found, as data: what each change shows before and after, and the notes
about what the page said that no change shows. core/text/price_update.py words them (the review
dialog, the command line)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PriceShown:
    """A price as a table writes it: one figure (a base price) or a figure per tier; none known
    when empty."""

    prices: tuple[tuple[str, Decimal | None], ...]
    flat: bool


@dataclass(frozen=True)
class ResolutionsShown:
    maximum: str | None
    listed: tuple[str, ...] | None


@dataclass(frozen=True)
class AddedShown:
    price: PriceShown
    resolutions: ResolutionsShown


@dataclass(frozen=True)
class ScalesShown:
    scales: tuple[tuple[int, Decimal], ...]


@dataclass(frozen=True)
class NotOnPage:
    pass


#: What a change shows before or after; a name (a rename) or ratios as the page lists them are text.
Shown = PriceShown | ResolutionsShown | AddedShown | ScalesShown | NotOnPage | tuple[str, ...] | str | None


@dataclass(frozen=True)
class Tenfold:
    """A new price ten times the one in use, or a tenth of it: a typo is likelier; look first."""

    name: str
    page: PriceShown
    in_use: PriceShown
    more: bool


@dataclass(frozen=True)
class RatiosUnreadable:
    name: str


@dataclass(frozen=True)
class GoneFromPage:
    name: str


@dataclass(frozen=True)
class LeftAsItWas:
    """A field of the page this reader could not read (or that would not fit): `why` says."""

    name: str
    field: str
    why: Unreadable


@dataclass(frozen=True)
class ResolutionsLeaveOut:
    """The page's resolutions leave out tiers of the price that stays."""

    page: ResolutionsShown
    price: PriceShown


@dataclass(frozen=True)
class PriceNamesOthers:
    """The page's price names tiers the resolutions that stay leave out."""

    price: PriceShown
    resolutions: ResolutionsShown


#: Why a page's field is left as it was: the reader's own words, or that it would not fit.
Unreadable = str | ResolutionsLeaveOut | PriceNamesOthers


@dataclass(frozen=True)
class OwnPriceKept:
    name: str


@dataclass(frozen=True)
class NewEngine:
    name: str


@dataclass(frozen=True)
class EngineUnreadable:
    name: str
    why: str


Note = (
    str
    | Tenfold
    | RatiosUnreadable
    | GoneFromPage
    | LeftAsItWas
    | OwnPriceKept
    | NewEngine
    | EngineUnreadable
)
