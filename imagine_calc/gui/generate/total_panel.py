"""The total, large, with its breakdown underneath; unknown parts shown as unknown, never 0."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.language import _
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.breakdown import breakdown
from imagine_calc.core.text.settings import total_description
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import Html, RichLabel, fill, join, tooltip
from imagine_calc.gui.shared.per_view import PerView
from imagine_calc.gui.shared.widgets import TextBlock, headline_label


def breakdown_html(quote: Quote) -> Html:
    """core/text's breakdown of `quote`, set out: a row per line, what is not known, notes."""
    said = breakdown(quote, locale_numbers.style())
    lines = []
    for row in said.rows:
        shown = fill("<i>{}</i>", row.amount) if row.unknown else row.amount
        lines.append(fill("{}: <b>{}</b> &nbsp;<small>({})</small>", row.label, shown, row.detail))
    if said.not_known:
        lines.append(fill(_("<b>Not known:</b> {}"), join("<br>", said.not_known)))
    lines += [fill("<small>{}</small>", c) for c in said.notes]
    return join("<br>", lines)


class TotalPanel(QWidget):
    """The breakdown of the total and the note that ImagineArt's Create button has the final
    word. The headline `total` and the `record` action are placed by the tab, above the
    settings; this panel sits below them, so its changing height moves no control."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = headline_label("totalLabel", _("Total credits"), 2.2)
        # Its text must not widen the column (nor move the settings beside it): it may clip.
        self.total.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.record = QPushButton(_("ImagineArt sho&wed…"), objectName="recordButton")
        self.record.setToolTip(
            tooltip(
                _(
                    "Type the total ImagineArt's Create button shows for these settings: it is used from "
                    "now on, marked as observed by you"
                )
            )
        )
        self.record.setAccessibleName(_("Record what ImagineArt showed"))
        self.note = RichLabel(
            fill(
                "<small>{}</small>",
                _(
                    "ImagineArt's Create button shows the definitive cost of your exact settings; "
                    "larger sizes may cost more."
                ),
            ),
            objectName="definitiveNote",
        )
        self.note.setWordWrap(True)
        self.breakdown = TextBlock("breakdown", _("Breakdown of the total"))
        self._model_id = ""  # whose breakdown is shown
        #: Each view's total, breakdown and description, worded once: the session shows a view
        #: again for settings gone through a moment ago.
        self._words = PerView(self._words_of)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.note)

    def show_view(self, catalog: Catalog, view: GenerateView) -> None:
        """Show the view's total and its breakdown."""
        total, html, described = self._words(view, catalog)
        self.total.setText(total)
        # Settings changes of one model keep the breakdown's room (the enhancer's note takes five
        # lines): the details below stay put, and are not laid out and repainted at each change.
        model_id = view.request.model_id
        self.breakdown.show_html(html, keep_height=model_id == self._model_id)
        self._model_id = model_id
        self.total.setToolTip(tooltip(described))
        self.total.setAccessibleDescription(described.replace("\n", ". "))

    def _words_of(self, view: GenerateView, catalog: Catalog) -> tuple[str, Html, str]:
        """The total, its breakdown and its description (the tooltip's lines)."""
        style = locale_numbers.style()
        name = catalog.model(view.request.model_id).name
        described = total_description(view, name, style)
        return quotes.long(view.quote, style), breakdown_html(view.quote), described
