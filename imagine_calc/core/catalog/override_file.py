"""Writing the user's override file: recorded prices, applied page updates.

Every write is the same steps, so none can leave the user worse off:
1. the file as it is must load: a file the loader refuses (and ignores) is never rewritten, and
   the refusal names the lines of the file the user wrote;
2. it is edited as YAML with its comments, order and anchors kept (ruamel.yaml's round trip:
   PyYAML drops comments, and an override is a file people annotate by hand);
3. the result is checked by the catalog's own schema, and nothing is written if it fails;
4. the file as it was is kept beside it as a numbered backup (`override_backups`; where there
   was none, a backup saying so), never overwritten, never deleted;
5. the new text replaces the old in one rename, so a kill mid-write leaves the old file whole.
   If the override is a link (a dotfiles folder), the file it names is replaced, in its own
   folder, and the link stays. `override_backups.revert` goes back.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from imagine_calc.core.catalog.loader import bundled_files, load_override
from imagine_calc.core.catalog.override_backups import keep_backup
from imagine_calc.core.catalog.records import Catalog, Observation
from imagine_calc.core.errors import CatalogError, Problem
from imagine_calc.core.files import FileProblem, describe_sizes, read_bytes
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_OVERRIDE_BYTES
from imagine_calc.core.writes import link_target, mode_of, replace_file

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
            return _("the file as it was is kept as {name}").format(name=self.backup.name)
        return _("there was no override file before ({name} notes that: a revert goes back to none)").format(
            name=self.backup.name
        )

    def backup_sentence(self) -> str:
        words = self.backup_words()
        return f"{words[0].upper()}{words[1:]}."


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    # The user's own anchors stay as written (expanding them could multiply the file); a value
    # the app repeats (a date, a source) is written out again, never as an &id001 anchor.
    yaml.representer.ignore_aliases = lambda data: not _user_anchor(data)
    yaml.representer.add_representer(str, _represent_text)
    return yaml


def _user_anchor(data: Any) -> bool:
    anchor = getattr(data, "anchor", None)
    return getattr(anchor, "value", None) is not None


def _represent_text(representer: Any, text: str) -> Any:
    """Quote text that the catalog's reader (PyYAML, YAML 1.1) would read as something else:
    ruamel writes YAML 1.2, where a bare 16:9 is text, but 1.1 reads it as the number 969."""
    import yaml as pyyaml

    resolver = pyyaml.resolver.Resolver()
    # types-PyYAML leaves Resolver.resolve unannotated; it returns the tag as a str.
    plain = resolver.resolve(pyyaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]  # see above
    style = None if plain == "tag:yaml.org,2002:str" else '"'
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def yaml_number(value: Decimal) -> int | float:
    """A price as YAML writes it: 7, 73.5 (the catalog's check turns it back into a Decimal)."""
    return int(value) if value == value.to_integral_value() else float(value)


def load_document(text: str, file: str) -> tuple[Any, str]:
    """The override's `text` as an editable document (an empty mapping when it holds nothing),
    and the comments of a file that holds nothing else, which the document cannot carry.
    Aliases are bounded before the document is built, as for the catalog's own reader."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    from imagine_calc.core.catalog.yaml_aliases import check_aliases  # PyYAML: not at every start

    yaml = _yaml()
    try:
        root = yaml.compose(text)
        if root is not None:
            check_aliases(root, text, file)
        doc = yaml.constructor.construct_document(root) if root is not None else None
    except (YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise CatalogError(
            [
                Problem(
                    file,
                    line,
                    "",
                    _("not valid YAML ({why})").format(why=getattr(exc, "problem", None) or exc),
                )
            ]
        ) from None
    if doc is None:
        comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
        return CommentedMap(), "".join(f"{line}\n" for line in comments)
    if not isinstance(doc, dict):
        raise CatalogError([Problem(file, 1, "", _("an override file is a mapping of sections"))])
    return doc, ""


def dump(doc: Any) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def edit(path: Path, change: Callable[[Any], None], now: dt.datetime | None = None) -> Written:
    """Apply `change` to the override document at `path` and write it, as the module says.
    Raises CatalogError (nothing written) when the file or the result is not a valid override,
    OSError when it cannot be written."""
    target = link_target(path)
    old = _current(path)
    text = _text(old, path) if old is not None else ""
    bundled = bundled_files()
    if old is not None:
        load_override(bundled, text, str(path))  # refused as it is: never rewritten
    doc, comments = load_document(text, str(path))
    change(doc)
    new = (comments + dump(doc)).encode("utf-8")
    if len(new) > MAX_OVERRIDE_BYTES:
        size, most = describe_sizes(len(new), MAX_OVERRIDE_BYTES)
        said = _("the changed file would be {size}, over {most}").format(size=size, most=most)
        raise CatalogError([Problem(str(path), None, "", said)])
    try:
        catalog = load_override(bundled, new.decode("utf-8"), str(path))
    except CatalogError as exc:
        raise CatalogError([_as_changed(p, str(path)) for p in exc.problems]) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = keep_backup(path, old if old is not None else NO_FILE.encode(), now)
    replace_file(target, new, mode_of(target))
    return Written(catalog, backup, old is not None)


def _current(path: Path) -> bytes | None:
    """The override's bytes as they are (through the user's link), or None when there is no
    file (nor a file where its link points). CatalogError when it is not a file to read."""
    if not path.exists():
        return None
    try:
        return read_bytes(path, MAX_OVERRIDE_BYTES)
    except FileProblem as exc:
        raise CatalogError([Problem(str(path), None, "", str(exc))]) from None


def _text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = _("not UTF-8 text (byte {n} cannot be read)").format(n=exc.start + 1)
        raise CatalogError([Problem(str(path), None, "", message)]) from None


def _as_changed(problem: Problem, file: str) -> Problem:
    """A problem of the file as the change would write it: its lines are not the user's, so
    it is named by its key alone."""
    if problem.file != file:
        return problem
    said = _("{problem} (after this change)").format(problem=problem.message)
    return Problem(file, None, problem.key_path, said)


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
    """Drop the user's own recordings of `catalog` that `keep` refuses (a teammate's are theirs:
    never removed here); returns what was removed."""
    gone = [o for o in catalog.observations if o.by is None and not keep(o)]

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
