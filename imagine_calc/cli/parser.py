"""The command line's grammar: the window's options, the commands, and a usage error that exits 2.

One parser holds both, so `imagine-calc --help` shows everything and `--color-scheme dark --help`
works. A mistyped command or option is an error with a suggestion, never a window.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar, overload

from imagine_calc import __version__
from imagine_calc.cli import argparse_words
from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.language import LANGUAGES, PSEUDO, _

# argparse's own mistakes ("invalid choice") in the language in use (cli/argparse_words.py).
argparse_words.speak_through_catalog()


class UsageError(Exception):
    """A mistake in the command line: exit 2 with one line on stderr."""


def suggestion(word: str, choices: Sequence[str]) -> str:
    """ " (did you mean 'quote'?)", or "" when nothing is close."""
    import difflib  # only for a mistake: the window's start-up does not pay for it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _(" (did you mean '{word}'?)").format(word=close[0]) if close else ""


#: The command line's commands, in the order --help lists them.
COMMANDS = ("models", "quote", "upscale", "catalog", "estimate", "record", "completion")

_N = TypeVar("_N")


class _Parser(argparse.ArgumentParser):
    """Errors as UsageError with a suggestion; a command's options may come before, between or
    after its arguments (`record "Nano Banana 2" --prompt-enhancer 51`)."""

    _plain = False

    def error(self, message: str) -> NoReturn:
        said = _("unrecognized arguments: %s").split("%s")[0]
        unknown = message[len(said) :].split() if said and message.startswith(said) else []
        if unknown:  # reported by the top parser for a command's options too: look in all
            word = unknown[0].split("=")[0]
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
        kept = self.usage
        if kept is None:
            # argparse's intermixed parsing keeps format_usage()[7:] for its messages, cutting the
            # English "usage: " off whatever the language's prefix is ("uso: imagine-calc" lost
            # "im"): give it the usage without a prefix, so every language may word its own.
            formatter = self._get_formatter()
            formatter.add_usage(None, self._actions, self._mutually_exclusive_groups, prefix="")
            self.usage = formatter.format_help()
        try:
            return self.parse_known_intermixed_args(None if args is None else list(args), namespace)
        finally:
            self._plain = False
            self.usage = kept


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    found = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _option_strings(sub)
    return found


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help that says each option's default, when it has one worth saying; argparse's own words
    ("usage:") in the language in use too."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        said = "%(default)" in text or _("default") in text
        if text and not said and action.option_strings and _worth_saying(action.default):
            text += " " + _("(default: {default})").format(default="%(default)s")
        return text

    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def _worth_saying(default: object) -> bool:
    """A default that says something: not none, not off, not empty ("(default: )" says nothing)."""
    if default is None or default is False or default == argparse.SUPPRESS:
        return False
    return not (isinstance(default, str | list | tuple | dict | set) and not default)


def _override(parser: argparse.ArgumentParser, top: bool) -> None:
    """The options every command takes too, before or after its words."""
    parser.add_argument(
        "--override",
        metavar="PATH",
        type=Path,
        # Given after a command too; there, leaving it out must not undo one given before.
        default=None if top else argparse.SUPPRESS,
        help=_("use this override catalog instead of the one in your config folder"),
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        default=None if top else argparse.SUPPRESS,
        help=_("the language to speak: {codes} (default: the system's)").format(
            codes=", ".join([*LANGUAGES, PSEUDO])
        ),
    )


def _titles(parser: argparse.ArgumentParser) -> None:
    """argparse's own headings, in the language in use."""
    parser._positionals.title = _("positional arguments")
    parser._optionals.title = _("options")


def _scale(text: str) -> int:
    """2, 2x or 2×: messages write scales with the ×, so the command line accepts it."""
    digits = text.strip().rstrip("xX×")
    if not digits.isdigit() or len(digits) > 3:
        raise argparse.ArgumentTypeError(_("not a scale: {text} (write 2, 2x or 2×)").format(text=repr(text)))
    return int(digits)


def _count(text: str) -> int:
    if not text.strip().isdigit() or len(text.strip()) > 9:
        raise argparse.ArgumentTypeError(_("not a whole number: {text}").format(text=repr(text)))
    return int(text)


def _date(text: str) -> Any:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date (YYYY-MM-DD): {text}").format(text=repr(text))
        ) from None


def build_parser(
    engines: Sequence[tuple[str, Sequence[int]]] = (), commands: bool = True
) -> argparse.ArgumentParser:
    """The whole grammar, or without `commands` only the window's (11 ms less to start the
    window). `engines` (id, scales) of the catalog in use are named in the help."""
    parser = _Parser(
        prog="imagine-calc",
        usage="imagine-calc [OPTIONS] [FILE]\n       imagine-calc COMMAND [OPTIONS] ...",
        formatter_class=_Help,
        description=_(
            "Offline calculator for ImagineArt image credits.\n\n"
            "With no command it opens the window. FILE, if given, is a saved estimate\n"
            "(.icalc.json) to open, or an image or folder to quote for upscaling."
        ),
        epilog=_("Run `imagine-calc COMMAND --help` for a command's options."),
        add_help=False,
    )
    _titles(parser)
    _help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"imagine-calc {__version__}",
        help=_("print the version and exit"),
    )
    _override(parser, top=True)
    window = parser.add_argument_group(_("the window"))
    window.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        default="system",
        help=_("light or dark colours; system follows the desktop"),
    )
    window.add_argument(
        "--screenshot",
        metavar="PNG",
        type=Path,
        help=_("draw the window offscreen (as it would open, with FILE if given) into PNG and exit"),
    )
    window.add_argument("--recover", metavar="ID", help=argparse.SUPPRESS)  # see offer_recovery
    window.add_argument(
        "--selftest",
        action="store_true",
        help=_("check the catalog, quoting, image reading and the window offscreen; exit 0 if all work"),
    )
    if not commands:
        return parser
    sub = parser.add_subparsers(
        dest="command", parser_class=_Parser, title=_("commands"), metavar="COMMAND", prog="imagine-calc"
    )

    def command(name: str, help_text: str, **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, formatter_class=_Help, add_help=False, **kw)
        _titles(p)
        _help(p)
        _override(p, top=False)
        return p

    def generation_options(p: argparse.ArgumentParser, recorded: bool = False) -> None:
        p.add_argument(
            "--resolution",
            default="1K",
            type=str.upper,
            choices=TIERS,
            metavar="|".join(TIERS),
            help=_("the resolution tier it was shown for") if recorded else _("the resolution tier"),
        )
        p.add_argument(
            "--aspect",
            metavar="W:H",
            help=_("aspect ratio it was shown for: one the model offers, as 16:9")
            if recorded
            else _("aspect ratio: one the model offers, as 16:9"),
        )
        p.add_argument("--images", type=_count, default=1, metavar="N", help=_("images per generation"))
        p.add_argument(
            "--prompt-enhancer",
            action="store_true",
            help=_("the prompt enhancer was on") if recorded else _("the prompt enhancer is on"),
        )

    p = command("models", _("list every model with its id and prices"))
    p.add_argument("--json", action="store_true", help=_("print JSON, with aspect ratios and sources"))

    p = command("quote", _("credits for one generation"))
    p.add_argument("model", metavar="MODEL", help=_("model id or name, any case (see `imagine-calc models`)"))
    generation_options(p)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    named = "; ".join(f"{e} ({', '.join(f'{s}×' for s in scales)})" for e, scales in engines)
    p = command("upscale", _("credits to upscale image files (folders are searched)"))
    p.add_argument("files", nargs="+", metavar="FILE", help=_("image files or folders"))
    p.add_argument(
        "--engine",
        default="topaz",
        help=_("upscale engine id or name: {engines}").format(engines=named)
        if named
        else _("upscale engine id or name"),
    )
    p.add_argument("--scale", type=_scale, default=2, metavar="N", help=_("scale factor: 2, 2x or 2×"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("catalog", _("show the catalog in use, or check a catalog file"))
    p.add_argument("--check", metavar="PATH", type=Path, help=_("validate a YAML catalog file"))
    p.add_argument(
        "--update-from",
        metavar="PAGE",
        type=Path,
        help=_("compare ImagineArt's Image Credits page, saved as Markdown or HTML, with the catalog"),
    )
    p.add_argument("--apply", action="store_true", help=_("with --update-from: write it as your override"))
    p.add_argument(
        "--revert",
        action="store_true",
        help=_("put back your override file as it was before the last change (apply, record)"),
    )
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        type=_date,
        help=_("with --update-from: the page's date (default: the saved file's date)"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command(
        "record",
        _("keep the total ImagineArt's Create button showed for these settings"),
        description=_(
            "ImagineArt's Create button shows the definitive cost. Record it here and it is used "
            "for these settings from now on (kept in your override file, with the date)."
        ),
    )
    p.add_argument("model", nargs="?", metavar="MODEL", help=_("model id or name"))
    p.add_argument("credits", nargs="?", metavar="CREDITS", help=_("the credits ImagineArt showed"))
    generation_options(p, recorded=True)
    p.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help=_("when (default: today)"))
    p.add_argument("--list", action="store_true", help=_("list the recorded prices (of MODEL, if given)"))
    p.add_argument("--remove", action="store_true", help=_("remove the recording for these settings"))
    p.add_argument(
        "--shared",
        action="store_true",
        help=_("keep it in your own file in the team's shared folder, not in your override"),
    )
    p.add_argument(
        "--shared-folder",
        metavar="PATH",
        help=_("the team's shared prices folder (a synced folder): remembered, for the window too"),
    )
    p.add_argument("--name", metavar="NAME", help=_("your name as teammates see it: remembered"))
    p.add_argument("--json", action="store_true", help=_("with --list: print JSON"))

    p = command(
        "estimate",
        _("line items and totals of a saved estimate, re-priced; with a budget if you give balances"),
    )
    p.add_argument("file", type=Path, metavar="FILE", help=_("an estimate saved by the window (.icalc.json)"))
    budget = p.add_argument_group(_("budget (as in the window's Estimate tab; only what you type)"))
    budget.add_argument("--subscription", type=_count, metavar="N", help=_("subscription credits you hold"))
    budget.add_argument("--renews", type=_date, metavar="YYYY-MM-DD", help=_("when the subscription renews"))
    budget.add_argument("--top-up", type=_count, metavar="N", help=_("top-up credits you hold"))
    budget.add_argument(
        "--free", type=_count, metavar="N", help=_("free daily credits (only without a subscription)")
    )
    budget.add_argument("--rate", metavar="AMOUNT", help=_("what one credit costs you, as 0.012"))
    budget.add_argument("--currency", default="", metavar="CODE", help=_("the rate's currency, as EUR"))
    team = p.add_argument_group(_("team (a shared pool and members; replaces the file's team where given)"))
    team.add_argument(
        "--team-month", metavar="YYYY-MM", help=_("the month planned (default: the file's, else this one)")
    )
    team.add_argument(
        "--pool-subscription", type=_count, metavar="N", help=_("the pool's subscription credits")
    )
    team.add_argument("--pool-renews", type=_date, metavar="YYYY-MM-DD", help=_("when they renew"))
    team.add_argument("--pool-top-up", type=_count, metavar="N", help=_("the pool's top-up credits"))
    team.add_argument(
        "--member",
        action="append",
        metavar="NAME[=LIMIT]",
        help=_(
            "a member and their monthly limit (none: no limit); repeat for each; replaces the file's members"
        ),
    )
    team.add_argument(
        "--assign",
        action="append",
        metavar="LINE=NAME",
        help=_("line LINE (as listed) is NAME's; LINE= unassigns"),
    )
    team.add_argument(
        "--auto-top-up",
        metavar="THRESHOLD:AMOUNT",
        help=_("buy AMOUNT whenever the pool falls below THRESHOLD; off"),
    )
    team.add_argument("--save", action="store_true", help=_("write the team and assignments back to FILE"))
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help=_("print JSON"))
    shown.add_argument(
        "--export",
        metavar="OUT",
        type=Path,
        help=_(
            "write the export File > Export estimate writes, its format from the suffix: OUT.csv "
            "(for spreadsheets), OUT.md (Markdown) or OUT.json (a report); with the budget, if given"
        ),
    )

    p = command("completion", _("print a shell completion script"))
    p.add_argument("shell", choices=("bash", "zsh", "fish"), help=_("the shell to complete in"))
    p.add_argument("--words", metavar="KIND", help=argparse.SUPPRESS)  # what the scripts ask for
    return parser


def _help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
