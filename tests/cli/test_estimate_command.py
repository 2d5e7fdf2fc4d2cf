"""`imagine-calc estimate FILE`: a saved estimate's lines and an honest total, re-priced with the
prices in use and saying what changed; and with `--export OUT` the window's exports from the
command line, the format from the suffix, written atomically, whatever the labels hold."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest

from imagine_calc.cli import main
from imagine_calc.core.outside_text import readable
from tests.core.text.test_export_cells import runs
from tests.core.text.test_exports import render

LABELS = [
    "\x1b[2J\x1b]0;pwned\x07Hero",
    "a\nTotal: 0 credits",
    "\ud800\x00=7*6",
    "\udcff",
    "x;=7*6;<img src=x onerror=alert(1)>|\r",
    "=HYPERLINK(1)",
]
TITLE = "<script>alert(1)</script>\x1b[2J\ud800"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An estimate file whose title and labels hold every kind of trouble (written as JSON may
    hold them: lone surrogates as \\ud800 escapes)."""
    item = {"kind": "generation", "model": "flux-dev", "resolution": "1K", "images": 1, "count": 2}
    doc = {
        "format": "imagine-calc-estimate",
        "format_version": 1,
        "title": TITLE,
        "items": [{**item, "label": label} for label in LABELS],
    }
    path = tmp_path / "hostile.icalc.json"
    path.write_text(json.dumps(doc), encoding="ascii")
    return path


def test_the_estimate_prints_every_label_escaped_on_its_own_line(
    capsys: pytest.CaptureFixture[str], hostile: Path
) -> None:
    code, out, err = run(capsys, "estimate", str(hostile))
    assert code == 0 and err == "" and not RAW.search(out)
    lines = out.splitlines()
    assert lines[0] == "<script>alert(1)</script>\\x1b[2J\ufffd"  # a lone surrogate reads as U+FFFD
    assert sum(line.startswith("Total") for line in lines) == 1  # the fake one is escaped
    assert any(line.startswith("2  a\\nTotal: 0 credits ") for line in lines)  # numbered for --assign
    assert any(line.startswith("3  \ufffd\\x00=7*6 ") for line in lines)


def test_csv_export(capsys: pytest.CaptureFixture[str], hostile: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out" / "hostile.CSV"
    out_file.parent.mkdir()
    code, out, err = run(capsys, "estimate", str(hostile), "--export", str(out_file))
    assert (code, err) == (0, "") and out == f"Exported 6 lines to {out_file}.\n"
    text = out_file.read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    lines = [row[1:] for row in rows if row[0] == "line"]
    assert len(lines) == len(LABELS) and all(len(row) == len(rows[0]) for row in rows)
    assert not any(runs(row[1]) or runs(row[2]) for row in rows)
    assert [row[0] for row in lines] == [
        "\\x1b[2J\\x1b]0;pwned\\x07Hero",
        "a\\nTotal: 0 credits",
        "\ufffd\\x00=7*6",
        "\ufffd",
        "x;'=7*6;<img src=x onerror=alert(1)>|\\r",
        "'=HYPERLINK(1)",
    ]
    assert [row[4] for row in lines] == ["10"] * len(LABELS)
    assert [row[5] for row in rows if row[0] == "total"] == ["60"]
    assert sorted(p.name for p in out_file.parent.iterdir()) == ["hostile.CSV"]  # no temporary left


def test_markdown_export_with_the_budget(
    capsys: pytest.CaptureFixture[str], hostile: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "hostile.md"
    code, _, err = run(capsys, "estimate", str(hostile), "--export", str(out_file), "--subscription", "100")
    assert code == 0 and err == ""
    markdown = out_file.read_text(encoding="utf-8")
    shown = render(markdown)
    assert shown.tags.count("tr") == len(LABELS) + 1
    assert not {"script", "img"} & set(shown.tags)
    assert shown.text["h1"] == ["<script>alert(1)</script>\\x1b[2J\ufffd"]
    assert "Subscription credits: 60 of 100 used, 40 left" in markdown


def test_json_export_keeps_labels_exactly(
    capsys: pytest.CaptureFixture[str], hostile: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "hostile.json"
    code, _, _ = run(capsys, "estimate", str(hostile), "--export", str(out_file), "--rate", "0.01")
    assert code == 0
    report = json.loads(out_file.read_bytes().decode("utf-8"))
    # Exactly as the estimate holds them: a lone surrogate became U+FFFD when the file was read.
    assert report["title"] == readable(TITLE)
    assert [i["label"] for i in report["items"]] == [readable(label) for label in LABELS]
    assert report["money"]["known_cost"] == "0.6"


def test_an_unknown_suffix_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], hostile: Path, tmp_path: Path
) -> None:
    for name in ("out.txt", "out", "out.csv.bak"):
        code, out, err = run(capsys, "estimate", str(hostile), "--export", str(tmp_path / name))
        assert code == 2 and out == ""
        said = "the suffix names the format: .csv, .md, .json"
        assert err == f"imagine-calc estimate: --export {tmp_path / name}: {said}\n"
        assert not (tmp_path / name).exists()


def test_a_folder_that_is_not_there_or_a_folder_as_out_says_why(
    capsys: pytest.CaptureFixture[str], hostile: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "estimate", str(hostile), "--export", str(tmp_path / "gone" / "x.csv"))
    assert code == 1 and out == "" and "not exported: cannot write" in err and len(err.splitlines()) == 1
    (tmp_path / "dir.csv").mkdir()
    code, out, err = run(capsys, "estimate", str(hostile), "--export", str(tmp_path / "dir.csv"))
    assert code == 1 and "not exported" in err and "Traceback" not in err
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_the_estimate_itself_is_never_overwritten(capsys: pytest.CaptureFixture[str], hostile: Path) -> None:
    before = hostile.read_bytes()
    renamed = hostile.with_name("e.json")
    hostile.rename(renamed)
    code, _, err = run(capsys, "estimate", str(renamed), "--export", str(renamed))
    assert code == 2 and "is the estimate itself" in err
    assert renamed.read_bytes() == before


def test_export_replaces_print_json(
    capsys: pytest.CaptureFixture[str], hostile: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "estimate", str(hostile), "--json", "--export", str(tmp_path / "x.csv"))
    assert code == 2 and "not allowed with argument" in err


def test_help_and_completion_name_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["estimate", "--help"])
    out, _ = capsys.readouterr()
    assert "--export OUT" in out and "OUT.csv" in out
    for shell in ("bash", "zsh", "fish"):
        _, out, _ = run(capsys, "completion", shell)
        assert "--export" in out.replace("-l export", "--export")
    _, out, _ = run(capsys, "completion", "bash")
    assert "--update-from|--export) compopt -o default" in out  # completes a file name


def _saved_estimate(path: Path) -> Path:
    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, UpscaleItem, price_estimate
    from imagine_calc.core.estimates.estimate_file import dumps
    from imagine_calc.core.pricing.requests import GenerationRequest

    catalog = load_catalog()
    estimate = Estimate(
        (
            GenerationItem(GenerationRequest("nano-banana-pro", "4K", "16:9", 4), 20, "Hero images"),
            GenerationItem(GenerationRequest("midjourney-v7"), 2, "Moodboard"),
            UpscaleItem("magnific", 2, ((1024, 1024),), 3, "Winners"),
        ),
        "Spring campaign",
    )
    path.write_text(dumps(price_estimate(catalog, estimate), catalog), encoding="utf-8")
    return path


def test_estimate_prints_lines_and_an_honest_total(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "estimate", str(_saved_estimate(tmp_path / "spring.icalc.json")))
    assert code == 0, err
    assert "Spring campaign" in out
    assert "Hero images" in out and "12,800" in out
    assert "Total: at least 12,995 credits" in out  # 12,800 + 3 x 65; Midjourney unknown
    assert err == ""


def test_estimate_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "estimate", str(_saved_estimate(tmp_path / "e.icalc.json")), "--json")
    data = json.loads(out)
    assert code == 0
    assert [i["label"] for i in data["items"]] == ["Hero images", "Moodboard", "Winners"]
    total = data["total"]
    assert {
        k: total[k] for k in ("total_credits", "known_credits", "complete", "text", "state", "basis")
    } == {
        "total_credits": None,
        "known_credits": 12995,
        "complete": False,
        "text": "at least 12,995 credits",
        "state": "lower_bound",
        "basis": "mixed",
    }
    assert total["unknown"] == data["items"][1]["unknown"]


def test_estimate_lists_price_changes_since_saving(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    saved = _saved_estimate(tmp_path / "e.icalc.json")
    override_file.write_text("models:\n  - id: midjourney-v7\n    price: 40\n", encoding="utf-8")
    code, out, err = run(capsys, "estimate", str(saved))
    assert code == 0
    assert "Total: 13,075 credits" in out
    assert "Moodboard: unknown → 80 credits" in err


def test_estimate_of_a_broken_file_says_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.icalc.json"
    bad.write_text('{"format": "imagine-calc-estimate",\n "format_version": 1, "items": [', encoding="utf-8")
    code, out, err = run(capsys, "estimate", str(bad))
    assert code == 1 and out == ""
    assert err.startswith(f"imagine-calc: {bad}: not valid JSON (line 2")
    assert "Traceback" not in err


def _two_flux_dev(path: Path) -> Path:
    """Flux Dev at 1K, two runs of one image: the page's base price 5, so 10 credits, exact."""
    item = {"kind": "generation", "model": "flux-dev", "resolution": "1K", "images": 1, "count": 2}
    doc = {"format": "imagine-calc-estimate", "format_version": 1, "title": "Drafts", "items": [item]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("balances", "said"),
    [
        (
            ["--free", "100"],
            ["Free daily credits: 10 of 100 used, 90 left", "Covered: 90 credits left after it."],
        ),
        (
            ["--top-up", "50"],
            ["Top-up credits: 10 of 50 used, 40 left", "Covered: 40 credits left after it."],
        ),
        (["--top-up", "4"], ["Top-up credits: 4 of 4 used, 0 left", "Short by 6 credits."]),
    ],
)
def test_each_balance_given_is_a_line_of_the_budget(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, balances: list[str], said: list[str]
) -> None:
    code, out, _ = run(capsys, "estimate", str(_two_flux_dev(tmp_path / "d.icalc.json")), *balances)
    lines = out.splitlines()
    assert code == 0
    start = lines.index(said[0])
    assert lines[start : start + 2] == said


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--currency", "EUR"], "imagine-calc estimate: --currency goes with --rate"),
        (["--renews", "2026-12-20"], "imagine-calc estimate: --renews goes with --subscription"),
        (["--rate", " "], "imagine-calc estimate: --rate: not a price per credit: ' '"),
        (["--rate", "-0.5"], "imagine-calc estimate: --rate: a price per credit must be a number from 0 to"),
        (["--json", "--export", "out.csv"], "not allowed with argument --json"),
    ],
)
def test_budget_options_that_do_not_go_together_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], said: str
) -> None:
    code, out, err = run(capsys, "estimate", str(_two_flux_dev(tmp_path / "d.icalc.json")), *argv)
    assert code == 2 and out == "" and said in err and len(err.strip().splitlines()) == 1


def test_the_cost_at_a_rate_without_balances(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # 10 credits at 0.012 EUR: 0.12 EUR.
    _, out, _ = run(
        capsys,
        "estimate",
        str(_two_flux_dev(tmp_path / "d.icalc.json")),
        "--rate",
        "0,012",
        "--currency",
        "EUR",
    )
    assert "Total: 10 credits (0.12 EUR at your rate of 0.012 EUR per credit)" in out
    assert " used, " not in out and "Covered" not in out  # no balance given: no budget


def _studio_file(path: Path) -> Path:
    """The studio of five's estimate (tests/core/estimates/test_team_budget.py), no team yet."""
    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.estimates.estimate import Estimate, price_estimate
    from imagine_calc.core.estimates.estimate_file import dumps
    from tests.core.estimates.test_team_budget import STUDIO

    catalog = load_catalog()
    plain = tuple(dataclasses.replace(item, member="") for item in STUDIO)
    path.write_text(dumps(price_estimate(catalog, Estimate(plain, "Studio")), catalog), encoding="utf-8")
    return path


#: The studio's team and assignments as options: the same figures as the core's test.
STUDIO_TEAM = (
    "--team-month=2026-12",
    "--pool-subscription=4000",
    "--pool-renews=2026-12-20",
    "--pool-top-up=500",
    "--member=Ana=2000",
    "--member=Ben=1000",
    "--member=Chloé",
    "--member=Dev",
    "--member=Eli",
    *(
        f"--assign={n}={who}"
        for n, who in enumerate(["Ana", "ana", "Ben", "Chloé", "Chloé", "Dev", "Eli"], 1)
    ),
    "--auto-top-up=500:500",
)


def test_a_studio_of_five_planned_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _studio_file(tmp_path / "studio.icalc.json")
    code, out, err = run(capsys, "estimate", str(path), *STUDIO_TEAM)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[2].split()[0] == "#" and lines[3].split()[:3] == ["1", "Nano", "Banana"]
    team = lines[lines.index("Plan for December 2026; member limits reset on 2027-01-01.") :]
    assert team[1:4] == [
        "Shared pool: 4,500 credits.",
        "Subscription credits: 4,000 of 4,000 used, 0 left.",
        "Top-up credits: at least 379 of 500 used, at most 121 left.",
    ]
    assert team[5:] == [
        "At least 1 automatic top-up of 500 credits would be bought: at least 500 credits.",
        "Ana: 1,894 of 2,000 credits, 106 left.",
        "Ben: 1,200 of 1,000 credits, over by 200.",
        "Chloé: at least 300 credits, no limit.",
        "Dev: 300 credits, no limit.",
        "Eli: 480 credits, no limit.",
        "Not assigned to a member: 205 credits.",
    ]
    assert "team" not in path.read_text(encoding="utf-8")  # not saved without --save


def test_the_team_saved_is_the_team_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _studio_file(tmp_path / "studio.icalc.json")
    code, _out, err = run(capsys, "estimate", str(path), *STUDIO_TEAM, "--save")
    assert code == 0 and err == f"Saved {path}.\n"
    code, out, _err = run(capsys, "estimate", str(path), "--json")
    team = json.loads(out)["team"]
    assert [
        (m["name"], m["limit"], m["used"], m["used_bound"], m["over"], m["lines"]) for m in team["members"]
    ] == [
        ("Ana", "2000", "1894", "exact", "0", [1, 2]),
        ("Ben", "1000", "1200", "exact", "200", [3]),
        ("Chloé", None, "300", "at_least", "0", [4, 5]),
        ("Dev", None, "300", "exact", "0", [6]),
        ("Eli", None, "480", "exact", "0", [7]),
    ]
    assert team["unassigned"]["lines"] == [8, 9] and team["auto_top_ups"]["count"] == 1
    assert team["members"][1]["text"] == "Ben: 1,200 of 1,000 credits, over by 200"
    # Options change the saved team: Ben's limit raised, the auto top-up off.
    code, out, _err = run(capsys, "estimate", str(path), "--member=Ben=1500", "--auto-top-up=off", "--json")
    team = json.loads(out)["team"]
    assert [m["name"] for m in team["members"]] == ["Ben"] and team["members"][0]["over"] == "0"
    assert team["auto_top_ups"] is None and team["pool"]["needed"] == "4379"
    assert team["unassigned"]["lines"] == [1, 2, 4, 5, 6, 7, 8, 9]  # Ana's lines: no Ana any more


def test_save_replaces_a_link_never_writes_through_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = _studio_file(tmp_path / "elsewhere.icalc.json")
    before = target.read_bytes()
    link = tmp_path / "studio.icalc.json"
    link.symlink_to(target)
    code, _out, err = run(capsys, "estimate", str(link), "--pool-subscription=10", "--save")
    assert code == 0, err
    assert target.read_bytes() == before and not link.is_symlink()
    assert '"team"' in link.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--member=Ana"], "a team needs its pool: give --pool-subscription"),
        (["--assign=1=Ana"], "--assign needs a team: give --pool-subscription"),
        (["--pool-subscription=9", "--member=Ana=x"], "--member: Ana's limit must be a number, got 'x'"),
        (["--pool-subscription=9", "--member=Ana", "--member=ANA"], "--member: two members are named 'Ana'"),
        (["--pool-subscription=9", "--member=" + "x" * 101], "--member: a member's name has at most 100"),
        (["--pool-subscription=9", "--assign=1=Zoe"], "--assign '1=Zoe': no member named 'Zoe' (members: -)"),
        (
            ["--pool-subscription=9", "--assign=10=Ana"],
            "--assign '10=Ana': LINE=NAME, LINE a line from 1 to 9",
        ),
        (["--pool-subscription=9", "--assign=Ana"], "--assign 'Ana': LINE=NAME"),
        (
            ["--pool-subscription=9", "--auto-top-up=5"],
            "--auto-top-up: THRESHOLD:AMOUNT, as 500:1000, or off",
        ),
        (["--pool-subscription=9", "--auto-top-up=5:0"], "--auto-top-up: the auto top-up's amount must be"),
        (["--pool-subscription=9", "--team-month=2026-13"], "--team-month: a month is written YYYY-MM"),
        (["--pool-subscription=x"], "argument --pool-subscription: not a whole number: 'x'"),
    ],
)
def test_a_bad_team_option_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    path = _studio_file(tmp_path / "studio.icalc.json")
    before = path.read_bytes()
    code, out, err = run(capsys, "estimate", str(path), *argv, "--save")
    assert (code, out) == (2, "") and len(err.splitlines()) == 1
    assert message in err and path.read_bytes() == before


def test_a_team_defaults_to_this_month(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import datetime as dt

    from imagine_calc.core.text.team import month_words

    path = _studio_file(tmp_path / "studio.icalc.json")
    code, out, _err = run(capsys, "estimate", str(path), "--pool-subscription=100")
    assert code == 0 and f"Plan for {month_words(dt.date.today())};" in out
