"""Resolution, aspect ratio, images and prompt enhancer; each option shows what it would change.

The panel only emits what the user chose and shows a GenerateView: it prices nothing. Filling
the controls happens under signal blockers, so showing a view never echoes back as a change.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
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
from imagine_calc.core.pricing.generate_view import GenerateView
from imagine_calc.core.text import settings as words
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import plain_label, tooltip

ValueRole = Qt.ItemDataRole.UserRole + 1


class SettingsPanel(QGroupBox):
    """Emits `changed(resolution, aspect ratio, images, enhancer)` whenever the user changes a
    control: what the controls say, which the tab applies to the model in use. The panel keeps
    no request of its own."""

    changed = Signal(object, object, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Settings", parent)
        self._shown = False

        self.resolution = QComboBox(objectName="resolutionCombo")
        self._resolutions = QStandardItemModel(self.resolution)
        self.resolution.setModel(self._resolutions)
        self.aspect = QComboBox(objectName="aspectCombo")
        self.images = QSpinBox(objectName="imagesSpin")
        self.images.setRange(1, 4)
        self.images_hint = plain_label(objectName="imagesHint")
        self.resolution_hint = plain_label(objectName="resolutionHint")
        for hint in (self.images_hint, self.resolution_hint):
            # Their text changes with every setting: a size hint that follows it would re-lay
            # out and repaint the whole box (~2 ms a change). Their room is the column's width.
            hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            hint.setMinimumHeight(hint.fontMetrics().height())
        self.enhancer = QCheckBox("&Prompt enhancer", objectName="promptEnhancerCheck")
        self.notice = plain_label(objectName="fallbackNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.resolution.setAccessibleName("Resolution")
        self.aspect.setAccessibleName("Aspect ratio")
        self.images.setAccessibleName("Number of images")
        self.enhancer.setAccessibleName("Prompt enhancer")
        self.resolution.setToolTip(
            tooltip("Output resolution (Alt+R). Each option shows how the total would change.")
        )
        self.aspect.setToolTip(tooltip("Aspect ratios this model offers (Alt+A)"))

        form = QFormLayout(self)
        for text, widget in (
            ("&Resolution", self.resolution),
            ("&Aspect ratio", self.aspect),
            ("&Images", self.images),
        ):
            label = plain_label(text)
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

    def show_view(self, catalog: Catalog, view: GenerateView) -> None:
        """Fill the controls for `view` (its request is valid for its model)."""
        req = view.request
        self._shown = True
        model = catalog.model(req.model_id)
        style = locale_numbers.style()
        blockers = [QSignalBlocker(w) for w in (self.resolution, self.aspect, self.images, self.enhancer)]
        self._fill_resolution(view)
        if [self.aspect.itemData(i) for i in range(self.aspect.count())] != list(model.aspect_ratios):
            self.aspect.clear()
            for ratio in model.aspect_ratios:
                self.aspect.addItem(ratio, ratio)
        self.aspect.setCurrentIndex(self.aspect.findData(req.aspect_ratio))
        self.images.setRange(catalog.images_min, catalog.images_max)
        self.images.setValue(req.images)
        self.images.setToolTip(tooltip(words.images_tooltip(catalog)))
        self.enhancer.setChecked(req.prompt_enhancer)
        for blocker in blockers:
            blocker.unblock()
        self.images_hint.setText(words.images_hints(view, style))
        self.images_hint.setToolTip(tooltip(self.images_hint.text()))
        enhancer = words.enhancer_option(view, catalog, style)
        self.enhancer.setText(enhancer.text)
        self.enhancer.setToolTip(tooltip(enhancer.tooltip))
        self.notice.setText(words.notices(view))
        self.notice.setVisible(bool(view.notices))

    def _fill_resolution(self, view: GenerateView) -> None:
        model = self._resolutions
        style = locale_numbers.style()
        if model.rowCount() != len(view.resolutions):
            model.clear()
            for _ in view.resolutions:
                model.appendRow(QStandardItem())
        for row, choice in enumerate(view.resolutions):
            item = model.item(row)
            option = words.resolution_option(choice, view, style)
            item.setText(option.text)
            item.setToolTip(tooltip(option.tooltip))
            item.setData(choice.value, ValueRole)
            item.setEnabled(choice.quote is not None)
        self.resolution.setCurrentIndex(self.resolution.findData(view.request.resolution, ValueRole))
        self.resolution_hint.setText(words.resolution_hints(view, style))
        self.resolution_hint.setToolTip(tooltip(self.resolution_hint.text()))

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
