"""Help > About: versions, the catalog's as-of date and age, and where the override file lives."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from imagine_calc import __version__
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.text.catalog import age


def about_html(loaded: LoadedCatalog) -> str:
    cat = loaded.catalog
    state = (
        "active"
        if loaded.override_active
        else "invalid, not used"
        if loaded.override_error
        else "not created yet"
    )
    return (
        f"<h3>imagine-calc {escape(__version__)}</h3>"
        "<p>An offline calculator for ImagineArt image credits. It never connects to the network."
        "<br>Free software under the MIT licence.</p>"
        f"<p>Price catalog <b>{escape(cat.version)}</b>, prices as of <b>{cat.as_of.isoformat()}</b> "
        f"({age(cat.age_days())}).<br>Source: {escape(cat.source.title)} ({escape(cat.source.url)})."
        "<br>ImagineArt's own tooltip is always the final word on a price.</p>"
        f"<p>Your override file ({state}):<br><code>{escape(str(loaded.override_path))}</code></p>"
    )


def show_about(parent: QWidget, loaded: LoadedCatalog) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About imagine-calc")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html(loaded))
    if not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    # Parented now: handed to addButton alone, the button was freed with its Python wrapper
    # when this function returned, and the box showed only Close.
    open_folder = QPushButton("Open override folder", box)
    open_folder.setToolTip("Open the folder where your override file lives (it is created if needed)")
    box.addButton(open_folder, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)

    def reveal() -> None:
        folder = loaded.override_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    open_folder.clicked.connect(reveal)
    box.setModal(False)
    box.show()
    return box
