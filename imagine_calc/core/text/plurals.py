"""A count with its noun: "1 file", "2 files". Plurals are made here and nowhere else."""

from __future__ import annotations

from imagine_calc.core.numbers import PLAIN, NumberStyle, whole


def plural(n: int, word: str, style: NumberStyle = PLAIN, many: str = "") -> str:
    """ "1 image", "4 images", "1 day", "45 days"; `many` where the plural is not word + s
    ("web addresses")."""
    return f"{whole(n, style)} {word if n == 1 else many or word + 's'}"
