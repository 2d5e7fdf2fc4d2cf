"""The address a saved page says it is from: recorded as the source of the prices it gives.

A page from ImagineArt's help centre (GitBook) names itself in `<link rel="canonical">`; a
browser that saves a page may write `<!-- saved from url=(0051)https://... -->` at its top; a
Markdown copy may carry `url:` (or `source:`, `canonical:`) in its front matter. The address is
untrusted text from a file: it is only ever shown, never opened (the app is offline), and it
is kept only if it is a plain http(s) address, so that it cannot pose as one of the window's
own links, hide a host behind a user name, or carry controls or markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from imagine_calc.core.limits import MAX_ADDRESS_CHARS, shown

#: Where the head of an HTML page ends: nothing after it names the page.
_BODY = re.compile(r"<body[\s>]", flags=re.I)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S*)", flags=re.I)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", flags=re.S)
_FRONT_KEYS = ("url", "canonical", "canonical_url", "source", "source_url", "original_url")
#: Printable ASCII but for the characters RFC 3986 never allows in an address.
_ADDRESS = re.compile(r"https?://[!#-;=?-\[\]_a-z~]+", flags=re.I)
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.saved_from: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        rel = (values.get("rel") or "").lower().split()
        if tag == "link" and "canonical" in rel and self.canonical is None:
            self.canonical = (values.get("href") or "").strip()

    def handle_comment(self, data: str) -> None:
        found = _SAVED_FROM.search(data)
        if found and self.saved_from is None:
            self.saved_from = found.group(1)


def _front_matter(text: str) -> str | None:
    block = _FRONT_MATTER.match(text[:20_000])
    if block is None:
        return None
    for line in block.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in _FRONT_KEYS and value.strip():
            return value.strip().strip("'\"").strip()
    return None


def claimed_address(text: str) -> str | None:
    """What the page says its address is, as written (unchecked); None when it says nothing.
    The canonical link first, then the address it was saved from, then front matter."""
    body = _BODY.search(text)
    head = text[: body.start()] if body else text[:200_000]
    if "<" in head:
        parser = _Head()
        parser.feed(head)
        parser.close()
        for found in (parser.canonical, parser.saved_from):
            if found:
                return found
    return _front_matter(text)


def web_address(text: str) -> str | None:
    """`text` if it is a plain web address (http or https, a host name, no user name, printable
    ASCII without spaces, quotes or angle brackets, at most MAX_ADDRESS_CHARS), else None."""
    if len(text) > MAX_ADDRESS_CHARS or not _ADDRESS.fullmatch(text):
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return None
    host = parts.hostname or ""
    if "@" in parts.netloc or not _HOST.fullmatch(host):
        return None
    return text


def page_address(text: str) -> tuple[str | None, str]:
    """The page's own address, checked, and a note when it names one that is not kept."""
    claimed = claimed_address(text)
    if not claimed:
        return None, ""
    address = web_address(claimed)
    if address is None:
        return None, (
            f"The page names its address as {shown(claimed)}, which is not a plain web address: "
            "it is not recorded as the source of the prices."
        )
    return address, ""
