"""The line as typed, before argparse reads it: Qt's own options taken out, the first word
found, --lang read first (so the help and every mistake are in its language), and a mistyped
option or command said with a close one, never a window."""

from __future__ import annotations

from collections.abc import Sequence

from imagine_calc.cli.parser import COMMANDS, UsageError, suggestion
from imagine_calc.core.language import LANGUAGES, PSEUDO, _, catalog_for

#: Qt's own command-line options (QGuiApplication and QApplication docs) and whether each takes
#: a value: passed on to Qt untouched; anything else unknown is a usage error.
QT_OPTIONS = {
    "-platform": True,
    "-platformpluginpath": True,
    "-platformtheme": True,
    "-plugin": True,
    "-qmljsdebugger": True,
    "-qwindowgeometry": True,
    "-qwindowicon": True,
    "-qwindowtitle": True,
    "-reverse": False,
    "-session": True,
    "-style": True,
    "-stylesheet": True,
    "-widgetcount": False,
    "-display": True,
    "-geometry": True,
    "-name": True,
    "-title": True,
    "-visual": True,
    "-nograb": False,
    "-dograb": False,
    "-sync": False,
}


def split_qt_options(args: Sequence[str]) -> tuple[list[str], list[str]]:
    """(ours, Qt's): Qt's own options and their values, taken out for QApplication."""
    ours: list[str] = []
    qt: list[str] = []
    it = iter(args)
    for arg in it:
        name = arg.split("=")[0]
        if name in QT_OPTIONS:
            qt.append(arg)
            if QT_OPTIONS[name] and "=" not in arg:
                qt.append(next(it, ""))
        else:
            ours.append(arg)
    return ours, qt


#: The options before a command (or FILE), and whether each takes a value.
TOP_OPTIONS = {
    "--lang": True,
    "--override": True,
    "--screenshot": True,
    "--color-scheme": True,
    "--recover": True,
    "--selftest": False,
    "--version": False,
    "--help": False,
    "-h": False,
}


def lang_option(args: Sequence[str]) -> str | None:
    """The language --lang asks for ("de", "pt_BR", "pseudo"), anywhere on the line (it is read
    before the parser, so the help and the mistakes are in it); None without one."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang":
            found = args[i + 1] if i + 1 < len(args) else ""
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    if found is not None and catalog_for(found) is None:
        known = ", ".join([*LANGUAGES, PSEUDO])
        raise UsageError(
            _("imagine-calc: --lang {code}: no such language (languages: {known})").format(
                code=found, known=known
            )
        )
    return found


def unknown_option(args: Sequence[str]) -> str:
    """The line to print for an option before the first word that we do not know, or "". Found
    before argparse runs, which would take the unknown option's value for a command."""
    at = first_word(args)
    for arg in args[:at]:
        name = arg.split("=")[0]
        if arg.startswith("-") and name not in TOP_OPTIONS and arg != "--":
            return _("imagine-calc: unknown option '{name}'").format(name=name) + suggestion(
                name, list(TOP_OPTIONS)
            )
    return ""


def first_word(args: Sequence[str]) -> int | None:
    """The index of the first argument that is neither an option nor an option's value."""
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--":
            return i + 1 if i + 1 < len(args) else None
        elif arg.startswith("-") and arg != "-":
            skip = TOP_OPTIONS.get(arg, False)
        else:
            return i
    return None


def unknown_word(word: str) -> str:
    """What to say about a first word that is neither a command nor an existing file."""
    from imagine_calc.core.text.offline import OFFLINE, is_web_address

    if is_web_address(word):
        return _("imagine-calc: '{word}' is a web address. {offline}").format(word=word, offline=_(OFFLINE))
    close = suggestion(word, COMMANDS)
    if close:
        return _("imagine-calc: unknown command '{word}'").format(word=word) + close
    return _(
        "imagine-calc: '{word}' is not a command, and no such file or folder exists. Commands: "
        "{commands}; see imagine-calc --help"
    ).format(word=word, commands=", ".join(COMMANDS))
