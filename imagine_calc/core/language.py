"""The language the app speaks: one gettext domain, `imagine_calc`, for the core's words, the
command line and the window alike (the core has no Qt, so its words cannot go through
QObject.tr; Qt's own dialogs get qtbase_*.qm in the window).

`_` translates a text where it is said; `N_` (and `N_plural` for a pair) only marks one kept in
a table, translated where it is shown (a table is made once, at import, before any language is
chosen); `ngettext` picks the
plural form the catalog's Plural-Forms names (core/text/plurals.py is the one caller for
counts). The catalog is read at the first word said, not at import or at `set_language`: a start
that says nothing reads nothing. `english()` makes a block speak English whatever the language,
for what scripts read (`--json`, the CSV and JSON exports), so they never change with it.

Catalogs live in `imagine_calc/locale/LANG/LC_MESSAGES/imagine_calc.mo`; `pseudo` is a built-in
test language that stretches every text by about 40% and accents it ("[Ŝéţţîñĝš~~]"), so a text
that is not translated, or a widget too narrow for a longer language, shows.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from imagine_calc.core.paths import package_dir

DOMAIN = "imagine_calc"
ENGLISH = "en"
PSEUDO = "pseudo"
#: Every language with a catalog, by the name it gives itself (View > Language lists them). A
#: new translation adds its line here (tests/core/test_language.py checks the folders match).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "fr": "Français",
    "pt_BR": "Português (Brasil)",
}
#: The environment's words for "no locale chosen": English.
_NO_LOCALE = {"", "C", "POSIX"}


def locale_dir() -> Path:
    """Where the catalogs are, in a checkout, a wheel and the frozen bundle alike."""
    return package_dir("imagine_calc") / "locale"


def normalize(code: str) -> str:
    """ "de_DE.UTF-8@euro" -> "de_DE", "pt-br" -> "pt_BR", "de-Latn-DE" (Qt's) -> "de_DE",
    "C.UTF-8" -> "" (no locale)."""
    base = code.split(".")[0].split("@")[0].strip().replace("-", "_")
    if base in _NO_LOCALE:
        return ""
    if base.lower() == PSEUDO:
        return PSEUDO
    spoken, *rest = base.split("_")
    regions = [part.upper() for part in rest if len(part) != 4]  # "de-Latn-DE": no script
    return f"{spoken.lower()}_{regions[0]}" if regions else spoken.lower()


def catalog_for(code: str) -> str | None:
    """The language of ours that a locale reads: "de_AT" -> "de", "pt_BR" -> "pt_BR", "it" ->
    None (no catalog), as gettext looks a locale up: the whole name, then its language."""
    code = normalize(code)
    if code == PSEUDO:
        return PSEUDO
    for candidate in (code, code.partition("_")[0]):
        if candidate in LANGUAGES:
            return candidate
    return None


def from_environment(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The locales the environment asks for, in order, as gettext reads them: the first of
    LANGUAGE (a list, "fr:de"), LC_ALL, LC_MESSAGES and LANG that is set."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return [normalize(part) for part in value.split(":") if normalize(part)]
    return []


def choose(candidates: list[str]) -> tuple[str, str]:
    """(language, locale) for the first candidate that has a catalog: ("de", "de_AT") for
    ["it_IT", "de_AT"]; English with no locale ("en", "") when none has one, so figures are
    written as English writes them too."""
    for candidate in candidates:
        found = catalog_for(candidate)
        if found is not None:
            return found, normalize(candidate)
    return ENGLISH, ""


class _Active:
    """The language chosen and its catalog, read at the first word."""

    language: str = ENGLISH
    locale: str = ""
    translations: gettext.NullTranslations | None = None


_active = _Active()
#: Set inside `english()`: this thread (or task) speaks English whatever the language.
_forced: ContextVar[gettext.NullTranslations | None] = ContextVar("forced_language", default=None)
_ENGLISH = gettext.NullTranslations()


def set_language(code: str) -> str:
    """Speak the language of `code` ("de", "de_DE.UTF-8", "pseudo"; English for a locale with
    no catalog) from the next word on; returns the language used."""
    spoken, locale = choose([code])
    _active.language, _active.locale = spoken, locale if spoken != ENGLISH else ""
    _active.translations = None
    return spoken


def set_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """Speak the environment's language (`from_environment`); returns the language used."""
    found, locale = choose(from_environment(environ))
    return set_language(locale or found)


def language() -> str:
    """The language in use: "en", "de", "pseudo"..."""
    return _active.language


def locale_name() -> str:
    """The locale the language was chosen by ("de_DE", "de", "pseudo"), for how figures are
    written; "" for English, whose figures are the plain style's."""
    return _active.locale


def _translations() -> gettext.NullTranslations:
    forced = _forced.get()
    if forced is not None:
        return forced
    if _active.translations is None:
        _active.translations = _load(_active.language)
    return _active.translations


def _load(language: str) -> gettext.NullTranslations:
    if language == PSEUDO:
        return Pseudo()
    if language == ENGLISH:
        return _ENGLISH
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except OSError:  # a bundle without its catalogs still speaks, in English
        return _ENGLISH


#: The file beside the catalogs with each locale's figures (CLDR's, written by
#: packaging/translations.py compile from Babel's data): locale -> [decimal point, group
#: separator, minus, plus, short date pattern, minimum grouping digits], for every locale of a
#: language with a catalog.
FIGURES = "figures.json"


def figures(locale: str) -> tuple[str, str, str, str, str] | None:
    """How `locale` writes figures ("de_AT": its own, else its language's), or None (English,
    the pseudo-language, a language without a catalog)."""
    table = _figures()
    for candidate in (locale, locale.partition("_")[0]):
        found = table.get(candidate)
        if found is not None and len(found) in (5, 6):
            return (found[0], found[1], found[2], found[3], found[4])
    return None


def minimum_grouping(locale: str) -> int:
    """How many digits beyond three a whole number needs before `locale` groups its thousands:
    1 mostly ("1.234"), 2 in Spanish ("1234", "12.345"), as CLDR says and Qt writes them."""
    table = _figures()
    for candidate in (locale, locale.partition("_")[0]):
        found = table.get(candidate)
        if found is not None and len(found) in (5, 6):
            return int(found[5]) if len(found) == 6 and found[5] in ("1", "2", "3") else 1
    return 1


@lru_cache(maxsize=1)
def _figures() -> dict[str, list[str]]:
    """Read once, when a command in another language writes its first figure."""
    import json

    try:
        table = json.loads((locale_dir() / FIGURES).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a bundle without it writes plain figures
        return {}
    return table if isinstance(table, dict) else {}


def _(message: str) -> str:
    """`message` in the language in use."""
    return _translations().gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalog without translating it: for tables made at import."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular and its plural for the catalog, as one entry with its plural forms, for
    a table made at import; `ngettext(*pair, n)` (or plurals.plural) says it."""
    return singular, plural


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` for `n`, by the language's plural rule."""
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word needs different translations (`context` says which)."""
    return _translations().pgettext(context, message)


@contextmanager
def english() -> Iterator[None]:
    """This block speaks English whatever the language: what scripts read stays the same bytes."""
    token = _forced.set(_ENGLISH)
    try:
        yield
    finally:
        _forced.reset(token)


# --- the pseudo-language -----------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "ACEGHIJKLNORSTUWYZacdeghijklnorstuwyz",
    "ÂÇÉĜĤÎĴĶĹÑÖŔŜŢÛŴÝŽâçđéĝĥîĵķĺñöŕšţûŵýž",
)
#: What must survive as it is: {placeholders}, %s (and Qt's %v of a progress bar), <markup>,
#: &entities; and a mnemonic's letter.
_KEEP = re.compile(
    r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrvpm%]|<[^>]*>|&(?:[a-zA-Z]+|#\d+);|&."
)


_MARKUP = re.compile(r"<[^>]*>|&(?:[a-zA-Z]+|#\d+);")
_LEADING = re.compile(r"(?:\s|<[^/>][^>]*>)*")
_TRAILING = re.compile(r"(?:\s|</[^>]*>)*$")


@lru_cache(maxsize=4096)
def pseudo(message: str) -> str:
    """ "Settings" -> "[Ŝéţţîñĝš~~]": about 40% longer, accented, in brackets (so a text that
    is not translated shows); placeholders, markup and mnemonics kept."""
    if not message.strip():
        return message
    parts: list[str] = []
    at = 0
    for kept in _KEEP.finditer(message):
        parts.append(message[at : kept.start()].translate(_ACCENTED))
        parts.append(kept.group())
        at = kept.end()
    parts.append(message[at:].translate(_ACCENTED))
    body = "".join(parts)
    # Outside the brackets: spaces, and the markup that opens and closes the text (inside a
    # "<p>...</p>" the brackets are on its lines, not paragraphs of their own).
    opened = _LEADING.match(body)
    lead = opened.group() if opened else ""
    closed = _TRAILING.search(body[len(lead) :])
    trail = closed.group() if closed else ""
    inner = body[len(lead) : len(body) - len(trail)]
    stretch = "~" * max(0, round(len(_MARKUP.sub("", message)) * 0.4) - 2)  # 40% of what shows
    return f"{lead}[{inner}{stretch}]{trail}"


class Pseudo(gettext.NullTranslations):
    """The test language: every text through `pseudo`."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
