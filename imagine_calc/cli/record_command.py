"""record: keep, list or remove the totals the user read off ImagineArt's Create button."""

from __future__ import annotations

import argparse
import datetime as dt

from imagine_calc.cli.output import observation_json, print_json, say
from imagine_calc.cli.parser import UsageError
from imagine_calc.cli.quote_commands import find_model
from imagine_calc.core.catalog import override_file
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.limits import LimitError
from imagine_calc.core.numbers import number
from imagine_calc.core.pricing.observations import disagreement, parse_observed
from imagine_calc.core.pricing.quotes import check_generation, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.catalog import recorded_settings, settings_words
from imagine_calc.core.text.findings import caveat_words


def cmd_record(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    if args.list:
        return _list(args, loaded)
    if args.model is None:
        raise UsageError("imagine-calc record: name the MODEL (and the CREDITS ImagineArt showed), or --list")
    model = find_model(catalog, args.model)
    req = GenerationRequest(model.id, args.resolution, args.aspect, args.images, args.prompt_enhancer)
    check_generation(catalog, req)
    path = loaded.override_path
    try:
        if args.remove:
            return _remove(args, loaded, req)
        if args.credits is None:
            raise UsageError("imagine-calc record: give the CREDITS ImagineArt's Create button showed")
        try:
            credits = parse_observed(args.credits)
        except LimitError as exc:
            raise UsageError(f"imagine-calc record: {exc}") from None
        if args.date is not None and args.date > dt.date.today():
            raise UsageError(f"imagine-calc record: --date {args.date.isoformat()} is after today")
        seen = Observation(
            model.id, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer, credits, args.date
        )
        written = override_file.record(path, seen)
    except CatalogError as exc:
        say("imagine-calc: not recorded: your override file has problems to fix first:", err=True)
        for problem in exc.problems:
            say(str(problem), err=True)
        return 1
    except OSError as exc:
        say(f"imagine-calc: not recorded: cannot write {path}: {exc.strerror or exc}", err=True)
        return 1
    quote = quote_generation(written.catalog, req)
    say(
        f"Recorded {number(credits)} credits for {recorded_settings(seen, catalog)}, "
        f"observed {seen.date.isoformat()}, in {path}"
    )
    for note in quote.caveats:
        say(f"  note: {caveat_words(note)}")
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
        raise UsageError("imagine-calc record --remove: give the settings, not CREDITS")
    if all(keep(o) for o in catalog.observations):
        name = catalog.model(req.model_id).name
        what = settings_words(name, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer)
        say(f"imagine-calc: no recording of {what}", err=True)
        return 1
    written, gone = override_file.remove_recordings(loaded.override_path, keep, catalog)
    for o in gone:
        say(f"Removed: {recorded_settings(o, catalog)}: {number(o.credits)} ({o.date.isoformat()})")
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
        say("No recorded prices." + (f" ({loaded.override_error.first})" if loaded.override_error else ""))
        return 0
    for o in found:
        say(f"{recorded_settings(o, catalog)}: {number(o.credits)} credits, observed {o.date.isoformat()}")
        for note in disagreement(catalog.model(o.model_id), o):
            say(f"  note: {caveat_words(note)}")
    return 0
