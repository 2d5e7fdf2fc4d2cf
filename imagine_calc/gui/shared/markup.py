"""The only way text reaches Qt's rich text: plain labels and message boxes, escaped markup.

Qt guesses. A QLabel, QToolTip or QMessageBox whose text "might be rich text" renders it as
HTML, and a rich-text document loads `<img src=...>` from disk on the window's thread: a FIFO
there blocks the window forever, /dev/zero eats memory. A model named `Shiny <img src=...>`,
a folder or an estimate label can carry one. PySide6 has no application-wide resource
provider, so the guess itself is taken away:

- `Html` is markup we wrote. Only `escape`, `fill` and `join` here make one, and they escape
  every piece of text they are given that is not already `Html`. mypy refuses a plain `str`
  where `Html` is asked for; at run time a plain `str` given to a rich widget is escaped.
- Labels are `plain_label` (never rich) or `RichLabel` (always rich, its text escaped unless
  `Html`). Message boxes come from `message_box`: plain unless given `Html`.
- Tooltips are always rich text made by `tooltip` (Qt wraps only rich tooltips), with what
  they say escaped.
- Our text browsers (`SafeBrowser`) load no resource at all.

`tests/gui/test_outside_text.py` checks that no widget shows text another way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QLabel, QTextBrowser, QToolTip, QWidget

from imagine_calc.core.outside_text import readable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class Html(str):
    """Markup made by this module: any outside text inside it has been escaped."""

    __slots__ = ()


def escape(text: str) -> Html:
    """`text` as rich text that shows exactly those characters (line breaks kept); `Html` as is.

    The replacements are `html.escape(text, quote=True)`'s, in its order (`&` first): importing
    `html` builds its table of 2,231 named entities, ~2 ms of every start, for none of them.
    tests/gui/shared/test_markup.py holds the two equal on any text."""
    if isinstance(text, Html):
        return text
    said = readable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Html(said.replace('"', "&quot;").replace("'", "&#x27;").replace("\n", "<br>"))


def fill(template: str, *parts: str) -> Html:
    """Our own markup `template` with each `{}` filled by a part, escaped unless `Html`:
    fill("<b>{}</b>: {}", name, price)."""
    return Html(template.format(*(escape(p) for p in parts)))


def join(separator: str, parts: Iterable[str]) -> Html:
    """`parts`, each escaped unless `Html`, with our own markup `separator` between them."""
    return Html(separator.join(escape(p) for p in parts))


#: What every tooltip starts with: it makes Qt take the tooltip as rich text (so it wraps it)
#: whatever the text, and tells a test that the tooltip was made here.
TOOLTIP_START = "<qt>"


def tooltip(text: str) -> str:
    """A tooltip that says `text` (escaped unless `Html`) and wraps; "" for none."""
    if not text:
        return ""
    return TOOLTIP_START + escape(text) + "</qt>"


def show_tooltip(at: QPoint, text: str, widget: QWidget) -> None:
    """Show `text` now as `tooltip()` words it: for a part of a cell with a tooltip of its own."""
    QToolTip.showText(at, tooltip(text), widget)


def plain_label(text: str = "", **properties: Any) -> QLabel:
    """A label that shows its text exactly as given, whatever it looks like."""
    return PlainLabel(text, **properties)


class PlainLabel(QLabel):
    """`plain_label`'s kind, for a label with behaviour of its own to build on."""

    def __init__(self, text: str = "", **properties: Any) -> None:
        super().__init__(**properties)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


class RichLabel(QLabel):
    """A label of our own markup: `setText` escapes anything that is not `Html`."""

    def __init__(self, text: str = "", **properties: Any) -> None:
        super().__init__(**properties)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(escape(text))


class SafeBrowser(QTextBrowser):
    """A read-only rich-text view that loads nothing from disk or anywhere else: an `<img>` in
    its text is drawn as a missing image, at once."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None

    def setHtml(self, text: str) -> None:
        super().setHtml(escape(text))


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton | None = None,
    default: QMessageBox.StandardButton | None = None,
    informative: str = "",
) -> QMessageBox:
    """A message box showing `text` (and `informative` under it) as plain text, or as rich text
    when both are `Html`."""
    from PySide6.QtWidgets import QMessageBox  # here: the class costs every start 4 ms

    ok = QMessageBox.StandardButton.Ok
    box = QMessageBox(icon, title, "", ok if buttons is None else buttons, parent)
    box.setProperty("markup", True)  # made here: tests/gui/test_outside_text.py looks for it
    rich = isinstance(text, Html) and (not informative or isinstance(informative, Html))
    box.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    box.setText(text if rich else text.replace("\0", ""))
    if informative:
        box.setInformativeText(informative)
    if default is not None:
        box.setDefaultButton(default)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning: what went wrong, in the user's words, never as markup."""
    from PySide6.QtWidgets import QMessageBox

    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """A question with standard buttons; the button pressed (Escape gives the escape button)."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(parent, QMessageBox.Icon.Question, title, text, buttons, default)
    return QMessageBox.StandardButton(box.exec())
