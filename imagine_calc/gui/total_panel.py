"""The total, large, with its breakdown underneath; unknown parts shown as unknown, never 0."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from imagine_calc.core.pricing import GenerationRequest, Quote
from imagine_calc.core.records import Catalog
from imagine_calc.gui import numbers
from imagine_calc.gui.widgets import headline_label


class TotalPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = headline_label("totalLabel", "Total credits", 2.2)
        self.breakdown = QLabel(objectName="breakdownLabel")
        self.breakdown.setWordWrap(True)
        self.breakdown.setAccessibleName("Breakdown of the total")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addWidget(self.breakdown)

    def show_quote(self, catalog: Catalog, req: GenerationRequest, quote: Quote) -> None:
        model = catalog.model(req.model_id)
        self.total.setText(numbers.total(quote))
        lines = []
        for line in quote.lines:
            amount = "<i>unknown</i>" if line.credits is None else numbers.credits(line.credits)
            lines.append(
                f"{escape(line.label)}: <b>{amount}</b> &nbsp;<small>({escape(line.detail)})</small>"
            )
        if not quote.complete:
            lines.append("<b>Unknown:</b> " + "<br>".join(escape(r) for r in quote.unknown_reasons))
        lines += [f"<small>{escape(c)}</small>" for c in quote.caveats]
        self.breakdown.setText("<br>".join(lines))
        settings = (
            f"{model.name} · {req.resolution} · {req.aspect_ratio} · "
            f"{req.images} image{'s' if req.images != 1 else ''} · prompt enhancer "
            f"{'on' if req.prompt_enhancer else 'off'}"
        )
        exact = "" if quote.complete else " (plus unknown parts)"
        self.total.setToolTip(f"{settings}\nTotal: {numbers.total(quote)}{exact}")
        self.total.setAccessibleDescription(f"{settings}. {numbers.total(quote)}{exact}")
