"""What each CLI subcommand prints; all figures come from the pricing core."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from imagine_calc.cli import UsageError, print_json
from imagine_calc.core.catalog.loader import LoadedCatalog, bundled_files, load_override, read_file
from imagine_calc.core.catalog.records import Catalog, Model, Observation
from imagine_calc.core.errors import CatalogError, QuoteError
from imagine_calc.core.estimates.estimate import sum_quotes
from imagine_calc.core.images.image_files import iter_candidates, size_candidate
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.limits import LimitError, parse_credits
from imagine_calc.core.pricing.quotes import (
    GenerationRequest,
    Quote,
    check_generation,
    check_upscale,
    megapixels,
    output_size,
    quote_generation,
    quote_upscale,
)
from imagine_calc.core.text.formatting import (
    age_text,
    credits_text,
    json_number,
    line_amount_text,
    price_summary,
    total_text,
)


def model_json(model: Model, catalog: Catalog) -> dict[str, Any]:
    pro_inferred = model.inferred.get("requires_subscription")
    return {
        "id": model.id,
        "name": model.name,
        "description": model.description,
        "prices": {t: json_number(p) for t, p in model.tier_prices.items()},
        "flat_price": model.flat,
        "tiers": {
            t: {
                "credits": json_number(model.price_at(t)),
                "basis": model.basis_at(t).value,
                "lower_bound": model.lower_bound_at(t),
            }
            for t in model.tiers
        },
        "max_resolution": model.max_resolution,
        "aspect_ratios": list(model.aspect_ratios),
        "requires_subscription": {
            "value": model.requires_subscription,
            "basis": "inferred" if pro_inferred else "stated",
            "reason": pro_inferred or "",
        },
        "unknown": dict(model.unknown),
        "inferred": dict(model.inferred),
        "observed": [observation_json(o) for o in catalog.observations_of(model.id)],
        "origin": model.origin,
    }


def observation_json(o: Observation) -> dict[str, Any]:
    return {
        "model": o.model_id,
        "resolution": o.resolution,
        "aspect_ratio": o.aspect_ratio,
        "images": o.images,
        "prompt_enhancer": o.prompt_enhancer,
        "credits": json_number(o.credits),
        "date": o.date.isoformat(),
    }


def cmd_models(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    if args.json:
        print_json([model_json(m, catalog) for m in catalog.models])
        return 0
    rows = [
        (m.name, price_summary(m), m.max_resolution or "unknown", ", ".join(m.aspect_ratios))
        for m in catalog.models
    ]
    head = ("Model", "Credits per image", "Max res.", "Aspect ratios")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    for row in [head, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[3])
    print(f"\nCatalog {catalog.version}, prices as of {catalog.as_of}.")
    return 0


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "total_credits": json_number(quote.total),
        "known_credits": json_number(quote.known_total),
        "complete": quote.complete,
        "estimated": quote.estimated,
        "state": quote.state.value,
        "basis": quote.basis,
        "lines": [
            {
                "label": line.label,
                "credits": json_number(line.credits),
                "detail": line.detail,
                "basis": line.basis.value,
                "lower_bound": line.lower_bound,
            }
            for line in quote.lines
        ],
        "unknown": list(quote.unknown_reasons),
        "caveats": list(quote.caveats),
    }


def cmd_quote(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    model = _find_model(catalog, args.model)
    req = GenerationRequest(model.id, args.resolution, args.aspect, args.images, args.prompt_enhancer)
    quote = quote_generation(catalog, req)
    if args.json:
        print_json(
            {
                "model": model.id,
                "name": model.name,
                "resolution": req.resolution,
                "aspect_ratio": req.aspect_ratio,
                "images": req.images,
                "prompt_enhancer": req.prompt_enhancer,
                **quote_json(quote),
            }
        )
        return 0
    for line in quote.lines:
        print(f"  {line.label}: {line_amount_text(line)}  ({line.detail})")
    print(f"Total: {total_text(quote)}")
    for reason in (*quote.unknown_reasons, *quote.caveats):
        print(f"  note: {reason}")
    return 0


def cmd_upscale(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    engine = catalog.find_engine(args.engine)
    if engine is None:
        raise QuoteError(f"no upscale engine '{args.engine}'", [e.id for e in catalog.engines])
    check_upscale(catalog, engine.id, args.scale)
    results: list[dict[str, Any]] = []
    quotes: list[Quote] = []
    failed = 0
    for candidate in iter_candidates(args.files):
        size = candidate if isinstance(candidate, SizeError) else size_candidate(candidate)
        if size is None:
            continue
        if isinstance(size, SizeError):
            failed += 1
            results.append({"path": size.path, "error": size.message})
            continue
        results.append(_upscale_row(catalog, engine.id, args.scale, size, quotes))
        failed += "error" in results[-1]
    known = sum((q.known_total for q in quotes), Decimal(0))
    complete = all(q.complete for q in quotes)
    if args.json:
        print_json(
            {
                "engine": engine.id,
                "scale": args.scale,
                "files": results,
                "quoted": len(quotes),
                "failed": failed,
                "total_credits": json_number(known) if complete else None,  # type: ignore[arg-type]
                "complete": complete,
            }
        )
    else:
        for row in results:
            if "error" in row:
                print(f"{row['path']}: {row['error']}")
            else:
                print(
                    f"{row['path']}: {row['width']} x {row['height']} ({row['megapixels']} MP)"
                    f" -> {row['output_width']} x {row['output_height']}: {row['text']}"
                )
        total = sum_quotes(quotes)
        print(
            f"Total for {len(quotes)} image(s) with {engine.name} {args.scale}x: "
            f"{total_text(total)}" + (f"; {failed} file(s) could not be quoted" if failed else "")
        )
    return 1 if failed else 0


def _upscale_row(
    catalog: Catalog, engine_id: str, scale: int, size: ImageSize, quotes: list[Quote]
) -> dict[str, Any]:
    out_w, out_h = output_size(size.width, size.height, scale)
    row: dict[str, Any] = {
        "path": size.path,
        "width": size.width,
        "height": size.height,
        "megapixels": json_number(megapixels(size.width, size.height)),
        "output_width": out_w,
        "output_height": out_h,
    }
    try:
        quote = quote_upscale(catalog, engine_id, scale, size.width, size.height)
    except QuoteError as exc:
        return {**row, "error": str(exc)}
    quotes.append(quote)
    return {**row, "credits": json_number(quote.total), "text": total_text(quote)}


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
    age = catalog.age_days(dt.date.today())
    info = {
        "version": catalog.version,
        "as_of": catalog.as_of.isoformat(),
        "age_days": age,
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
    print(f"Catalog version {catalog.version}, prices as of {catalog.as_of} ({age_text(age)})")
    print(f"Source: {catalog.source.title} <{catalog.source.url}>")
    print(f"{len(catalog.models)} models, {len(catalog.engines)} upscale engines")
    state = (
        "active"
        if loaded.override_active
        else ("INVALID, ignored" if loaded.override_error else "none (the file does not exist)")
    )
    print(f"Override file: {loaded.override_path} [{state}]")
    return 0


def _revert(loaded: LoadedCatalog) -> int:
    from imagine_calc.core.catalog.override_file import revert

    try:
        restored, aside = revert(loaded.override_path)
    except FileNotFoundError as exc:
        print(f"imagine-calc: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"imagine-calc: cannot revert {loaded.override_path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Reverted {loaded.override_path} to {restored.name}.")
    if aside is not None:
        print(f"The file it replaced is kept as {aside.name}.")
    return 0


def _check_file(args: argparse.Namespace) -> int:
    path = args.check
    if not os.path.lexists(path):
        raise UsageError(f"imagine-calc catalog: --check: no file {path}")
    try:
        load_override(bundled_files(), read_file(path), str(path))
    except CatalogError as exc:
        print(f"{path}: {len(exc.problems)} problem(s)", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{path}: valid")
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
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    update = diff(loaded.catalog, page)
    as_of = args.as_of or page_date(path)
    backup = None
    if args.apply and update.changes:
        try:
            backup = apply_update(update, loaded.catalog, loaded.override_path, as_of, path.name).backup
        except CatalogError as exc:
            print(f"not applied: the update would not be a valid override:\n{exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"not applied: cannot write {loaded.override_path}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    applied = backup is not None
    if args.json:
        print_json(
            {
                "page": str(path),
                "as_of": as_of.isoformat(),
                "models_on_page": len(page.models),
                "changes": [c.__dict__ for c in update.changes],
                "notes": list(update.notes),
                "applied": applied,
                "override_path": str(loaded.override_path),
                "backup": str(backup) if backup else None,
            }
        )
        return 0
    print(f"{path.name}: {len(page.models)} models, {len(page.engines)} upscale engines (as of {as_of})")
    if not update.changes:
        print("No changes: the catalog in use already has the page's prices.")
    for change in update.changes:
        arrow = f"{change.before} -> {change.after}" if change.before else change.after
        print(f"  {change.kind:<15} {change.name}: {arrow}")
    for note in update.notes:
        print(f"  note: {note}")
    if backup is not None:
        print(f"Applied: written to {loaded.override_path} (the file as it was is kept as {backup.name})")
    elif update.changes:
        print("Not applied: run again with --apply to write these prices as your override.")
    return 0


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


def cmd_record(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    """Keep, list or remove the totals the user read off ImagineArt's Create button."""
    from imagine_calc.core.catalog import override_file
    from imagine_calc.core.pricing.observations import settings_text

    catalog = loaded.catalog
    if args.list:
        return _list_recordings(args, loaded)
    if args.model is None:
        raise UsageError("imagine-calc record: name the MODEL (and the CREDITS ImagineArt showed), or --list")
    model = _find_model(catalog, args.model)
    req = GenerationRequest(model.id, args.resolution, args.aspect, args.images, args.prompt_enhancer)
    check_generation(catalog, req)
    path = loaded.override_path
    try:
        if args.remove:
            if args.credits is not None:
                raise UsageError("imagine-calc record --remove: give the settings, not CREDITS")

            def keep(o: Observation) -> bool:
                same = (o.model_id, o.resolution, o.images, o.prompt_enhancer) == (
                    req.model_id,
                    req.resolution,
                    req.images,
                    req.prompt_enhancer,
                )
                return not (same and (args.aspect is None or o.aspect_ratio == args.aspect))

            if all(keep(o) for o in catalog.observations):
                print(f"imagine-calc: no recording of {_settings(req, catalog)}", file=sys.stderr)
                return 1
            written, gone = override_file.remove_recordings(path, keep, catalog)
            for o in gone:
                print(
                    f"Removed: {settings_text(o, catalog)}: {credits_text(o.credits)} ({o.date.isoformat()})"
                )
            print(f"The file as it was is kept as {written.backup.name}.")
            return 0
        if args.credits is None:
            raise UsageError("imagine-calc record: give the CREDITS ImagineArt's Create button showed")
        try:
            credits = parse_credits(args.credits)
        except LimitError as exc:
            raise UsageError(f"imagine-calc record: {exc}") from None
        seen = Observation(
            model.id, req.resolution, req.aspect_ratio, req.images, req.prompt_enhancer, credits, args.date
        )
        written = override_file.record(path, seen)
    except CatalogError as exc:
        print(
            f"imagine-calc: not recorded: your override file has problems to fix first:\n{exc}",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"imagine-calc: not recorded: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    quote = quote_generation(written.catalog, req)
    print(
        f"Recorded {credits_text(credits)} credits for {settings_text(seen, catalog)}, "
        f"observed {seen.date.isoformat()}, in {path}"
    )
    for note in quote.caveats:
        print(f"  note: {note}")
    print(f"The file as it was is kept as {written.backup.name}.")
    return 0


def _list_recordings(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.pricing.observations import disagreement, settings_text

    catalog = loaded.catalog
    model = _find_model(catalog, args.model) if args.model else None
    found = [o for o in catalog.observations if model is None or o.model_id == model.id]
    if args.json:
        print_json([observation_json(o) for o in found])
        return 0
    if not found:
        print("No recorded prices." + (f" ({loaded.override_error.first})" if loaded.override_error else ""))
        return 0
    for o in found:
        print(
            f"{settings_text(o, catalog)}: {credits_text(o.credits)} credits, observed {o.date.isoformat()}"
        )
        for note in disagreement(catalog.model(o.model_id), o):
            print(f"  note: {note}")
    return 0


def _find_model(catalog: Catalog, text: str) -> Model:
    model = catalog.find_model(text)
    if model is None:
        raise QuoteError(f"no model '{text}'", [m.name for m in catalog.models])
    return model


def _settings(req: GenerationRequest, catalog: Catalog) -> str:
    from imagine_calc.core.pricing.observations import settings_text

    return settings_text(
        Observation(
            req.model_id,
            req.resolution,
            req.aspect_ratio,
            req.images,
            req.prompt_enhancer,
            Decimal(0),
            dt.date.today(),
        ),
        catalog,
    )
