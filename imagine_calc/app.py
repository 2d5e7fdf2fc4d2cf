"""Starts the window; replaced by the GUI in a later step."""

from __future__ import annotations

from collections.abc import Sequence


def run_app(argv: Sequence[str]) -> int:
    from imagine_calc.cli import build_parser

    build_parser().print_help()
    return 0
