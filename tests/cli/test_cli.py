"""The command line: same core, clear exits, JSON for scripts, no tracebacks."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imagine_calc.cli import main
from tests.images import png_header_only, write_image


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_quote_json_nano_banana_2_2k_two_images(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quote", "Nano Banana 2", "--resolution", "2K", "--images", "2", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["model"] == "nano-banana-2"
    assert data["total_credits"] == 147 and data["complete"] is True
    assert data["lines"][0]["credits"] == 147


def test_quote_accepts_id_or_name_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("flux-dev", "FLUX DEV", "flux dev"):
        code, out, _ = run(capsys, "quote", name, "--json")
        assert code == 0 and json.loads(out)["total_credits"] == 5


def test_unknown_price_is_null_and_incomplete(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "quote", "midjourney v7", "--json")
    data = json.loads(out)
    assert data["total_credits"] is None and data["complete"] is False
    _, out, _ = run(capsys, "quote", "flux dev", "--images", "3", "--prompt-enhancer")
    assert "Total: at least 15 credits" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["quote", "flux dev", "--images", "5"], "allowed: 1, 2, 3, 4"),
        (["quote", "chatgpt", "--aspect", "16:9"], "allowed: 1:1, 2:3, 3:2"),
        (["quote", "flux dev", "--resolution", "2K"], "allowed: 1K"),
        (["quote", "dall-e"], "no model 'dall-e'"),
        (["quote", "flux dev", "--images", "two"], "not a whole number"),
        (["upscale", "x.png", "--scale", "3"], "allowed: 2×, 4×"),
        (["upscale", "x.png", "--engine", "waifu"], "no upscale engine 'waifu'"),
        (["models", "--bogus"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_models_lists_every_model(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "models", "--json")
    models = json.loads(out)
    assert code == 0 and len(models) == 25
    nbp = next(m for m in models if m["id"] == "nano-banana-pro")
    assert {t: v["credits"] for t, v in nbp["tiers"].items()} == {"1K": 80, "2K": 80, "4K": 160}
    assert {v["basis"] for v in nbp["tiers"].values()} == {"stated"}
    flat = next(m for m in models if m["name"] == "Flux 2 Max")  # one base price on the page
    assert [(t["basis"], t["lower_bound"]) for t in flat["tiers"].values()] == [
        ("base", False),
        ("base", True),
        ("base", True),
    ]
    assert nbp["requires_subscription"]["basis"] == "inferred"
    assert "Pro" in nbp["requires_subscription"]["reason"]
    plain = next(m for m in models if m["id"] == "flux-dev")  # no source says either way
    assert plain["requires_subscription"] == {
        "value": False,
        "basis": "inferred",
        "reason": plain["requires_subscription"]["reason"],
    }
    assert "does not carry" in plain["requires_subscription"]["reason"]
    _, text, _ = run(capsys, "models")
    assert "80 (1K/2K) / 160 (4K)" in text and "Midjourney V7" in text


def test_upscale_quotes_good_files_and_reports_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_image(tmp_path / "hd.png", 1920, 1080)
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_header_only(20000, 20000))
    empty = tmp_path / "empty.jpg"
    empty.touch()
    code, out, _ = run(capsys, "upscale", str(good), str(empty), str(huge), "--json")
    data = json.loads(out)
    assert code == 1
    rows = {Path(r["path"]).name: r for r in data["files"]}
    assert rows["hd.png"]["known_credits"] == pytest.approx(41.472)
    assert rows["hd.png"]["output_width"] == 3840 and rows["hd.png"]["output_height"] == 2160
    assert rows["huge.png"]["megapixels"] == 400 and rows["huge.png"]["known_credits"] == 8000
    assert "empty" in rows["empty.jpg"]["error"]
    assert data["total_credits"] is None and data["complete"] is False  # a file was not quoted
    assert data["total"]["known_credits"] == pytest.approx(8041.472)
    code, out, _ = run(capsys, "upscale", str(good), "--engine", "magnific", "--scale", "16")
    assert code == 0 and "1,040 credits" in out


def test_upscale_searches_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_image(tmp_path / "a" / "one.png", 1000, 1000)
    write_image(tmp_path / "a" / "b" / "two.jpg", 2000, 1000)
    (tmp_path / "a" / "notes.txt").write_text("not an image")
    code, out, _ = run(capsys, "upscale", str(tmp_path / "a"), "--json")
    data = json.loads(out)
    assert code == 0
    assert sorted(Path(r["path"]).name for r in data["files"]) == ["one.png", "two.jpg"]
    assert data["total_credits"] == 60


def test_catalog_shows_version_age_and_override(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    code, out, _ = run(capsys, "catalog", "--json")
    info = json.loads(out)
    assert code == 0
    assert info["override_path"] == str(override_file) and info["override_active"] is False
    assert info["as_of"] == "2026-11-26" and isinstance(info["age_days"], int)


def test_catalog_check_reports_errors_with_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("models:\n  - id: flux-dev\n    price: lots\n")
    code, _, err = run(capsys, "catalog", "--check", str(bad))
    assert code == 1 and f"{bad}:3: models[0].price: expected a number" in err
    good = tmp_path / "good.yaml"
    good.write_text("prompt_enhancer:\n  surcharge: 1\n")
    code, out, _ = run(capsys, "catalog", "--check", str(good))
    assert code == 0 and "valid" in out


def test_invalid_override_warns_and_still_quotes(
    override_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override_file.write_text("models: [")
    code, out, err = run(capsys, "quote", "flux dev", "--json")
    assert code == 0 and json.loads(out)["total_credits"] == 5
    assert "override ignored" in err and str(override_file) in err


def test_update_from_a_saved_page_prints_the_diff_then_applies_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    from tests.credits_pages import with_price

    page = tmp_path / "image-credits.md"
    page.write_text(with_price("Flux Dev", "7"))
    code, out, _ = run(capsys, "catalog", "--update-from", str(page))
    assert code == 0 and "price           Flux Dev: 5 -> 7" in out and "Not applied" in out
    assert not override_file.exists()
    code, out, _ = run(capsys, "catalog", "--update-from", str(page), "--apply", "--as-of", "2026-12-20")
    assert code == 0 and f"Applied 1 change: written to {override_file}" in out
    _, out, _ = run(capsys, "quote", "flux dev", "--json")
    assert json.loads(out)["total_credits"] == 7
    _, out, _ = run(capsys, "catalog", "--json")
    assert json.loads(out)["as_of"] == "2026-12-20"


def test_a_page_update_that_cannot_be_fully_applied_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    from tests.credits_pages import edited, row, with_price

    page = tmp_path / "image-credits.md"
    page.write_text(edited((row("Qwen Image") + "\n", "")))  # a model gone from the page
    code, out, _ = run(capsys, "catalog", "--update-from", str(page))
    assert code == 0 and "run again with --apply" not in out
    assert "Nothing to apply; 1 change cannot be applied (an override cannot remove a model" in out
    run(capsys, "catalog", "--update-from", str(page), "--apply")
    assert not override_file.exists()  # nothing it could write

    page.write_text(with_price("Flux Dev", "7").replace(row("Qwen Image") + "\n", ""))
    _, out, _ = run(capsys, "catalog", "--update-from", str(page))
    assert "run again with --apply to write the 1 change it can as your override; 1 change cannot" in out


def test_update_from_a_page_that_is_not_a_credits_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "notes.html"
    page.write_text("<html><body><p>Hello</p></body></html>")
    code, _, err = run(capsys, "catalog", "--update-from", str(page), "--json")
    assert code == 1 and "not ImagineArt's Image Credits page" in err


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


def test_a_base_price_above_1k_is_at_least_never_exact(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "quote", "ImagineArt 1.5 Pro", "--resolution", "4K", "--json")
    data = json.loads(out)
    assert (data["total_credits"], data["known_credits"], data["complete"]) == (None, 25, False)
    assert data["basis"] == "base" and data["state"] == "lower_bound" and "at 4K" in data["unknown"][0]
    _, out, _ = run(capsys, "quote", "ImagineArt 1.5 Pro", "--resolution", "1K", "--json")
    assert json.loads(out)["total_credits"] == 25 and json.loads(out)["complete"] is True
    _, out, _ = run(capsys, "quote", "Flux Dev", "--json")
    assert json.loads(out)["total_credits"] == 5 and json.loads(out)["complete"] is True
    _, out, _ = run(capsys, "quote", "Nano Banana 2", "--resolution", "4K", "--images", "3", "--json")
    assert json.loads(out)["total_credits"] == 294 and json.loads(out)["basis"] == "stated"
    code, _, err = run(capsys, "quote", "Seedream v4", "--resolution", "3K")
    assert code == 2 and "allowed: 1K, 2K, 4K" in err


def test_more_images_than_the_inferred_limit_says_it_is_inferred(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "quote", "flux dev", "--images", "5")
    assert code == 2 and "inferred" in err and len(err.strip().splitlines()) == 1


def test_models_json_says_which_models_need_a_subscription_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "models", "--json")
    models = {m["name"]: m for m in json.loads(out)}
    pro = models["Nano Banana Pro"]["requires_subscription"]
    assert pro["value"] is True and pro["basis"] == "inferred" and "name" in pro["reason"]
    assert models["Flux Dev"]["requires_subscription"]["value"] is False
    assert models["Flux 2 Max"]["tiers"]["4K"] == {"credits": 50, "basis": "base", "lower_bound": True}


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


def test_catalog_revert_puts_the_previous_override_back(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("models:\n  - id: midjourney-v7\n    price: 30\n")
    run(capsys, "record", "Flux Dev", "6")
    code, out, _ = run(capsys, "catalog", "--revert")
    assert code == 0 and "Reverted" in out
    assert override_file.read_text() == "models:\n  - id: midjourney-v7\n    price: 30\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_special_files_get_a_message_not_a_hang(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    fifo = tmp_path / "x.icalc.json"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        code, out, err = run(capsys, "estimate", path)
        assert code == 1 and out == "" and "not a regular file" in err
    os.mkfifo(override_file)
    code, out, err = run(capsys, "quote", "flux dev")
    assert code == 0 and "5 credits" in out and "not a regular file" in err


def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-\xff.png")  # Latin-1 bytes: not valid UTF-8
    write_image(tmp_path / name, 10, 10)
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for extra in ([], ["--json"]):
        result = subprocess.run(
            [sys.executable, "-m", "imagine_calc", "upscale", str(tmp_path), *extra],
            env=env,
            capture_output=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        assert b"caf\\udce9-\\udcff.png" in result.stdout
    assert json.loads(result.stdout)["quoted"] == 1


def test_a_page_saved_as_latin1_or_utf16_updates_like_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.credits_pages import with_price

    for codec in ("latin-1", "utf-16"):
        page = tmp_path / f"page-{codec}.html"
        page.write_bytes(with_price("Flux Dev", "7").encode(codec, errors="replace"))
        code, out, err = run(capsys, "catalog", "--update-from", str(page))
        assert code == 0, err
        assert "Flux Dev: 5 -> 7" in out


def test_applying_over_a_broken_override_says_why_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    from tests.credits_pages import with_price

    override_file.write_text("models: [\n")
    page = tmp_path / "page.md"
    page.write_text(with_price("Flux Dev", "7"))
    code, _, err = run(capsys, "catalog", "--update-from", str(page), "--apply")
    assert code == 1 and "not applied" in err and "not valid YAML" in err and "Traceback" not in err
    assert override_file.read_text() == "models: [\n"


def test_upscale_says_once_what_is_inferred_and_that_no_size_limit_is_stated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i, (w, h) in enumerate([(800, 600), (1024, 768), (640, 480)]):
        write_image(tmp_path / f"p{i}.png", w, h)
    _, out, _ = run(capsys, "upscale", str(tmp_path))
    assert out.count("note: No source states a size limit for upscaling") == 1
    assert out.count("base cost of 20 credits per megapixel is inferred") == 1
    scan = tmp_path / "scan.png"
    scan.write_bytes(png_header_only(20000, 10000))
    _, out, _ = run(capsys, "upscale", str(scan), "--engine", "magnific", "--scale", "16", "--json")
    data = json.loads(out)
    assert data["size_limit_stated"] is False
    assert any("This output is 320000 × 160000 pixels" in c for c in data["total"]["caveats"])


def test_a_base_price_is_called_one_wherever_it_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "quote", "ideogram-v3", "--aspect", "16:9")
    assert "(1 × 25 base price)" in out and "Total: 25 credits\n" in out  # exact at 1K, not "at least"
    assert "note: A base price is ImagineArt's price at 1K; its page says larger output dimensions" in out
    _, out, _ = run(capsys, "models")
    assert "Ideogram v3" in out and "25 (base)" in out.split("Ideogram v3", 1)[1].splitlines()[0]
    assert "larger output dimensions cost more" in out


def test_models_json_gives_the_listed_resolutions_and_only_those_tiers(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("models:\n  - id: seedream-v4\n    resolutions: [1K, 4K]\n", encoding="utf-8")
    _, out, _ = run(capsys, "models", "--json")
    models = {m["id"]: m for m in json.loads(out)}
    assert models["seedream-v4"]["resolutions"] == ["1K", "4K"]
    assert list(models["seedream-v4"]["tiers"]) == ["1K", "4K"]
    assert models["flux-dev"]["resolutions"] is None  # the page gives a maximum only


@pytest.mark.parametrize(
    ("fixture", "says_from"),
    [
        ("image-credits.md", None),  # the docs page as shipped: the catalog's own source
        ("image-credits-gitbook.html", "https://help.imagine.art/image-studio/image-credits"),
    ],
)
def test_update_from_the_shipped_pages_is_no_change_and_no_note(
    capsys: pytest.CaptureFixture[str], fixture: str, says_from: str | None
) -> None:
    page = Path(__file__).parents[1] / "fixtures" / fixture
    code, out, err = run(capsys, "catalog", "--update-from", str(page))
    assert code == 0 and err == ""
    assert "No changes: the catalog in use already has the page's prices." in out
    assert "note:" not in out and "could not be read" not in out
    assert ("The page says it is from" in out) == (says_from is not None)
    _, out, _ = run(capsys, "catalog", "--update-from", str(page), "--json")
    report = json.loads(out)
    assert report["changes"] == [] and report["notes"] == [] and report["page_url"] == says_from
