"""The core's typed errors: one for the catalog, one for a quote that cannot be made."""

from __future__ import annotations

from collections.abc import Sequence

from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _


@record
class Problem(Frozen):
    """One thing wrong in a catalog file, located by file, line and key path."""

    file: str
    line: int | None
    key_path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.key_path}:" if self.key_path else ""
        return f"{where}:{key} {self.message}"


class CatalogError(Exception):
    """A catalog file that cannot be used; carries every problem found, first one first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class QuoteError(ValueError):
    """A combination the catalog does not offer; `allowed` lists what would be valid."""

    def __init__(self, message: str, allowed: Sequence[str] = ()) -> None:
        self.allowed = tuple(allowed)
        # TRANSLATORS: {message} is why ("no model 'Nano'"), {allowed} what would do, listed.
        allowed_text = _("{message} (allowed: {allowed})")
        text = (
            message
            if not self.allowed
            else allowed_text.format(message=message, allowed=", ".join(self.allowed))
        )
        super().__init__(text)
