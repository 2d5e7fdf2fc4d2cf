"""estimate: a saved estimate's lines and totals, re-priced with the prices in use."""

from __future__ import annotations

import argparse
import sys

from imagine_calc.core.catalog.loader import LoadedCatalog


def cmd_estimate(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.estimates.estimate import price_estimate
    from imagine_calc.core.estimates.estimate_export import to_json, to_text
    from imagine_calc.core.estimates.estimate_file import EstimateFileError, price_changes, read_estimate

    catalog = loaded.catalog
    try:
        saved = read_estimate(args.file)
    except EstimateFileError as exc:
        print(f"imagine-calc: {exc}", file=sys.stderr)
        return 1
    priced = price_estimate(catalog, saved.estimate)
    changes = price_changes(saved, priced, catalog)
    if args.json:
        print(to_json(priced, catalog), end="")
    else:
        print(to_text(priced, catalog), end="")
    if changes:
        print("Prices changed since the estimate was saved:", file=sys.stderr)
        for line in changes:
            print(f"  {line}", file=sys.stderr)
    return 0
