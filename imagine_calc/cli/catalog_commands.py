"""catalog: the prices in use, checking a file, updating from a saved page, going back."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from imagine_calc.cli.output import print_json, say, style
from imagine_calc.cli.parser import UsageError
from imagine_calc.core.catalog.loader import LoadedCatalog, bundled_files, load_override, read_file
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.language import _
from imagine_calc.core.text.catalog import age
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.price_update import change_record, note_words, shown_words

if TYPE_CHECKING:
    from imagine_calc.core.catalog.credits_page import CreditsPage
    from imagine_calc.core.catalog.override_file import Written
    from imagine_calc.core.catalog.price_update import PriceUpdate


def cmd_catalog(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    if args.revert:
        return _revert(loaded)
    if args.check is not None:
        return _check_file(args)
    if args.update_from is not None:
        return _update_from(args, loaded)
    if args.apply or args.as_of:
        raise UsageError(_("imagine-calc catalog: --apply and --as-of go with --update-from PAGE"))
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
    figures = style()
    say(
        _("Catalog version {version}, prices as of {date} ({age})").format(
            version=catalog.version, date=figures.date(catalog.as_of), age=age(days, figures)
        )
    )
    say(_("Source: {title} <{url}>").format(title=catalog.source.title, url=catalog.source.url))
    say(_models_and_engines(len(catalog.models), len(catalog.engines)))
    if loaded.override_active:
        state = _("active")
    else:
        state = _("INVALID, ignored") if loaded.override_error else _("none (the file does not exist)")
    say(_("Override file: {path} [{state}]").format(path=loaded.override_path, state=state))
    return 0


def _models_and_engines(models: int, engines: int) -> str:
    """ "34 models, 2 upscale engines" """
    return (
        plural(models, "{n} model", "{n} models", style())
        + ", "
        + plural(engines, "{n} upscale engine", "{n} upscale engines", style())
    )


def _revert(loaded: LoadedCatalog) -> int:
    from imagine_calc.core.catalog.override_backups import revert

    try:
        restored, aside = revert(loaded.override_path)
    except FileNotFoundError as exc:
        say(f"imagine-calc: {exc}", err=True)
        return 1
    except OSError as exc:
        said = _("imagine-calc: cannot revert {path}: {why}").format(
            path=loaded.override_path, why=exc.strerror or exc
        )
        say(said, err=True)
        return 1
    say(_("Reverted {path} to {name}.").format(path=loaded.override_path, name=restored.name))
    if aside is not None:
        say(_("The file it replaced is kept as {name}.").format(name=aside.name))
    return 0


def _check_file(args: argparse.Namespace) -> int:
    path = args.check
    if not os.path.lexists(path):
        raise UsageError(_("imagine-calc catalog: --check: no file {path}").format(path=path))
    try:
        load_override(bundled_files(), read_file(path), str(path))
    except CatalogError as exc:
        say(
            plural(len(exc.problems), "{path}: {n} problem", "{path}: {n} problems", path=str(path)), err=True
        )
        for problem in exc.problems:
            say(f"  {problem}", err=True)
        return 1
    say(_("{path}: valid").format(path=path))
    return 0


def _update_from(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.catalog.credits_page import PageError, parse_credits_page, read_page
    from imagine_calc.core.catalog.price_update import apply_update, diff, page_date

    path: Path = args.update_from
    if not os.path.lexists(path):
        raise UsageError(_("imagine-calc catalog: --update-from: no file {path}").format(path=path))
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
            say(_("not applied: the update would not be a valid override:"), err=True)
            for problem in exc.problems:
                say(str(problem), err=True)
            return 1
        except OSError as exc:
            said = _("not applied: cannot write {path}: {why}")
            say(said.format(path=loaded.override_path, why=exc.strerror or exc), err=True)
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
    _say_update(path, page, update, as_of, loaded, written)
    return 0


def _say_update(
    path: Path,
    page: CreditsPage,
    update: PriceUpdate,
    as_of: dt.date,
    loaded: LoadedCatalog,
    written: Written | None,
) -> None:
    """A price update for people: the page, each change, the notes, and what was written."""
    figures = style()
    said = _("{name}: {models_and_engines} (as of {date})")
    say(
        said.format(
            name=path.name,
            models_and_engines=_models_and_engines(len(page.models), len(page.engines)),
            date=figures.date(as_of),
        )
    )
    if page.url:
        say(_("The page says it is from {url}").format(url=page.url))
    if not update.changes:
        say(_("No changes: the catalog in use already has the page's prices."))
    for change in update.changes:
        before, after = shown_words(change.before, figures), shown_words(change.after, figures)
        say(f"  {change.kind:<15} {change.name}: {f'{before} -> {after}' if before else after}")
    for note in update.notes:
        say("  " + _("note: {note}").format(note=note_words(note, figures)))
    n, left_out = len(update.applicable), len(update.left_out)
    cannot = (
        plural(
            left_out,
            "; {n} change cannot be applied (an override cannot remove a model: see the notes)",
            "; {n} changes cannot be applied (an override cannot remove a model: see the notes)",
            figures,
        )
        if left_out
        else ""
    )
    if written is not None:
        applied = plural(
            n,
            "Applied {n} change: written to {path} ({backup})",
            "Applied {n} changes: written to {path} ({backup})",
            figures,
            path=str(loaded.override_path),
            backup=written.backup_words(),
        )
        say(f"{applied}{cannot}.")
    elif n and left_out:
        said = plural(
            n,
            "Not applied: run again with --apply to write the {n} change it can as your override",
            "Not applied: run again with --apply to write the {n} changes it can as your override",
            figures,
        )
        say(f"{said}{cannot}.")
    elif n:
        say(_("Not applied: run again with --apply to write these changes as your override") + ".")
    elif left_out:
        say(_("Nothing to apply") + f"{cannot}.")
