"""The upscale results table: one row per dropped image.

The total is the core's running UpscaleTotal, kept as rows arrive; a row's own quote is made
when the row is first shown. So 10,000 rows cost nothing to add beyond reading them, and a new
engine or scale re-prices them by adding their sizes again (about 10 ms), not by 10,000 quotes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QImage

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.language import N_, _
from imagine_calc.core.pricing.quotes import Quote, sum_quotes
from imagine_calc.core.pricing.upscale import (
    UpscaleTotal,
    cheaper_upscale,
    megapixels,
    output_size,
    quote_upscale,
)
from imagine_calc.core.session import Part, Session
from imagine_calc.core.text.sizes import megapixels_number, pixels, upscale_words
from imagine_calc.core.text.upscale import image_tooltip
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import tooltip
from imagine_calc.gui.shared.widgets import FlatTableModel, warning_icon

if TYPE_CHECKING:
    from decimal import Decimal

FILE, PIXELS, MP, OUTPUT, CREDITS, CHEAPER = range(6)
HEADERS = (N_("File"), N_("Pixels"), N_("MP"), N_("Output"), N_("Credits"), N_("Cheaper engine"))
Index = QModelIndex | QPersistentModelIndex


class Row:
    """A dropped file (or pasted image): its size or why it has none, and its quote.

    One slotted object per row, holding its size in fields of its own rather than beside it in
    an ImageSize or SizeError: Python's cycle collector walks every row each time it runs in
    full, and for 100,000 rows that took 58 ms as two objects each, 18 ms as one.
    """

    __slots__ = (
        *("path", "key", "thumbnail", "quote", "cheaper", "priced_for"),
        *("sized", "width", "height", "_size_path", "_what", "_why"),
    )

    path: str
    key: str
    thumbnail: QImage | None
    #: The row's quote, or why it has none, at the engine and scale of `priced_for`.
    quote: Quote | str | None
    cheaper: str
    priced_for: int
    #: whether the file has a pixel size, and the size (0 x 0 where it has none)
    sized: bool
    width: int
    height: int

    def __init__(self, path: str, size: ImageSize | SizeError, key: str = "") -> None:
        self.path, self.key = path, key
        self.thumbnail, self.quote, self.cheaper, self.priced_for = None, None, "", -1
        self._size_path = size.path
        self.sized = isinstance(size, ImageSize)
        if isinstance(size, ImageSize):
            self.width, self.height, self._what, self._why = size.width, size.height, size.format, None
        else:
            self.width, self.height, self._what, self._why = 0, 0, size.kind, size.message

    @property
    def size(self) -> ImageSize | SizeError:
        """The size as read, or why there is none (made anew: a row keeps only its fields)."""
        if self._why is None:
            return ImageSize(self._size_path, self.width, self.height, self._what)
        return SizeError(self._size_path, self._what, self._why)

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path


@dataclass(frozen=True)
class Totals:
    """The rows' total as the core sums it, and how many rows it counts."""

    quote: Quote
    quoted: int
    skipped: int
    #: an image is priced under one credit by an inferred formula (see is_small_estimate)
    may_cost_more: bool = False

    @property
    def credits(self) -> Decimal:
        return self.quote.known_total  # the core's sum, for tests and the estimate line


class UpscaleTableModel(FlatTableModel):
    headers = HEADERS

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Row] = []
        #: the rows a thumbnail goes to, by key: only sized rows get one. One Row per key, not a
        #: list (100,000 lists were a third of what the collector walked); `_same_key` holds the
        #: further rows of a file dropped again with "Count duplicates".
        self._by_key: dict[str, Row] = {}
        self._same_key: dict[str, list[Row]] = {}
        self._early_thumbnails: dict[str, QImage] = {}
        self._thumb_timer = QTimer(self, singleShot=True, interval=100)
        self._thumb_timer.timeout.connect(self.flush_thumbnails)
        #: bumped on every change of catalog, engine or scale: rows priced before are stale
        self._pricing = 0
        self._total: UpscaleTotal | None = None
        self._why_none = ""  # why nothing can be quoted (an engine the catalog no longer has)
        self._reprice()
        session.listen(self._session_changed)

    # --- what rows are priced with: the session's, never a copy ---------------------------

    @property
    def catalog(self) -> Catalog:
        return self.session.catalog

    @property
    def engine_id(self) -> str:
        return self.session.upscale.engine_id

    @property
    def scale(self) -> int:
        return self.session.upscale.scale

    # --- changing the rows ---------------------------------------------------------------

    def add_rows(self, rows: list[Row]) -> None:
        if not rows:
            return
        for row in rows:
            self._count(row)
            if row.key and row.sized:
                if self._by_key.setdefault(row.key, row) is not row:
                    self._same_key.setdefault(row.key, []).append(row)
                row.thumbnail = row.thumbnail or self._early_thumbnails.pop(row.key, None)
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def remove_rows(self, numbers_: list[int]) -> None:
        for r in sorted(set(numbers_), reverse=True):
            self.beginRemoveRows(QModelIndex(), r, r)
            row = self.rows.pop(r)
            self.endRemoveRows()
            self._forget(row)
        self._recount()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows.clear()
        self._by_key.clear()
        self._same_key.clear()
        self._early_thumbnails.clear()
        self.endResetModel()
        self._recount()

    def _forget(self, row: Row) -> None:
        """Take a removed row out of the thumbnail keys; a further row of its file takes its place."""
        same = self._same_key.get(row.key, [])
        if self._by_key.get(row.key) is row:
            del self._by_key[row.key]
            if same:
                self._by_key[row.key] = same.pop(0)
        elif row in same:
            same.remove(row)
        if not same:
            self._same_key.pop(row.key, None)

    def _rows_for(self, key: str) -> list[Row]:
        first = self._by_key.get(key)
        return [] if first is None else [first, *self._same_key.get(key, ())]

    def _session_changed(self, parts: frozenset[Part]) -> None:
        """Re-price every row for new prices (an update applied) or another engine or scale."""
        if Part.CATALOG in parts or Part.UPSCALE in parts:
            self._reprice()

    def _reprice(self) -> None:
        self._pricing += 1
        self._recount()
        if self.rows:
            self.dataChanged.emit(self.index(0, OUTPUT), self.index(len(self.rows) - 1, CHEAPER))

    def _recount(self) -> None:
        try:
            self._total = UpscaleTotal(self.catalog, self.engine_id, self.scale)
            self._why_none = ""
        except QuoteError as exc:
            self._total, self._why_none = None, str(exc)
        if self._total is not None:  # one loop, no call per row: 100,000 rows are re-priced at once
            add = self._total.add
            for row in self.rows:
                if row.sized:
                    add(row.width, row.height)

    def _count(self, row: Row) -> None:
        if self._total is not None and row.sized:
            self._total.add(row.width, row.height)

    def set_thumbnail(self, key: str, image: QImage) -> None:
        """Attach a thumbnail; the view is told in one batch (`flush_thumbnails`), not per image.
        One that arrives before its row (rows are added on a timer) waits for it."""
        rows = self._rows_for(key)
        if not rows:
            self._early_thumbnails[key] = image
        for row in rows:
            row.thumbnail = image
        if not self._thumb_timer.isActive():
            self._thumb_timer.start()

    def flush_thumbnails(self) -> None:
        self._thumb_timer.stop()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, FILE), self.index(len(self.rows) - 1, FILE), [Qt.ItemDataRole.DecorationRole]
            )

    def priced(self, row: Row) -> Row:
        """`row` with its quote for the current engine and scale, made now if it is stale."""
        if row.priced_for != self._pricing:
            row.priced_for = self._pricing
            self._price(row)
        return row

    def _price(self, row: Row) -> None:
        size = row.size
        row.cheaper = ""
        if isinstance(size, SizeError):
            row.quote = size.message
            return
        if self._why_none:
            row.quote = self._why_none
            return
        try:
            row.quote = quote_upscale(self.catalog, self.engine_id, self.scale, size.width, size.height)
        except QuoteError as exc:
            row.quote = str(exc)
            return
        best = cheaper_upscale(self.catalog, self.engine_id, self.scale, size.width, size.height, row.quote)
        if best is not None:
            row.cheaper = f"{upscale_words(best[0].name, self.scale)}: {locale_numbers.short(best[1])}"

    def totals(self) -> Totals:
        total = self._total
        if total is None:
            return Totals(sum_quotes([]), 0, len(self.rows))
        return Totals(total.quote(), total.images, len(self.rows) - total.images, total.may_cost_more())

    # --- Qt's model interface -------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.priced(self.rows[index.row()])
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == FILE:
            return row.thumbnail if isinstance(row.quote, Quote) else warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._tooltip(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and col != FILE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: Row, col: int) -> str:
        size = row.size
        if col == FILE:  # a reason on a line of its own, in full (the row is two lines high)
            return row.name if isinstance(row.quote, Quote) else f"{row.name}\n{row.quote}"
        if isinstance(size, SizeError):
            return _("not quoted") if col == CREDITS else ""
        if col == PIXELS:
            return pixels(size.width, size.height)
        if col == MP:
            return megapixels_number(megapixels(size.width, size.height), locale_numbers.style())
        if col == OUTPUT:
            return pixels(*output_size(size.width, size.height, self.scale))
        if col == CREDITS:
            return locale_numbers.short(row.quote) if isinstance(row.quote, Quote) else _("not quoted")
        if col == CHEAPER:
            return row.cheaper
        return ""

    def _tooltip(self, row: Row) -> str:
        return image_tooltip(row.path, row.size, row.quote, locale_numbers.style())
