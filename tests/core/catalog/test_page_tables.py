"""The tables of a saved page as rows of cells, each cell its lines: HTML tables, ARIA grids
(whose header row GitBook writes before the grid) and Markdown pipe tables, whose cells may hold
inline HTML; text read as it shows, entities decoded once."""

from __future__ import annotations

import pytest

from imagine_calc.core.catalog.page_tables import Table, plain, tables


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("**Nano Banana 2**", "Nano Banana 2"),
        ("<strong>Flux</strong>   <em>Dev</em>", "Flux Dev"),
        ("Tom &amp; Jerry &lt;b&gt;", "Tom & Jerry <b>"),
        ("  49\n (1K)  ", "49 (1K)"),
    ],
)
def test_text_reads_as_it_shows(text: str, read: str) -> None:
    assert plain(text) == read


def test_a_markdown_table_without_its_separator_row() -> None:
    text = (
        "Intro\n\n| Model | Credits |\n| --- | :---: |\n| **Flux Dev** | 5 |\n"
        "| Nano Banana 2 | 49 (1K)<br>98 (4K) |\n\nAfter"
    )
    assert tables(text) == [
        [[["Model"], ["Credits"]], [["Flux Dev"], ["5"]], [["Nano Banana 2"], ["49 (1K)", "98 (4K)"]]]
    ]


def test_an_entity_in_a_markdown_cell_is_decoded_once() -> None:
    assert tables("| a |\n|---|\n| &amp;lt;b&amp;gt; |\n") == [[[["a"]], [["&lt;b&gt;"]]]]


def test_two_markdown_tables_apart_are_two_tables() -> None:
    text = "| a |\n|---|\n| 1 |\n\ntext\n\n| b |\n|---|\n| 2 |\n"
    assert tables(text) == [[[["a"]], [["1"]]], [[["b"]], [["2"]]]]


def test_an_html_table_with_lines_in_its_cells_and_an_empty_cell() -> None:
    text = (
        "<table><thead><tr><th>Model</th><th>Credits</th><th>Note</th></tr></thead><tbody>"
        "<tr><td><strong>Nano Banana 2</strong></td><td><p>49 (1K)</p><p>73.5 (2K)</p></td><td></td></tr>"
        "</tbody></table>"
    )
    assert tables(text) == [
        [[["Model"], ["Credits"], ["Note"]], [["Nano Banana 2"], ["49 (1K)", "73.5 (2K)"], [""]]]
    ]


def test_a_grids_header_written_before_it_leads_its_rows() -> None:
    """GitBook's rendering: a row of column headers, then the grid with the body rows."""
    text = (
        '<div role="row"><div role="columnheader">Model</div><div role="columnheader">Credits</div></div>'
        '<div role="table"><div role="rowgroup">'
        '<div role="row"><div role="cell"><div><p>Flux Dev</p></div></div><div role="cell">5</div></div>'
        "</div></div>"
    )
    assert tables(text) == [[[["Model"], ["Credits"]], [["Flux Dev"], ["5"]]]]


def test_a_loose_row_that_is_no_header_is_a_table_of_its_own() -> None:
    text = (
        '<div role="row"><div role="cell">stray</div></div>'
        '<div role="table"><div role="row"><div role="cell">x</div></div></div>'
    )
    assert tables(text) == [[[["stray"]]], [[["x"]]]]


def test_tables_come_in_the_order_they_end_and_html_before_markdown() -> None:
    text = (
        "| md |\n|---|\n| 1 |\n\n<table><tr><td>outer<table><tr><td>inner</td></tr></table></td></tr></table>"
    )
    found: list[Table] = tables(text)
    assert found == [[[["inner"]]], [[["outer"]]], [[["md"]], [["1"]]]]


def test_a_table_the_page_never_closes_is_still_read() -> None:
    assert tables("<table><tr><td>Flux Dev</td><td>5") == [[[["Flux Dev"], ["5"]]]]


def test_text_without_tables_has_none() -> None:
    assert tables("# Image Credits\n\nNothing tabular.\n") == []
    assert tables("A bar inside a line | is no table.\n") == []  # a pipe table's rows start with |
