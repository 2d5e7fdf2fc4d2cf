"""Words for upscale quotes in a batch: the headline total, what was quoted and what passed
over (and why), and the notes that go with the batch, for the window and the command line."""

from __future__ import annotations

from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.numbers import PLAIN, NumberStyle, whole
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.findings import caveat_words, detail_words, label_words
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sizes import pixels, upscale_words

#: Kinds of file a folder scan passes over (core/images), as a person names them.
SKIPPED_NOUNS = {
    "svg": "SVG drawing",
    "pdf": "PDF document",
    "psd": "Photoshop file",
    "raw": "camera RAW file",
}
#: What ImagineArt does not say about a tiny image's price (pricing.upscale.is_small_estimate).
NO_MINIMUM = "ImagineArt publishes no rounding and no minimum charge: a small image may cost more."


def skipped_words(counts: dict[str, int], style: NumberStyle = PLAIN) -> str:
    """ "2 SVG drawings, 1 PDF document and 14 other files" """
    parts = [
        plural(n, SKIPPED_NOUNS.get(kind, "other file"), style)
        for kind, n in sorted(counts.items(), key=lambda kv: kv[0] == "other")
    ]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""


def headline(engine: str, scale: int, total: Quote, quoted: int, style: NumberStyle = PLAIN) -> str:
    """ "Topaz 2×: about 2,816 credits", or "nothing quoted yet"."""
    return f"{upscale_words(engine, scale)}: {quotes.long(total, style) if quoted else 'nothing quoted yet'}"


def batch_words(
    total: Quote,
    quoted: int,
    not_quoted: int,
    duplicates: int,
    skipped: dict[str, int],
    may_cost_more: bool,
    style: NumberStyle = PLAIN,
) -> str:
    """Under the total: "6 files quoted · 1 not quoted (the reason is on each row) · ...", then
    the batch's notes, once each."""
    counts = [f"{plural(quoted, 'file', style)} quoted"]
    if not_quoted:
        counts.append(f"{whole(not_quoted, style)} not quoted (the reason is on each row)")
    if duplicates:
        counts.append(f"{plural(duplicates, 'duplicate', style)} not counted")
    if skipped:
        counts.append(f"skipped in folders: {skipped_words(skipped, style)}")
    if may_cost_more:
        counts.append(NO_MINIMUM)
    notes = list(dict.fromkeys(caveat_words(c, style) for c in total.caveats)) if quoted else []
    return "\n".join([" · ".join(counts), *notes])


def command_line_total(engine: str, scale: int, total: Quote, quoted: int, failed: int) -> str:
    """ "Total for 3 images with Topaz 2×: about 14 credits; 1 file could not be quoted" """
    out = f"Total for {plural(quoted, 'image')} with {upscale_words(engine, scale)}: {quotes.long(total)}"
    return out + (f"; {plural(failed, 'file')} could not be quoted" if failed else "")


def image_tooltip(
    path: str, size: ImageSize | SizeError, quote: Quote | str | None, style: NumberStyle = PLAIN
) -> str:
    """An upscale row's tooltip: where the file is, its kind and size, its quote with every
    digit and how it was found, the notes; or why it is not quoted."""
    if isinstance(size, SizeError):
        return f"{path}\nNot quoted: {size.message}"
    text = f"{path}\n{size.format}, {pixels(size.width, size.height)} pixels"
    if isinstance(quote, Quote):
        line = quote.lines[0]
        how = detail_words(line.detail, style)
        text += f"\n{label_words(line.label)}: {quotes.exact(quote, style)} ({how})"
        text += "".join(f"\n{caveat_words(c, style)}" for c in quote.caveats)
    elif quote:
        text += f"\nNot quoted: {quote}"
    return text


def drop_hint(files: int, addresses: int, image: bool) -> str:
    """What a drop would add, shown while dragging; "" for nothing it takes."""
    if files:
        return f"Release to quote {plural(files, 'item')}"
    if addresses:
        return "Web addresses cannot be quoted: the app is offline"
    return "Release to quote this image" if image else ""


def addresses_refused(n: int, offline: str) -> str:
    """ "2 web addresses not quoted: imagine-calc works offline ..." """
    return f"{plural(n, 'web address', many='web addresses')} not quoted: {offline}"


def batch_label(images: int) -> str:
    """The label of an estimate line made from several upscale rows."""
    return f"Upscale {plural(images, 'image')}"


def pasted_name(n: int) -> str:
    return f"Pasted image {n}"


def reading_stopped() -> str:
    return "Reading stopped: the files read so far are quoted."


def nothing_to_paste() -> str:
    return "The clipboard holds no image and no files."


def nothing_to_add() -> str:
    return "Nothing to add: drop or paste images first."
