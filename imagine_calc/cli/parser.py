"""The command line's grammar: the window's options, the commands, and a usage error that exits 2.

One parser holds both, so `imagine-calc --help` shows everything and `--color-scheme dark --help`
works. A mistyped command or option is an error with a suggestion, never a window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar, overload

from imagine_calc import __version__
from imagine_calc.core.catalog.records import TIERS

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


class UsageError(Exception):
    """A mistake in the command line: exit 2 with one line on stderr."""


def suggestion(word: str, choices: Sequence[str]) -> str:
    """ " (did you mean 'quote'?)", or "" when nothing is close."""
    import difflib  # only for a mistake: the window's start-up does not pay for it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


#: The command line's commands, in the order --help lists them.
COMMANDS = ("models", "quote", "upscale", "catalog", "estimate", "record", "completion")

_N = TypeVar("_N")


class _Parser(argparse.ArgumentParser):
    """Errors as UsageError with a suggestion; a command's options may come before, between or
    after its arguments (`record "Nano Banana 2" --prompt-enhancer 51`)."""

    _plain = False

    def error(self, message: str) -> NoReturn:
        unknown = re.match(r"unrecognized arguments: (\S+)", message)
        if unknown:  # reported by the top parser for a command's options too: look in all
            word = unknown.group(1).split("=")[0]
            message += suggestion(word, sorted(_option_strings(self)))
        raise UsageError(f"{self.prog}: {message}")

    # argparse's own overloads, so this override keeps its types (a namespace in, the same out).
    @overload
    def parse_known_args(
        self, args: Iterable[str] | None = None, namespace: None = None
    ) -> tuple[argparse.Namespace, list[str]]: ...
    @overload
    def parse_known_args(self, args: Iterable[str] | None, namespace: _N) -> tuple[_N, list[str]]: ...
    @overload
    def parse_known_args(self, *, namespace: _N) -> tuple[_N, list[str]]: ...

    def parse_known_args(
        self, args: Iterable[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        if self._subparsers is not None or self._plain:
            return super().parse_known_args(args, namespace)
        self._plain = True  # parse_known_intermixed_args calls back into this method
        try:
            return self.parse_known_intermixed_args(None if args is None else list(args), namespace)
        finally:
            self._plain = False


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    found = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _option_strings(sub)
    return found


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help that says each option's default, when it has one worth saying."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        said = "%(default)" in text or "default" in text
        if text and not said and action.option_strings and _worth_saying(action.default):
            text += " (default: %(default)s)"
        return text


def _worth_saying(default: object) -> bool:
    """A default that says something: not none, not off, not empty ("(default: )" says nothing)."""
    if default is None or default is False or default == argparse.SUPPRESS:
        return False
    return not (isinstance(default, str | list | tuple | dict | set) and not default)


def _override(parser: argparse.ArgumentParser, top: bool) -> None:
    parser.add_argument(
        "--override",
        metavar="PATH",
        type=Path,
        # Given after a command too; there, leaving it out must not undo one given before.
        default=None if top else argparse.SUPPRESS,
        help="use this override catalog instead of the one in your config folder",
    )


def _scale(text: str) -> int:
    """2, 2x or 2×: messages write scales with the ×, so the command line accepts it."""
    digits = text.strip().rstrip("xX×")
    if not digits.isdigit() or len(digits) > 3:
        raise argparse.ArgumentTypeError(f"not a scale: {text!r} (write 2, 2x or 2×)")
    return int(digits)


def _count(text: str) -> int:
    if not text.strip().isdigit() or len(text.strip()) > 9:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    return int(text)


def _date(text: str) -> Any:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def build_parser(
    engines: Sequence[tuple[str, Sequence[int]]] = (), commands: bool = True
) -> argparse.ArgumentParser:
    """The whole grammar, or without `commands` only the window's (11 ms less to start the
    window). `engines` (id, scales) of the catalog in use are named in the help."""
    parser = _Parser(
        prog="imagine-calc",
        usage="imagine-calc [OPTIONS] [FILE]\n       imagine-calc COMMAND [OPTIONS] ...",
        formatter_class=_Help,
        description=(
            "Offline calculator for ImagineArt image credits.\n\n"
            "With no command it opens the window. FILE, if given, is a saved estimate\n"
            "(.icalc.json) to open, or an image or folder to quote for upscaling."
        ),
        epilog="Run `imagine-calc COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"imagine-calc {__version__}")
    _override(parser, top=True)
    window = parser.add_argument_group("the window")
    window.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        default="system",
        help="light or dark colours; system follows the desktop",
    )
    window.add_argument(
        "--screenshot",
        metavar="PNG",
        type=Path,
        help="draw the window offscreen (as it would open, with FILE if given) into PNG and exit",
    )
    window.add_argument("--recover", metavar="ID", help=argparse.SUPPRESS)  # see offer_recovery
    window.add_argument(
        "--selftest",
        action="store_true",
        help="check the catalog, quoting, image reading and the window offscreen; exit 0 if all work",
    )
    if not commands:
        return parser
    sub = parser.add_subparsers(
        dest="command", parser_class=_Parser, title="commands", metavar="COMMAND", prog="imagine-calc"
    )

    def command(name: str, help_text: str, **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, formatter_class=_Help, **kw)
        _override(p, top=False)
        return p

    def generation_options(p: argparse.ArgumentParser, was: str = "") -> None:
        p.add_argument(
            "--resolution",
            default="1K",
            type=str.upper,
            choices=TIERS,
            metavar="|".join(TIERS),
            help=f"the resolution tier{was}",
        )
        p.add_argument("--aspect", metavar="W:H", help=f"aspect ratio{was}: one the model offers, as 16:9")
        p.add_argument("--images", type=_count, default=1, metavar="N", help="images per generation")
        p.add_argument(
            "--prompt-enhancer", action="store_true", help=f"the prompt enhancer {'was' if was else 'is'} on"
        )

    p = command("models", "list every model with its id and prices")
    p.add_argument("--json", action="store_true", help="print JSON, with aspect ratios and sources")

    p = command("quote", "credits for one generation")
    p.add_argument("model", metavar="MODEL", help="model id or name, any case (see `imagine-calc models`)")
    generation_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    named = "; ".join(f"{e} ({', '.join(f'{s}×' for s in scales)})" for e, scales in engines)
    p = command("upscale", "credits to upscale image files (folders are searched)")
    p.add_argument("files", nargs="+", metavar="FILE", help="image files or folders")
    p.add_argument(
        "--engine", default="topaz", help="upscale engine id or name" + (f": {named}" if named else "")
    )
    p.add_argument("--scale", type=_scale, default=2, metavar="N", help="scale factor: 2, 2x or 2×")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("catalog", "show the catalog in use, or check a catalog file")
    p.add_argument("--check", metavar="PATH", type=Path, help="validate a YAML catalog file")
    p.add_argument(
        "--update-from",
        metavar="PAGE",
        type=Path,
        help="compare ImagineArt's Image Credits page, saved as Markdown or HTML, with the catalog",
    )
    p.add_argument("--apply", action="store_true", help="with --update-from: write it as your override")
    p.add_argument(
        "--revert",
        action="store_true",
        help="put back your override file as it was before the last change (apply, record)",
    )
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        type=_date,
        help="with --update-from: the page's date (default: the saved file's date)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "record",
        "keep the total ImagineArt's Create button showed for these settings",
        description=(
            "ImagineArt's Create button shows the definitive cost. Record it here and it is used "
            "for these settings from now on (kept in your override file, with the date)."
        ),
    )
    p.add_argument("model", nargs="?", metavar="MODEL", help="model id or name")
    p.add_argument("credits", nargs="?", metavar="CREDITS", help="the credits ImagineArt showed")
    generation_options(p, was=" it was shown for")
    p.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="when (default: today)")
    p.add_argument("--list", action="store_true", help="list the recorded prices (of MODEL, if given)")
    p.add_argument("--remove", action="store_true", help="remove the recording for these settings")
    p.add_argument("--json", action="store_true", help="with --list: print JSON")

    p = command(
        "estimate",
        "line items and totals of a saved estimate, re-priced; with a budget if you give balances",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="an estimate saved by the window (.icalc.json)")
    budget = p.add_argument_group("budget (as in the window's Estimate tab; only what you type)")
    budget.add_argument("--subscription", type=_count, metavar="N", help="subscription credits you hold")
    budget.add_argument("--renews", type=_date, metavar="YYYY-MM-DD", help="when the subscription renews")
    budget.add_argument("--top-up", type=_count, metavar="N", help="top-up credits you hold")
    budget.add_argument(
        "--free", type=_count, metavar="N", help="free daily credits (only without a subscription)"
    )
    budget.add_argument("--rate", metavar="AMOUNT", help="what one credit costs you, as 0.012")
    budget.add_argument("--currency", default="", metavar="CODE", help="the rate's currency, as EUR")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print JSON")
    shown.add_argument(
        "--export",
        metavar="OUT",
        type=Path,
        help="write the export File > Export estimate writes, its format from the suffix: OUT.csv "
        "(for spreadsheets), OUT.md (Markdown) or OUT.json (a report); with the budget, if given",
    )

    p = command("completion", "print a shell completion script")
    p.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")
    p.add_argument("--words", metavar="KIND", help=argparse.SUPPRESS)  # what the scripts ask for
    return parser


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
    "--override": True,
    "--screenshot": True,
    "--color-scheme": True,
    "--recover": True,
    "--selftest": False,
    "--version": False,
    "--help": False,
    "-h": False,
}


def unknown_option(args: Sequence[str]) -> str:
    """The line to print for an option before the first word that we do not know, or "". Found
    before argparse runs, which would take the unknown option's value for a command."""
    at = first_word(args)
    for arg in args[:at]:
        name = arg.split("=")[0]
        if arg.startswith("-") and name not in TOP_OPTIONS and arg != "--":
            return f"imagine-calc: unknown option '{name}'{suggestion(name, list(TOP_OPTIONS))}"
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
        return f"imagine-calc: '{word}' is a web address. {OFFLINE}"
    close = suggestion(word, COMMANDS)
    if close:
        return f"imagine-calc: unknown command '{word}'{close}"
    return (
        f"imagine-calc: '{word}' is not a command, and no such file or folder exists. "
        f"Commands: {', '.join(COMMANDS)}; see imagine-calc --help"
    )
