"""The total, large, with its breakdown underneath; unknown parts shown as unknown, never 0."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.quotes import GenerationRequest, Quote
from imagine_calc.core.text.formatting import line_amount_text
from imagine_calc.gui.shared import numbers
from imagine_calc.gui.shared.widgets import headline_label


def breakdown_html(quote: Quote) -> str:
    lines = []
    for line in quote.lines:
        amount = escape(line_amount_text(line, numbers.credits))
        amount = f"<i>{amount}</i>" if line.credits is None else amount
        lines.append(f"{escape(line.label)}: <b>{amount}</b> &nbsp;<small>({escape(line.detail)})</small>")
    if not quote.complete:
        lines.append("<b>Not known:</b> " + "<br>".join(escape(r) for r in quote.unknown_reasons))
    lines += [f"<small>{escape(c)}</small>" for c in quote.caveats]
    return "<br>".join(lines)


class TotalPanel(QWidget):
    """Keeps the height its model's fullest breakdown needs, so toggling a setting never moves
    the controls under the pointer, and a new total repaints two labels instead of the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = headline_label("totalLabel", "Total credits", 2.2)
        self.record = QPushButton("ImagineArt s&howed…", objectName="recordButton")
        self.record.setToolTip(
            "Type the total ImagineArt's Create button shows for these settings: it is used from "
            "now on, marked as observed by you"
        )
        self.record.setAccessibleName("Record what ImagineArt showed")
        self.note = QLabel(
            "<small>ImagineArt's Create button shows the definitive cost of your exact settings; "
            "larger sizes may cost more.</small>",
            objectName="definitiveNote",
        )
        self.note.setWordWrap(True)
        self.breakdown = QLabel(objectName="breakdownLabel")
        self.breakdown.setWordWrap(True)
        self.breakdown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.breakdown.setAccessibleName("Breakdown of the total")
        self._measure = QLabel()  # never shown: lays out the fullest breakdown to size the real one
        self._measure.setWordWrap(True)
        self._fullest = ""
        self._heights: dict[tuple[str, int], int] = {}  # (html, width) -> height; a model has ~24
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addWidget(self.breakdown)
        definitive = QHBoxLayout()
        definitive.addWidget(self.note, 1)
        definitive.addWidget(self.record, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(definitive)

    def show_quote(
        self, catalog: Catalog, req: GenerationRequest, quote: Quote, fullest: Quote | None = None
    ) -> None:
        """Show `quote`; `fullest` (the model's quote with every option on) is given when the model
        changes, and sets the room the breakdown keeps until the next model."""
        model = catalog.model(req.model_id)
        self.total.setText(numbers.total(quote))
        text = breakdown_html(quote)
        if fullest is not None:
            self._fullest = breakdown_html(fullest)
            self._heights.clear()
        self.breakdown.setText(text)
        self._reserve_height()
        settings = (
            f"{model.name} · {req.resolution} · {req.aspect_ratio} · "
            f"{req.images} image{'s' if req.images != 1 else ''} · prompt enhancer "
            f"{'on' if req.prompt_enhancer else 'off'}"
        )
        exact = "" if quote.complete else " (plus unknown parts)"
        self.total.setToolTip(f"{settings}\nTotal: {numbers.total(quote)}{exact}")
        self.total.setAccessibleDescription(f"{settings}. {numbers.total(quote)}{exact}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._reserve_height()

    def _reserve_height(self) -> None:
        width = self.breakdown.width()
        needed = max(self._height_of(self._fullest, width), self._height_of(self.breakdown.text(), width))
        if needed != self.breakdown.minimumHeight():
            self.breakdown.setMinimumHeight(needed)

    def _height_of(self, html: str, width: int) -> int:
        """Laying out rich text costs ~0.4 ms; each text of a model is measured once per width."""
        key = (html, width)
        if key not in self._heights:
            self._measure.setFont(self.breakdown.font())
            self._measure.setText(html)
            self._heights[key] = self._measure.heightForWidth(width)
        return self._heights[key]
