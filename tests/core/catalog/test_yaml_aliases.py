"""YAML aliases in a catalog file: a few are fine, a bomb of nested ones is refused at its line,
by both readers, before anything walks or writes what it would expand to."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog import override_file
from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.catalog.records import Observation
from imagine_calc.core.catalog.yaml_aliases import check_aliases, repeated_values
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.limits import MAX_ALIAS_VALUES
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest


def nested_aliases(levels: int, width: int = 9, under: str = "models:\n  - id: flux-dev\n") -> str:
    """An override whose aspect ratios are `levels` nested lines of `width` aliases each."""
    lines = ["# my override", under.rstrip("\n")]
    ratios = ", ".join(["'1:1'"] * width)
    lines.append(f"    aspect_ratios: &a0 [{ratios}]")
    for level in range(1, levels):
        lines.append(f"  - id: flux-{level}")
        aliases = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"    aspect_ratios: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


SEEN = Observation("flux-dev", "1K", None, 1, False, Decimal(6), dt.date(2026, 11, 27))


def test_a_few_aliases_are_an_override_like_any_other(override_file: Path) -> None:
    override_file.write_text(
        "models:\n  - id: flux-dev\n    price: &mine 7\n  - id: z-image-turbo\n    price: *mine\n"
    )
    loaded = load_with_override()
    assert loaded.override_error is None, loaded.override_error
    assert quote_generation(loaded.catalog, GenerationRequest("z-image-turbo")).total == 7


def test_nested_aliases_are_refused_at_the_line_that_goes_past_the_bound(override_file: Path) -> None:
    text = nested_aliases(7, width=10)  # 12 million values repeated by 667 bytes
    override_file.write_text(text)
    error = load_with_override().override_error
    assert error is not None
    (problem,) = error.problems
    assert problem.file == str(override_file)
    # 110 + 1,110 + 11,110 repeated on the lines before; ten times *a3 (11,111 each) is too many
    assert problem.line == 12 and "*a3 on this line" in problem.message
    assert text.splitlines()[problem.line - 1].startswith("    aspect_ratios: &a4 [*a3")
    assert "would repeat 12,345,660 values" in problem.message
    assert f"more than the {MAX_ALIAS_VALUES:,} a catalog file may" in problem.message


def test_an_alias_inside_the_value_it_names_is_refused(override_file: Path) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    aspect_ratios: &loop ['1:1', *loop]\n")
    error = load_with_override().override_error
    assert error is not None and error.first.line == 3
    assert "*loop is inside the value it names" in error.first.message


def test_the_bound_counts_every_repeat_and_only_repeats() -> None:
    import yaml

    spelled_out = yaml.compose("[" + ", ".join(["x"] * 5000) + "]")
    assert repeated_values(spelled_out) == 0
    assert repeated_values(yaml.compose("a: &a [1, 2]\nb: [*a, *a, *a]\n")) == 9  # 3 times [1, 2]


def test_the_writers_reader_refuses_the_bomb_too() -> None:
    """ruamel.yaml, which reads the file to edit it, is bounded by itself, with the same line."""
    text = nested_aliases(7, width=10)
    with pytest.raises(CatalogError) as info:
        override_file.load_document(text, "override.yaml")
    assert info.value.first.line == 12 and "*a3" in info.value.first.message


def test_a_recording_over_a_refused_override_writes_nothing(override_file: Path) -> None:
    text = nested_aliases(7, width=10)
    override_file.write_text(text)
    with pytest.raises(CatalogError) as info:
        override_file_record(override_file)
    assert info.value.first.line == 12
    assert override_file.read_text() == text
    assert sorted(p.name for p in override_file.parent.iterdir() if p.name != "cache") == ["override.yaml"]


def override_file_record(path: Path) -> None:
    override_file.record(path, SEEN)


def test_a_refusal_names_the_users_own_line_not_one_of_a_rewritten_copy(override_file: Path) -> None:
    """The file was rewritten (its aliases expanded) before it was checked: this 10-line file's
    error was reported at line 13 of the copy."""
    text = (
        "models:\n"
        "  - id: flux-dev\n"
        "    aspect_ratios: &mine\n"
        "      - '1:1'\n      - '16:9'\n      - '9:16'\n"
        "  - id: z-image-turbo\n    aspect_ratios: *mine\n"
        "  - id: flux-2-max\n    price: -1\n"
    )
    override_file.write_text(text)
    with pytest.raises(CatalogError) as info:
        override_file_record(override_file)
    assert [(p.line, p.key_path) for p in info.value.problems] == [(10, "models[2].price")]
    assert text.splitlines()[9] == "    price: -1"
    assert override_file.read_text() == text


def test_a_recording_keeps_the_users_aliases_as_written(override_file: Path) -> None:
    text = "models:\n  - id: flux-dev\n    price: &mine 7\n  - id: z-image-turbo\n    price: *mine\n"
    override_file.write_text(text)
    override_file_record(override_file)
    written = override_file.read_text()
    assert written.startswith(text) and "observed:" in written
    assert "&id" not in written  # the app's own repeats (dates) get no anchors


def first_line_over_the_bound(text: str) -> int:
    """The line a refusal should name, found another way: the first line whose document up to it
    repeats more than the bound, by the node count (each line is one item of a top-level list, so
    each prefix is a document, and a longer one repeats at least as much)."""
    import yaml

    lines = text.splitlines(keepends=True)

    def over(n: int) -> bool:
        repeated = repeated_values(yaml.compose("".join(lines[:n])))
        assert repeated is not None
        return repeated > MAX_ALIAS_VALUES

    assert over(len(lines)), "never over the bound"
    low, high = 0, len(lines)  # over(high), not over(low)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if over(middle) else (middle, high)
    return high


def refused_at(text: str) -> int | None:
    import yaml

    with pytest.raises(CatalogError) as info:
        check_aliases(yaml.compose(text), text, "override.yaml")
    return info.value.first.line


# 999 scalars: with the list itself, *a repeats 999 values (MAX_ALIAS_VALUES is 100 times 1,000).
A = "- &a [" + ", ".join(["x"] * 998) + "]\n"


@pytest.mark.parametrize(
    "text",
    [
        # 100 × 999 + 100 × 1 = exactly the bound after the 100th *s: the next one goes past it
        "- &s x\n" + A + "- *a\n" * 100 + "- *s\n" * 101,
        # aliases inside an anchored list count towards what its own alias repeats
        "- &s x\n" + A + "- &b [*a, *s, y]\n" + "- *b\n" * 99 + "- [*s, *s]\n" * 30,
        "- &s x\n" + A + "- &b [[*a, *a], [*s]]\n" + "- [*b, *s]\n" * 50,
        # a mapping's keys and values are values too
        "- &m {k: v, w: [x]}\n" + A + "- {q: *a, r: *m}\n" * 101,
    ],
)
def test_the_refusal_names_the_first_line_that_goes_past_the_bound(text: str) -> None:
    assert refused_at(text) == first_line_over_the_bound(text)


def test_up_to_the_bound_exactly_is_allowed() -> None:
    import yaml

    text = "- &s x\n" + A + "- *a\n" * 100 + "- *s\n" * 100
    assert repeated_values(yaml.compose(text)) == MAX_ALIAS_VALUES
    check_aliases(yaml.compose(text), text, "override.yaml")  # no refusal
