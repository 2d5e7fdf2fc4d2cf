"""The drop target: files, folders and image data in; web addresses politely refused."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from imagine_calc.core.language import N_, _
from imagine_calc.core.text.offline import OFFLINE
from imagine_calc.core.text.upscale import addresses_refused, drop_hint
from imagine_calc.gui.shared.markup import RichLabel, fill

IDLE_TEXT = N_(
    "<b>Drop images or folders here</b><br>"
    "<small>or paste with Ctrl+V, or use “Add images…”. Folders are searched for images.</small>"
)


def describe(mime: QMimeData) -> str:
    """What a drop of `mime` would add, for the hint shown while dragging."""
    urls = mime.urls() if mime.hasUrls() else []
    local = sum(u.isLocalFile() for u in urls)
    return drop_hint(local, len(urls) - local, mime.hasImage())


class DropArea(QFrame):
    """Emits `paths_dropped`, `image_dropped` or `refused(message)`."""

    paths_dropped = Signal(list)
    image_dropped = Signal(QImage)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="dropArea")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(70)
        self.setAccessibleName(_("Drop area for images to upscale"))
        self.label = RichLabel(fill(_(IDLE_TEXT)), alignment=Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self._set_active(False)

    def _set_active(self, active: bool) -> None:
        self.setProperty("dragActive", active)
        self.setStyleSheet(
            "#dropArea { border: 2px dashed palette(mid); border-radius: 8px; }"
            '#dropArea[dragActive="true"] { border-color: palette(highlight);'
            " background: palette(alternate-base); }"
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        hint = describe(event.mimeData())
        if hint:
            self.label.setText(fill("<b>{}</b>", hint))
            self._set_active(True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._reset()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._reset()
        if self.accept_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def accept_mime(self, mime: QMimeData) -> bool:
        """Route dropped or pasted data; True if anything was taken."""
        urls = mime.urls() if mime.hasUrls() else []
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        remote = [u.toString() for u in urls if not u.isLocalFile()]
        if local:
            self.paths_dropped.emit(local)
        if remote:  # after the files: adding them clears what an earlier drop said
            self.refused.emit(addresses_refused(len(remote), _(OFFLINE)))
        if local:
            return True
        if not urls and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.image_dropped.emit(image)
                return True
        return False

    def _reset(self) -> None:
        self.label.setText(fill(_(IDLE_TEXT)))
        self._set_active(False)
