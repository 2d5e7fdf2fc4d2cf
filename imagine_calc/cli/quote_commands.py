"""models, quote and upscale: what settings and image files cost, in words or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from imagine_calc.cli.output import model_json, print_json, say, style
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.catalog.records import BASE_TIER, Basis, Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.images.image_files import ScanTally, iter_candidates, size_candidate
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.language import _
from imagine_calc.core.numbers import NumberStyle, json_number
from imagine_calc.core.pricing.quotes import Quote, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import (
    check_upscale,
    is_small_estimate,
    megapixels,
    output_size,
    quote_upscale,
    quote_upscale_batch,
)
from imagine_calc.core.text import quotes
from imagine_calc.core.text import upscale as upscale_text
from imagine_calc.core.text.breakdown import breakdown, quote_record
from imagine_calc.core.text.catalog import PRO_INFERRED, price_summary, pro_mark
from imagine_calc.core.text.sizes import megapixels as megapixels_text
from imagine_calc.core.text.sizes import pixels


def find_model(catalog: Catalog, text: str) -> Model:
    """The model named by id or name; else a QuoteError that suggests the closest names."""
    model = catalog.find_model(text)
    if model is None:
        close = catalog.suggest_models(text)
        if close:
            names = _(" or ").join(repr(m.name) for m in close)
            raise QuoteError(_("no model '{name}'; did you mean {names}?").format(name=text, names=names))
        raise QuoteError(_("no model '{name}'").format(name=text), [m.name for m in catalog.models])
    return model


def cmd_models(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    if args.json:
        print_json([model_json(m, catalog) for m in catalog.models])
        return 0
    figures = style()
    head = (_("Model"), _("Id"), _("Credits per image"), _("Max"), _("Plan"))
    base = _("(base)")
    rows = [
        (
            m.name,
            m.id,
            price_summary(m, figures)
            + (f" {base}" if m.flat and m.basis_at(BASE_TIER) is Basis.BASE else ""),
            m.max_resolution or "?",
            pro_mark(m),
        )
        for m in catalog.models
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        say("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    say()
    say(
        _(
            "{base}: the page's one base price, the 1K price; higher resolutions cost at least that, "
            "and the page says larger output dimensions cost more."
        ).format(base=base)
    )
    say(
        _('Max ?: the page says "See tooltip". Pro*: needs a subscription, {why}.').format(
            why=_(PRO_INFERRED)
        )
    )
    say(
        _("Catalog {version}, prices as of {date}. Aspect ratios: models --json.").format(
            version=catalog.version, date=figures.date(catalog.as_of)
        )
    )
    return 0


def cmd_quote(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    model = find_model(catalog, args.model)
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
                **quote_record(quote),
            }
        )
        return 0
    figures = style()
    said = breakdown(quote, figures)
    for row in said.rows:
        say(f"  {row.label}: {row.amount}  ({row.detail})")
    say(_("Total: {total}").format(total=quotes.long(quote, figures)))
    for note in (*said.not_known, *said.notes):
        say("  " + _("note: {note}").format(note=note))
    return 0


def cmd_upscale(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    engine = catalog.find_engine(args.engine)
    if engine is None:
        raise QuoteError(
            _("no upscale engine '{name}'").format(name=args.engine), [e.id for e in catalog.engines]
        )
    check_upscale(catalog, engine.id, args.scale)
    results: list[dict[str, Any]] = []
    found: list[Quote] = []
    tally = ScanTally()
    for candidate in iter_candidates(args.files):
        size = candidate if isinstance(candidate, SizeError) else size_candidate(candidate, tally)
        if size is None:
            continue
        if isinstance(size, SizeError):
            results.append({"path": size.path, "error": size.message})
            continue
        results.append(_upscale_row(catalog, engine.id, args.scale, size, found))
    failed = sum("error" in row for row in results)
    # One quote for the batch: its caveats (an inferred base cost, no size limit stated, said
    # for the largest output) once, not once per image.
    quoted = [(row["width"], row["height"]) for row in results if "error" not in row]
    total = quote_upscale_batch(catalog, engine.id, args.scale, quoted)
    complete = total.complete and not failed
    if args.json:
        print_json(
            {
                "engine": engine.id,
                "scale": args.scale,
                "files": results,
                "quoted": len(found),
                "failed": failed,
                "skipped": tally.counts(),
                "total_credits": json_number(total.known_total) if complete else None,
                "complete": complete,
                "total": quote_record(total),
                "size_limit_stated": engine.max_input_megapixels is not None,
            }
        )
    elif results:  # a total of nothing, 0 credits, would read as a quote
        _say_upscale(results, found, engine.name, args.scale, total, tally)
    else:
        _say_skipped(tally, style())
    if not results:
        said = _("imagine-calc: no images found in {files}: nothing to quote").format(
            files=", ".join(args.files)
        )
        say(said, err=True)
        return 1
    return 1 if failed else 0


def _say_upscale(
    results: list[dict[str, Any]], found: list[Quote], engine: str, scale: int, total: Quote, tally: ScanTally
) -> None:
    """The upscale quotes for people: a line per file, the total, what was skipped, the notes."""
    figures, quoted = style(), iter(found)
    for row in results:
        if "error" in row:
            say(_("{path}: not quoted: {why}").format(path=row["path"], why=row["error"]))
            continue
        mp = megapixels_text(megapixels(row["width"], row["height"]), figures)
        out = pixels(row["output_width"], row["output_height"])
        shown = quotes.long(next(quoted), figures)
        say(f"{row['path']}: {pixels(row['width'], row['height'])} ({mp}) -> {out}: {shown}")
    failed = sum("error" in row for row in results)
    say(upscale_text.command_line_total(engine, scale, total, len(found), failed, figures))
    _say_skipped(tally, figures)
    for note in breakdown(total, figures).notes:
        say("  " + _("note: {note}").format(note=note))
    if any(is_small_estimate(q) for q in found):
        say("  " + _("note: {note}").format(note=_(upscale_text.NO_MINIMUM)))


def _say_skipped(tally: ScanTally, figures: NumberStyle) -> None:
    """What the folders held that was passed over, if anything ("2 SVG drawings")."""
    if tally.counts():
        skipped = upscale_text.skipped_words(tally.counts(), figures)
        say("  " + _("skipped in folders: {files}").format(files=skipped))


def _upscale_row(
    catalog: Catalog, engine_id: str, scale: int, size: ImageSize, found: list[Quote]
) -> dict[str, Any]:
    out_w, out_h = output_size(size.width, size.height, scale)
    mp = megapixels(size.width, size.height)
    row: dict[str, Any] = {
        "path": size.path,
        "width": size.width,
        "height": size.height,
        "megapixels": json_number(mp),
        "megapixels_text": megapixels_text(mp),
        "output_width": out_w,
        "output_height": out_h,
    }
    try:
        quote = quote_upscale(catalog, engine_id, scale, size.width, size.height)
    except QuoteError as exc:
        return {**row, "error": str(exc)}
    found.append(quote)
    return {**row, **quote_record(quote)}
