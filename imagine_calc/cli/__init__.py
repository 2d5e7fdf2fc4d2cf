"""The `imagine-calc` command: quotes and catalog checks on the same core as the window."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from imagine_calc.core.catalog.loader import LoadedCatalog

# The window path imports nothing of the command line: its parser and handlers are imported
# only once a command is given, so they cost the window's start-up nothing.
COMMANDS = ("models", "quote", "upscale", "catalog", "estimate", "record")

#: command -> the module of its `cmd_<command>` function (imported only when it runs)
HANDLERS = {
    "models": "quote_commands",
    "quote": "quote_commands",
    "upscale": "quote_commands",
    "record": "record_command",
    "catalog": "catalog_commands",
    "estimate": "estimate_command",
}


def _survive_any_text() -> None:
    """A file name that is not valid in the terminal's encoding (bytes kept as surrogates by
    Python) is printed escaped, instead of stopping the output halfway with an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _survive_any_text()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not any(a in COMMANDS for a in args_list) and not any(
        a in ("-h", "--help", "--version") for a in args_list
    ):
        from imagine_calc.app import run_app

        return run_app(args_list)
    from imagine_calc.cli.parser import UsageError, build_parser
    from imagine_calc.core.errors import QuoteError

    try:
        args = build_parser().parse_args(args_list)
        if args.command == "record" and args.date is None:
            import datetime as dt

            args.date = dt.date.today()
        module = importlib.import_module(f"imagine_calc.cli.{HANDLERS[args.command]}")
        handler = getattr(module, f"cmd_{args.command}")
        return int(handler(args, _load(args)))
    except (UsageError, QuoteError) as exc:
        print(f"imagine-calc: {exc}" if isinstance(exc, QuoteError) else exc, file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _load(args: argparse.Namespace) -> LoadedCatalog:
    from imagine_calc.core.catalog.loader import load_with_override

    loaded = load_with_override(args.override)
    if loaded.override_error is not None:
        print(
            f"warning: override ignored, using the bundled catalog:\n{loaded.override_error}", file=sys.stderr
        )
    return loaded
