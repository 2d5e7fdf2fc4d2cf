"""estimate: a saved estimate's lines and totals, re-priced with the prices in use, and the
budget the window's Estimate tab shows when balances are given."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from imagine_calc.cli.output import print_json_text, say, style
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.language import _

if TYPE_CHECKING:
    from imagine_calc.core.estimates.budget import BudgetPlan
    from imagine_calc.core.estimates.estimate import PricedEstimate
    from imagine_calc.core.estimates.money import Rate


def cmd_estimate(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.estimates.estimate import price_estimate
    from imagine_calc.core.estimates.estimate_file import EstimateFileError, read_estimate
    from imagine_calc.core.text.estimates import repriced_heading, repriced_words
    from imagine_calc.core.text.exports import to_json, to_text

    kind = _export_kind(args) if args.export is not None else None
    catalog = loaded.catalog
    try:
        saved = read_estimate(args.file)
    except EstimateFileError as exc:
        say(f"imagine-calc: {exc}", err=True)
        return 1
    priced = price_estimate(catalog, saved.estimate)
    changes = repriced_words(saved, priced, catalog, style())
    plan, rate = _budget(args, priced)
    if kind is not None:
        if not _export(args.export, kind, priced, loaded, plan, rate):
            return 1
    elif args.json:
        print_json_text(to_json(priced, catalog, plan, rate))
    else:
        for line in to_text(priced, catalog, plan, rate, style()).rstrip("\n").split("\n"):
            say(line)
    if changes:
        say(repriced_heading(), err=True)
        for line in changes:
            say(f"  {line}", err=True)
    return 0


def _export_kind(args: argparse.Namespace) -> str:
    """The export OUT's suffix asks for; a usage error (before any work) if none, or if OUT is
    the estimate itself (a report written over it would lose the estimate)."""
    from imagine_calc.cli.parser import UsageError
    from imagine_calc.core.text.exports import KINDS, kind_of

    path: Path = args.export
    if os.path.exists(path) and os.path.exists(args.file) and os.path.samefile(path, args.file):
        raise UsageError(
            _("imagine-calc estimate: --export {path} is the estimate itself: name another file").format(
                path=path
            )
        )
    kind = kind_of(path)
    if kind is None:
        raise UsageError(
            _("imagine-calc estimate: --export {path}: the suffix names the format: {kinds}").format(
                path=path, kinds=", ".join(KINDS)
            )
        )
    return kind


def _export(
    path: Path,
    kind: str,
    priced: PricedEstimate,
    loaded: LoadedCatalog,
    plan: BudgetPlan | None,
    rate: Rate | None,
) -> bool:
    """Write the export atomically (all of it or, after a crash, the previous file), as the
    window does; a path that cannot be written is said in one line."""
    from imagine_calc.core.text.exports import export_bytes
    from imagine_calc.core.text.plurals import plural
    from imagine_calc.core.writes import write_atomic

    try:
        write_atomic(path, export_bytes(kind, priced, loaded.catalog, plan, rate, style()))
    except OSError as exc:
        said = _("imagine-calc: not exported: cannot write {path}: {why}")
        say(said.format(path=path, why=exc.strerror or exc), err=True)
        return False
    say(
        plural(
            len(priced.items),
            "Exported {n} line to {path}.",
            "Exported {n} lines to {path}.",
            style(),
            path=str(path),
        )
    )
    return True


def _budget(args: argparse.Namespace, priced: PricedEstimate) -> tuple[BudgetPlan | None, Rate | None]:
    """The plan for the balances given (none given: no plan), and the rate, if one was."""
    from imagine_calc.cli.parser import UsageError
    from imagine_calc.core.estimates.budget import Balances, plan_budget
    from imagine_calc.core.estimates.money import parse_rate
    from imagine_calc.core.limits import LimitError

    rate = None
    if args.rate is not None:
        try:
            rate = parse_rate(args.rate, args.currency)
        except LimitError as exc:
            raise UsageError(_("imagine-calc estimate: --rate: {why}").format(why=exc)) from None
        if rate is None:
            raise UsageError(
                _("imagine-calc estimate: --rate: not a price per credit: {rate}").format(
                    rate=repr(args.rate)
                )
            )
    elif args.currency:
        raise UsageError(_("imagine-calc estimate: --currency goes with --rate"))
    if args.subscription is None and args.top_up is None and args.free is None:
        if args.renews is not None:
            raise UsageError(_("imagine-calc estimate: --renews goes with --subscription"))
        return None, rate
    balances = Balances.of_whole(
        args.subscription is not None,
        args.subscription or 0,
        args.renews,
        args.top_up or 0,
        args.free or 0,
    )
    return plan_budget(balances, priced), rate
