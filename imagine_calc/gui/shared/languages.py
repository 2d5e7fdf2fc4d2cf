"""The window's language: chosen at the start (--lang, else View > Language's choice, else the
system's, as Qt's QLocale.system() reads it), with Qt's own translations for its standard
buttons and dialogs, and the figures of the same locale; View > Language remembers a choice for
the next start (the window is not rebuilt while it runs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from imagine_calc.core import language
from imagine_calc.core.language import _
from imagine_calc.gui.shared import locale_numbers, settings_keys

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from imagine_calc.gui.shared.settings_store import SettingsStore


def system_language() -> str:
    """The language of ours the system asks for (its first with a catalog), or English."""
    return language.choose([language.normalize(c) for c in QLocale.system().uiLanguages()])[0]


def start_language(app: QCoreApplication, store: SettingsStore, requested: str | None = None) -> str:
    """Speak the language `requested` (--lang), else the one View > Language chose, else the
    system's; returns it. A language other than the system's brings its own figures too (German
    chosen on an English system writes "1.040,5"), and Qt's own texts come in it."""
    chosen = requested or store.get(settings_keys.LANGUAGE)
    if chosen == settings_keys.SYSTEM_LANGUAGE:
        spoken = language.set_language(system_language())
    else:
        spoken = language.set_language(chosen)
        system = QLocale.system()
        own = QLocale(language.locale_name() or spoken)
        if spoken != language.PSEUDO and own.language() != system.language():
            QLocale.setDefault(own)
            locale_numbers.forget_default_style()
    _load_qt_translations(app, spoken)
    return spoken


def _load_qt_translations(app: QCoreApplication, spoken: str) -> None:
    """Qt's qtbase_LANG.qm, so its standard buttons (Save, Cancel, Close) and dialogs speak the
    language too; nothing for English or the pseudo-language."""
    if spoken in (language.ENGLISH, language.PSEUDO):
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(spoken), "qtbase", "_", folder):
        app.installTranslator(translator)


def add_view_menu(window: QMainWindow, store: SettingsStore) -> QAction:
    """View > Language: the system's, each language by its own name, and the pseudo-language for
    testers; a choice is remembered and applies at the next start (said in the menu)."""
    view = window.menuBar().addMenu(_("&View"))
    menu = view.addMenu(_("&Language (applies at the next start)"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    chosen = store.get(settings_keys.LANGUAGE)
    system_name = language.LANGUAGES.get(system_language(), "English")
    entries = [
        (settings_keys.SYSTEM_LANGUAGE, _("System language ({name})").format(name=system_name)),
        *language.LANGUAGES.items(),
        (language.PSEUDO, _("Pseudo-language (for testers)")),
    ]
    for code, name in entries:
        action = QAction(name, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == chosen)
        group.addAction(action)
        menu.addAction(action)
        if code == settings_keys.SYSTEM_LANGUAGE:
            menu.addSeparator()

    def choose(action: QAction) -> None:
        store.set(settings_keys.LANGUAGE, str(action.data()))
        store.sync()
        window.statusBar().showMessage(_("The language changes when imagine-calc next starts."), 10000)

    group.triggered.connect(choose)
    return menu.menuAction()
