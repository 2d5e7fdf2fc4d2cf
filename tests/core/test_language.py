"""The language the app speaks: chosen from --lang or the environment as gettext would, read at
the first word, English inside `english()` whatever the language, and a pseudo-language that
marks every translated text while keeping what must survive."""

from __future__ import annotations

import re
import threading

import pytest

from imagine_calc.core import language
from imagine_calc.core.language import N_, _, english, ngettext, pseudo


@pytest.mark.parametrize(
    ("code", "normal"),
    [
        ("de_DE.UTF-8@euro", "de_DE"),
        ("pt-br", "pt_BR"),
        ("de-Latn-DE", "de_DE"),  # Qt's uiLanguages name the script
        ("C.UTF-8", ""),
        ("POSIX", ""),
        ("Pseudo", "pseudo"),
        ("fr", "fr"),
    ],
)
def test_a_locale_is_read_as_gettext_reads_it(code: str, normal: str) -> None:
    assert language.normalize(code) == normal


def test_a_locale_reads_its_languages_catalog_or_none() -> None:
    assert language.catalog_for("de_AT") == "de"
    assert language.catalog_for("de") == "de"
    assert language.catalog_for("it_IT") is None
    assert language.catalog_for("C") is None


@pytest.mark.parametrize(
    ("environ", "candidates"),
    [
        ({"LANGUAGE": "it:de_AT", "LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, ["it", "de_AT"]),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, ["de_DE"]),
        ({"LANGUAGE": "", "LC_MESSAGES": "de_CH.UTF-8", "LANG": "en_US.UTF-8"}, ["de_CH"]),
        ({"LANG": "C.UTF-8"}, []),
        ({}, []),
    ],
)
def test_the_environment_is_read_in_gettexts_order(environ: dict[str, str], candidates: list[str]) -> None:
    assert language.from_environment(environ) == candidates


def test_the_first_locale_with_a_catalog_is_chosen_else_english() -> None:
    assert language.choose(["it_IT", "de_AT"]) == ("de", "de_AT")
    assert language.choose(["it_IT"]) == ("en", "")
    assert language.choose([]) == ("en", "")


def test_a_german_environment_speaks_german() -> None:
    assert language.set_from_environment({"LANG": "de_DE.UTF-8"}) == "de"
    assert language.locale_name() == "de_DE"
    assert _("unknown") == "unbekannt"


def test_english_has_no_locale_of_its_own_so_figures_stay_plain() -> None:
    assert language.set_language("en_GB") == "en"
    assert language.locale_name() == ""
    assert _("unknown") == "unknown"


def test_the_catalog_is_read_at_the_first_word_not_when_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[str] = []
    real = language._load
    monkeypatch.setattr(language, "_load", lambda code: loaded.append(code) or real(code))
    language.set_language("de")
    assert loaded == []
    _("unknown")
    _("unknown")
    assert loaded == ["de"]


def test_english_inside_the_block_whatever_the_language() -> None:
    language.set_language("de")
    with english():
        assert _("unknown") == "unknown"
        assert ngettext("{n} image", "{n} images", 2) == "{n} images"
    assert _("unknown") == "unbekannt"


def test_english_in_one_thread_leaves_the_others_language_alone() -> None:
    language.set_language("de")
    inside = threading.Event()
    leave = threading.Event()

    def scripted() -> None:
        with english():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=scripted)
    worker.start()
    try:
        assert inside.wait(5)
        assert _("unknown") == "unbekannt"
    finally:
        leave.set()
        worker.join()


def test_german_plurals_come_from_the_catalog() -> None:
    language.set_language("de")
    assert ngettext("{n} image", "{n} images", 1).format(n=1) == "1 Bild"
    assert ngettext("{n} image", "{n} images", 0).format(n=0) == "0 Bilder"


def test_a_marked_text_is_translated_where_it_is_said() -> None:
    kept = N_("unknown")
    language.set_language("de")
    assert kept == "unknown"
    assert _(kept) == "unbekannt"


def test_a_bundle_without_its_catalog_speaks_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setattr(language, "locale_dir", lambda: tmp_path)
    language.set_language("de")
    assert _("unknown") == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "Settings",
        "{n} images of {size}",
        "<b>Your override catalog was not used.</b> {}",
        "&Add images to upscale…",
        "at least %s credits, 100%%",
        "Tom &amp; Jerry",
    ],
)
def test_the_pseudo_language_marks_and_stretches_but_keeps_what_must_survive(text: str) -> None:
    said = pseudo(text)
    inside = re.sub(r"(</[^>]*>)*$", "", re.sub(r"^(<[^/][^>]*>)*", "", said))
    assert inside.startswith("[") and inside.endswith("]")
    shows = re.compile(r"<[^>]*>|&amp;")
    assert len(shows.sub("", said)) >= len(shows.sub("", text)) * 1.3
    kept = re.findall(r"\{[^{}]*\}|%s|%%|<[^>]*>|&amp;|&\w", text)
    assert re.findall(r"\{[^{}]*\}|%s|%%|<[^>]*>|&amp;|&\w", said) == kept
    assert said != f"[{text}]"  # accented


def test_the_pseudo_languages_brackets_go_inside_the_markup_around_a_text() -> None:
    """Outside "<p>...</p>" a bracket would be a paragraph of its own: a line more than a real
    language needs."""
    assert pseudo("<p>Saved</p>") == "<p>[Ŝâvéđ]</p>"
    assert pseudo("<h3>Hi {}</h3><p>a bit more</p>") == "<h3>[Ĥî {}</h3><p>â bîţ möŕé~~~~]</p>"


def test_the_pseudo_language_keeps_outer_spaces_and_empty_text() -> None:
    assert pseudo(" · note") == " [· ñöţé~]"
    assert pseudo("") == ""
    assert pseudo("  ") == "  "


def test_every_language_has_its_catalog_and_every_catalog_its_language() -> None:
    folders = {p.parent.parent.name for p in language.locale_dir().glob("*/LC_MESSAGES/imagine_calc.mo")}
    assert folders == set(language.LANGUAGES) - {language.ENGLISH}


def test_a_locales_figures_are_its_own_else_its_languages() -> None:
    assert language.figures("de_CH") == (".", "'", "-", "+", "dd.MM.yy")
    assert language.figures("de_DE") == (",", ".", "-", "+", "dd.MM.yy")
    assert language.figures("de_XX") == language.figures("de")  # a region CLDR does not know
    assert language.figures("it_IT") is None and language.figures("") is None
    assert language.minimum_grouping("es") == 2  # "2940", "12.940"
    assert language.minimum_grouping("de") == 1 and language.minimum_grouping("it") == 1
