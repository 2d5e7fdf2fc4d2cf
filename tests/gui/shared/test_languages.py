"""The window's language: --lang, else View > Language's choice, else the system's; a language
chosen other than the system's brings its figures (and Qt's own buttons) with it; the menu
remembers a choice for the next start and says so."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from imagine_calc.core import language
from imagine_calc.core.language import _
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import languages, locale_numbers
from imagine_calc.gui.shared import settings_keys as keys
from imagine_calc.gui.shared.settings_store import SettingsStore


@pytest.fixture
def started(qapp: QApplication) -> Iterator[QApplication]:
    """The app as a start leaves it (a locale, Qt's translations), then as it was."""
    before = QLocale()
    yield qapp
    QLocale.setDefault(before)
    locale_numbers.forget_default_style()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)


def qt_cancel() -> str:
    """Qt's own word for a standard Cancel button, in the translations installed."""
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_the_system_language_is_spoken_by_default(
    started: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(languages, "system_language", lambda: "de")
    assert languages.start_language(started, SettingsStore()) == "de"
    assert _("unknown") == "unbekannt"
    assert qt_cancel() == "Abbrechen"


def test_a_language_chosen_in_the_menu_wins_over_the_systems(started: QApplication) -> None:
    store = SettingsStore()
    store.set(keys.LANGUAGE, "de")
    assert languages.start_language(started, store) == "de"
    assert _("Settings") == "Einstellungen"


def test_the_command_lines_lang_wins_over_the_menus_choice(started: QApplication) -> None:
    store = SettingsStore()
    store.set(keys.LANGUAGE, "de")
    assert languages.start_language(started, store, "en") == "en"
    assert _("Settings") == "Settings" and qt_cancel() == "Cancel"


def test_german_chosen_on_another_system_writes_german_figures(started: QApplication) -> None:
    assert QLocale().language() != QLocale.Language.German  # the suite runs under C
    languages.start_language(started, SettingsStore(), "de")
    assert locale_numbers.credits(Decimal("1040.5")) == "1.040,5"
    assert locale_numbers.date_format() == "dd.MM.yyyy"


def test_the_pseudo_language_keeps_the_systems_figures_and_qts_words(started: QApplication) -> None:
    before = QLocale().name()
    assert languages.start_language(started, SettingsStore(), "pseudo") == "pseudo"
    assert QLocale().name() == before and qt_cancel() == "Cancel"
    assert _("Settings").startswith("[")


def language_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().findChild(QMenu, "languageMenu")
    assert menu is not None
    return menu


def test_the_menu_lists_each_language_by_its_own_name_and_says_when_it_applies(
    window: MainWindow,
) -> None:
    menu = language_menu(window)
    assert "next start" in menu.title()
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names[0].startswith("System language (")
    assert names[1:] == [*language.LANGUAGES.values(), "Pseudo-language (for testers)"]
    checked = [a.data() for a in menu.actions() if a.isChecked()]
    assert checked == [keys.SYSTEM_LANGUAGE]


def test_a_choice_is_remembered_for_the_next_start_and_said(qtbot: QtBot, window: MainWindow) -> None:
    german = next(a for a in language_menu(window).actions() if a.data() == "de")
    german.trigger()
    assert SettingsStore().get(keys.LANGUAGE) == "de"  # a new store: what the next start reads
    assert "next starts" in window.statusBar().currentMessage()
    assert _("Settings") == "Settings"  # this window goes on in its language
    again = MainWindow(window.session.loaded, SettingsStore())
    qtbot.addWidget(again)
    shown = [a for a in language_menu(again).actions() if isinstance(a, QAction) and a.isChecked()]
    assert [a.data() for a in shown] == ["de"]
