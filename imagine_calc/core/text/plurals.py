"""A count in words: "1 file", "2 files", "1 Datei", "2 Dateien". Plurals are made here and
nowhere else, by the catalog's plural rule (ngettext): English has two forms, other languages
other rules ("0 crédit" in French), so a phrase is never built as word + "s"."""

from __future__ import annotations

from imagine_calc.core.language import ngettext
from imagine_calc.core.numbers import PLAIN, NumberStyle, whole


def credits_unit(n: int) -> str:
    """The unit after a number of credits in a box that draws the number itself, in the
    locale's digits: "1 credit", "2,000 credits"."""
    # TRANSLATORS: after a number of credits in a box ("1 credit", "2,000 credits")
    return ngettext("credit", "credits", n)


def plural(n: int, singular: str, plural_form: str, style: NumberStyle = PLAIN, **values: str) -> str:
    """The form of `singular` / `plural_form` for `n`, its `{n}` the count in `style` and its
    other placeholders from `values`: plural(2, "{n} image", "{n} images") -> "2 images".
    Both forms are marked for the catalog where they are written (the extractor's `plural:2,3`)."""
    return ngettext(singular, plural_form, n).format(n=whole(n, style), **values)
