"""Every way ImagineArt has written its credits table is read: the docs site's Markdown and HTML,
and its GitBook help centre (line breaks in cells, "1K, 2K, 4K", "Shown in Image mode tooltip")
in each of GitBook's renderings, and its upscale table. What still cannot be read is a named
note, never a guess."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from imagine_calc.core.catalog.credits_page import (
    PageEngine,
    PageModel,
    parse_credits_page,
    parse_max_resolution,
    parse_price,
    parse_ratios,
)
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.price_update import diff
from tests.credits_pages import (
    GITBOOK,
    PAGE,
    as_aria_grid,
    as_gitbook_markdown,
    as_html,
    as_split_header,
    gitbook_with,
    with_price,
)
from tests.words import notes

D = Decimal
NB2 = {"1K": D(49), "2K": D("73.5"), "4K": D(98)}
NBP = {"1K": D(80), "2K": D(80), "4K": D(160)}


def page_model(page: str, name: str) -> PageModel:
    return next(m for m in parse_credits_page(page).models if m.name == name)


# --- price cells -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "prices"),
    [
        ("49 (1K)<br>73.5 (2K)<br>98 (4K)", NB2),
        ("49 (1K)<br/>73.5 (2K)<br/>98 (4K)", NB2),
        ("49 (1K)<br />73.5 (2K)<BR>98 (4K)", NB2),
        ("<p>49 (1K)</p><p>73.5 (2K)</p><p>98 (4K)</p>", NB2),
        ("49 (1K)<br>73.5 (2K) / 98 (4K)", NB2),
        ("80 (1K/2K)<br>160 (4K)", NBP),
        ("80 (1k/2k)<br>\n  160 (4k)", NBP),
        ("<p>80 (1K/2K)<br>160 (4K)</p>", NBP),
    ],
)
def test_price_cells_with_line_breaks_read_into_their_tiers(cell: str, prices: dict[str, Decimal]) -> None:
    assert page_model(gitbook_with("Nano Banana 2", 1, cell), "Nano Banana 2").price == prices
    # ... and the same cell in a Markdown table (a pipe table may hold inline HTML)
    assert page_model(with_price("Nano Banana 2", cell.replace("\n", " ")), "Nano Banana 2").price == prices


def test_a_cell_of_lines_in_the_html_source_reads_as_its_lines() -> None:
    cell = "\n      49 (1K)\n      73.5 (2K)\n      98 (4K)\n    "
    assert page_model(gitbook_with("Nano Banana 2", 1, cell), "Nano Banana 2").price == NB2


@pytest.mark.parametrize(
    "cell",
    [
        "49 (1K)<br>50 (1K)",  # one tier priced twice: which is it?
        "49 (1K)<br>seventy (2K)",
        "49 (1K)<br>73.5",
        "49 (1K) / ",
        "25<br>30",
        "49 (1K)<br>73.5 (5K)",
    ],
)
def test_a_price_cell_of_lines_that_do_not_read_is_noted_and_left_alone(cell: str) -> None:
    update = diff(load_catalog(), parse_credits_page(gitbook_with("Nano Banana 2", 1, cell)))
    assert not any(c.kind == "price" for c in update.changes)
    (note,) = [n for n in notes(update) if n.startswith("Nano Banana 2:")]
    assert "could not be read" in note and "left as it was" in note


def test_an_unreadable_cell_is_quoted_with_its_line_breaks() -> None:
    _, why = parse_price("49 (1K)\nabout 70 (2K)")
    assert why == "The page's price cell could not be read: '49 (1K)\\nabout 70 (2K)'."


@pytest.mark.parametrize(
    "cell", ["See tooltip", "Shown in Image mode tooltip", "shown in image mode  tooltip"]
)
def test_both_tooltip_wordings_mean_the_price_is_not_published(cell: str) -> None:
    prices, why = parse_price(cell)
    said = " ".join(cell.split())
    assert prices == {} and why == f'The credits page says "{said}" instead of a price.'


# --- max resolution cells --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "maximum", "listed"),
    [
        ("1K, 2K, 4K", "4K", ("1K", "2K", "4K")),
        ("1K, 2K", "2K", ("1K", "2K")),
        ("1K, 4K", "4K", ("1K", "4K")),
        ("4K, 1K, 2K", "4K", ("1K", "2K", "4K")),
        ("1k,2k,3k", "3K", ("1K", "2K", "3K")),
        ("1K\n2K\n4K", "4K", ("1K", "2K", "4K")),
        ("1K / 2K", "2K", ("1K", "2K")),
        ("Up to 4K", "4K", None),
        ("Up to 4k", "4K", None),
        ("2K", "2K", None),
    ],
)
def test_max_resolution_cells(cell: str, maximum: str, listed: tuple[str, ...] | None) -> None:
    assert parse_max_resolution(cell) == (maximum, listed, None)


@pytest.mark.parametrize("cell", ["1K, 1K, 4K", "1K, 5K", "1K, 2K and 4K", "Up to 4K, 8K", "", "up to"])
def test_a_max_resolution_cell_that_does_not_read(cell: str) -> None:
    maximum, listed, why = parse_max_resolution(cell)
    assert maximum is None and listed is None and why is not None and "could not be read" in why


@pytest.mark.parametrize(
    "cell", ["See tooltip", "Shown in Image mode tooltip", "Shown in the Image mode tooltip."]
)
def test_both_tooltip_wordings_mean_the_max_resolution_is_not_published(cell: str) -> None:
    assert parse_max_resolution(cell) == (
        None,
        None,
        f'The credits page says "{cell}" instead of a maximum resolution.',
    )


@pytest.mark.parametrize(
    ("cell", "listed"),
    [("1K<br>2K<br>4K", ("1K", "2K", "4K")), ("<p>1K, 2K</p>", ("1K", "2K")), ("1K,<br/>2K", ("1K", "2K"))],
)
def test_a_list_of_tiers_in_html_lines(cell: str, listed: tuple[str, ...]) -> None:
    model = page_model(gitbook_with("ImagineArt 1.5", 2, cell), "ImagineArt 1.5")
    assert model.resolutions == listed and model.max_resolution == listed[-1]


def test_aspect_ratios_on_lines_of_their_own() -> None:
    model = page_model(gitbook_with("Flux Dev", 3, "1:1, 3:4<br>2:3, 3:2<br>5:4<br>9:16, 16:9"), "Flux Dev")
    assert model.aspect_ratios == ("1:1", "3:4", "2:3", "3:2", "5:4", "9:16", "16:9")


# --- the GitBook page ------------------------------------------------------------------------


def test_the_gitbook_page_reads_into_the_right_tiers_and_maximums() -> None:
    assert page_model(GITBOOK, "Nano Banana 2").price == NB2
    assert page_model(GITBOOK, "Nano Banana Pro").price == NBP
    for name in ("Nano Banana 2", "Nano Banana Pro", "ImagineArt 1.5 Pro"):
        model = page_model(GITBOOK, name)
        assert (model.max_resolution, model.resolutions) == ("4K", ("1K", "2K", "4K")), name
    midjourney = page_model(GITBOOK, "Midjourney V7")
    assert midjourney.price == {} and midjourney.max_resolution is None
    assert set(midjourney.unknown) == {"price", "max_resolution"} and not midjourney.unreadable
    assert "Shown in Image mode tooltip" in midjourney.unknown["price"]
    assert (
        page_model(GITBOOK, "ImagineArt 2.0")
        .unknown["max_resolution"]
        .startswith('The credits page says "Shown in Image mode tooltip"')
    )
    assert page_model(GITBOOK, "Seedream v5 Lite").max_resolution == "3K"  # "Up to 3K" still reads


def test_the_gitbook_page_with_the_docs_figures_is_no_change_and_no_note() -> None:
    """Its eight GitBook cells used to be eight "could not be read" notes."""
    update = diff(load_catalog(), parse_credits_page(GITBOOK))
    assert update.changes == () and notes(update) == []
    assert len(update.matched) == 25 and set(update.engines) == {"topaz", "magnific"}


@pytest.mark.parametrize("render", [as_split_header, as_aria_grid, as_gitbook_markdown])
def test_every_gitbook_rendering_reads_the_same(render: Callable[[], str]) -> None:
    page, rendered = parse_credits_page(GITBOOK), parse_credits_page(render())
    assert rendered.models == page.models and rendered.engines == page.engines


def test_the_docs_page_reads_as_before_as_markdown_and_as_html() -> None:
    page = parse_credits_page(PAGE)
    assert parse_credits_page(as_html(PAGE)).models == page.models
    assert all(m.resolutions is None for m in page.models)  # it gives maximums only
    assert page_model(PAGE, "Nano Banana 2").price == NB2


def test_a_header_only_table_alone_is_still_a_page_without_rows() -> None:
    from imagine_calc.core.catalog.credits_page import PageError

    with pytest.raises(PageError, match="no rows"):
        parse_credits_page("<table><thead><tr><th>Model</th><th>Credits</th></tr></thead></table>")


# --- cells read one by one ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "prices"),
    [
        ("25", {"*": D(25)}),  # one base price
        ("1,040", {"*": D(1040)}),  # a thousands comma
        ("73,5", {"*": D("73.5")}),  # a decimal comma, as some locales save it
        ("98 (4K) / 49 (1K)", {"1K": D(49), "4K": D(98)}),  # tiers come out in their order
        ("80 (1K/2K) / 160 (4K)", NBP),
    ],
)
def test_a_price_cell_reads_as_one_base_price_or_a_price_per_tier(
    cell: str, prices: dict[str, Decimal]
) -> None:
    found, why = parse_price(cell)
    assert found == prices and list(found) == list(prices) and why is None


@pytest.mark.parametrize(
    "cell",
    [
        "49 (1K) / 50 (1K)",  # a tier priced twice: either would be a guess
        "49 (1K/1K)",
        "49 (5K)",
        "49 (1K) 73.5",
        "about 25",
        "25.1234567",  # more decimals than any price
    ],
)
def test_a_price_cell_that_reads_two_ways_or_none_is_not_read(cell: str) -> None:
    found, why = parse_price(cell)
    assert found == {} and why == f"The page's price cell could not be read: {cell!r}."


def test_aspect_ratios_read_as_listed_and_anything_else_is_said() -> None:
    assert parse_ratios("1:1, 16:9,21:9") == (("1:1", "16:9", "21:9"), None)
    for cell in ("16x9", "1:1, 0:1", "", "1:1, wide"):
        assert parse_ratios(cell) == ((), f"The page's aspect ratio cell could not be read: {cell!r}.")


def test_the_upscale_table_reads_a_formula_per_scale_or_a_price_per_scale() -> None:
    # The page: Topaz "2× = base cost × megapixels × 1", "4× = ... × 3"; Magnific 65, 260, 520, 1040.
    assert parse_credits_page(PAGE).engines == (
        PageEngine("Topaz", "per_megapixel", {2: D(1), 4: D(3)}, {}),
        PageEngine("Magnific Precision v2", "fixed", {2: D(65), 4: D(260), 8: D(520), 16: D(1040)}, {}),
    )


@pytest.mark.parametrize(
    ("credits", "why"),
    [
        ("<ul><li>2×: 0</li></ul>", "The page's upscale credits give 0, which is not a price: '2×: 0'."),
        ("<ul><li>2×: soon</li></ul>", "The page's upscale credits could not be read: '2×: soon'."),
        (
            "<ul><li>2× = base cost × megapixels × 1</li><li>4×: 260</li></ul>",
            "The page's upscale credits could not be read: '2× = base cost × megapixels × 1; 4×: 260'.",
        ),
    ],
)
def test_upscale_credits_that_do_not_read_leave_the_engine_unpriced_saying_why(
    credits: str, why: str
) -> None:
    page = PAGE.replace("<ul><li>2×: 65</li><li>4×: 260</li><li>8×: 520</li><li>16×: 1040</li></ul>", credits)
    magnific = parse_credits_page(page).engines[1]
    assert magnific.scales == {} and magnific.unknown == {"scales": why}


def test_a_price_of_0_is_not_a_price() -> None:
    model = page_model(with_price("Flux Dev", "0"), "Flux Dev")
    assert model.price == {} and model.unreadable["price"] == (
        "The page's price cell gives 0 credits ('0'): not a price."
    )


def test_a_base_price_is_flat_and_a_price_per_tier_or_none_is_not() -> None:
    assert page_model(PAGE, "Flux Dev").flat
    assert not page_model(PAGE, "Nano Banana 2").flat
    assert not page_model(PAGE, "Midjourney V7").flat  # "See tooltip": no price at all


def test_a_row_without_a_name_is_no_model() -> None:
    page = PAGE.replace("| **Flux Dev**", "|            ", 1)
    names = [m.name for m in parse_credits_page(page).models]
    assert "Flux Dev" not in names and len(names) == 24
