"""Words for upscale quotes in a batch: the headline total, what was quoted and what passed
over (and why), and the notes that go with the batch, for the window and the command line."""

from __future__ import annotations

from imagine_calc.core.images.image_size import ImageSize, SizeError
from imagine_calc.core.language import N_, N_plural, _
from imagine_calc.core.numbers import PLAIN, NumberStyle
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.catalog import and_words
from imagine_calc.core.text.findings import caveat_words, detail_words, label_words
from imagine_calc.core.text.plurals import plural
from imagine_calc.core.text.sizes import pixels, upscale_words

#: Kinds of file a folder scan passes over (core/images), as a person counts them.
SKIPPED_NOUNS = {
    "svg": N_plural("{n} SVG drawing", "{n} SVG drawings"),
    "pdf": N_plural("{n} PDF document", "{n} PDF documents"),
    "psd": N_plural("{n} Photoshop file", "{n} Photoshop files"),
    "raw": N_plural("{n} camera RAW file", "{n} camera RAW files"),
}
OTHER_FILES = N_plural("{n} other file", "{n} other files")
#: What ImagineArt does not say about a tiny image's price (pricing.upscale.is_small_estimate).
NO_MINIMUM = N_("ImagineArt publishes no rounding and no minimum charge: a small image may cost more.")


def skipped_words(counts: dict[str, int], style: NumberStyle = PLAIN) -> str:
    """ "2 SVG drawings, 1 PDF document and 14 other files" """
    parts = [
        plural(n, *SKIPPED_NOUNS.get(kind, OTHER_FILES), style)
        for kind, n in sorted(counts.items(), key=lambda kv: kv[0] == "other")
    ]
    return and_words(parts)


def headline(engine: str, scale: int, total: Quote, quoted: int, style: NumberStyle = PLAIN) -> str:
    """ "Topaz 2×: about 2,816 credits", or "nothing quoted yet"."""
    return (
        f"{upscale_words(engine, scale)}: {quotes.long(total, style) if quoted else _('nothing quoted yet')}"
    )


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
    counts = [plural(quoted, "{n} file quoted", "{n} files quoted", style)]
    if not_quoted:
        # English says "1 not quoted" and "2 not quoted"; other languages agree with the count.
        counts.append(
            plural(
                not_quoted,
                "{n} not quoted (the reason is on its row)",
                "{n} not quoted (the reason is on each row)",
                style,
            )
        )
    if duplicates:
        counts.append(plural(duplicates, "{n} duplicate not counted", "{n} duplicates not counted", style))
    if skipped:
        counts.append(_("skipped in folders: {files}").format(files=skipped_words(skipped, style)))
    if may_cost_more:
        counts.append(_(NO_MINIMUM))
    notes = list(dict.fromkeys(caveat_words(c, style) for c in total.caveats)) if quoted else []
    return "\n".join([" · ".join(counts), *notes])


def command_line_total(
    engine: str, scale: int, total: Quote, quoted: int, failed: int, style: NumberStyle = PLAIN
) -> str:
    """ "Total for 3 images with Topaz 2×: about 14 credits; 1 file could not be quoted" """
    out = plural(
        quoted,
        "Total for {n} image with {upscale}: {total}",
        "Total for {n} images with {upscale}: {total}",
        style,
        upscale=upscale_words(engine, scale),
        total=quotes.long(total, style),
    )
    if failed:
        out += plural(failed, "; {n} file could not be quoted", "; {n} files could not be quoted", style)
    return out


def image_tooltip(
    path: str, size: ImageSize | SizeError, quote: Quote | str | None, style: NumberStyle = PLAIN
) -> str:
    """An upscale row's tooltip: where the file is, its kind and size, its quote with every
    digit and how it was found, the notes; or why it is not quoted."""
    if isinstance(size, SizeError):
        return f"{path}\n" + _("Not quoted: {why}").format(why=size.message)
    text = f"{path}\n" + _("{format}, {size} pixels").format(
        format=size.format, size=pixels(size.width, size.height)
    )
    if isinstance(quote, Quote):
        line = quote.lines[0]
        how = detail_words(line.detail, style)
        text += f"\n{label_words(line.label)}: {quotes.exact(quote, style)} ({how})"
        text += "".join(f"\n{caveat_words(c, style)}" for c in quote.caveats)
    elif quote:
        text += "\n" + _("Not quoted: {why}").format(why=quote)
    return text


def drop_hint(files: int, addresses: int, image: bool) -> str:
    """What a drop would add, shown while dragging; "" for nothing it takes."""
    if files:
        return plural(files, "Release to quote {n} item", "Release to quote {n} items")
    if addresses:
        return _("Web addresses cannot be quoted: the app is offline")
    return _("Release to quote this image") if image else ""


def addresses_refused(n: int, offline: str) -> str:
    """ "2 web addresses not quoted: imagine-calc works offline ..." """
    return plural(
        n, "{n} web address not quoted: {offline}", "{n} web addresses not quoted: {offline}", offline=offline
    )


def batch_label(images: int) -> str:
    """The label of an estimate line made from several upscale rows."""
    return plural(images, "Upscale {n} image", "Upscale {n} images")


def pasted_name(n: int) -> str:
    return _("Pasted image {n}").format(n=n)


def reading_stopped() -> str:
    return _("Reading stopped: the files read so far are quoted.")


def nothing_to_paste() -> str:
    return _("The clipboard holds no image and no files.")


def nothing_to_add() -> str:
    return _("Nothing to add: drop or paste images first.")
