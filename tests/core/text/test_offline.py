"""A web address where a file was expected is told apart from a path, in any case of its scheme."""

from __future__ import annotations

import pytest

from imagine_calc.core.text.offline import OFFLINE, is_web_address


@pytest.mark.parametrize(
    "text", ["https://example.com/a.png", "HTTP://EXAMPLE.COM/A.PNG", "ftp://host/x", "s3+https://b/k"]
)
def test_an_address_with_a_scheme_is_a_web_address(text: str) -> None:
    assert is_web_address(text)


@pytest.mark.parametrize(
    "text", ["file:///tmp/a.png", "FILE:///tmp/a.png", "/tmp/a.png", "photo.png", "C:\\photos\\a.png", "://x"]
)
def test_a_path_or_a_local_file_address_is_not(text: str) -> None:
    assert not is_web_address(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://cdn.example.com/hero.png",
        "HTTP://EXAMPLE.COM/A.PNG",
        "ftp://example.com/scan.tiff",
        "s3://bucket/photo.heic",
        "git+ssh://host/repo",
    ],
)
def test_an_address_with_a_scheme_is_a_web_address_too(text: str) -> None:
    assert is_web_address(text)


@pytest.mark.parametrize(
    "text",
    [
        "file:///home/me/photo.png",  # a local file, however it is written
        "FILE:///home/me/photo.png",
        "photo.png",
        "/home/me/https://not-a-scheme.png",  # the scheme must come first
        "C:\\Users\\me\\photo.png",
        "1http://example.com",  # a scheme starts with a letter
        "mailto:someone@example.com",  # no //: nothing to download
        "",
    ],
)
def test_a_path_or_a_local_file_address_is_not_too(text: str) -> None:
    assert not is_web_address(text)


def test_the_app_says_it_is_offline_and_what_to_do_instead() -> None:
    assert "offline" in OFFLINE and "does not download" in OFFLINE
    assert "Save it to your computer first" in OFFLINE
