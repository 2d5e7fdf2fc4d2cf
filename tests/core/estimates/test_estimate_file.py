"""The estimate file: a lossless round trip, clear errors, and re-pricing that lists changes."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.estimates.budget import Balances, plan_budget
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, UpscaleItem, price_estimate
from imagine_calc.core.estimates.estimate_file import (
    EstimateFileError,
    dumps,
    loads,
    read_estimate,
)
from imagine_calc.core.estimates.money import Rate
from imagine_calc.core.estimates.team import AutoTopUp, Member, Team
from imagine_calc.core.files import utf8
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.estimates import repriced_words
from imagine_calc.core.text.exports import line_cells, to_csv, to_json, to_markdown, to_text

CATALOG = load_catalog()

#: Any text, lone surrogates included (a file name that was not UTF-8, "\ud800" in JSON).
labels = st.lists(
    st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)), max_size=40
).map("".join)
generation_items = st.builds(
    GenerationItem,
    st.builds(
        GenerationRequest,
        st.sampled_from([m.id for m in CATALOG.models] + ["no-such-model"]),
        st.sampled_from(["1K", "2K", "3K", "4K"]),
        st.one_of(st.none(), st.sampled_from(["1:1", "16:9", "9:16", "21:9"])),
        st.integers(1, 4),
        st.booleans(),
    ),
    st.integers(1, 100_000),
    labels,
    labels,  # the member
)
upscale_items = st.builds(
    UpscaleItem,
    st.sampled_from(["topaz", "magnific"]),
    st.sampled_from([2, 4, 8, 16]),
    st.lists(st.tuples(st.integers(1, 20000), st.integers(1, 20000)), min_size=1, max_size=5).map(tuple),
    st.integers(1, 1000),
    labels,
    labels,
)
estimates = st.builds(
    Estimate, st.lists(st.one_of(generation_items, upscale_items), max_size=12).map(tuple), labels
)


@given(estimates)
def test_save_then_open_gives_the_same_estimate(estimate: Estimate) -> None:
    saved = loads(utf8(dumps(price_estimate(CATALOG, estimate), CATALOG)).decode("utf-8"))
    assert saved.estimate == estimate
    assert saved.catalog_version == CATALOG.version
    assert not repriced_words(saved, price_estimate(CATALOG, saved.estimate), CATALOG)


def campaign() -> Estimate:
    return Estimate(
        (
            GenerationItem(GenerationRequest("nano-banana-pro", "4K", "16:9", 4), 20, "Hero images"),
            GenerationItem(GenerationRequest("z-image-turbo", "1K", "1:1", 4), 15, "Drafts"),
            UpscaleItem("topaz", 4, ((1024, 1024),), 10, "Winners"),
        ),
        "Spring campaign",
    )


def test_the_file_is_documented_json_with_versions_and_exact_prices() -> None:
    data = json.loads(dumps(price_estimate(CATALOG, campaign()), CATALOG))
    assert data["format"] == "imagine-calc-estimate" and data["format_version"] == 1
    assert data["catalog"] == {"version": CATALOG.version, "as_of": CATALOG.as_of.isoformat()}
    assert data["items"][0]["credits"] == "12800"
    assert Decimal(data["items"][2]["credits"]) == Decimal("629.1456")


def test_reopening_with_changed_prices_lists_what_changed() -> None:
    text = dumps(price_estimate(CATALOG, campaign()), CATALOG)
    newer = load_override(
        bundled_files(),
        "meta:\n  version: '2026.12.1'\n"
        "models:\n  - id: nano-banana-pro\n    price: {1K: 90, 2K: 90, 4K: 180}\n",
        "override.yaml",
    )
    saved = loads(text)
    changes = repriced_words(saved, price_estimate(newer, saved.estimate), newer)
    assert changes[0].startswith(f"Saved with prices {CATALOG.version}")
    assert changes[1:] == ["Hero images: 12,800 credits → 14,400 credits"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON (line 1"),
        ("[]", "not an imagine-calc estimate"),
        ('{"format": "imagine-calc-estimate", "format_version": 9, "items": []}', "newer imagine-calc"),
        (
            '{"format": "imagine-calc-estimate", "format_version": 1, "items": [{"kind": "x"}]}',
            "item 1: unknown kind",
        ),
        (
            '{"format": "imagine-calc-estimate", "format_version": 1, "items": [{"kind": "generation"}]}',
            "item 1: missing 'model'",
        ),
        (
            '{"format": "imagine-calc-estimate", "format_version": 1,'
            ' "items": [{"kind": "generation", "model": "flux-dev", "count": 0}]}',
            "item 1: a count must be a whole number",
        ),
    ],
)
def test_a_bad_file_gets_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(EstimateFileError, match=None) as info:
        loads(text)
    assert message in str(info.value)


def test_reading_names_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.icalc.json"
    empty.write_bytes(b"")
    with pytest.raises(EstimateFileError, match=r"empty\.icalc\.json: not valid JSON"):
        read_estimate(empty)
    with pytest.raises(EstimateFileError, match=r"missing\.icalc\.json: file not found"):
        read_estimate(tmp_path / "missing.icalc.json")
    binary = tmp_path / "photo.icalc.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0")
    with pytest.raises(EstimateFileError, match="not UTF-8"):
        read_estimate(binary)


def test_exports_have_the_tables_rows_and_totals() -> None:
    priced = price_estimate(CATALOG, campaign())
    plan = plan_budget(Balances(True, Decimal(8000), None, Decimal(3000)), priced)
    rows = list(csv.reader(io.StringIO(to_csv(priced, plan))))
    assert rows[0][:6] == ["section", "label", "what", "count", "credits_per_run", "credits"]
    lines = [r for r in rows if r[0] == "line"]
    assert [r[1] for r in lines] == ["Hero images", "Drafts", "Winners"]
    assert [Decimal(r[5]) for r in lines] == [p.quote.known_total for p in priced.items]
    (total,) = (r for r in rows if r[0] == "total")
    assert Decimal(total[5]) == priced.total.known_total
    short = next(r for r in rows if r[0] == "budget" and r[1] == "Short")
    assert Decimal(short[5]) == Decimal("2729.1456") and short[8] == "approximate"  # read "about"
    markdown = to_markdown(priced, CATALOG, plan, Rate(Decimal("0.01"), "EUR"))
    for p in priced.items:
        assert "| " + " | ".join(line_cells(p)) + " |" in markdown
    assert "Short by about 2,729 credits." in markdown  # the total rests on Topaz's inferred base cost
    assert "about 137.29 EUR at your rate of 0.01 EUR per credit" in markdown
    report = json.loads(to_json(priced, CATALOG, plan))
    assert [i["total_credits"] for i in report["items"]] == [12800, 300, 629.1456]
    assert report["budget"]["short"] == "2729.1456"
    assert "Hero images" in to_text(priced, CATALOG)


def estimate_text(item: str) -> str:
    return '{"format": "imagine-calc-estimate", "format_version": 1, "items": [' + item + "]}"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ('{"kind": "upscale", "engine": "topaz", "scale": 2, "sizes": [[1e30, 1e30]]}', "a width must be"),
        (
            '{"kind": "upscale", "engine": "topaz", "scale": 2, "sizes": [[2147483647, 2147483647]]}',
            "1,000,000",
        ),
        ('{"kind": "generation", "model": "flux-dev", "images": 1e100}', "images must be a whole number"),
        ('{"kind": "generation", "model": "flux-dev", "count": 100001}', "count must be a whole number"),
        ('{"kind": "upscale", "engine": "topaz", "scale": 99999999999999999999, "sizes": [[1, 1]]}', "scale"),
    ],
)
def test_numbers_out_of_bounds_are_refused_with_a_message(item: str, message: str) -> None:
    with pytest.raises(EstimateFileError, match=message):
        loads(estimate_text(item))


@pytest.mark.parametrize("credits", ['"NaN"', '"1e100"', '"-Infinity"', '"sNaN"'])
def test_a_saved_price_that_is_not_a_price_is_ignored_not_a_crash(credits: str) -> None:
    item = '{"kind": "generation", "model": "flux-dev", "credits": ' + credits + ', "complete": true}'
    saved = loads(estimate_text(item))
    assert saved.prices == (None,)
    assert repriced_words(saved, price_estimate(CATALOG, saved.estimate), CATALOG) == []


def test_deep_nesting_and_huge_integers_get_a_message() -> None:
    with pytest.raises(EstimateFileError, match="nested too deeply"):
        loads("[" * 100_000 + "]" * 100_000)
    with pytest.raises(EstimateFileError, match="a number thousands of digits long"):
        loads('{"format": "imagine-calc-estimate", "format_version": ' + "9" * 5000 + "}")


def test_what_is_saved_can_be_opened_even_for_a_huge_batch() -> None:
    sizes = tuple((1000 + i % 5000, 800 + i % 3000) for i in range(200_000))
    estimate = Estimate((UpscaleItem("topaz", 2, sizes, 1, "everything"),))
    text = dumps(price_estimate(CATALOG, estimate), CATALOG)
    assert len(text.encode()) < 5_000_000
    assert loads(text).estimate == estimate


def test_an_estimate_too_large_to_open_again_is_not_saved() -> None:
    sizes = ((1, 1),)
    items = tuple(UpscaleItem("topaz", 2, sizes, 1, "x" * 100_000) for _ in range(250))
    with pytest.raises(EstimateFileError, match="too large to save"):
        dumps(price_estimate(CATALOG, Estimate(items)), CATALOG)


SHIPPED = sorted((Path(__file__).resolve().parents[3] / "resources").rglob("*.icalc.json"))


@pytest.mark.parametrize("sample", SHIPPED, ids=lambda p: p.name)
def test_sample_estimates_shipped_reprice_without_changes(sample: Path) -> None:
    saved = read_estimate(sample)
    assert repriced_words(saved, price_estimate(CATALOG, saved.estimate), CATALOG) == []


def test_the_same_figure_known_more_or_less_surely_is_said_as_such_not_as_a_change() -> None:
    text = json.dumps(
        {
            "format": "imagine-calc-estimate",
            "format_version": 1,
            "catalog": {"version": CATALOG.version, "as_of": CATALOG.as_of.isoformat()},
            "items": [
                {
                    "kind": "generation",
                    "model": "flux-2-pro",
                    "resolution": "2K",
                    "label": "Wide",
                    "credits": "28",
                    "complete": True,
                },
                {
                    "kind": "generation",
                    "model": "flux-dev",
                    "label": "Drafts",
                    "credits": "5",
                    "complete": False,
                },
                {
                    "kind": "generation",
                    "model": "flux-dev",
                    "label": "Same",
                    "credits": "5",
                    "complete": True,
                },
            ],
        }
    )
    saved = loads(text)
    assert repriced_words(saved, price_estimate(CATALOG, saved.estimate), CATALOG) == [
        "Wide: still 28 credits, now known only as the least it costs (at least 28 credits)",
        "Drafts: at least 5 credits is now known exactly (5 credits)",
    ]


def test_a_lone_surrogate_in_a_file_is_read_as_a_visible_replacement(tmp_path: Path) -> None:
    """JSON can say "\\ud800", UTF-8 cannot: such text opens as U+FFFD, and the estimate can
    be saved and opened again."""
    data = json.loads(dumps(price_estimate(CATALOG, campaign()), CATALOG))
    data["title"] = "Spring \ud800"
    data["items"][0]["label"] = "Hero \udcff\udcfe"
    data["items"][2]["engine"] = "topaz\ud800"
    path = tmp_path / "odd.icalc.json"
    path.write_text(json.dumps(data), encoding="ascii")  # ensure_ascii: "\ud800" escaped
    assert "\\ud800" in path.read_text(encoding="ascii")
    saved = read_estimate(path).estimate
    assert saved.title == "Spring \ufffd"
    assert saved.items[0].label == "Hero \ufffd\ufffd"
    assert isinstance(saved.items[2], UpscaleItem) and saved.items[2].engine_id == "topaz\ufffd"
    again = dumps(price_estimate(CATALOG, saved), CATALOG)  # raised UnicodeEncodeError before
    assert loads(again).estimate == saved


def test_the_size_check_never_fails_on_text() -> None:
    """`dumps` measures its text in UTF-8: a surrogate that reached a request (not a label)
    is counted as U+FFFD instead of stopping the save."""
    odd = Estimate((GenerationItem(GenerationRequest("model-\udcff"), 1, "x"),))
    text = dumps(price_estimate(CATALOG, odd), CATALOG)
    assert "model-\udcff" in text


def test_an_estimate_over_the_bound_in_its_readable_layout_is_saved_tightly_and_opens_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An 18 MB estimate written tightly by another tool opened, then re-saved at over 20 MB in
    the readable layout and could not be saved at all: the writer now tries the same JSON
    without spaces before refusing, and what it writes the reader opens."""
    from imagine_calc.core.estimates import estimate_file

    estimate = Estimate(
        tuple(GenerationItem(GenerationRequest("flux-dev"), 1, f"line {n}") for n in range(100))
    )
    priced = price_estimate(CATALOG, estimate)
    readable = dumps(priced, CATALOG)
    tight = json.dumps(json.loads(readable), ensure_ascii=False, separators=(",", ":")) + "\n"
    monkeypatch.setattr(estimate_file, "MAX_ESTIMATE_BYTES", (len(readable) + len(tight)) // 2)
    text = dumps(priced, CATALOG)
    assert text == tight and len(text) < estimate_file.MAX_ESTIMATE_BYTES < len(readable)
    assert loads(text).estimate == estimate
    monkeypatch.setattr(estimate_file, "MAX_ESTIMATE_BYTES", len(tight) - 1)
    with pytest.raises(EstimateFileError, match="too large to save"):
        dumps(priced, CATALOG)


def studio_team() -> Team:
    return Team(
        dt.date(2026, 12, 1),
        Decimal(4000),
        dt.date(2026, 12, 20),
        Decimal(500),
        (Member("Ana", Decimal(2000)), Member("Ben", Decimal("1000.5")), Member("Chloé")),
        AutoTopUp(Decimal(500), Decimal(250)),
    )


def assigned() -> Estimate:
    est = campaign()
    items = (
        dataclasses.replace(est.items[0], member="Ana"),
        est.items[1],
        dataclasses.replace(est.items[2], member="Chloé"),
    )
    return Estimate(items, est.title)


def test_a_team_and_the_lines_members_are_saved_and_opened() -> None:
    text = dumps(price_estimate(CATALOG, assigned()), CATALOG, studio_team())
    saved = loads(text)
    assert saved.team == studio_team()
    assert saved.estimate == assigned()
    data = json.loads(text)
    assert data["format_version"] == 1  # keys a version-1 reader ignores: no new version
    assert data["team"]["month"] == "2026-12" and data["team"]["members"][1] == {
        "name": "Ben",
        "limit": "1000.5",
    }
    assert [item.get("member") for item in data["items"]] == ["Ana", None, "Chloé"]
    assert loads(dumps(price_estimate(CATALOG, campaign()), CATALOG)).team is None


def test_a_file_with_a_team_reads_as_its_estimate_by_the_version_1_rules() -> None:
    """What a build before teams reads: every key it knows, the team's keys ignored."""
    data = json.loads(dumps(price_estimate(CATALOG, assigned()), CATALOG, studio_team()))
    del data["team"]
    for item in data["items"]:
        item.pop("member", None)
    without = loads(json.dumps(data))
    assert without.estimate == campaign() and without.team is None
    assert without.prices == loads(dumps(price_estimate(CATALOG, campaign()), CATALOG)).prices


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"team": []}, "team: expected an object"),
        ({"team": {"month": "2026-12-01", "subscription": "1"}}, "team: month: a month is written YYYY-MM"),
        ({"team": {"month": "2026-12", "subscription": "-1"}}, "team: subscription: must be a number from 0"),
        (
            {"team": {"month": "2026-12", "subscription": "1", "members": [{"name": "A", "limit": "x"}]}},
            "team: members[1].limit: must be a number of credits",
        ),
        (
            {"team": {"month": "2026-12", "subscription": "1", "members": [{"name": "A"}, {"name": "a"}]}},
            "team: members: two members are named 'A'",
        ),
    ],
)
def test_a_bad_team_refuses_the_file_naming_the_key(change: dict[str, object], message: str) -> None:
    data = {**json.loads(dumps(price_estimate(CATALOG, campaign()), CATALOG)), **change}
    with pytest.raises(EstimateFileError, match=re.escape(message)):
        loads(json.dumps(data))


@pytest.mark.parametrize("member", [3, None, "x" * 101])
def test_a_bad_member_on_a_line_refuses_the_file_naming_the_item(member: object) -> None:
    data = json.loads(dumps(price_estimate(CATALOG, campaign()), CATALOG))
    data["items"][1]["member"] = member
    with pytest.raises(EstimateFileError, match=r"item 2: member must be a name of at most 100 characters"):
        loads(json.dumps(data))
