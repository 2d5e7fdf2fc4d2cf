"""Help > About: versions, the catalog's as-of date and age, and where the override file lives."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from imagine_calc import __version__
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.language import _
from imagine_calc.core.text.catalog import age
from imagine_calc.gui.shared import locale_numbers
from imagine_calc.gui.shared.markup import Html, fill, message_box, tooltip


def about_html(loaded: LoadedCatalog) -> Html:
    cat = loaded.catalog
    if loaded.override_active:
        state = _("active")
    else:
        state = _("invalid, not used") if loaded.override_error else _("not created yet")
    return fill(
        _(
            "<h3>imagine-calc {}</h3>"
            "<p>An offline calculator for ImagineArt image credits. It never connects to the network."
            "<br>Free software under the MIT licence.</p>"
            "<p>Price catalog <b>{}</b>, prices as of <b>{}</b> ({}).<br>Source: {} ({})."
            "<br>ImagineArt's own tooltip is always the final word on a price.</p>"
            "<p>Your override file ({}):<br><code>{}</code></p>"
        ),
        __version__,
        cat.version,
        locale_numbers.date(cat.as_of),
        age(cat.age_days(), locale_numbers.style()),
        cat.source.title,
        cat.source.url,
        state,
        str(loaded.override_path),
    )


def show_about(parent: QWidget, loaded: LoadedCatalog) -> QMessageBox:
    box = message_box(
        parent,
        QMessageBox.Icon.NoIcon,
        _("About imagine-calc"),
        about_html(loaded),
        QMessageBox.StandardButton.Close,
    )
    box.setObjectName("aboutBox")
    if not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    # Parented now: handed to addButton alone, the button was freed with its Python wrapper
    # when this function returned, and the box showed only Close.
    open_folder = QPushButton(_("Open override folder"), box)
    open_folder.setToolTip(
        tooltip(_("Open the folder where your override file lives (it is created if needed)"))
    )
    box.addButton(open_folder, QMessageBox.ButtonRole.ActionRole)

    def reveal() -> None:
        folder = loaded.override_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    open_folder.clicked.connect(reveal)
    box.setModal(False)
    box.show()
    return box
