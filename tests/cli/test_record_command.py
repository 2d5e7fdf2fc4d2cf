"""`imagine-calc record`: keep the total ImagineArt's Create button showed for a set of
settings, list the recordings, remove one; a price or a day that cannot be is refused unwritten."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from imagine_calc.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_record_what_imagineart_showed_then_quote_it(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("# my prices\nprompt_enhancer:\n  name: Prompt enhancer  # as the app says\n")
    code, out, _ = run(capsys, "record", "ImagineArt 1.5 Pro", "--resolution", "4K", "40")
    assert code == 0 and "Recorded 40 credits" in out
    _, out, _ = run(capsys, "quote", "ImagineArt 1.5 Pro", "--resolution", "4K", "--json")
    data = json.loads(out)
    assert (data["total_credits"], data["complete"], data["basis"]) == (40, True, "observed")
    assert run(capsys, "record", "Nano Banana 2", "49")[0] == 0
    assert run(capsys, "record", "Nano Banana 2", "--prompt-enhancer", "51")[0] == 0
    _, out, _ = run(capsys, "quote", "Nano Banana 2", "--prompt-enhancer", "--json")
    data = json.loads(out)
    assert (data["total_credits"], data["complete"]) == (51, True)
    code, out, _ = run(capsys, "catalog", "--check", str(override_file))
    assert code == 0 and "valid" in out
    assert "# my prices" in override_file.read_text() and "# as the app says" in override_file.read_text()
    _, out, _ = run(capsys, "record", "--list")
    assert out.count("observed 20") == 3
    code, out, _ = run(capsys, "record", "--remove", "Nano Banana 2", "--prompt-enhancer")
    assert code == 0 and "Removed: Nano Banana 2 · 1K · 1 image · prompt enhancer: 51" in out
    _, out, _ = run(capsys, "record", "--list", "--json")
    assert len(json.loads(out)) == 2


@pytest.mark.parametrize("credits", ["lots", "NaN", "-1", "0", "1e30", "123456789012345678901234567890"])
def test_record_refuses_a_price_that_is_not_one(
    capsys: pytest.CaptureFixture[str], override_file: Path, credits: str
) -> None:
    code, _, err = run(capsys, "record", "Flux Dev", credits)
    assert code == 2 and "credits" in err and "Traceback" not in err
    assert not override_file.exists()


def test_record_refuses_a_day_that_has_not_come(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    code, _, err = run(capsys, "record", "Flux Dev", "5", "--date", tomorrow)
    assert code == 2 and f"--date {tomorrow} is after today" in err
    assert not override_file.exists()


def test_the_list_says_in_words_where_a_recording_contradicts_the_page(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    # The page: Nano Banana 2 is 49 at 1K; ImagineArt showed 50.
    assert run(capsys, "record", "Nano Banana 2", "50", "--date", "2026-11-30")[0] == 0
    code, out, _ = run(capsys, "record", "--list")
    assert code == 0
    assert out.splitlines() == [
        "Nano Banana 2 · 1K · 1 image: 50 credits, observed 2026-11-30",
        "  note: You recorded 50 credits per image for Nano Banana 2 at 1K on 2026-11-30; ImagineArt's page "
        "gives 49 for 1K. Your recording is used.",
    ]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["record"], "imagine-calc record: name the MODEL (and the CREDITS ImagineArt showed), or --list"),
        (["record", "Flux Dev"], "imagine-calc record: give the CREDITS ImagineArt's Create button showed"),
        (
            ["record", "--remove", "Flux Dev", "5"],
            "imagine-calc record --remove: give the settings, not CREDITS",
        ),
        (
            ["record", "Flux Dev", "--resolution", "2K", "6"],
            "imagine-calc: Flux Dev does not offer 2K (allowed: 1K)",
        ),
    ],
)
def test_a_recording_missing_a_part_or_for_settings_not_offered_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], override_file: Path, argv: list[str], said: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out, err.strip()) == (2, "", said)
    assert not override_file.exists()


def test_a_recording_says_what_was_recorded_where_and_where_the_old_file_is(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    code, out, _ = run(
        capsys,
        "record",
        "Nano Banana 2",
        "--resolution",
        "2K",
        "--aspect",
        "16:9",
        "74",
        "--date",
        "2026-11-30",
    )
    lines = out.splitlines()
    assert code == 0
    settings = "Nano Banana 2 · 2K · 16:9 · 1 image"
    assert lines[0] == f"Recorded 74 credits for {settings}, observed 2026-11-30, in {override_file}"
    assert "ImagineArt's page gives 73.5 for 2K" in lines[1]  # the page: 73.5 at 2K
    assert lines[-1].startswith("There was no override file before (") and lines[-1].endswith(").")


def test_removing_a_recording_that_is_not_there_says_so(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    assert run(capsys, "record", "Flux Dev", "6")[0] == 0
    code, _, err = run(capsys, "record", "--remove", "Flux Dev", "--images", "2")
    assert code == 1 and err.strip() == "imagine-calc: no recording of Flux Dev · 1K · 2 images"


def test_the_list_of_one_model_leaves_out_the_others(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    run(capsys, "record", "Flux Dev", "5", "--date", "2026-11-29")
    run(capsys, "record", "Nano Banana 2", "49", "--date", "2026-11-29")
    _, out, _ = run(capsys, "record", "--list", "flux dev", "--json")
    assert json.loads(out) == [
        {
            "model": "flux-dev",
            "resolution": "1K",
            "aspect_ratio": None,
            "images": 1,
            "prompt_enhancer": False,
            "credits": 5,
            "date": "2026-11-29",
            "recorded_by": None,
        }
    ]


def test_with_nothing_recorded_the_list_says_so_and_why_when_the_override_is_broken(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    assert run(capsys, "record", "--list")[1] == "No recorded prices.\n"
    override_file.write_text("models:\n  - id: flux-dev\n    price: -7\n")
    _, out, _ = run(capsys, "record", "--list")
    assert out.startswith(f"No recorded prices. ({override_file}:3: models[0].price:")


def test_a_recording_over_a_broken_override_is_refused_and_the_file_left(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: -7\n")
    code, _, err = run(capsys, "record", "Flux Dev", "6")
    assert code == 1
    assert err.splitlines()[-2:] == [
        "imagine-calc: not recorded: your override file has problems to fix first:",
        f"{override_file}:3: models[0].price: a price cannot be negative, got -7",
    ]
    assert override_file.read_text() == "models:\n  - id: flux-dev\n    price: -7\n"
