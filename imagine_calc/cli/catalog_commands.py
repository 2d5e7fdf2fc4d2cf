"""catalog: the prices in use, checking a file, updating from a saved page, going back."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from imagine_calc.cli.output import print_json, say
from imagine_calc.cli.parser import UsageError
from imagine_calc.core.catalog.loader import LoadedCatalog, bundled_files, load_override, read_file
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.text.catalog import age
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.price_update import change_record, note_words, shown_words


def cmd_catalog(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    if args.revert:
        return _revert(loaded)
    if args.check is not None:
        return _check_file(args)
    if args.update_from is not None:
        return _update_from(args, loaded)
    if args.apply or args.as_of:
        raise UsageError("imagine-calc catalog: --apply and --as-of go with --update-from PAGE")
    catalog = loaded.catalog
    days = catalog.age_days(dt.date.today())
    info = {
        "version": catalog.version,
        "as_of": catalog.as_of.isoformat(),
        "age_days": days,
        "source": catalog.source.url,
        "source_title": catalog.source.title,
        "override_path": str(loaded.override_path),
        "override_active": loaded.override_active,
        "override_error": str(loaded.override_error) if loaded.override_error else None,
        "models": len(catalog.models),
        "upscale_engines": len(catalog.engines),
    }
    if args.json:
        print_json(info)
        return 0
    say(f"Catalog version {catalog.version}, prices as of {catalog.as_of} ({age(days)})")
    say(f"Source: {catalog.source.title} <{catalog.source.url}>")
    say(f"{len(catalog.models)} models, {len(catalog.engines)} upscale engines")
    state = (
        "active"
        if loaded.override_active
        else ("INVALID, ignored" if loaded.override_error else "none (the file does not exist)")
    )
    say(f"Override file: {loaded.override_path} [{state}]")
    return 0


def _revert(loaded: LoadedCatalog) -> int:
    from imagine_calc.core.catalog.override_backups import revert

    try:
        restored, aside = revert(loaded.override_path)
    except FileNotFoundError as exc:
        say(f"imagine-calc: {exc}", err=True)
        return 1
    except OSError as exc:
        say(f"imagine-calc: cannot revert {loaded.override_path}: {exc.strerror or exc}", err=True)
        return 1
    say(f"Reverted {loaded.override_path} to {restored.name}.")
    if aside is not None:
        say(f"The file it replaced is kept as {aside.name}.")
    return 0


def _check_file(args: argparse.Namespace) -> int:
    path = args.check
    if not os.path.lexists(path):
        raise UsageError(f"imagine-calc catalog: --check: no file {path}")
    try:
        load_override(bundled_files(), read_file(path), str(path))
    except CatalogError as exc:
        say(f"{path}: {len(exc.problems)} problem(s)", err=True)
        for problem in exc.problems:
            say(f"  {problem}", err=True)
        return 1
    say(f"{path}: valid")
    return 0


def _update_from(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.catalog.credits_page import PageError, parse_credits_page, read_page
    from imagine_calc.core.catalog.price_update import apply_update, diff, page_date

    path: Path = args.update_from
    if not os.path.lexists(path):
        raise UsageError(f"imagine-calc catalog: --update-from: no file {path}")
    try:
        page = parse_credits_page(read_page(path))
    except PageError as exc:
        say(f"{path}: {exc}", err=True)
        return 1
    update = diff(loaded.catalog, page)
    as_of = args.as_of or page_date(path)
    written = None
    if args.apply and update.applicable:
        try:
            written = apply_update(update, loaded.catalog, loaded.override_path, as_of, path.name)
        except CatalogError as exc:
            say("not applied: the update would not be a valid override:", err=True)
            for problem in exc.problems:
                say(str(problem), err=True)
            return 1
        except OSError as exc:
            say(f"not applied: cannot write {loaded.override_path}: {exc.strerror or exc}", err=True)
            return 1
    applied = written is not None
    backup = written.backup if written else None
    if args.json:
        print_json(
            {
                "page": str(path),
                "page_url": page.url,
                "as_of": as_of.isoformat(),
                "models_on_page": len(page.models),
                "changes": [change_record(c) for c in update.changes],
                "notes": [note_words(n) for n in update.notes],
                "applied": applied,
                "override_path": str(loaded.override_path),
                "backup": str(backup) if backup else None,
            }
        )
        return 0
    say(f"{path.name}: {len(page.models)} models, {len(page.engines)} upscale engines (as of {as_of})")
    if page.url:
        say(f"The page says it is from {page.url}")
    if not update.changes:
        say("No changes: the catalog in use already has the page's prices.")
    for change in update.changes:
        before, after = shown_words(change.before), shown_words(change.after)
        say(f"  {change.kind:<15} {change.name}: {f'{before} -> {after}' if before else after}")
    for note in update.notes:
        say(f"  note: {note_words(note)}")
    n, left_out = len(update.applicable), len(update.left_out)
    these = "these changes" if not left_out else f"the {plural(n, 'change')} it can"
    cannot = (
        f"; {plural(left_out, 'change')} cannot be applied (an override cannot remove a model: see the notes)"
        if left_out
        else ""
    )
    if written is not None:
        say(
            f"Applied {plural(n, 'change')}: written to {loaded.override_path} "
            f"({written.backup_words()}){cannot}."
        )
    elif n:
        say(f"Not applied: run again with --apply to write {these} as your override{cannot}.")
    elif left_out:
        say(f"Nothing to apply{cannot}.")
    return 0
