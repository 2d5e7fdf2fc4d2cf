"""Updating prices from a saved credits page: the diff, then apply and quote."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from imagine_calc.core.catalog.credits_page import PageError, parse_credits_page
from imagine_calc.core.catalog.loader import load_catalog, load_with_override
from imagine_calc.core.catalog.price_update import apply_update, diff
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from tests.credits_pages import PAGE, as_html, edited, row, with_price
from tests.words import change, notes

DAY = dt.date(2026, 12, 20)


def kinds(page: str) -> dict[str, list[tuple[str, str, str, str]]]:
    """The update's changes in words, by kind: (kind, name, before, after)."""
    update = diff(load_catalog(), parse_credits_page(page))
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    for c in update.changes:
        found.setdefault(c.kind, []).append(change(c))
    return found


def apply_and_quote(page: str, override: Path, req: GenerationRequest) -> str:
    catalog = load_catalog()
    apply_update(diff(catalog, parse_credits_page(page)), catalog, override, DAY, "page.md")
    loaded = load_with_override(override)
    assert loaded.override_active, loaded.override_error
    return str(quote_generation(loaded.catalog, req).known_total)


def test_the_bundled_catalog_agrees_with_its_source_page() -> None:
    page = parse_credits_page(PAGE)
    update = diff(load_catalog(), page)
    assert update.changes == () and notes(update) == []
    assert len(update.matched) == len(load_catalog().models) == len(page.models) == 25
    assert set(update.engines) == {"topaz", "magnific"}


def test_the_html_page_reads_like_the_markdown_page() -> None:
    assert parse_credits_page(as_html(PAGE)) == parse_credits_page(PAGE)


def test_a_changed_price_is_listed_and_applied(override_file: Path) -> None:
    page = with_price("Flux Dev", "7")
    assert kinds(page) == {"price": [("price", "Flux Dev", "5", "7")]}
    assert apply_and_quote(page, override_file, GenerationRequest("flux-dev")) == "7"


def test_a_tier_added_to_a_tiered_model(override_file: Path) -> None:
    page = with_price("Nano Banana 2", "49 (1K) / 73.5 (2K) / 85 (3K) / 98 (4K)")
    (found,) = kinds(page)["price"]
    assert found[3] == "49 (1K) / 73.5 (2K) / 85 (3K) / 98 (4K)"
    assert apply_and_quote(page, override_file, GenerationRequest("nano-banana-2", "3K", "1:1", 2)) == "170"


def test_two_models_added_are_quotable_after_apply(override_file: Path) -> None:
    new_rows = (
        "| **Nova Image**   | 12 | Up to 2K | 1:1, 16:9 |\n"
        "| **Vega XL**      | 30 (1K) / 60 (2K) | Up to 2K | 1:1, 3:4, 4:3 |\n"
    )
    page = edited((row("Seedream v4"), row("Seedream v4") + "\n" + new_rows.rstrip("\n")))
    added = kinds(page)["added"]
    assert [c[1] for c in added] == ["Nova Image", "Vega XL"]
    assert apply_and_quote(page, override_file, GenerationRequest("vega-xl", "2K", "1:1")) == "60"
    assert (
        quote_generation(
            load_with_override(override_file).catalog, GenerationRequest("nova-image")
        ).known_total
        == 12
    )


def test_a_new_pro_model_from_a_page_gets_the_same_inferred_subscription_rule(override_file: Path) -> None:
    new_rows = "| **Nova Image Pro** | 40 | Up to 4K | 1:1 |\n| **Nova Image** | 12 | Up to 2K | 1:1 |"
    page = edited((row("Seedream v4"), row("Seedream v4") + "\n" + new_rows))
    apply_and_quote(page, override_file, GenerationRequest("nova-image"))
    catalog = load_with_override(override_file).catalog
    pro, plain = catalog.model("nova-image-pro"), catalog.model("nova-image")
    assert pro.requires_subscription and "name" in pro.inferred["requires_subscription"]
    assert not plain.requires_subscription and "requires_subscription" not in plain.inferred
    # one base price: 40 at 1K, at least 40 at 4K
    assert quote_generation(catalog, GenerationRequest("nova-image-pro", "4K")).total is None


def test_a_removed_model_is_listed_and_noted() -> None:
    found = kinds(edited((row("Qwen Image") + "\n", "")))
    assert [c[1] for c in found["removed"]] == ["Qwen Image"]


def test_a_renamed_model_keeps_its_id() -> None:
    found = kinds(
        edited((row("Minimax Image"), row("Minimax Image").replace("Minimax Image", "MiniMax Image 01")))
    )
    assert found == {"renamed": [("renamed", "MiniMax Image 01", "Minimax Image", "MiniMax Image 01")]}


def test_a_malformed_cell_is_noted_and_left_alone_never_guessed() -> None:
    page = with_price("Ideogram v3", "twenty-five")
    update = diff(load_catalog(), parse_credits_page(page))
    assert update.changes == ()
    assert any(
        "Ideogram v3" in n and "could not be read" in n and "'twenty-five'" in n for n in notes(update)
    )


def test_text_without_the_table_is_refused_with_a_clear_message() -> None:
    with pytest.raises(PageError, match="not ImagineArt's Image Credits page"):
        parse_credits_page("# Release notes\n\nNothing to see here.\n| a | b |\n| - | - |\n| 1 | 2 |\n")


def test_apply_keeps_the_users_own_prices_comments_and_a_dated_backup(override_file: Path) -> None:
    mine = (
        "# prices I checked myself\nprompt_enhancer:\n  surcharge: 2  # seen on the Create button\n"
        "models:\n  - id: midjourney-v7\n    price: 30\n"
    )
    override_file.write_text(mine)
    assert apply_and_quote(with_price("Flux Dev", "7"), override_file, GenerationRequest("flux-dev")) == "7"
    catalog = load_with_override(override_file).catalog
    assert catalog.prompt_enhancer.surcharge == 2
    assert catalog.model("midjourney-v7").price_at("1K") == 30  # the page still says "See tooltip"
    assert catalog.as_of == DAY
    text = override_file.read_text()
    assert "# prices I checked myself" in text and "# seen on the Create button" in text
    assert "&id" not in text and "*id" not in text  # no YAML anchors for the repeated source
    (backup,) = override_file.parent.glob("override.yaml.*.bak")
    assert backup.read_text() == mine


def test_a_kill_during_the_write_leaves_the_old_override_intact(
    override_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: 6\n")
    before = override_file.read_bytes()
    catalog = load_catalog()
    update = diff(catalog, parse_credits_page(with_price("Flux Dev", "7")))
    real_replace = os.replace

    def killed(src: str, dst: str) -> None:
        if Path(dst) == override_file:
            raise KeyboardInterrupt  # the process dies between writing the new file and the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        apply_update(update, catalog, override_file, DAY, "page.md")
    assert override_file.read_bytes() == before
    assert load_with_override(override_file).catalog.model("flux-dev").price_at("1K") == 6
    left = sorted(p.name for p in override_file.parent.iterdir() if p.name != "cache")  # the catalog cache
    assert len(left) == 2 and left[0] == "override.yaml" and left[1].endswith(".bak")


@pytest.mark.parametrize(
    ("cell", "price"), [("7", "7"), ("73,5", "73.5"), ("1,040", "1040"), ("73.5", "73.5")]
)
def test_price_cells_are_read_as_the_page_writes_them(cell: str, price: str) -> None:
    (found,) = kinds(with_price("Flux Dev", cell))["price"]
    assert found[3] == price.replace("1040", "1,040")


@pytest.mark.parametrize("cell", ["1,2,3", "1e19", "0", "123456789012345678901234567890", "-5"])
def test_a_price_cell_that_is_no_price_is_noted_and_left_alone(cell: str, override_file: Path) -> None:
    page = with_price("Flux Dev", cell)
    update = diff(load_catalog(), parse_credits_page(page))
    assert not any(c.kind == "price" for c in update.changes)
    assert any(n.startswith("Flux Dev:") and "left as it was" in n for n in notes(update))


@pytest.mark.parametrize("cell", ["2000000", "5 (1K) / 1,500,000 (2K)", "123456789012345678901234567890"])
def test_a_price_above_the_limit_is_named_as_such(cell: str) -> None:
    update = diff(load_catalog(), parse_credits_page(with_price("Flux Dev", cell)))
    assert any("more than 1,000,000 credits, the most a price may be" in n for n in notes(update))


def test_a_tenfold_price_is_flagged_before_it_is_applied() -> None:
    update = diff(load_catalog(), parse_credits_page(with_price("Flux Dev", "500")))
    assert any("more than ten times" in n for n in notes(update))


@pytest.mark.parametrize("codec", ["utf-16", "latin-1", "utf-8-sig"])
def test_a_page_saved_in_another_encoding_reads_the_same(tmp_path: Path, codec: str) -> None:
    from imagine_calc.core.catalog.credits_page import read_page

    path = tmp_path / "page.md"
    path.write_bytes(PAGE.replace("—", "-").encode(codec))
    assert parse_credits_page(read_page(path)) == parse_credits_page(PAGE.replace("—", "-"))


def test_a_page_over_the_size_limit_gets_a_message(tmp_path: Path) -> None:
    from imagine_calc.core.catalog.credits_page import read_page

    path = tmp_path / "page.html"
    path.write_bytes(b"<html>" + b" " * 5_000_000)
    with pytest.raises(PageError, match="too large"):
        read_page(path)


def test_applying_over_a_broken_override_is_refused_and_keeps_it(override_file: Path) -> None:
    from imagine_calc.core.errors import CatalogError

    override_file.write_text("models: [\n")
    catalog = load_catalog()
    with pytest.raises(CatalogError, match="not valid YAML"):
        apply_update(
            diff(catalog, parse_credits_page(with_price("Flux Dev", "7"))), catalog, override_file, DAY, "p"
        )
    assert override_file.read_text() == "models: [\n"


def test_every_apply_keeps_a_dated_backup_and_revert_walks_back(override_file: Path) -> None:
    from imagine_calc.core.catalog.override_backups import backups, revert

    override_file.write_text("# mine\nmodels:\n  - id: midjourney-v7\n    price: 30\n")
    for price in ("6", "7", "8"):
        apply_and_quote(with_price("Flux Dev", price), override_file, GenerationRequest("flux-dev"))
    assert len(backups(override_file)) == 3  # a second apply no longer overwrites the only .bak
    for expected in ("7", "6"):
        revert(override_file)
        quote = quote_generation(load_with_override(override_file).catalog, GenerationRequest("flux-dev"))
        assert str(quote.total) == expected
    revert(override_file)
    assert override_file.read_text() == "# mine\nmodels:\n  - id: midjourney-v7\n    price: 30\n"


def test_a_changed_upscale_price_is_listed_applied_and_quoted(override_file: Path) -> None:
    from imagine_calc.core.pricing.upscale import quote_upscale

    override_file.write_text("# mine\nupscale_engines:\n  - id: topaz\n    max_input_megapixels: 400\n")
    catalog = load_with_override(override_file).catalog
    page = PAGE.replace("<li>2×: 65</li>", "<li>2×: 70</li>")
    update = diff(catalog, parse_credits_page(page))
    assert [change(c) for c in update.changes] == [
        (
            "upscale",
            "Magnific Precision v2",
            "2×: 65, 4×: 260, 8×: 520, 16×: 1,040",
            "2×: 70, 4×: 260, 8×: 520, 16×: 1,040",
        )
    ]
    apply_update(update, catalog, override_file, DAY, "page.md")
    loaded = load_with_override(override_file)
    assert loaded.override_active, loaded.override_error
    assert quote_upscale(loaded.catalog, "magnific", 2, 100, 100).known_total == 70
    assert quote_upscale(loaded.catalog, "magnific", 4, 100, 100).known_total == 260
    assert loaded.catalog.engine("topaz").max_input_megapixels == 400  # the user's own setting kept
    assert "# mine" in override_file.read_text()
    # applied again, the same page changes nothing more
    again = diff(loaded.catalog, parse_credits_page(page))
    assert [c for c in again.changes if c.kind == "upscale"] == []


def test_a_changed_maximum_and_changed_ratios_are_each_listed_whole() -> None:
    flux = row("Flux Dev")
    ratios = "1:1, 3:4, 2:3, 3:2, 5:4, 9:16, 16:9"
    page = edited((flux, flux.replace("Up to 1K", "Up to 2K").replace(ratios, "1:1, 16:9")))
    update = diff(load_catalog(), parse_credits_page(page))
    assert [change(c) for c in update.changes] == [
        ("max_resolution", "Flux Dev", "up to 1K", "up to 2K"),
        ("aspect_ratios", "Flux Dev", ratios, "1:1, 16:9"),
    ]
    assert notes(update) == []


def test_a_maximum_the_page_no_longer_gives_reads_as_unknown() -> None:
    flux = row("Flux Dev")
    update = diff(load_catalog(), parse_credits_page(edited((flux, flux.replace("Up to 1K", "See tooltip")))))
    assert [change(c) for c in update.changes] == [
        ("max_resolution", "Flux Dev", "up to 1K", "max resolution unknown")
    ]


def test_removed_and_added_models_are_listed_whole_with_a_note_for_the_removed() -> None:
    qwen = row("Qwen Image")
    new = "| **Nova Image**   | 12 | Up to 2K | 1:1, 16:9 |"
    page = edited((qwen + "\n", ""), (row("Seedream v4"), row("Seedream v4") + "\n" + new))
    update = diff(load_catalog(), parse_credits_page(page))
    assert [change(c) for c in update.changes] == [
        ("added", "Nova Image", "", "12; up to 2K"),
        ("removed", "Qwen Image", "24", "not on the page"),
    ]
    assert notes(update) == [
        "Qwen Image is no longer on the page; it stays in the catalog (an override cannot remove a model): "
        "check ImagineArt's tooltip before you budget with it."
    ]
