"""models, quote and upscale: what settings and image files cost, in words or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from imagine_calc.cli.output import model_json, print_json, say
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.catalog.records import BASE_TIER, Basis, Catalog, Model
from imagine_calc.core.errors import QuoteError
from imagine_calc.core.images.image_files import ScanTally, iter_candidates, size_candidate
from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.numbers import json_number
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

#: Said under a quote that rests on Topaz's per-megapixel formula for a small image.


def find_model(catalog: Catalog, text: str) -> Model:
    """The model named by id or name; else a QuoteError that suggests the closest names."""
    model = catalog.find_model(text)
    if model is None:
        close = catalog.suggest_models(text)
        if close:
            raise QuoteError(f"no model '{text}'; did you mean {' or '.join(repr(m.name) for m in close)}?")
        raise QuoteError(f"no model '{text}'", [m.name for m in catalog.models])
    return model


def cmd_models(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    if args.json:
        print_json([model_json(m, catalog) for m in catalog.models])
        return 0
    head = ("Model", "Id", "Credits per image", "Max", "Plan")
    rows = [
        (
            m.name,
            m.id,
            price_summary(m) + (" (base)" if m.flat and m.basis_at(BASE_TIER) is Basis.BASE else ""),
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
        "(base): the page's one base price, the 1K price; higher resolutions cost at least that, and "
        "the page says larger output dimensions cost more."
    )
    say(f'Max ?: the page says "See tooltip". Pro*: needs a subscription, {PRO_INFERRED}.')
    say(f"Catalog {catalog.version}, prices as of {catalog.as_of}. Aspect ratios: models --json.")
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
    said = breakdown(quote)
    for row in said.rows:
        say(f"  {row.label}: {row.amount}  ({row.detail})")
    say(f"Total: {quotes.long(quote)}")
    for note in (*said.not_known, *said.notes):
        say(f"  note: {note}")
    return 0


def cmd_upscale(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    catalog = loaded.catalog
    engine = catalog.find_engine(args.engine)
    if engine is None:
        raise QuoteError(f"no upscale engine '{args.engine}'", [e.id for e in catalog.engines])
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
    else:
        for row in results:
            if "error" in row:
                say(f"{row['path']}: not quoted: {row['error']}")
            else:
                say(
                    f"{row['path']}: {pixels(row['width'], row['height'])} ({row['megapixels_text']})"
                    f" -> {pixels(row['output_width'], row['output_height'])}: {row['text']}"
                )
        say(upscale_text.command_line_total(engine.name, args.scale, total, len(found), failed))
        if tally.counts():
            say(f"  skipped in folders: {upscale_text.skipped_words(tally.counts())}")
        for note in breakdown(total).notes:
            say(f"  note: {note}")
        if any(is_small_estimate(q) for q in found):
            say(f"  note: {upscale_text.NO_MINIMUM}")
    if not results:
        say(f"imagine-calc: no images found in {', '.join(args.files)}: nothing to quote", err=True)
        return 1
    return 1 if failed else 0


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
