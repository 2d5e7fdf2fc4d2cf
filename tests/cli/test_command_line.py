"""The line before argparse reads it: Qt's options passed on to Qt, the first word found past
the options, --lang read first, and every mistake said with a close suggestion."""

from __future__ import annotations

import re

import pytest

from imagine_calc.cli.command_line import (
    first_word,
    lang_option,
    split_qt_options,
    unknown_option,
    unknown_word,
)
from imagine_calc.cli.parser import COMMANDS, UsageError
from imagine_calc.core.language import LANGUAGES


def test_qt_options_and_their_values_go_to_qt_and_the_rest_to_us() -> None:
    ours, qt = split_qt_options(
        ["-platform", "offscreen", "--screenshot", "a.png", "-reverse", "-style=Fusion", "spring.icalc.json"]
    )
    assert ours == ["--screenshot", "a.png", "spring.icalc.json"]
    assert qt == ["-platform", "offscreen", "-reverse", "-style=Fusion"]
    assert split_qt_options(["-display"]) == ([], ["-display", ""])  # a value missing at the end


@pytest.mark.parametrize(
    ("argv", "at"),
    [
        (["--override", "o.yaml", "quote", "x"], 2),  # an option's value is no word
        (["--override=o.yaml", "quote"], 1),
        (["--selftest", "--color-scheme", "dark"], None),
        (["--", "-odd name.png"], 1),  # after --, a word even if it starts with -
        (["--"], None),
        (["-"], 0),
    ],
)
def test_the_first_word_is_found_past_the_options_and_their_values(argv: list[str], at: int | None) -> None:
    assert first_word(argv) == at


def test_an_unknown_option_before_the_first_word_is_named_with_a_close_one() -> None:
    assert unknown_option(["--overide", "o.yaml", "quote"]) == (
        "imagine-calc: unknown option '--overide' (did you mean '--override'?)"
    )
    assert unknown_option(["-x"]) == "imagine-calc: unknown option '-x'"
    assert unknown_option(["--override=o.yaml", "models"]) == ""
    assert unknown_option(["quote", "x", "--jsn"]) == ""  # after the command: its parser says


def test_a_first_word_that_is_no_command_nor_file_is_said_for_what_it_is() -> None:
    assert unknown_word("modles") == "imagine-calc: unknown command 'modles' (did you mean 'models'?)"
    assert unknown_word("ftp://example.com/a.png").startswith(
        "imagine-calc: 'ftp://example.com/a.png' is a web address. imagine-calc works offline"
    )
    assert unknown_word("zzz") == (
        "imagine-calc: 'zzz' is not a command, and no such file or folder exists. "
        f"Commands: {', '.join(COMMANDS)}; see imagine-calc --help"
    )


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["--lang", "de", "quote", "x"], "de"),
        (["quote", "x", "--lang=de_DE"], "de_DE"),
        (["quote", "x", "--lang", "pseudo"], "pseudo"),
        (["quote", "x"], None),
        (["quote", "--", "--lang", "de"], None),  # after --, a file named so
    ],
)
def test_the_language_is_read_anywhere_on_the_line(argv: list[str], lang: str | None) -> None:
    assert lang_option(argv) == lang


def test_a_language_without_a_catalog_is_a_usage_error_naming_those_there_are() -> None:
    there = re.escape(", ".join([*LANGUAGES, "pseudo"]))  # en, de, es, fr, pt_BR, pseudo
    with pytest.raises(UsageError, match=rf"--lang xx: no such language \(languages: {there}\)"):
        lang_option(["--lang", "xx"])
    with pytest.raises(UsageError, match="--lang : no such language"):
        lang_option(["--lang"])
