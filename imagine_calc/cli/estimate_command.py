"""estimate: a saved estimate's lines and totals, re-priced with the prices in use, and the
budget the window's Estimate tab shows when balances are given."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from imagine_calc.cli.output import print_json_text, say
from imagine_calc.core.catalog.loader import LoadedCatalog

if TYPE_CHECKING:
    from imagine_calc.core.estimates.budget import BudgetPlan
    from imagine_calc.core.estimates.estimate import PricedEstimate
    from imagine_calc.core.estimates.money import Rate


def cmd_estimate(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.estimates.estimate import price_estimate
    from imagine_calc.core.estimates.estimate_export import to_json, to_text
    from imagine_calc.core.estimates.estimate_file import EstimateFileError, price_changes, read_estimate

    catalog = loaded.catalog
    try:
        saved = read_estimate(args.file)
    except EstimateFileError as exc:
        say(f"imagine-calc: {exc}", err=True)
        return 1
    priced = price_estimate(catalog, saved.estimate)
    changes = price_changes(saved, priced, catalog)
    plan, rate = _budget(args, priced)
    if args.json:
        print_json_text(to_json(priced, catalog, plan, rate))
    else:
        for line in to_text(priced, catalog, plan, rate).rstrip("\n").split("\n"):
            say(line)
    if changes:
        say("Prices changed since the estimate was saved:", err=True)
        for line in changes:
            say(f"  {line}", err=True)
    return 0


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
            raise UsageError(f"imagine-calc estimate: --rate: {exc}") from None
        if rate is None:
            raise UsageError(f"imagine-calc estimate: --rate: not a price per credit: {args.rate!r}")
    elif args.currency:
        raise UsageError("imagine-calc estimate: --currency goes with --rate")
    if args.subscription is None and args.top_up is None and args.free is None:
        if args.renews is not None:
            raise UsageError("imagine-calc estimate: --renews goes with --subscription")
        return None, rate
    balances = Balances.of_whole(
        args.subscription is not None,
        args.subscription or 0,
        args.renews,
        args.top_up or 0,
        args.free or 0,
    )
    return plan_budget(balances, priced), rate
