"""The catalog's recorded prices (`observed:`), checked against the merged models: a recording
names a model the catalog has, a tier and an aspect ratio that model offers, and a number of
images the catalog allows; each problem names the recording's key in the user's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from imagine_calc.core.catalog.records import Model, Observation
from imagine_calc.core.errors import Problem
from imagine_calc.core.language import _

if TYPE_CHECKING:  # the YAML reader (and PyYAML) load only when a catalog file is read
    from imagine_calc.core.catalog.yaml_source import YamlDocument


def checked_observations(
    observed: Sequence[tuple[YamlDocument, int, dict[str, Any]]],
    models: dict[str, Model],
    least: int,
    most: int,
    problems: list[Problem],
) -> tuple[Observation, ...]:
    """Recorded prices, checked against the merged models; a later one for the same
    settings replaces an earlier one."""
    found: dict[tuple[Any, ...], Observation] = {}
    for doc, index, v in observed:
        path: list[Any] = ["observed", index]
        model = models.get(v["model"])
        images = v.get("images", 1)
        if model is None:
            problems.append(
                doc.problem([*path, "model"], _("no model '{model}' in the catalog"), model=v["model"])
            )
        elif v["resolution"] not in model.tier_prices:
            problems.append(
                doc.problem(
                    [*path, "resolution"],
                    _("{model} does not offer {resolution} (tiers: {tiers})"),
                    model=model.name,
                    resolution=v["resolution"],
                    tiers=", ".join(model.tiers),
                )
            )
        elif v.get("aspect_ratio") is not None and v["aspect_ratio"] not in model.aspect_ratios:
            problems.append(
                doc.problem(
                    [*path, "aspect_ratio"],
                    _("{model} has no {ratio} aspect ratio"),
                    model=model.name,
                    ratio=v["aspect_ratio"],
                )
            )
        elif not least <= images <= most:
            problems.append(
                doc.problem(
                    [*path, "images"],
                    _("images must be from {least} to {most}, got {n}"),
                    least=least,
                    most=most,
                    n=images,
                )
            )
        else:
            seen = Observation(
                model.id,
                v["resolution"],
                v.get("aspect_ratio"),
                images,
                v.get("prompt_enhancer", False),
                v["credits"],
                v["date"],
            )
            found.pop(seen.settings(), None)
            found[seen.settings()] = seen
    return tuple(found.values())
