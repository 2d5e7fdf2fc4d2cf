"""Resolution, aspect ratio, images and prompt enhancer; each option shows what it would change."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.pricing.choices import enhancer_delta, images_options, resolution_options
from imagine_calc.core.pricing.quotes import GenerationRequest
from imagine_calc.gui.shared import numbers

ValueRole = Qt.ItemDataRole.UserRole + 1


def _delta_text(delta: object) -> str:
    if delta is None:
        return "?"
    return numbers.signed(delta) if delta else ""  # type: ignore[arg-type]


class SettingsPanel(QGroupBox):
    """Emits `changed` with the new request whenever the user changes a control."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Settings", parent)
        self._catalog: Catalog | None = None
        self._req: GenerationRequest | None = None
        self._updating = False

        self.resolution = QComboBox(objectName="resolutionCombo")
        self.resolution.setModel(QStandardItemModel(self.resolution))
        self.aspect = QComboBox(objectName="aspectCombo")
        self.images = QSpinBox(objectName="imagesSpin")
        self.images.setRange(1, 4)
        self.images_hint = QLabel(objectName="imagesHint")
        self.resolution_hint = QLabel(objectName="resolutionHint")
        self.enhancer = QCheckBox("Prompt &enhancer", objectName="promptEnhancerCheck")
        self.notice = QLabel(objectName="fallbackNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.resolution.setAccessibleName("Resolution")
        self.aspect.setAccessibleName("Aspect ratio")
        self.images.setAccessibleName("Number of images")
        self.enhancer.setAccessibleName("Prompt enhancer")
        self.resolution.setToolTip("Output resolution (Alt+R). Each option shows how the total would change.")
        self.aspect.setToolTip("Aspect ratios this model offers (Alt+A)")
        self.images.setToolTip("Images per generation (Alt+I); n images cost n times one")

        form = QFormLayout(self)
        for text, widget in (
            ("&Resolution", self.resolution),
            ("&Aspect ratio", self.aspect),
            ("&Images", self.images),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if widget is self.resolution:
                form.addRow("", self.resolution_hint)
        form.addRow("", self.images_hint)
        form.addRow(self.enhancer)
        form.addRow(self.notice)

        self.resolution.currentIndexChanged.connect(self._emit)
        self.aspect.currentIndexChanged.connect(self._emit)
        self.images.valueChanged.connect(self._emit)
        self.enhancer.toggled.connect(self._emit)

    def show_request(self, catalog: Catalog, req: GenerationRequest, notices: tuple[str, ...] = ()) -> None:
        """Fill the controls for `req` (valid for its model) without emitting `changed`."""
        self._catalog, self._req = catalog, req
        model = catalog.model(req.model_id)
        self._updating = True
        try:
            self._fill_resolution(catalog, req)
            if [self.aspect.itemData(i) for i in range(self.aspect.count())] != list(model.aspect_ratios):
                self.aspect.clear()
                for ratio in model.aspect_ratios:
                    self.aspect.addItem(ratio, ratio)
            self.aspect.setCurrentIndex(self.aspect.findData(req.aspect_ratio))
            self.images.setRange(catalog.images_min, catalog.images_max)
            self.images.setValue(req.images)
            self.enhancer.setChecked(req.prompt_enhancer)
            self._fill_hints(catalog, req)
        finally:
            self._updating = False
        self.notice.setText(" ".join(notices))
        self.notice.setVisible(bool(notices))

    def _fill_resolution(self, catalog: Catalog, req: GenerationRequest) -> None:
        model: QStandardItemModel = self.resolution.model()  # type: ignore[assignment]
        options = resolution_options(catalog, req)
        if model.rowCount() != len(options):
            model.clear()
            for _ in options:
                model.appendRow(QStandardItem())
        hints = []
        for row, opt in enumerate(options):
            item = model.item(row)
            if opt.offered and opt.value != req.resolution:
                hints.append(f"{opt.value}: {_delta_text(opt.delta) or '±0'}")
            if opt.offered:
                suffix = "" if opt.value == req.resolution else _delta_text(opt.delta)
                item.setText(f"{opt.value}    {suffix}".rstrip())
                item.setToolTip(
                    f"{opt.value}: total would change by {suffix or '0'}"
                    if opt.value != req.resolution
                    else f"{opt.value} (current)"
                )
            else:
                item.setText(f"{opt.value}    not offered")
                item.setToolTip(opt.reason)
            item.setData(opt.value, ValueRole)
            item.setEnabled(opt.offered)
        self.resolution.setCurrentIndex(self.resolution.findData(req.resolution, ValueRole))
        self.resolution_hint.setText("   ".join(hints) if hints else "the only resolution offered")

    def _fill_hints(self, catalog: Catalog, req: GenerationRequest) -> None:
        opts = {o.value: o for o in images_options(catalog, req)}
        nxt = opts.get(str(req.images + 1))
        prev = opts.get(str(req.images - 1))
        parts = []
        for n, opt in ((req.images - 1, prev), (req.images + 1, nxt)):
            if opt is not None:
                parts.append(f"{n} image{'s' if n != 1 else ''}: {_delta_text(opt.delta)}")
        self.images_hint.setText("   ".join(parts))
        delta = enhancer_delta(catalog, req)
        pe = catalog.prompt_enhancer
        if delta is None:
            self.enhancer.setText("Prompt &enhancer    surcharge unknown")
            self.enhancer.setToolTip(pe.unknown.get("surcharge", "The surcharge is unknown."))
        else:
            self.enhancer.setText(f"Prompt &enhancer    {_delta_text(delta) or '±0'}")
            self.enhancer.setToolTip(
                f"{pe.name}: {numbers.credits(pe.surcharge or Decimal(0))} credits "
                f"{'per image' if pe.applies == 'per_image' else 'per generation'}"
            )

    def _emit(self) -> None:
        if self._updating or self._req is None:
            return
        res = self.resolution.currentData(ValueRole) or self._req.resolution
        req = GenerationRequest(
            self._req.model_id, res, self.aspect.currentData(), self.images.value(), self.enhancer.isChecked()
        )
        self.notice.hide()
        self.changed.emit(req)
