"""The `imagine-calc` command: quotes and catalog checks on the same core as the window."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from imagine_calc.core.language import _

if TYPE_CHECKING:
    from imagine_calc.core.catalog.loader import LoadedCatalog

# The window path imports no command handler: each is imported only when its command runs.

#: command -> the module of its `cmd_<command>` function
HANDLERS = {
    "models": "quote_commands",
    "quote": "quote_commands",
    "upscale": "quote_commands",
    "record": "record_command",
    "catalog": "catalog_commands",
    "estimate": "estimate_command",
    "completion": "completion_command",
}


def _survive_any_text() -> None:
    """A file name that is not valid in the terminal's encoding (bytes kept as surrogates by
    Python) is printed escaped, instead of stopping the output halfway with an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window (no command), or run a command; a mistake exits 2 with one line."""
    _survive_any_text()
    from imagine_calc.cli.command_line import (
        first_word,
        lang_option,
        split_qt_options,
        unknown_option,
        unknown_word,
    )
    from imagine_calc.cli.parser import COMMANDS, UsageError
    from imagine_calc.core import language

    ours, qt_args = split_qt_options(list(sys.argv[1:] if argv is None else argv))
    # The language first, so every word from here on (a mistake, the help) is in it: --lang, else
    # the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Nothing is read until a word is said.
    language.set_from_environment()
    try:
        lang = lang_option(ours)
    except UsageError as exc:
        _say_error(str(exc))
        return 2
    if lang is not None:
        language.set_language(lang)
    mistake = unknown_option(ours)
    if mistake:
        _say_error(mistake)
        return 2
    file: Path | None = None
    at = first_word(ours)
    if at is not None and ours[at] not in COMMANDS:
        if not os.path.lexists(ours[at]):  # a typo, not a file: say so instead of a window
            _say_error(unknown_word(ours[at]))
            return 2
        file = Path(ours.pop(at))
    try:
        args = _parse_for(ours, commands=at is not None and file is None)
        if args.override is not None and not args.override.is_file():
            raise UsageError(
                _(
                    "imagine-calc: --override {path}: no such file (to start a new override file "
                    "there, create it empty first)"
                ).format(path=args.override)
            )
    except UsageError as exc:
        _say_error(str(exc))
        return 2
    if getattr(args, "command", None) is None:  # the window's parser has no commands
        from imagine_calc.app import run_app

        return run_app(args, file, qt_args)
    return _run_command(args)


def _say_error(text: str) -> None:
    """A mistake in one line on stderr; the output module is loaded only when there is one."""
    from imagine_calc.cli.output import say

    say(text, err=True)


def _parse_for(args: list[str], commands: bool) -> argparse.Namespace:
    """`_parse`, whose mistakes are in English with --json (what scripts read stays the same in
    every language): parsed again in English only when the line has a mistake."""
    from imagine_calc.cli.parser import UsageError

    try:
        return _parse(args, commands)
    except UsageError:
        if "--json" not in args[: args.index("--") if "--" in args else None]:
            raise
    from imagine_calc.core.language import english

    with english():
        return _parse(args, commands)


def _parse(args: list[str], commands: bool) -> argparse.Namespace:
    """With no word on the line only the window's options are parsed (the commands' parser
    costs start-up 11 ms); the help shows them all."""
    from imagine_calc.cli.parser import build_parser

    engines: list[tuple[str, tuple[int, ...]]] = []
    if "-h" in args or "--help" in args:  # the help names the engines and their scales
        from imagine_calc.core.catalog.loader import load_catalog

        engines = [(e.id, tuple(e.scales)) for e in load_catalog().engines]
        commands = True
    return build_parser(engines, commands).parse_args(args)


def _run_command(args: argparse.Namespace) -> int:
    from imagine_calc.cli.parser import UsageError
    from imagine_calc.core.errors import QuoteError
    from imagine_calc.core.language import english

    try:
        if args.command == "record" and args.date is None:
            import datetime as dt

            args.date = dt.date.today()
        module = importlib.import_module(f"imagine_calc.cli.{HANDLERS[args.command]}")
        handler = getattr(module, f"cmd_{args.command}")
        loaded = None if args.command == "completion" else _load(args)
        # --json is for scripts: the same bytes in every language, its words and mistakes in English.
        with english() if getattr(args, "json", False) else contextlib.nullcontext():
            return int(handler(args, loaded))
    except (UsageError, QuoteError) as exc:
        _say_error(f"imagine-calc: {exc}" if isinstance(exc, QuoteError) else str(exc))
        return 2
    except BrokenPipeError:
        return 0


def _load(args: argparse.Namespace) -> LoadedCatalog:
    from imagine_calc.cli.output import say
    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.core.catalog.sharing import load_sharing
    from imagine_calc.core.text.sharing import shared_notes

    args.sharing, kept = load_sharing()
    if args.command == "record":
        from imagine_calc.cli.record_command import remember_sharing

        args.sharing = remember_sharing(args, args.sharing)
    loaded = load_with_override(args.override, args.sharing.folder)
    for note in [*loaded.notes, *([kept] if kept else []), *shared_notes(loaded.shared)]:
        say(_("note: {note}").format(note=note), err=True)
    if loaded.override_error is not None:
        say(_("warning: override ignored, using the bundled catalog:"), err=True)
        for problem in loaded.override_error.problems:
            say(str(problem), err=True)
    return loaded
