"""Resolution, aspect ratio, images and prompt enhancer; each option shows what it would change.

The panel only emits what the user chose and shows a GenerateView: it prices nothing. Filling
the controls happens under signal blockers, so showing a view never echoes back as a change.
What the other options would change is said in words where the column has room for them, in
the short form where it has not, and in full sentences in each hint's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.text import settings as words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.kept_looks import KeptLooks
from imagine_calc.gui.shared.markup import PlainLabel, plain_label, tooltip
from imagine_calc.gui.shared.per_view import PerView
from imagine_calc.gui.shared.widgets import mnemonic_keys

ValueRole = Qt.ItemDataRole.UserRole + 1


@record
class PanelWords(Frozen):
    """What the panel says for one view: each resolution's option, each setting's hints, the
    enhancer's tooltip and the settings the model made change."""

    options: tuple[tuple[words.Option, str, bool], ...]
    resolution: words.Hints
    images: words.Hints
    enhancer: words.Hints
    enhancer_tip: str
    notices: str


class HintLabel(PlainLabel):
    """Hints in words where they fit its width in its lines (each option's words whole on a
    line), else in the short form (words cut off would say less than the short form); the
    sentences in its tooltip. Its text changes with every setting: a size hint that followed
    it would re-lay out and repaint the whole box (~2 ms a change), so its room is fixed: the
    column's width, and `lines` lines."""

    def __init__(self, object_name: str, lines: int = 1) -> None:
        super().__init__(objectName=object_name)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.lines = lines
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines)
        self._hints = words.Hints.same("")
        #: Each text's width: measuring one shapes it (~0.1 ms), and the same hints come back.
        self._widths: dict[str, int] = {}
        #: Each text's look as drawn (paintEvent).
        self.looks = KeptLooks(64)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Its look for this text as drawn when the text was set (_keep_look), else QLabel's
        own paint: every change of settings repaints the hints, shaping the text anew (~0.15
        million instructions), and the same few hints come back as the user goes back and
        forth."""
        look = self.looks.shown(self._look_key())
        if look is None:
            super().paintEvent(event)
            return
        with QPainter(self) as painter:
            painter.drawPixmap(0, 0, look)

    def _look_key(self) -> tuple[object, ...]:
        font = self.looks.font_keys.key(self.font())
        ratio = self.devicePixelRatioF()
        palette = self.palette().cacheKey()
        return (self.text(), self.width(), self.height(), palette, font, self.isEnabled(), ratio)

    def _keep_look(self) -> None:
        """Draw the look of the text now, by QLabel's own paint into a pixmap, unless it is
        kept already (a widget cannot be drawn into a pixmap while it is being painted)."""
        if self.isVisible() and self.width() > 0:
            self.looks.keep(self._look_key(), self)

    def sizeHint(self) -> QSize:
        """Its fixed room: the layout ignores the width (Ignored) and fixes the height, so
        QLabel's own hint, which shapes the new text at every change (~0.15 million
        instructions a label), would be measured for nothing."""
        return QSize(0, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def show_hints(self, hints: words.Hints) -> None:
        if hints != self._hints:
            self._hints = hints
            self.setToolTip(tooltip(hints.sentences))
            self.setAccessibleDescription(hints.sentences)
            self._fit()

    def _width(self, text: str) -> int:
        if text not in self._widths:
            if len(self._widths) > 512:
                self._widths.clear()
            self._widths[text] = self.fontMetrics().horizontalAdvance(text)
        return self._widths[text]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.FontChange:
            self._widths.clear()
            self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        for parts in (self._hints.parts, self._hints.short_parts):
            lines = self._packed(parts)
            if lines is not None:
                break
        text = "\n".join(lines) if lines is not None else self._hints.short
        if text != self.text():
            self.setText(text)
        self._keep_look()

    def _packed(self, parts: tuple[str, ...]) -> list[str] | None:
        """`parts` on as few lines as the width allows, each whole; None if they need more."""
        width, advance = self.contentsRect().width(), self._width
        lines: list[str] = []
        for part in parts:
            joined = f"{lines[-1]}{words.GAP}{part}" if lines else part
            if lines and advance(joined) <= width:
                lines[-1] = joined
            elif advance(part) <= width and len(lines) < self.lines:
                lines.append(part)
            else:
                return None
        return lines


class SettingsPanel(QGroupBox):
    """Emits `changed(resolution, aspect ratio, images, enhancer)` whenever the user changes a
    control: what the controls say, which the tab applies to the model in use. The panel keeps
    no request of its own."""

    changed = Signal(object, object, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Settings"), parent)
        self._shown = False
        #: Each view's words, made once: the session shows a view again for settings gone
        #: through a moment ago (~0.4 ms of words and figures a change).
        self._words = PerView(self._words_of)
        #: What the controls were last given: a setter called with what a control already has
        #: still converts it and may send events (a tooltip always does).
        self._given: dict[str, object] = {}

        self.resolution = QComboBox(objectName="resolutionCombo")
        self._resolutions = QStandardItemModel(self.resolution)
        self.resolution.setModel(self._resolutions)
        self.aspect = QComboBox(objectName="aspectCombo")
        self.images = QSpinBox(objectName="imagesSpin")
        self.images.setRange(1, 4)
        # The options' own words can be long: Qt opens the menu as wide as they need, and the
        # box keeps a small minimum width of its own, and so does the window.
        self.resolution.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.resolution.setMinimumContentsLength(4)
        self.images_hint = HintLabel("imagesHint", lines=2)  # one image fewer, one more
        self.resolution_hint = HintLabel("resolutionHint", lines=2)
        self.enhancer_hint = HintLabel("enhancerHint")
        self.enhancer = QCheckBox(_("&Prompt enhancer"), objectName="promptEnhancerCheck")
        self.notice = plain_label(objectName="fallbackNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.resolution.setAccessibleName(_("Resolution"))
        self.aspect.setAccessibleName(_("Aspect ratio"))
        self.images.setAccessibleName(_("Number of images"))
        self.enhancer.setAccessibleName(_("Prompt enhancer"))
        labels = (_("&Resolution"), _("&Aspect ratio"), _("&Images"))
        #: The keys each label's underlined letter gives, as the tooltips name them ("Alt+R").
        self.keys = [mnemonic_keys(text) for text in labels]
        self.resolution.setToolTip(tooltip(words.resolution_tooltip(self.keys[0])))
        self.aspect.setToolTip(tooltip(words.aspect_tooltip(self.keys[1])))

        form = QFormLayout(self)
        for text, widget in zip(labels, (self.resolution, self.aspect, self.images), strict=True):
            label = plain_label(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if widget is self.resolution:
                form.addRow("", self.resolution_hint)
        form.addRow("", self.images_hint)
        form.addRow(self.enhancer)
        form.addRow("", self.enhancer_hint)
        form.addRow(self.notice)

        self.resolution.currentIndexChanged.connect(self._emit)
        self.aspect.currentIndexChanged.connect(self._emit)
        self.images.valueChanged.connect(self._emit)
        self.enhancer.toggled.connect(self._emit)

    def show_view(self, catalog: Catalog, view: GenerateView) -> None:
        """Fill the controls for `view` (its request is valid for its model)."""
        req = view.request
        self._shown = True
        said = self._words(view, catalog)
        model = catalog.model(req.model_id)
        blockers = [QSignalBlocker(w) for w in (self.resolution, self.aspect, self.images, self.enhancer)]
        self._fill_resolution(view, said)
        if self._changed("aspects", model.aspect_ratios):
            self.aspect.clear()
            for ratio in model.aspect_ratios:
                self.aspect.addItem(ratio, ratio)
        self.aspect.setCurrentIndex(self.aspect.findData(req.aspect_ratio))
        if self._changed("range", (catalog.images_min, catalog.images_max)):
            self.images.setRange(catalog.images_min, catalog.images_max)
        self.images.setValue(req.images)
        images_tip = words.images_tooltip(catalog, self.keys[2])
        if self._changed("images tip", images_tip):
            self.images.setToolTip(tooltip(images_tip))
        self.enhancer.setChecked(req.prompt_enhancer)
        for blocker in blockers:
            blocker.unblock()
        self.images_hint.show_hints(said.images)
        self.enhancer_hint.show_hints(said.enhancer)
        if self._changed("enhancer tip", said.enhancer_tip):
            self.enhancer.setToolTip(tooltip(said.enhancer_tip))
        notice = said.notices
        if notice != self.notice.text():  # a new text asks the form to lay out again
            self.notice.setText(notice)
        self.notice.setVisible(bool(view.notices))

    def _changed(self, what: str, value: object) -> bool:
        """Whether `what` is to change to `value` (remembered from now on)."""
        if self._given.get(what, self) == value:
            return False
        self._given[what] = value
        return True

    def _words_of(self, view: GenerateView, catalog: Catalog) -> PanelWords:
        style = locale_numbers.style()
        options = tuple(
            (words.resolution_option(choice, view, style), choice.value, choice.quote is not None)
            for choice in view.resolutions
        )
        return PanelWords(
            options,
            words.resolution_hints(view, style),
            words.images_hints(view, style),
            words.enhancer_hints(view, style),
            words.enhancer_tooltip(view, catalog, style),
            words.notices(view),
        )

    def _fill_resolution(self, view: GenerateView, said: PanelWords) -> None:
        model = self._resolutions
        if model.rowCount() != len(view.resolutions):
            model.clear()
            self._given.pop("resolutions", None)
            for _choice in view.resolutions:
                model.appendRow(QStandardItem())
        options = said.options
        given = self._given.get("resolutions")
        if self._changed("resolutions", options):
            for row, (option, value, enabled) in enumerate(options):
                if isinstance(given, tuple) and given[row] == (option, value, enabled):
                    continue
                item = model.item(row)
                item.setText(option.text)
                item.setToolTip(tooltip(option.tooltip))
                item.setData(value, ValueRole)
                item.setEnabled(enabled)
        self.resolution.setCurrentIndex(self.resolution.findData(view.request.resolution, ValueRole))
        self.resolution_hint.show_hints(said.resolution)

    def _emit(self) -> None:
        if not self._shown:
            return
        self.notice.hide()
        self.changed.emit(
            self.resolution.currentData(ValueRole),
            self.aspect.currentData(),
            self.images.value(),
            self.enhancer.isChecked(),
        )
