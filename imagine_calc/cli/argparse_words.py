"""argparse's own words (its mistakes: "invalid choice", "unrecognized arguments") from our
catalog, so a usage error reads in one language, the one --lang or the system chose."""

from __future__ import annotations

import argparse

from imagine_calc.core.language import N_, N_plural, _, ngettext

#: argparse's own texts our command line can show, as argparse writes them (%-formats, which it
#: fills in): marked here so the extractor puts them in the catalog for the translators.
ARGPARSE_TEXTS = (
    # TRANSLATORS: argparse's own words (keep each %(name)s, %s and %r): a mistake on the line.
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unexpected option string: %s"),
)
ARGPARSE_PLURALS = (N_plural("expected %s argument", "expected %s arguments"),)
_ARGPARSE_OWN = frozenset(ARGPARSE_TEXTS)


def _argparse_says(message: str) -> str:
    """One of argparse's texts in the language in use; anything else it passes (our titles,
    already translated, and None for no description) as it is."""
    return _(message) if message in _ARGPARSE_OWN else message


def speak_through_catalog() -> None:
    """argparse words its own mistakes ("invalid choice", "the following arguments are required")
    with the gettext module's functions, bound at its import to the global domain, which reads
    the environment's language and not --lang, nor `english()`: make it say them through our
    catalog."""
    vars(argparse).update(_=_argparse_says, ngettext=ngettext)
