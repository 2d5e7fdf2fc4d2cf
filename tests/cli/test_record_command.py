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
