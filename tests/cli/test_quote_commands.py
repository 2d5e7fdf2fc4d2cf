"""`imagine-calc models`, `quote` and `upscale`: what settings and image files cost, in words or
JSON, every figure with its basis, and the files that could not be quoted said."""

from __future__ import annotations

import json
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


def test_a_quote_in_words_is_its_breakdown_then_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    # The page: Nano Banana 2 is 73.5 at 2K; two images cost twice that.
    code, out, err = run(
        capsys, "quote", "nano-banana-2", "--resolution", "2k", "--aspect", "16:9", "--images", "2"
    )
    assert (code, err) == (0, "")
    assert out == "  Nano Banana 2, 2K, 16:9: 147  (2 × 73.5)\nTotal: 147 credits\n"


def test_what_is_not_known_follows_the_total_as_notes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "quote", "flux dev", "--prompt-enhancer")
    lines = out.splitlines()
    assert lines[:3] == [
        "  Flux Dev, 1K: 5  (1 × 5 base price)",
        "  Prompt enhancer: unknown  (surcharge unknown)",
        "Total: at least 5 credits",
    ]
    assert lines[3].startswith("  note: Prompt enhancer: The credits page only says")


def test_a_name_several_models_share_is_answered_with_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "quote", "nano banana 3")  # no such version: both words in three names
    assert code == 2
    assert err.strip() == (
        "imagine-calc: no model 'nano banana 3'; did you mean 'Nano Banana 2' or 'Nano Banana Pro' "
        "or 'Nano Banana'?"
    )


def test_a_name_like_no_model_lists_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "quote", "xyz")
    assert err.startswith("imagine-calc: no model 'xyz' (allowed: ImagineArt 2.0, Nano Banana 2, ")
    assert err.strip().endswith("Seedream v4)")


def test_the_models_table_marks_base_prices_unknown_maximums_and_pro_models(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "models")
    rows = {line.split("  ")[0]: line.split() for line in out.splitlines()[1:26]}
    assert out.splitlines()[0].split() == ["Model", "Id", "Credits", "per", "image", "Max", "Plan"]
    assert rows["ImagineArt 2.0"][-2:] == ["(base)", "?"]  # "See tooltip" for its maximum
    assert rows["Nano Banana Pro"][-2:] == ["4K", "Pro*"]  # inferred from the name
    assert rows["Nano Banana 2"][-1] == "4K"  # priced per tier: no "(base)", no plan
    assert rows["Midjourney V7"][-2:] == ["unknown", "?"]
    assert 'Max ?: the page says "See tooltip". Pro*: needs a subscription, inferred from the name.' in out


def test_each_upscaled_file_is_a_line_with_its_size_and_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = write_image(tmp_path / "hd.png", 1920, 1080)
    _, out, _ = run(capsys, "upscale", str(image), "--engine", "Magnific Precision v2", "--scale", "4×")
    assert out.splitlines()[:2] == [
        f"{image}: 1920 × 1080 (2.07 MP) -> 7680 × 4320: 260 credits",  # the page: 4×: 260
        "Total for 1 image with Magnific Precision v2 4×: 260 credits",
    ]


def test_a_tiny_image_may_cost_more_than_its_formula_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 10 × 10 px at Topaz 2×: 20 × 0.0001 MP × 1 = 0.002 credits; the page gives no minimum.
    image = write_image(tmp_path / "tiny.png", 10, 10)
    _, out, _ = run(capsys, "upscale", str(image))
    assert "about 0.002 credits" in out
    assert (
        "  note: ImagineArt publishes no rounding and no minimum charge: a small image may cost more." in out
    )


def test_files_a_folder_passes_over_are_counted_by_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "photos"
    write_image(folder / "one.png", 1000, 1000)
    (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    (folder / "notes.txt").write_text("not an image")
    _, out, _ = run(capsys, "upscale", str(folder))
    assert "  skipped in folders: 1 SVG drawing and 1 other file" in out
    _, out, _ = run(capsys, "upscale", str(folder), "--json")
    assert json.loads(out)["skipped"] == {"svg": 1, "other": 1}


def test_a_folder_with_no_image_is_an_error_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("not an image")
    code, out, err = run(capsys, "upscale", str(folder))
    assert code == 1 and err.strip() == f"imagine-calc: no images found in {folder}: nothing to quote"
    # no total of nothing ("Total for 0 images: 0 credits" read as a quote); what was passed over
    assert out.strip() == "skipped in folders: 1 other file"


def test_an_image_too_large_for_an_engine_with_a_limit_is_not_quoted_and_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], override_file: Path
) -> None:
    override_file.write_text(
        "upscale_engines:\n  - id: topaz\n    max_input_megapixels: 4\n", encoding="utf-8"
    )
    small, large = write_image(tmp_path / "small.png", 1000, 1000), tmp_path / "large.png"
    large.write_bytes(png_header_only(4000, 3000))  # 12 MP, over the 4 MP the override gives
    code, out, _ = run(capsys, "upscale", str(small), str(large), "--json")
    data = json.loads(out)
    assert code == 1 and data["quoted"] == 1 and data["failed"] == 1 and data["complete"] is False
    assert data["size_limit_stated"] is True
    assert data["total"]["known_credits"] == 20  # the small one: 20 × 1 MP × 1
