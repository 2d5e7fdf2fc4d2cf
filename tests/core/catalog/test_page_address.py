"""An applied page is recorded with its own address (its canonical link, the address it was saved
from, its front matter), checked as untrusted text: only a plain web address is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from imagine_calc.core.catalog.credits_page import parse_credits_page
from imagine_calc.core.catalog.loader import load_catalog, load_with_override
from imagine_calc.core.catalog.page_address import claimed_address, web_address
from imagine_calc.core.catalog.price_update import DOCS_URL, apply_update, diff
from imagine_calc.core.limits import shown
from tests.credits_pages import (
    GITBOOK,
    GITBOOK_URL,
    PAGE,
    as_gitbook_markdown,
    as_html,
    gitbook_with,
    with_price,
)

HEAD = "<!DOCTYPE html>\n{}<html><head>{}<title>Image Credits</title></head><body><p>text</p></body></html>"


def source_after_apply(page: str, override: Path) -> str:
    catalog = load_catalog()
    apply_update(diff(catalog, parse_credits_page(page)), catalog, override, dt.date(2026, 12, 20), "p")
    loaded = load_with_override(override)
    assert loaded.override_active, loaded.override_error
    return loaded.catalog.source.url


def test_the_fallback_is_the_bundled_catalogs_own_source() -> None:
    assert load_catalog().source.url == DOCS_URL


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            HEAD.format("", '<link rel="canonical" href="https://help.imagine.art/a">'),
            "https://help.imagine.art/a",
        ),
        (
            HEAD.format("", "<LINK REL='Canonical alternate' HREF='https://help.imagine.art/b'>"),
            "https://help.imagine.art/b",
        ),
        (
            HEAD.format("<!-- saved from url=(0026)https://help.imagine.art/c -->\n", ""),
            "https://help.imagine.art/c",
        ),
        (  # the canonical address first: the one the page gives itself
            HEAD.format(
                "<!-- saved from url=(0031)https://help.imagine.art/c?utm=x -->",
                '<link rel="canonical" href="https://help.imagine.art/c">',
            ),
            "https://help.imagine.art/c",
        ),
        (
            HEAD.format("", '<link rel="canonical" href="https://help.imagine.art/a?x=1&amp;y=2">'),
            "https://help.imagine.art/a?x=1&y=2",
        ),
        (
            "---\ntitle: Image Credits\nurl: https://help.imagine.art/d\n---\n# Image Credits\n",
            "https://help.imagine.art/d",
        ),
        ('---\nsource: "https://help.imagine.art/e"\n---\n', "https://help.imagine.art/e"),
        (PAGE, None),  # the docs page's Markdown names no address of its own
        (as_html(PAGE), None),
        ('<html><head></head><body><link rel="canonical" href="https://evil.example/"></body></html>', None),
        ("# Notes\n\nsaved from url=(0019)https://x.example/ in the text\n", None),
    ],
)
def test_where_a_page_says_it_is_from(text: str, address: str | None) -> None:
    assert claimed_address(text) == address


@pytest.mark.parametrize(
    "address",
    [
        "https://help.imagine.art/image-studio/image-credits",
        "http://help.imagine.art/x?a=1&b=two#part",
        "https://web.archive.org/web/20261201000000/https://help.imagine.art/x",
        "https://help.imagine.art:443/x",
    ],
)
def test_a_plain_web_address_is_kept(address: str) -> None:
    assert web_address(address) == address


@pytest.mark.parametrize(
    "address",
    [
        "remove-recording:0",  # one of the window's own links: a click would remove a recording
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://docs.imagine.art@evil.example/",  # a host hidden behind a user name
        "https://help.imagine.art/a b",
        "https://help.imagine.art/\x1b]0;title\x07",
        "https://help.imagine.art/\u202eevil",
        "https://help.imagine.art/<script>",
        'https://help.imagine.art/"onmouseover=x',
        "https://help.imagine.art:99999/",
        "https://exämple.com/",
        "https:///path",
        "https://" + "a" * 2000 + ".example/",
        "",
    ],
)
def test_anything_else_is_not(address: str) -> None:
    assert web_address(address) is None


def test_an_applied_gitbook_page_records_its_own_address(override_file: Path) -> None:
    page = gitbook_with("ImagineArt 2.0", 2, "1K, 2K")
    assert parse_credits_page(page).url == GITBOOK_URL
    assert source_after_apply(page, override_file) == GITBOOK_URL
    model = load_with_override(override_file).catalog.model("imagineart-2-0")
    assert model.source is not None and model.source.url == GITBOOK_URL


def test_an_applied_markdown_page_records_its_front_matter_address(override_file: Path) -> None:
    page = as_gitbook_markdown(gitbook_with("Flux Dev", 1, "7"), url="https://help.imagine.art/md")
    assert source_after_apply(page, override_file) == "https://help.imagine.art/md"


def test_a_page_without_an_address_is_recorded_as_the_docs_page(override_file: Path) -> None:
    assert source_after_apply(with_price("Flux Dev", "7"), override_file) == DOCS_URL


@pytest.mark.parametrize("bad", ["remove-recording:0", "javascript:alert(1)", "https://a.example/\x1b[2J"])
def test_an_address_that_is_not_kept_is_noted_and_the_docs_page_recorded(
    bad: str, override_file: Path
) -> None:
    page = GITBOOK.replace(f'href="{GITBOOK_URL}"', f'href="{bad}"', 1)
    page = gitbook_with("Flux Dev", 1, "7", page)
    parsed = parse_credits_page(page)
    assert parsed.url is None
    update = diff(load_catalog(), parsed)
    (note,) = [n for n in update.notes if "not a plain web address" in n]
    assert shown(bad) in note  # quoted, its controls escaped
    assert source_after_apply(page, override_file) == DOCS_URL
