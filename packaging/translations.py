"""The translation catalogs: extract the texts from the sources, merge them into each language,
compile each language for the app. One set of options for all three, which the tests use too.

    python packaging/translations.py extract      # sources -> imagine_calc/locale/imagine_calc.pot
    python packaging/translations.py update       # the .pot -> every LANG/LC_MESSAGES/imagine_calc.po
    python packaging/translations.py compile      # every .po -> its .mo, and figures.json (committed)
    python packaging/translations.py new es       # start a language from the .pot

Texts are marked with `_`, `N_`, `N_plural`, `ngettext`, `pgettext` (imagine_calc/core/language.py) and
`plural(n, singular, plural_form, ...)` (core/text/plurals.py); the bundled catalog's texts the
window shows (`catalog_texts`) are extracted from its YAML too. A comment starting
`TRANSLATORS:` on the line before a text goes into the catalog beside it. The .pot and .po files
carry no source locations (they would change with every edit elsewhere in a file); texts keep
the order the sources give them, file by file.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "imagine_calc"
LOCALE = SOURCES / "locale"
DOMAIN = "imagine_calc"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
#: The bundled catalog (the package imagine_calc.catalog), whose texts the window shows.
CATALOG = ROOT / "catalog"
#: Each locale's figures (core/language.py's FIGURES), written by compile.
FIGURES = "figures.json"
KEYWORDS = {**DEFAULT_KEYWORDS, "plural": (2, 3), "N_plural": (1, 2)}
COMMENT_TAGS = ("TRANSLATORS:",)
PROJECT = "imagine-calc"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
#: Where a wrong translation is reported: the project's issues (see CONTRIBUTING).
BUGS = "https://github.com/imagine-calc/imagine-calc/issues"
#: A {placeholder} (or Qt's {} in our own markup templates): the text is a str.format template.
_BRACES = re.compile(r"\{\w*\}")


def _catalog(**more: str) -> Catalog:
    """An empty catalog with the project's header (a language's carries its locale and domain)."""
    return Catalog(
        project=PROJECT,
        version=VERSION,
        copyright_holder="the imagine-calc authors",
        msgid_bugs_address=BUGS,
        charset="utf-8",
        fuzzy=False,
        **more,
    )


def extracted() -> Catalog:
    """Every marked text of the sources, as a template."""
    template = _catalog()
    for _file, _line, message, comments, context in extract_from_dir(
        str(SOURCES),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        first = message if isinstance(message, str) else message[0]
        flags = ("python-brace-format",) if _BRACES.search(first) else ()
        template.add(message, None, auto_comments=comments, context=context, flags=flags)
    for context, text in catalog_texts():
        template.add(text, None, context=context)
    for entry in template:
        # Babel guesses %-formats ("67% of the total" reads as "% o"); the app fills {names} only.
        entry.flags.discard("python-format")
    return template


def catalog_texts() -> list[tuple[str, str]]:
    """(context, text) of the bundled catalog's words the window shows, as core/text/catalog.py
    says them: each model's description, the prompt enhancer's name, and why a model's figure or
    the enhancer's surcharge is unknown. Titles, quotes of the page and the reasoning of inferred
    figures stay as written."""
    import yaml

    found: list[tuple[str, str]] = []
    for path in sorted(CATALOG.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for model in data.get("models") or []:
            found.append(("model description", model["description"]))
            found += [("catalog note", why) for why in (model.get("unknown") or {}).values()]
        enhancer = data.get("prompt_enhancer") or {}
        if enhancer.get("name"):
            found.append(("catalog name", enhancer["name"]))
        surcharge = (enhancer.get("unknown") or {}).get("surcharge")
        if surcharge:
            found.append(("catalog note", surcharge))
    return found


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, no_location=True, ignore_obsolete=True, width=100)
    return out.getvalue()


def mo_bytes(po_path: Path) -> bytes:
    """The .mo of a .po, as `compile` writes it: fuzzy (unreviewed) texts left out, so they
    show in English until a translator confirms them."""
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parents[1].name, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_files() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> None:
    template = extracted()
    if TEMPLATE.exists():  # the same texts keep the same file, creation date and all
        with TEMPLATE.open("rb") as fh:
            old = read_po(fh)
        template.creation_date = old.creation_date
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(po_text(template))
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} texts")


def update() -> None:
    with TEMPLATE.open("rb") as fh:
        template = read_po(fh)
    for path in po_files():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=path.parents[1].name, domain=DOMAIN)
        catalog.update(template)
        path.write_bytes(po_text(catalog))
        untranslated = sum(1 for m in catalog if m.id and not m.string)
        fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
        print(f"{path.relative_to(ROOT)}: {untranslated} untranslated, {fuzzy} fuzzy (to review)")


def figures_table(languages: list[str]) -> dict[str, list[str]]:
    """How each locale of `languages` writes figures, from CLDR's data as Babel has it: decimal
    point, group separator, minus, plus, the short date pattern and the fewest digits a number
    must have before its thousands are grouped, beyond three (CLDR's minimumGroupingDigits:
    Spanish writes "2940" but "12.940"; Babel lacks it, so it comes from Qt's copy of CLDR, as
    the window's figures do). The app reads this table (core/language.figures) rather than
    Babel: loading a locale's data from Babel took ~40 ms of every command's start."""
    from babel import localedata
    from PySide6.QtCore import QLocale

    wanted = {code.split("_")[0] for code in languages}
    table = {}
    for locale in sorted(localedata.locale_identifiers()):
        if locale.split("_")[0] not in wanted:
            continue
        data = localedata.load(locale)
        symbols = data["number_symbols"].get("latn") or {}
        table[locale] = [
            symbols.get("decimal", "."),
            symbols.get("group", ","),
            symbols.get("minusSign", "-"),
            symbols.get("plusSign", "+"),
            data["date_formats"]["short"].pattern,
            "2" if QLocale(locale).toString(1000).isdigit() else "1",
        ]
    return table


def figures_text() -> str:
    """The table as JSON, a locale a line."""
    table = figures_table([path.parents[1].name for path in po_files()])
    lines = [
        f"{json.dumps(locale)}: {json.dumps(table[locale], ensure_ascii=False)}" for locale in sorted(table)
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def compile_all() -> None:
    for path in po_files():
        path.with_suffix(".mo").write_bytes(mo_bytes(path))
        print(f"{path.with_suffix('.mo').relative_to(ROOT)}")
    (LOCALE / FIGURES).write_text(figures_text(), encoding="utf-8")
    print(f"{(LOCALE / FIGURES).relative_to(ROOT)}")


def new(language: str) -> None:
    with TEMPLATE.open("rb") as fh:
        template = read_po(fh)
    catalog = _catalog(locale=language, domain=DOMAIN)
    catalog.update(template)
    path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        raise SystemExit(f"{path.relative_to(ROOT)} exists: use update")
    path.parent.mkdir(parents=True)
    path.write_bytes(po_text(catalog))
    print(f"{path.relative_to(ROOT)}: add {language!r} to LANGUAGES in imagine_calc/core/language.py")


def main(argv: list[str]) -> int:
    commands = {"extract": extract, "update": update, "compile": compile_all}
    if len(argv) == 2 and argv[0] == "new":
        new(argv[1])
        return 0
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
