"""The total, large, with its breakdown underneath; unknown parts shown as unknown, never 0."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.catalog import settings_words
from imagine_calc.gui.shared import numbers
from imagine_calc.gui.shared.widgets import TextBlock, headline_label


def breakdown_html(quote: Quote) -> str:
    lines = []
    style = numbers.style()
    for line in quote.lines:
        amount = escape(quotes.line_amount(line, style))
        amount = f"<i>{amount}</i>" if line.credits is None else amount
        lines.append(f"{escape(line.label)}: <b>{amount}</b> &nbsp;<small>({escape(line.detail)})</small>")
    if not quote.complete:
        lines.append("<b>Not known:</b> " + "<br>".join(escape(r) for r in quote.unknown_reasons))
    lines += [f"<small>{escape(c)}</small>" for c in quote.caveats]
    return "<br>".join(lines)


class TotalPanel(QWidget):
    """The breakdown of the total and the note that ImagineArt's Create button has the final
    word. The headline `total` and the `record` action are placed by the tab, above the
    settings; this panel sits below them, so its changing height moves no control."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = headline_label("totalLabel", "Total credits", 2.2)
        # Its text must not widen the column (nor move the settings beside it): it may clip.
        self.total.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.record = QPushButton("ImagineArt sho&wed…", objectName="recordButton")
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
        self.breakdown = TextBlock("breakdown", "Breakdown of the total")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.note)

    def show_view(self, catalog: Catalog, view: GenerateView) -> None:
        """Show the view's total and its breakdown."""
        req, quote = view.request, view.quote
        model = catalog.model(req.model_id)
        style = numbers.style()
        self.total.setText(quotes.long(quote, style))
        self.breakdown.show_html(breakdown_html(quote))
        settings = settings_words(
            model.name, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer
        )
        described = f"{settings}\nTotal: {quotes.long(quote, style)}\nExactly: {quotes.exact(quote, style)}"
        self.total.setToolTip(described)
        self.total.setAccessibleDescription(described.replace("\n", ". "))
