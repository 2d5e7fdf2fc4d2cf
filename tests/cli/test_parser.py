"""The command line's grammar: the window's options and the commands in one parser, Qt's own
options passed on to Qt, a command's options anywhere among its arguments, values read as they
are written, and every mistake a usage error naming the program, with a suggestion."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from imagine_calc import __version__
from imagine_calc.cli.parser import COMMANDS, UsageError, build_parser, suggestion


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def test_a_suggestion_is_only_ever_a_close_one() -> None:
    assert suggestion("upscal", COMMANDS) == " (did you mean 'upscale'?)"
    assert suggestion("zzz", COMMANDS) == ""


def test_a_commands_options_may_come_before_between_or_after_its_arguments() -> None:
    args = parse("record", "--prompt-enhancer", "Nano Banana 2", "--resolution", "4k", "51", "--images", "2")
    assert (args.command, args.model, args.credits) == ("record", "Nano Banana 2", "51")
    assert (args.resolution, args.images, args.prompt_enhancer) == ("4K", 2, True)


def test_an_override_given_before_a_command_is_not_undone_after_it() -> None:
    assert parse("--override", "a.yaml", "quote", "x").override == Path("a.yaml")
    assert parse("quote", "x", "--override", "b.yaml").override == Path("b.yaml")
    assert parse("--override", "a.yaml", "quote", "x", "--override", "b.yaml").override == Path("b.yaml")
    assert parse("quote", "x").override is None


@pytest.mark.parametrize(("written", "scale"), [("2", 2), ("2x", 2), ("4X", 4), ("16×", 16), (" 8 ", 8)])
def test_a_scale_is_read_as_messages_write_it(written: str, scale: int) -> None:
    assert parse("upscale", "a.png", "--scale", written).scale == scale


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["upscale", "a.png", "--scale", "1000"], "not a scale: '1000' (write 2, 2x or 2×)"),
        (["upscale", "a.png", "--scale", "x2"], "not a scale: 'x2'"),
        (["quote", "x", "--images", "1e3"], "not a whole number: '1e3'"),
        (["quote", "x", "--images", "-1"], "not a whole number: '-1'"),
        (["quote", "x", "--resolution", "5K"], "invalid choice: '5K'"),
        (["record", "x", "5", "--date", "2026-02-30"], "not a date (YYYY-MM-DD): '2026-02-30'"),
        (["estimate", "e.icalc.json", "--json", "--export", "o.csv"], "not allowed with argument --json"),
        (["completion", "powershell"], "invalid choice: 'powershell'"),
        (["models", "--jsno"], "unrecognized arguments: --jsno (did you mean '--json'?)"),
    ],
)
def test_a_value_that_cannot_be_is_a_usage_error_naming_the_program(argv: list[str], said: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(*argv)
    assert str(info.value).startswith("imagine-calc") and said in str(info.value)


def test_a_date_is_read_as_iso_written() -> None:
    assert parse("record", "x", "5", "--date", "2026-11-30").date == dt.date(2026, 11, 30)
    assert parse("record", "x", "5").date is None  # main makes it today


def test_the_windows_parser_alone_has_no_commands() -> None:
    window = build_parser(commands=False).parse_args(["--color-scheme", "dark", "--selftest"])
    assert (window.color_scheme, window.selftest, window.screenshot) == ("dark", True, None)
    assert not hasattr(window, "command")
    with pytest.raises(UsageError, match="unrecognized arguments: quote"):
        build_parser(commands=False).parse_args(["quote"])


def test_the_version_is_the_packages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        parse("--version")
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"imagine-calc {__version__}"


def test_the_help_names_the_engines_of_the_catalog_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser([("clarity", (2, 3))]).parse_args(["upscale", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "upscale engine id or name: clarity (2×, 3×) (default: topaz)" in help_text


def every_help(parser: argparse.ArgumentParser) -> list[str]:
    """The help of `parser` and of each of its commands, as --help prints it."""
    helps = [parser.format_help()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # an alias names the same parser
                helps += every_help(sub)
    return helps


def test_no_help_says_an_empty_default() -> None:
    """ "--currency CODE  the rate's currency, as EUR (default: )" said nothing: an empty default
    (no currency, no list) is left unsaid, as None and False are."""
    helps = every_help(build_parser())
    assert len(helps) >= 8  # the program, its commands and theirs
    for text in helps:
        flat = " ".join(text.split())
        for empty in ("(default: )", "(default: [])", "(default: ())", "(default: None)", "(default: False)"):
            assert empty not in flat, (empty, flat[:60])
    estimate = next(h for h in helps if "--currency CODE" in h)
    assert "the rate's currency, as EUR" in " ".join(estimate.split())
    assert "(default: 1K)" in " ".join(" ".join(helps).split())  # a default worth saying still is


PREFIXES = [("es", "uso: "), ("fr", "utilisation\u00a0: "), ("de", "Aufruf: ")]


@pytest.mark.parametrize(("lang", "prefix"), PREFIXES)
def test_a_commands_help_keeps_the_programs_name_whole_in_every_language(lang: str, prefix: str) -> None:
    """argparse's intermixed parsing cut seven characters, the English "usage: ", off whatever
    the language's prefix was: "uso: agine-calc quote"."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "--lang", lang, "quote", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[0].startswith(f"{prefix}imagine-calc quote [-h]")
