"""'ImagineArt showed …': the user types the total ImagineArt's Create button showed for the
current settings; it is kept as an observed price (see core/observations.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from imagine_calc.core.catalog.records import Catalog, Observation
from imagine_calc.core.language import _

if TYPE_CHECKING:
    from decimal import Decimal
from imagine_calc.core.limits import LimitError
from imagine_calc.core.pricing.observations import parse_observed
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.catalog import settings_words
from imagine_calc.core.text.sharing import share_choice_words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import RichLabel, fill


class RecordDialog(QDialog):
    """Accepts only a valid number of credits; `observation()` is then what to keep."""

    def __init__(
        self,
        catalog: Catalog,
        request: GenerationRequest,
        parent: QWidget | None = None,
        share_as: str | None = None,
    ) -> None:
        """`share_as`: with a shared folder set, the user's name there ("" when not given yet):
        the dialog then offers to share the recording with the team."""
        super().__init__(parent, objectName="recordDialog")
        self.setWindowTitle(_("Record what ImagineArt showed"))
        self.request = request
        name = catalog.model(request.model_id).name
        what = settings_words(
            name,
            request.resolution,
            request.aspect_ratio,
            request.images,
            request.prompt_enhancer,
            locale_numbers.style(),
        )
        intro = RichLabel(
            fill(
                _(
                    "Hover ImagineArt's <b>Create</b> button: it shows the definitive cost of your exact "
                    "settings. Type it here for <b>{}</b>; it is used for "
                    "these settings from now on, marked as observed by you today."
                ),
                what,
            )
        )
        intro.setWordWrap(True)
        self.credits = QLineEdit(
            objectName="recordCredits",
            # TRANSLATORS: an example of credits typed, with the decimal point your language writes
            placeholderText=_("e.g. 73.5"),
        )
        self.credits.setAccessibleName(_("Credits ImagineArt showed"))
        self.error = RichLabel(objectName="recordError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&Credits shown:"), self.credits)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.share = QCheckBox(
            share_choice_words(share_as),
            objectName="recordShare",
        )
        self.share.setVisible(share_as is not None)
        layout.addWidget(self.share)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.credits.textChanged.connect(self._check)
        self._check()
        self.resize(460, self.sizeHint().height())

    def _draft(self, credits: Decimal) -> Observation:
        r = self.request
        return Observation(
            r.model_id, r.resolution, r.aspect_ratio, r.images, r.prompt_enhancer, credits, dt.date.today()
        )

    def _value(self) -> Decimal | None:
        text = self.credits.text()
        if not text.strip():
            self.error.setText("")
            return None
        try:
            value = parse_observed(text, _("The credits"))
        except LimitError as exc:
            self.error.setText(fill("<small>{}</small>", str(exc)))
            return None
        self.error.setText("")
        return value

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self._value() is not None)

    def observation(self) -> Observation | None:
        value = self._value()
        return None if value is None else self._draft(value)
