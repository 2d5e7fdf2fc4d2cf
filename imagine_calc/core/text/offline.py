"""Words for a web address given where a file was expected: the app never downloads."""

from __future__ import annotations

import re

from imagine_calc.core.language import N_

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

#: Said wherever a web address arrives: dropped, pasted or typed on the command line
#: (translated where it is said: `_(OFFLINE)`).
OFFLINE = N_(
    "imagine-calc works offline and does not download anything. "
    "Save it to your computer first, then use the saved file."
)


def is_web_address(text: str) -> bool:
    """ "https://…", "ftp://…": anything with a scheme but a local file ("file://")."""
    return bool(_SCHEME.match(text)) and not text.lower().startswith("file://")
