"""Words for the Generate tab's settings: what each option would change, the images count's
bounds, the prompt enhancer's surcharge, and settings fitted to a model."""

from __future__ import annotations

from dataclasses import dataclass

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.numbers import PLAIN, NumberStyle, number
from imagine_calc.core.pricing.generate_view import Choice, GenerateView
from imagine_calc.core.text import quotes
from imagine_calc.core.text.catalog import settings_words
from imagine_calc.core.text.findings import fitted_words, refusal_words
from imagine_calc.core.text.plurals import plural


@dataclass(frozen=True)
class Option:
    """One option of a menu: its text (with what it would change) and its tooltip."""

    text: str
    tooltip: str


def resolution_option(choice: Choice, view: GenerateView, style: NumberStyle = PLAIN) -> Option:
    """ "2K    +24.5" with "2K: 73.5 credits (+24.5)"; "3K    not offered" with why not."""
    if choice.quote is None:
        why = refusal_words(choice.reason) if choice.reason is not None else ""
        return Option(f"{choice.value}    not offered", why)
    if choice.value == view.request.resolution:
        return Option(choice.value, f"{choice.value} (current): {quotes.long(choice.quote, style)}")
    change = quotes.delta(view.quote, choice.quote, style)
    return Option(
        f"{choice.value}    {change}", f"{choice.value}: {quotes.long(choice.quote, style)} ({change})"
    )


def resolution_hints(view: GenerateView, style: NumberStyle = PLAIN) -> str:
    """ "2K: +24.5   4K: +49", or that there is no other resolution."""
    hints = [
        f"{c.value}: {quotes.delta(view.quote, c.quote, style)}"
        for c in view.resolutions
        if c.quote is not None and c.value != view.request.resolution
    ]
    return "   ".join(hints) if hints else "the only resolution offered"


def images_hints(view: GenerateView, style: NumberStyle = PLAIN) -> str:
    """ "2 images: +49" for one image more (and fewer), what each would change."""
    n = view.request.images
    return "   ".join(
        f"{plural(int(c.value), 'image', style)}: "
        + quotes.delta(view.quote, c.quote, style, more_images=int(c.value) - n)
        for c in view.images
        if c.quote is not None
    )


def images_tooltip(catalog: Catalog) -> str:
    limit = "inferred: the page names no larger count" if "max" in catalog.images_inferred else "stated"
    return (
        f"Images per generation (Alt+I), {catalog.images_min} to {catalog.images_max} ({limit}); "
        "n images cost n times one"
    )


def enhancer_option(view: GenerateView, catalog: Catalog, style: NumberStyle = PLAIN) -> Option:
    """The enhancer's check box: "&Prompt enhancer    + ?" with its surcharge, or why it is not
    known and what switching it would change."""
    change = quotes.delta(view.quote, view.enhancer, style)
    pe = catalog.prompt_enhancer
    text = f"&Prompt enhancer    {change}"
    if pe.surcharge is None:
        why = pe.unknown.get("surcharge", "The surcharge is not published.")
        return Option(
            text, f"{why}\nSwitching it {'off' if view.request.prompt_enhancer else 'on'}: {change}"
        )
    each = "per image" if pe.applies == "per_image" else "per generation"
    amount = number(pe.surcharge, style)
    return Option(text, f"{pe.name}: {amount} {'credit' if amount == '1' else 'credits'} {each}")


def notices(view: GenerateView) -> str:
    """Each setting the model made change: "Flux Dev goes up to 1K: using 1K." """
    return " ".join(fitted_words(f) for f in view.notices)


def total_description(view: GenerateView, model_name: str, style: NumberStyle = PLAIN) -> str:
    """The Generate total's tooltip and accessible description, a line each: the settings, the
    total, every digit."""
    r = view.request
    settings = settings_words(model_name, r.resolution, r.aspect_ratio, r.images, r.prompt_enhancer, style)
    lines = [settings, f"Total: {quotes.long(view.quote, style)}", quotes.unrounded(view.quote, style)]
    return "\n".join(line for line in lines if line)
