"""argparse's own mistakes speak the chosen language: its texts come from our catalog."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from imagine_calc.cli import argparse_words
from imagine_calc.core import language


@pytest.fixture
def german() -> Iterator[None]:
    before = language.language()
    language.set_language("de")
    yield
    language.set_language(before)


def test_argparse_says_its_own_mistakes_in_the_language(german: None) -> None:
    argparse_words.speak_through_catalog()
    parser = argparse.ArgumentParser(prog="p", exit_on_error=False)
    parser.add_argument("--size", choices=["1K", "2K"])
    with pytest.raises(argparse.ArgumentError) as caught:
        parser.parse_args(["--size", "9K"])
    said = str(caught.value)
    assert "ungültige Wahl: '9K'" in said and "invalid choice" not in said


def test_every_text_argparse_may_show_is_in_the_catalog_and_others_pass_as_they_are(german: None) -> None:
    for text in argparse_words.ARGPARSE_TEXTS:
        assert language._(text) != text, text  # German has each of argparse's texts
    # Our own titles reach argparse already translated: they are not looked up again.
    assert argparse_words._argparse_says("Optionen, schon übersetzt") == "Optionen, schon übersetzt"
