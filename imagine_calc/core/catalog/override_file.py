"""Writing the user's override file: recorded prices, applied page updates, and going back.

Every write is the same four steps, so none can leave the user worse off:
1. the file is edited as YAML with its comments and order kept (ruamel.yaml's round trip:
   PyYAML drops comments, and an override is a file people annotate by hand);
2. the result is checked by the catalog's own schema, and nothing is written if it fails;
3. the file as it was is kept beside it as a numbered backup (`override_backups`; where there
   was none, a backup saying so), never overwritten, never deleted;
4. the new text replaces the old in one rename, so a kill mid-write leaves the old file whole.
`override_backups.revert` puts the newest backup back.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from imagine_calc.core.catalog.loader import bundled_files, load_override, read_file
from imagine_calc.core.catalog.override_backups import keep_backup
from imagine_calc.core.catalog.records import Catalog, Observation
from imagine_calc.core.errors import CatalogError, Problem
from imagine_calc.core.files import write_atomic

#: Written as the backup of an override that did not exist: reverting to it means "none".
NO_FILE = "# imagine-calc: there was no override file before this change.\n"


@dataclass(frozen=True)
class Written:
    """The catalog the new file gives, and where the file as it was is kept."""

    catalog: Catalog
    backup: Path
    #: False when there was no override file before: the backup only says so.
    had_file: bool = True

    def backup_words(self) -> str:
        if self.had_file:
            return f"the file as it was is kept as {self.backup.name}"
        note = self.backup.name
        return f"there was no override file before ({note} notes that: a revert goes back to none)"

    def backup_sentence(self) -> str:
        words = self.backup_words()
        return f"{words[0].upper()}{words[1:]}."


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    yaml.representer.ignore_aliases = lambda *_: True  # no &id001 anchors for repeated values
    yaml.representer.add_representer(str, _represent_text)
    return yaml


def _represent_text(representer: Any, text: str) -> Any:
    """Quote text that the catalog's reader (PyYAML, YAML 1.1) would read as something else:
    ruamel writes YAML 1.2, where a bare 16:9 is text, but 1.1 reads it as the number 969."""
    import yaml as pyyaml

    resolver = pyyaml.resolver.Resolver()
    plain = resolver.resolve(pyyaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    style = None if plain == "tag:yaml.org,2002:str" else '"'
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def yaml_number(value: Decimal) -> int | float:
    """A price as YAML writes it: 7, 73.5 (the catalog's check turns it back into a Decimal)."""
    return int(value) if value == value.to_integral_value() else float(value)


def load_document(path: Path) -> tuple[Any, str]:
    """The override as an editable document (an empty mapping when there is no file), and
    the comments of a file that holds nothing else, which the document cannot carry."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    if not path.exists():
        return CommentedMap(), ""
    text = read_file(path)
    try:
        doc = _yaml().load(text)
    except (YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise CatalogError(
            [Problem(str(path), line, "", f"not valid YAML ({getattr(exc, 'problem', None) or exc})")]
        ) from None
    if doc is None:
        comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
        return CommentedMap(), "".join(f"{line}\n" for line in comments)
    if not isinstance(doc, dict):
        raise CatalogError([Problem(str(path), 1, "", "an override file is a mapping of sections")])
    return doc, ""


def dump(doc: Any) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def edit(path: Path, change: Callable[[Any], None], now: dt.datetime | None = None) -> Written:
    """Apply `change` to the override document at `path` and write it, as the module says.
    Raises CatalogError (nothing written) when the file or the result is not a valid override,
    OSError when it cannot be written."""
    doc, comments = load_document(path)
    change(doc)
    text = comments + dump(doc)
    catalog = load_override(bundled_files(), text, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    had_file = path.exists()
    old = path.read_bytes() if had_file else NO_FILE.encode()
    backup = keep_backup(path, old, now)
    write_atomic(path, text.encode("utf-8"))
    return Written(catalog, backup, had_file)


# --- recorded prices ------------------------------------------------------------------------


def observation_entry(o: Observation) -> dict[str, Any]:
    entry: dict[str, Any] = {"model": o.model_id, "resolution": o.resolution}
    if o.aspect_ratio is not None:
        entry["aspect_ratio"] = o.aspect_ratio
    entry.update(
        images=o.images,
        prompt_enhancer=o.prompt_enhancer,
        credits=yaml_number(o.credits),
        date=o.date,
    )
    return entry


def _same_settings(entry: Any, o: Observation) -> bool:
    if not isinstance(entry, dict):
        return False
    return (
        entry.get("model"),
        str(entry.get("resolution")),
        entry.get("aspect_ratio"),
        entry.get("images", 1),
        entry.get("prompt_enhancer", False),
    ) == o.settings()


def record(path: Path, o: Observation, now: dt.datetime | None = None) -> Written:
    """Keep `o` in the override; a recording for the same settings is replaced."""

    def change(doc: Any) -> None:
        entries = doc.get("observed")
        if not isinstance(entries, list):
            from ruamel.yaml.comments import CommentedSeq

            entries = doc["observed"] = CommentedSeq()
        for i in reversed(range(len(entries))):
            if _same_settings(entries[i], o):
                del entries[i]
        entries.append(observation_entry(o))

    return edit(path, change, now)


def remove_recordings(
    path: Path, keep: Callable[[Observation], bool], catalog: Catalog, now: dt.datetime | None = None
) -> tuple[Written, list[Observation]]:
    """Drop the recordings of `catalog` that `keep` refuses; returns what was removed."""
    gone = [o for o in catalog.observations if not keep(o)]

    def change(doc: Any) -> None:
        entries = doc.get("observed")
        if not isinstance(entries, list):
            return
        for i in reversed(range(len(entries))):
            if any(_same_settings(entries[i], o) for o in gone):
                del entries[i]
        if not entries:
            del doc["observed"]

    return edit(path, change, now), gone
