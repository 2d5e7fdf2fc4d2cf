"""Everything the commands write, in one place: lines for people, JSON for scripts.

Names, labels and paths come from outside (a file name, an estimate, an override file) and may
hold an ANSI escape (clear the screen, retitle the window) or a newline that fakes a line such
as "Total: 0 credits". `say` shows their control characters as escapes (`printable`), and no
text stops the output with an encoding error: a lone surrogate is shown escaped, and a
character the terminal's encoding lacks (PYTHONIOENCODING=ascii) is written as an escape; JSON
is then written ASCII-only, so it stays valid JSON.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from imagine_calc.core.language import locale_name
from imagine_calc.core.numbers import PLAIN, NumberStyle, json_number, locale_style
from imagine_calc.core.outside_text import json_text, printable
from imagine_calc.core.text.catalog import subscription_reason

if TYPE_CHECKING:
    from imagine_calc.core.catalog.records import Catalog, Model, Observation


def style() -> NumberStyle:
    """How the command line writes figures and days: as the language in use writes them (CLDR's
    "73,5" and "01.01.2027" in German), the plain style in English ("73.5", 2027-01-01)."""
    return locale_style(locale_name()) if locale_name() else PLAIN


def say(text: str = "", *, err: bool = False) -> None:
    """One line for people, on stdout (or stderr): the only way a command writes words."""
    _write(printable(text) + "\n", sys.stderr if err else sys.stdout)


def print_json(data: Any) -> None:
    """`data` as JSON on stdout: every string exact (json_text)."""
    print_json_text(json_text(data))


def print_json_text(text: str) -> None:
    """JSON made elsewhere (an export), ASCII-only where the terminal's encoding cannot take
    it: escaped by the encoder it would no longer be JSON."""
    stream = sys.stdout
    try:
        text.encode(_encoding(stream))
    except UnicodeEncodeError:
        text = json.dumps(json.loads(text), indent=2, ensure_ascii=True)
    _write(text.rstrip("\n") + "\n", stream)


def print_script(text: str) -> None:
    """A completion script: ours, written as it is."""
    _write(text, sys.stdout)


def _encoding(stream: TextIO) -> str:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "".encode(encoding)
    except LookupError:
        return "utf-8"
    return encoding


def _write(text: str, stream: TextIO) -> None:
    """`text` as the stream's encoding can take it: what it cannot, as a backslash escape."""
    encoding = _encoding(stream)
    stream.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))


def model_json(model: Model, catalog: Catalog) -> dict[str, Any]:
    pro_basis, _ = model.subscription_basis()
    pro_reason = subscription_reason(model)
    return {
        "id": model.id,
        "name": model.name,
        "description": model.description,
        "tiers": {
            t: {
                "credits": json_number(model.price_at(t)),
                "basis": model.basis_at(t).value,
                "lower_bound": model.lower_bound_at(t),
            }
            for t in model.tiers
        },
        "max_resolution": model.max_resolution,
        # the tiers the source lists as offered, or null where it gives only a maximum
        "resolutions": list(model.resolutions) if model.resolutions is not None else None,
        "aspect_ratios": list(model.aspect_ratios),
        "requires_subscription": {
            "value": model.requires_subscription,
            "basis": pro_basis.value,
            "reason": pro_reason,
        },
        "unknown": dict(model.unknown),
        "inferred": dict(model.inferred),
        "observed": [observation_json(o) for o in catalog.observations_of(model.id)],
        "origin": model.origin,
    }


def observation_json(o: Observation) -> dict[str, Any]:
    return {
        "model": o.model_id,
        "resolution": o.resolution,
        "aspect_ratio": o.aspect_ratio,
        "images": o.images,
        "prompt_enhancer": o.prompt_enhancer,
        "credits": json_number(o.credits),
        "date": o.date.isoformat(),
        "recorded_by": o.by,
    }
