"""`imagine-calc catalog`: the prices in use, checking a catalog file, updating from a saved
ImagineArt page (shown, then applied), and going back to the override as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imagine_calc.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


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


def test_catalog_revert_puts_the_previous_override_back(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("models:\n  - id: midjourney-v7\n    price: 30\n")
    run(capsys, "record", "Flux Dev", "6")
    code, out, _ = run(capsys, "catalog", "--revert")
    assert code == 0 and "Reverted" in out
    assert override_file.read_text() == "models:\n  - id: midjourney-v7\n    price: 30\n"


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


def test_the_catalog_in_use_in_words_with_the_state_of_the_override(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.text.catalog import age

    catalog = load_catalog()
    _, out, _ = run(capsys, "catalog")
    assert out.splitlines() == [
        f"Catalog version 2026.11.1, prices as of 2026-11-26 ({age(catalog.age_days())})",
        "Source: ImagineArt documentation: Image Credits <https://docs.imagine.art/image-tools/image-credits>",
        "25 models, 2 upscale engines",
        f"Override file: {override_file} [none (the file does not exist)]",
    ]
    override_file.write_text("models:\n  - id: flux-dev\n    price: 6\n")
    assert run(capsys, "catalog")[1].splitlines()[-1] == f"Override file: {override_file} [active]"
    override_file.write_text("models:\n  - id: flux-dev\n    price: -6\n")
    assert run(capsys, "catalog")[1].splitlines()[-1] == f"Override file: {override_file} [INVALID, ignored]"
    info = json.loads(run(capsys, "catalog", "--json")[1])
    assert info["override_error"].startswith(f"{override_file}:3: models[0].price:")
    assert (info["models"], info["upscale_engines"]) == (25, 2)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["catalog", "--apply"], "imagine-calc catalog: --apply and --as-of go with --update-from PAGE"),
        (
            ["catalog", "--as-of", "2026-12-01"],
            "imagine-calc catalog: --apply and --as-of go with --update-from PAGE",
        ),
        (["catalog", "--check", "nowhere.yaml"], "imagine-calc catalog: --check: no file nowhere.yaml"),
        (
            ["catalog", "--update-from", "nowhere.md"],
            "imagine-calc catalog: --update-from: no file nowhere.md",
        ),
        (
            ["catalog", "--update-from", "p.md", "--as-of", "2026-02-30"],
            "not a date (YYYY-MM-DD): '2026-02-30'",
        ),
    ],
)
def test_options_that_do_not_go_together_or_name_nothing_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and said in err and len(err.strip().splitlines()) == 1


def test_a_revert_with_no_backup_says_there_is_none(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("# mine\n")
    code, out, err = run(capsys, "catalog", "--revert")
    assert (code, out) == (
        1,
        "",
    ) and err.strip() == f"imagine-calc: no backup of {override_file} to go back to"


def test_a_revert_says_which_backup_came_back_and_where_the_file_it_replaced_is_kept(
    capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text("# mine\n")
    run(capsys, "record", "Flux Dev", "6")
    _, out, _ = run(capsys, "catalog", "--revert")
    restored, aside = out.splitlines()
    assert restored.startswith(f"Reverted {override_file} to override.yaml.0001.") and restored.endswith(
        ".bak."
    )
    assert aside.startswith("The file it replaced is kept as override.yaml.") and aside.endswith(".reverted.")
    assert override_file.read_text() == "# mine\n"


def test_an_update_for_scripts_reports_each_change_and_whether_it_was_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, override_file: Path
) -> None:
    from tests.credits_pages import with_price

    page = tmp_path / "image-credits.md"
    page.write_text(with_price("Flux Dev", "7"))
    _, out, _ = run(capsys, "catalog", "--update-from", str(page), "--as-of", "2026-12-01", "--json")
    report = json.loads(out)
    assert report["changes"] == [
        {"kind": "price", "name": "Flux Dev", "before": "5", "after": "7", "check": ""}
    ]
    assert (report["as_of"], report["models_on_page"], report["applied"], report["backup"]) == (
        "2026-12-01",
        25,
        False,
        None,
    )
    _, out, _ = run(capsys, "catalog", "--update-from", str(page), "--apply", "--json")
    report = json.loads(out)
    assert report["applied"] is True and Path(report["backup"]).is_file()
    assert report["override_path"] == str(override_file)
