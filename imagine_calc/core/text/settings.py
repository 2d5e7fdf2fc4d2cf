"""Words for the Generate tab's settings: what each option would change, the images count's
bounds, the prompt enhancer's surcharge, and settings fitted to a model."""

from __future__ import annotations

from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _
from imagine_calc.core.numbers import PLAIN, NumberStyle
from imagine_calc.core.pricing.generate_view import Choice, GenerateView
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text import quotes
from imagine_calc.core.text.catalog import catalog_name, catalog_note, settings_words
from imagine_calc.core.text.findings import fitted_words, refusal_words
from imagine_calc.core.text.plurals import plural


@record
class Option(Frozen):
    """One option of a menu: its text (with what it would change) and its tooltip."""

    text: str
    tooltip: str


@record
class Hints(Frozen):
    """What the other options of a setting would change: in words where there is room (a
    part each: "2K: 24.5 more", "4K: 49 more"), short where there is not ("2K: +24.5   4K:
    +49"), and a full sentence for each in the tooltip ("2K: 73.5 credits (24.5 more)")."""

    parts: tuple[str, ...]
    short_parts: tuple[str, ...]
    sentences: str

    @classmethod
    def same(cls, text: str) -> Hints:
        return cls((text,), (text,), text)

    @property
    def words(self) -> str:
        """Every part in words on one line."""
        return GAP.join(self.parts)

    @property
    def short(self) -> str:
        return GAP.join(self.short_parts)


#: Between two options' hints on one line.
GAP = "   "


@record
class _Hint(Frozen):
    """One option's hint: its label, the difference it makes in long and short words, its total."""

    label: str
    words: str
    short: str
    total: str


def _hints(parts: list[_Hint]) -> Hints:
    return Hints(
        tuple(f"{h.label}: {h.words}" for h in parts),
        tuple(f"{h.label}: {h.short}" for h in parts),
        "\n".join(f"{h.label}: {h.total} ({h.words})" for h in parts),
    )


def _hint(label: str, view: GenerateView, other: Quote, style: NumberStyle, more_images: int = 0) -> _Hint:
    short, said = quotes.delta_forms(view.quote, other, style, more_images=more_images)
    return _Hint(label, said, short, quotes.long(other, style))


def resolution_option(choice: Choice, view: GenerateView, style: NumberStyle = PLAIN) -> Option:
    """ "2K    24.5 more" with "2K: 73.5 credits (24.5 more)"; "3K    not offered" with why not.
    The menu opens as wide as its longest option: there is room for words."""
    if choice.quote is None:
        why = refusal_words(choice.reason) if choice.reason is not None else ""
        return Option(f"{choice.value}    {_('not offered')}", why)
    if choice.value == view.request.resolution:
        current = _("{resolution} (current): {total}").format(
            resolution=choice.value, total=quotes.long(choice.quote, style)
        )
        return Option(choice.value, current)
    hint = _hint(choice.value, view, choice.quote, style)
    return Option(f"{choice.value}    {hint.words}", f"{choice.value}: {hint.total} ({hint.words})")


def resolution_hints(view: GenerateView, style: NumberStyle = PLAIN) -> Hints:
    """ "2K: 24.5 more   4K: 49 more" ("2K: +24.5   4K: +49"), or that there is no other
    resolution."""
    parts = [
        _hint(c.value, view, c.quote, style)
        for c in view.resolutions
        if c.quote is not None and c.value != view.request.resolution
    ]
    return _hints(parts) if parts else Hints.same(_("the only resolution offered"))


def images_hints(view: GenerateView, style: NumberStyle = PLAIN) -> Hints:
    """ "2 images: 49 more" ("2 images: +49") for one image more (and fewer), what each would
    change."""
    n = view.request.images
    return _hints(
        [
            _hint(
                plural(int(c.value), "{n} image", "{n} images", style), view, c.quote, style, int(c.value) - n
            )
            for c in view.images
            if c.quote is not None
        ]
    )


def resolution_tooltip(keys: str) -> str:
    """The resolution box's tooltip; `keys` jump to it (its label's underlined letter)."""
    return _("Output resolution ({keys}). Each option shows how the total would change.").format(keys=keys)


def aspect_tooltip(keys: str) -> str:
    return _("Aspect ratios this model offers ({keys})").format(keys=keys)


def images_tooltip(catalog: Catalog, keys: str = "Alt+I") -> str:
    """The images box's tooltip; `keys` jump to it (its label's underlined letter)."""
    values = {"least": catalog.images_min, "most": catalog.images_max, "keys": keys}
    if "max" in catalog.images_inferred:
        return _(
            "Images per generation ({keys}), {least} to {most} (inferred: the page names no larger "
            "count); n images cost n times one"
        ).format(**values)
    return _("Images per generation ({keys}), {least} to {most} (stated); n images cost n times one").format(
        **values
    )


def enhancer_hints(view: GenerateView, style: NumberStyle = PLAIN) -> Hints:
    """What switching the prompt enhancer would change: "Switching it on: costs more, not
    published" ("Switching it on: + ?")."""
    # TRANSLATORS: the prompt enhancer; followed by ": 2 more" or ": costs more, not published"
    switching = _("Switching it off") if view.request.prompt_enhancer else _("Switching it on")
    return _hints([_hint(switching, view, view.enhancer, style)])


def enhancer_tooltip(view: GenerateView, catalog: Catalog, style: NumberStyle = PLAIN) -> str:
    """The enhancer's surcharge, or why it is not known; then what switching it would change."""
    pe = catalog.prompt_enhancer
    if pe.surcharge is None:
        said = catalog_note(pe.unknown.get("surcharge", "")) or _("The surcharge is not published.")
    else:
        amount = quotes.credits_words(pe.surcharge, style)
        if pe.applies == "per_image":
            said = _("{name}: {credits} per image").format(name=catalog_name(pe.name), credits=amount)
        else:
            said = _("{name}: {credits} per generation").format(name=catalog_name(pe.name), credits=amount)
    return f"{said}\n{enhancer_hints(view, style).sentences}"


def notices(view: GenerateView) -> str:
    """Each setting the model made change: "Flux Dev goes up to 1K: using 1K." """
    return " ".join(fitted_words(f) for f in view.notices)


def total_description(view: GenerateView, model_name: str, style: NumberStyle = PLAIN) -> str:
    """The Generate total's tooltip and accessible description, a line each: the settings, the
    total, every digit."""
    r = view.request
    settings = settings_words(model_name, r.resolution, r.aspect_ratio, r.images, r.prompt_enhancer, style)
    total = _("Total: {total}").format(total=quotes.long(view.quote, style))
    lines = [settings, total, quotes.unrounded(view.quote, style)]
    return "\n".join(line for line in lines if line)
