"""Every tab and dialog in the pseudo-language and in each language with a catalog (German the
longest): no text a person reads is missing from the catalog, and none is wider than its widget.

The pseudo-language brackets every translated text ("[Ŝéţţîñĝš~~]", about 40% longer): a text
outside brackets, once model names, figures and the user's own words are taken out, was never
translated. In a real language a text that reads exactly as its English source, where the
translation differs, was built before the language was chosen or not marked. Clipped: a label, button, check
box, tab title, group box title, column header, placeholder or a closed combo box's text that
needs more width than its widget has (a word-wrapped label: more height).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from imagine_calc.core import language
from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.estimates.estimate import GenerationItem
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.prices.sharing_dialog import open_sharing
from imagine_calc.gui.shared import languages, locale_numbers
from imagine_calc.gui.shared.settings_store import SettingsStore
from tests.credits_pages import with_price
from tests.gui.shown import visible
from tests.images import write_image
from tests.studio import TITLE, write_studio

#: The pseudo-language, then every language with a catalog (German, the longest, among them).
LANGS = [language.PSEUDO, *sorted(set(language.LANGUAGES) - {language.ENGLISH})]
#: Qt's own words, which Qt translates (qtbase_LANG.qm), not our catalog; none for the pseudo one.
QT_WORDS = {"OK", "Cancel", "Close", "Save", "Apply", "Discard", "Open", "Yes", "No"}
#: The user's name as teammates see it (File > Shared prices folder).
TEAMMATE = "Carla Mendes"
#: Words of ours that are the same in English and German, or names (never translated).
SAME = {"ImagineArt", "imagine-calc", "Credits", "Budget", "Plan", "MP", "Engine", "JSON", "CSV", "Markdown"}


@pytest.fixture
def started(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Start in a language as the app does; then as the suite runs (English, its locale)."""
    before = QLocale()

    def start(code: str) -> None:
        languages.start_language(qapp, SettingsStore(), code)

    yield start
    QLocale.setDefault(before)
    locale_numbers.forget_default_style()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)


def full_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """A window showing what each tab can show: quotes with a failed file, an estimate with a
    balance (budget, bar, subtotals), the detail pane."""
    window = MainWindow(load_with_override(), SettingsStore())
    qtbot.addWidget(window)
    window.resize(980, 640)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_upscale()
    photo = write_image(tmp_path / "photo.png", 1920, 1080)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    panel.add_paths([str(photo), str(tmp_path / "broken.png")])
    assert panel.wait_until_read()
    estimate = window.estimates.show()
    request = GenerationRequest("nano-banana-pro", "4K", None, 4, False)
    estimate.add(
        [GenerationItem(request, 20, "Hero images"), GenerationItem(GenerationRequest("z-image-turbo"), 60)]
    )
    estimate.budget_box.top_up.setValue(3000)
    return window


def shown_widgets(top: QWidget) -> list[QWidget]:
    return [w for w in [top, *top.findChildren(QWidget)] if w.isVisible()]


def texts(top: QWidget) -> list[tuple[QWidget, str]]:
    """Every text a person reads in `top` as it is: labels, buttons, boxes, tabs, headers, the
    table cells in view, placeholders, tooltips, the window's title."""
    found: list[tuple[QWidget, str]] = [(top, top.windowTitle())]
    for w in shown_widgets(top):
        if isinstance(w, QLabel):
            found.append((w, visible(w.text()) if w.textFormat() != Qt.TextFormat.PlainText else w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((w, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((w, w.title()))
        elif isinstance(w, QComboBox):
            found += [(w, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            found.append((w, w.placeholderText()))
        elif isinstance(w, QTabBar):
            found += [(w, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            found += [
                (w, str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount())
            ]
            for row in range(min(model.rowCount(), 20)):
                for col in range(model.columnCount()):
                    found.append((w, str(model.index(row, col).data() or "")))
        if w.toolTip():
            found.append((w, visible(w.toolTip())))
    return [(w, t) for w, t in found if t.strip()]


def menu_texts(window: MainWindow) -> list[str]:
    out = []
    for menu in window.menuBar().findChildren(QMenu):
        out += [menu.title(), *(a.text() for a in menu.actions() if not a.isSeparator())]
    return [t for t in out if t]


BRACKETED = re.compile(r"\[[^\[\]]*\]")
#: Keys as Qt names them (its own words): Ctrl+Shift+O, F1, Del.
KEYS = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+\S+|\bF\d+\b|\bDel(?:ete)?\b")
FIGURES = re.compile(r"[\d.,:×x≈≥±+\-—–?%/()·•;'\"]+")


def names(window: MainWindow, tmp_path: Path) -> list[str]:
    """What is never translated: names of models and engines, the user's own labels and files,
    paths, the catalog's version and its source's title and address."""
    catalog = window.session.catalog
    out = [m.name for m in catalog.models] + [e.name for e in catalog.engines]
    out += [m.id for m in catalog.models] + [
        "Hero images",
        "photo.png",
        "broken.png",
        str(tmp_path),
        TEAMMATE,
    ]
    out += [
        catalog.version,
        catalog.source.title,
        catalog.source.url,
        str(window.session.loaded.override_path),
    ]
    # The catalog's own words: descriptions and reasons transcribed from ImagineArt's page, data
    # a user's override may change, as model names are.
    out += [m.description for m in catalog.models]
    out += [why for m in catalog.models for why in (*m.unknown.values(), *m.inferred.values())]
    out += [*catalog.prompt_enhancer.unknown.values(), "page.md"]
    # A damaged header's own detail, after its translated headline (core/images/image_size.py).
    out += ["it ends inside its chunks"]
    # Names of formats, currencies and of each language in itself.
    out += ["CSV", "Markdown", "JSON", "EUR", *language.LANGUAGES.values()]
    return sorted(out, key=len, reverse=True)


def untranslated_pseudo(text: str, keep: list[str]) -> str:
    """What is left of `text` outside the pseudo-language's brackets, names and figures; "" when
    every word came from the catalog."""
    while BRACKETED.search(text):
        text = BRACKETED.sub(" ", text)
    text = KEYS.sub(" ", text)
    for name in keep:
        text = text.replace(name, " ")
    text = text.replace("&", "")
    for word in QT_WORDS | {
        "imagine-calc",
        "1K",
        "2K",
        "3K",
        "4K",
        "Alt",
        "Ctrl",
        "Delete",
        "Up",
        "Down",
        "Del",
    }:
        text = re.sub(rf"\b{re.escape(word)}\b", " ", text)
    text = FIGURES.sub(" ", text)
    return " ".join(w for w in text.split() if any(c.isalpha() for c in w))


def english_sources(code: str) -> dict[str, str]:
    """English texts whose translation differs: one shown as is was not translated."""
    po = language.locale_dir() / code / "LC_MESSAGES" / "imagine_calc.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    out = {}
    for m in catalog:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for source, text in zip(ids, strings, strict=False):
            plain = source.replace("&", "")
            if source and "{" not in source and text.replace("&", "") != plain and plain not in SAME:
                out[plain] = text
    return out


def clipped(w: QWidget) -> str | None:
    """Why `w`'s own text does not fit it, or None."""
    metrics, room = w.fontMetrics(), w.contentsRect().width()
    if isinstance(w, QLabel) and w.text():
        if w.wordWrap():
            if w.heightForWidth(w.width()) > w.height() + 1:
                return f"needs {w.heightForWidth(w.width())} px of height, has {w.height()}"
        elif w.sizePolicy().horizontalPolicy().name != "Ignored":  # those may clip by design
            need = w.sizeHint().width()
            if need > w.width() + 1:
                return f"needs {need} px, has {w.width()}"
    elif isinstance(w, QCheckBox | QAbstractButton) and w.text():
        if w.sizeHint().width() > w.width() + 1:
            return f"needs {w.sizeHint().width()} px, has {w.width()}"
    elif isinstance(w, QGroupBox) and w.title():
        if metrics.horizontalAdvance(w.title()) + 16 > w.width():
            return "title wider than the box"
    elif isinstance(w, QComboBox) and w.currentText():
        option = QStyleOptionComboBox()
        w.initStyleOption(option)
        field = w.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, w
        )
        if metrics.horizontalAdvance(w.currentText()) > field.width() + 1:
            return f"{w.currentText()!r} wider than its field ({field.width()} px)"
    elif isinstance(w, QLineEdit) and w.placeholderText() and not w.text():
        if metrics.horizontalAdvance(w.placeholderText()) > room - 8:
            return f"placeholder {w.placeholderText()!r} wider than the field"
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            if w.tabSizeHint(i).width() > w.tabRect(i).width() + 1:
                return f"tab {w.tabText(i)!r} cut"
    elif isinstance(w, QAbstractItemView) and hasattr(w, "horizontalHeader"):
        header = w.horizontalHeader()  # type: ignore[attr-defined]  # QTableView's, checked by hasattr
        for c in range(header.count()):
            if (
                not header.isSectionHidden(c)
                and header.sectionSizeFromContents(c).width() > header.sectionSize(c) + 1
            ):
                return f"header {header.model().headerData(c, Qt.Orientation.Horizontal)!r} cut"
    return None


def dialogs(window: MainWindow, tmp_path: Path) -> Iterator[QWidget]:
    """Each dialog the window opens, shown; closed after it is looked at."""
    window.show_about()
    about = window.findChild(QWidget, "aboutBox")
    assert about is not None
    yield about
    about.close()
    shortcuts = window.show_shortcuts()
    yield shortcuts
    shortcuts.close()
    sharing = open_sharing(
        window, window.session, window.shared_watch
    )  # with the reason a name is refused shown
    sharing.folder.setText(str(tmp_path))
    sharing.name.setText("x" * 99)
    sharing.accept()
    yield sharing
    sharing.name.setText(TEAMMATE)
    sharing.accept()  # kept: the record dialog offers to share
    assert not sharing.isVisible()
    record = window.generate.recordings.ask(window.session.request)
    assert record.share.isVisible()
    yield record
    record.close()
    page = tmp_path / "page.md"
    page.write_text(with_price("Flux Dev", "7"), encoding="utf-8")
    update = window.update_prices_from(page)
    assert isinstance(update, QDialog)
    yield update
    update.close()


def look(top: QWidget, qtbot: QtBot) -> None:
    top.show()
    qtbot.waitExposed(top)
    for _pass in range(5):  # layouts settle one level per pass
        QCoreApplication.processEvents()


@pytest.mark.parametrize("code", LANGS)
def test_every_tab_and_dialog_speaks_the_language_and_fits(
    code: str, qtbot: QtBot, tmp_path: Path, started: Callable[[str], None]
) -> None:
    started(code)
    window = full_window(qtbot, tmp_path)
    keep = names(window, tmp_path)
    english = english_sources(code) if code != language.PSEUDO else {}
    untranslated: dict[str, str] = {}
    cut: dict[str, str] = {}

    def check(top: QWidget, where: str) -> None:
        look(top, qtbot)
        for w, text in texts(top):
            name = f"{where}: {w.objectName() or type(w).__name__}"
            if code == language.PSEUDO:
                left = untranslated_pseudo(text, keep)
                if left:
                    untranslated[f"{name}: {text!r}"] = left
            else:
                for line in text.replace("&", "").split("\n"):
                    if line.strip() in english:
                        untranslated[f"{name}: {line!r}"] = english[line.strip()]
        for w in shown_widgets(top):
            why = clipped(w)
            if why:
                cut[f"{where}: {w.objectName() or type(w).__name__} ({type(w).__name__})"] = why

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check(window, f"tab {index}")
    show_team_mode(window, tmp_path)
    keep = sorted([*keep, *STUDIO_NAMES, TITLE, "studio-of-five.icalc.json"], key=len, reverse=True)
    check(window, "team mode")
    for dialog in dialogs(window, tmp_path):
        check(dialog, dialog.objectName())
    for text in menu_texts(window):
        if code == language.PSEUDO and untranslated_pseudo(text, keep):
            untranslated[f"menu: {text!r}"] = text
    assert not untranslated, untranslated
    assert not cut, cut


def mnemonics(window: MainWindow) -> list[str]:
    """The Alt+letter of each menu, tab and visible label or button of the window as it shows."""
    out = [
        menu.title()
        for menu in window.menuBar().findChildren(QMenu)
        if menu.menuAction() in window.menuBar().actions()
    ]
    out += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for w in shown_widgets(window.tabs.currentWidget()):
        if (isinstance(w, QLabel) and w.buddy() is not None) or isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QTabBar):  # Your balance | Team
            out += [w.tabText(i) for i in range(w.count())]
    keys = [QKeySequence.mnemonic(t).toString() for t in out]
    return [k for k in keys if k]


@pytest.mark.parametrize("code", ["en", *LANGS[1:]])
def test_no_two_things_in_view_share_an_alt_letter(
    code: str, qtbot: QtBot, tmp_path: Path, started: Callable[[str], None]
) -> None:
    started(code)
    window = full_window(qtbot, tmp_path)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        look(window, qtbot)
        keys = mnemonics(window)
        doubled = sorted({k for k in keys if keys.count(k) > 1})
        assert not doubled, (index, doubled)
    show_team_mode(window, tmp_path)
    look(window, qtbot)
    keys = mnemonics(window)
    assert not sorted({k for k in keys if keys.count(k) > 1}), "team mode"


#: The studio's members and the names its lines give, never translated.
STUDIO_NAMES = ["Chloé", "Ana", "ana", "Ben", "Dev", "Eli", "Zoe"]


def show_team_mode(window: MainWindow, tmp_path: Path) -> None:
    """The Estimate tab's team mode with a studio of five planned (its pool, members, bars)."""
    panel = window.estimates.show()
    panel.document.model.undo_stack.setClean()  # the lines typed by full_window: no question asked
    assert panel.open(write_studio(tmp_path))
    panel.show_mode(True)
