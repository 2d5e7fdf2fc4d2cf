"""The command line's grammar: commands, options, and a usage error that exits 2."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from imagine_calc import __version__
from imagine_calc.core.catalog.records import TIERS


class UsageError(Exception):
    """A mistake in the command line: exit 2 with one line on stderr."""


class _Parser(argparse.ArgumentParser):
    """Errors as UsageError; a command's options may come before, between or after its
    arguments (`record "Nano Banana 2" --prompt-enhancer 51`)."""

    _plain = False

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._subparsers is not None or self._plain:
            return super().parse_known_args(args, namespace)
        self._plain = True  # parse_known_intermixed_args calls back into this method
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._plain = False


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="imagine-calc",
        description=(
            "Offline calculator for ImagineArt image credits. With no command, opens the window: "
            "`imagine-calc FILE` opens a saved estimate or quotes an image or folder; "
            "`imagine-calc --selftest`, `--screenshot PATH` and `--color-scheme` are described in the README."
        ),
    )
    parser.add_argument("--version", action="version", version=f"imagine-calc {__version__}")
    parser.add_argument(
        "--override",
        metavar="PATH",
        type=Path,
        help="use this override catalog instead of the one in your config folder",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("models", help="list every model with its prices")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("quote", help="credits for one generation")
    p.add_argument("model", help="model id or display name (case-insensitive)")
    p.add_argument("--resolution", default="1K", type=str.upper, metavar="|".join(TIERS))
    p.add_argument("--aspect", metavar="W:H", help="aspect ratio, as 16:9")
    p.add_argument("--images", type=int, default=1, metavar="N", help="images per generation")
    p.add_argument("--prompt-enhancer", action="store_true", help="turn the prompt enhancer on")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("upscale", help="credits to upscale image files (folders are searched)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--engine", default="topaz", help="topaz or magnific (default topaz)")
    p.add_argument("--scale", type=int, default=2, metavar="N", help="scale factor (default 2)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("catalog", help="show the catalog in use, or check a catalog file")
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

    p = sub.add_parser(
        "record",
        help="keep the total ImagineArt's Create button showed for these settings",
        description=(
            "ImagineArt's Create button shows the definitive cost. Record it here and it is used "
            "for these settings from now on (kept in your override file, with the date)."
        ),
    )
    p.add_argument("model", nargs="?", metavar="MODEL", help="model id or display name")
    p.add_argument("credits", nargs="?", metavar="CREDITS", help="the credits ImagineArt showed")
    p.add_argument("--resolution", default="1K", type=str.upper, metavar="|".join(TIERS))
    p.add_argument("--aspect", metavar="W:H", help="the aspect ratio it was shown for")
    p.add_argument("--images", type=int, default=1, metavar="N", help="images per generation (default 1)")
    p.add_argument("--prompt-enhancer", action="store_true", help="the prompt enhancer was on")
    p.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="when (default today)")
    p.add_argument("--list", action="store_true", help="list the recorded prices (of MODEL, if given)")
    p.add_argument("--remove", action="store_true", help="remove the recording for these settings")
    p.add_argument("--json", action="store_true", help="with --list: print JSON")

    p = sub.add_parser("estimate", help="line items and totals of a saved estimate, re-priced")
    p.add_argument("file", type=Path, metavar="FILE", help="an estimate saved by the window (.icalc.json)")
    p.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _date(text: str) -> Any:

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
