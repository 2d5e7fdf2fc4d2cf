"""A web address where a file was expected is told apart from a path, in any case of its scheme."""

from __future__ import annotations

import pytest

from imagine_calc.core.text.offline import is_web_address


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
