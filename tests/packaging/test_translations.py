"""The translation catalogs in the repository are what the sources and their .po files make:
the template holds every marked text, each language has them all, each compiled .mo is its .po
compiled, and no translation can break the text it fills in (a {name} it does not have, markup
it loses), so `pip install -e .` compiles nothing and a language never raises a KeyError."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from imagine_calc.core import language
from tests.packaging import packaging_script

translations = packaging_script("translations")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"<[^>]*>")


def _read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def _ids(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {(m.id, m.context) for m in catalog if m.id}


def _translated(catalog: Catalog) -> Iterator[tuple[Message, str, str]]:
    """(message, source, translation) for each form of each message."""
    for m in catalog:
        if not m.id:
            continue
        sources = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for i, text in enumerate(strings):
            yield m, sources[min(i, len(sources) - 1)], text


LANGUAGE_FILES = sorted(translations.po_files())


def test_the_template_holds_exactly_the_texts_the_sources_mark() -> None:
    """Re-extracted now: a text marked or changed since the .pot was written fails until
    `python packaging/translations.py extract` (and `update`) runs."""
    extracted, kept = _ids(translations.extracted()), _ids(_read(translations.TEMPLATE))
    assert sorted(map(str, extracted - kept)) == [], "marked in the sources, not in the .pot: run extract"
    assert sorted(map(str, kept - extracted)) == [], "in the .pot, no longer in the sources: run extract"


def test_there_is_a_language_to_check() -> None:
    assert [p.parents[1].name for p in LANGUAGE_FILES] == sorted(set(language.LANGUAGES) - {language.ENGLISH})


@pytest.mark.parametrize("po", LANGUAGE_FILES, ids=lambda p: p.parents[1].name)
def test_each_language_has_every_text_of_the_template(po: Path) -> None:
    assert _ids(_read(po)) == _ids(_read(translations.TEMPLATE)), "run packaging/translations.py update"


@pytest.mark.parametrize("po", LANGUAGE_FILES, ids=lambda p: p.parents[1].name)
def test_each_language_is_complete_and_reviewed(po: Path) -> None:
    """Every text translated, none left fuzzy (a fuzzy one would show in English)."""
    catalog = _read(po)
    empty = [str(m.id) for m, _source, text in _translated(catalog) if not text]
    fuzzy = [str(m.id) for m in catalog if m.id and m.fuzzy]
    assert not empty, f"untranslated: {empty[:10]}"
    assert not fuzzy, f"fuzzy, to review: {fuzzy[:10]}"


@pytest.mark.parametrize("po", LANGUAGE_FILES, ids=lambda p: p.parents[1].name)
def test_each_compiled_catalog_is_its_po_compiled(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"run packaging/translations.py compile for {po}"
    assert mo.read_bytes() == translations.mo_bytes(po), "run packaging/translations.py compile"


def test_each_languages_figures_are_cldrs_as_babel_has_them() -> None:
    """figures.json is what compile writes from Babel's data now (a Babel upgrade that changes
    CLDR's figures fails here until compile runs), for every locale of each language."""
    assert (translations.LOCALE / translations.FIGURES).read_text(
        encoding="utf-8"
    ) == translations.figures_text()
    table = translations.figures_table(["de"])
    assert table["de_DE"] == [",", ".", "-", "+", "dd.MM.yy", "1"] and table["de_CH"][:2] == [".", "'"]
    assert translations.figures_table(["es"])["es"][5] == "2"  # Spanish groups from five digits


def placeholder_problems(source: str, text: str) -> list[str]:
    """What a translation does to the placeholders and markup of its source: a {name} the source
    has not (a KeyError when filled in), one it drops (but the count, which a language may say
    in words: "An estimate"), markup it loses or adds, a second mnemonic."""
    problems = []
    have, want = set(PLACEHOLDER.findall(text)), set(PLACEHOLDER.findall(source))
    if have - want:
        problems.append(f"placeholders the source has not: {sorted(have - want)}")
    if want - have - {"{n}"}:
        problems.append(f"placeholders dropped: {sorted(want - have - {'{n}'})}")
    if PLACEHOLDER.findall(source).count("{}") != PLACEHOLDER.findall(text).count("{}"):
        problems.append("a different number of {} than the source")
    if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
        problems.append("markup changed")
    if text.replace("&&", "").count("&") - text.count("&nbsp;") > 1:
        problems.append("more than one mnemonic (&)")
    return problems


def test_the_check_finds_a_broken_translation() -> None:
    assert placeholder_problems("{n} images of {size}", "{n} Bilder zu {groesse}") == [
        "placeholders the source has not: ['{groesse}']",
        "placeholders dropped: ['{size}']",
    ]
    assert placeholder_problems("<b>{}</b>: {}", "{}") == [
        "a different number of {} than the source",
        "markup changed",
    ]
    assert placeholder_problems("An estimate", "Eine Kalkulation") == []
    assert placeholder_problems("{n} more", "mehr") == []  # the count may be said in words
    assert placeholder_problems("&Save", "&Spei&chern") == ["more than one mnemonic (&)"]


@pytest.mark.parametrize("po", LANGUAGE_FILES, ids=lambda p: p.parents[1].name)
def test_no_translation_breaks_what_it_fills_in(po: Path) -> None:
    broken = {
        f"{source!r} -> {text!r}": problems
        for _m, source, text in _translated(_read(po))
        if text and (problems := placeholder_problems(source, text))
    }
    assert not broken, broken


@pytest.mark.parametrize("code", [*sorted(set(language.LANGUAGES) - {language.ENGLISH}), language.PSEUDO])
def test_every_commands_help_works_in_every_language(code: str) -> None:
    """argparse fills %-formats into help texts: a translation with a stray % would stop --help."""
    from imagine_calc.cli.parser import COMMANDS

    for words in ([], *([c] for c in COMMANDS)):
        result = subprocess.run(
            [sys.executable, "-m", "imagine_calc", "--lang", code, *words, "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "imagine-calc" in result.stdout
