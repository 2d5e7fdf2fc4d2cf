"""record: keep, list or remove the totals the user read off ImagineArt's Create button."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace
from pathlib import Path

from imagine_calc.cli.output import observation_json, print_json, say, style
from imagine_calc.cli.parser import UsageError
from imagine_calc.cli.quote_commands import find_model
from imagine_calc.core.catalog import override_file
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.catalog.records import Catalog, Observation
from imagine_calc.core.catalog.sharing import Sharing, SharingError, check_name, save_sharing
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.language import _
from imagine_calc.core.limits import LimitError
from imagine_calc.core.numbers import number
from imagine_calc.core.pricing.findings import Caveat
from imagine_calc.core.pricing.observations import conflicts, disagreement, parse_observed
from imagine_calc.core.pricing.quotes import check_generation, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.catalog import recorded_settings, settings_words
from imagine_calc.core.text.findings import caveat_words
from imagine_calc.core.text.quotes import credits_words
from imagine_calc.core.text.sharing import not_shared_words, observed_by


def remember_sharing(args: argparse.Namespace, sharing: Sharing) -> Sharing:
    """`--shared-folder` and `--name` given: kept for later runs and the window (set once)."""
    if args.shared_folder is None and args.name is None:
        return sharing
    try:
        name = check_name(args.name) if args.name is not None else sharing.name
    except SharingError as exc:
        raise UsageError(f"imagine-calc record: --name: {exc}") from None
    folder = Path(args.shared_folder).expanduser().absolute() if args.shared_folder else sharing.folder
    try:
        return save_sharing(replace(sharing, folder=folder, name=name))
    except OSError as exc:
        say(_("imagine-calc: the shared folder and name were not kept: {why}").format(why=exc), err=True)
        return replace(sharing, folder=folder, name=name)


def cmd_record(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    if args.list:
        return _list(args, loaded)
    if args.model is None:
        raise UsageError(
            _("imagine-calc record: name the MODEL (and the CREDITS ImagineArt showed), or --list")
        )
    model = find_model(catalog, args.model)
    req = GenerationRequest(model.id, args.resolution, args.aspect, args.images, args.prompt_enhancer)
    check_generation(catalog, req)
    path = loaded.override_path
    try:
        if args.remove:
            return _remove(args, loaded, req)
        if args.credits is None:
            raise UsageError(_("imagine-calc record: give the CREDITS ImagineArt's Create button showed"))
        try:
            credits = parse_observed(args.credits)
        except LimitError as exc:
            raise UsageError(f"imagine-calc record: {exc}") from None
        if args.date is not None and args.date > dt.date.today():
            raise UsageError(
                _("imagine-calc record: --date {date} is after today").format(date=args.date.isoformat())
            )
        seen = Observation(
            model.id, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer, credits, args.date
        )
        if args.shared:
            return _record_shared(args.sharing, seen, catalog)
        written = override_file.record(path, seen)
    except CatalogError as exc:
        say(_("imagine-calc: not recorded: your override file has problems to fix first:"), err=True)
        for problem in exc.problems:
            say(str(problem), err=True)
        return 1
    except OSError as exc:
        said = _("imagine-calc: not recorded: cannot write {path}: {why}")
        say(said.format(path=path, why=exc.strerror or exc), err=True)
        return 1
    quote = quote_generation(written.catalog, req)
    figures = style()
    said = _("Recorded {credits} for {settings}, observed {date}, in {path}").format(
        credits=credits_words(credits, figures),
        settings=recorded_settings(seen, catalog, style=figures),
        date=figures.date(seen.date),
        path=path,
    )
    say(said)
    for note in quote.caveats:
        say("  " + _("note: {note}").format(note=caveat_words(note, figures)))
    say(written.backup_sentence())
    return 0


def _remove(args: argparse.Namespace, loaded: LoadedCatalog, req: GenerationRequest) -> int:
    catalog = loaded.catalog

    def keep(o: Observation) -> bool:
        same = (o.model_id, o.resolution, o.images, o.prompt_enhancer) == (
            req.model_id,
            req.resolution,
            req.images,
            req.prompt_enhancer,
        )
        return not (same and (args.aspect is None or o.aspect_ratio == args.aspect))

    if args.credits is not None:
        raise UsageError(_("imagine-calc record --remove: give the settings, not CREDITS"))
    figures = style()
    if all(keep(o) for o in catalog.observations):
        name = catalog.model(req.model_id).name
        what = settings_words(
            name, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer, figures
        )
        say(_("imagine-calc: no recording of {settings}").format(settings=what), err=True)
        return 1
    written, gone = override_file.remove_recordings(loaded.override_path, keep, catalog)
    for o in gone:
        settings = recorded_settings(o, catalog, style=figures)
        say(
            _("Removed: {settings}: {credits} ({date})").format(
                settings=settings, credits=number(o.credits, figures), date=figures.date(o.date)
            )
        )
    say(written.backup_sentence())
    return 0


def _list(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    model = find_model(catalog, args.model) if args.model else None
    found = [o for o in catalog.observations if model is None or o.model_id == model.id]
    if args.json:
        print_json([observation_json(o) for o in found])
        return 0
    if not found:
        said = _("No recorded prices.")
        say(said + (f" ({loaded.override_error.first})" if loaded.override_error else ""))
        return 0
    figures = style()
    for o in found:
        if o.by is None:
            said = _("{settings}: {credits}, observed {date}").format(
                settings=recorded_settings(o, catalog, style=figures),
                credits=credits_words(o.credits, figures),
                date=figures.date(o.date),
            )
        else:
            said = _("{settings}: {credits}, {observed}").format(
                settings=recorded_settings(o, catalog, style=figures),
                credits=credits_words(o.credits, figures),
                observed=observed_by(o, figures),
            )
        say(said)
        found_notes: list[Caveat] = [*disagreement(catalog.model(o.model_id), o), *conflicts(catalog, o)]
        for note in found_notes:
            say("  " + _("note: {note}").format(note=caveat_words(note, figures)))
    return 0


def _record_shared(sharing: Sharing, seen: Observation, catalog: Catalog) -> int:
    from imagine_calc.core.catalog.shared_file import NotShared, record_shared

    try:
        written = record_shared(sharing, seen)
    except NotShared as exc:
        say(_("imagine-calc: not recorded: {why}").format(why=not_shared_words(exc)), err=True)
        return 1
    figures = style()
    said = _("Recorded {credits} for {settings}, observed by {name} on {date}, in {path}").format(
        credits=credits_words(seen.credits, figures),
        settings=recorded_settings(seen, catalog, style=figures),
        name=written.recording.by,
        date=figures.date(seen.date),
        path=written.path,
    )
    say(said)
    return 0
