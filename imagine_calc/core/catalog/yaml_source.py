"""Safe YAML parsing that keeps each value's line, so errors can point into the file.

Aliases are bounded before anything is built from them (see yaml_aliases)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from imagine_calc.core.catalog.yaml_aliases import check_aliases
from imagine_calc.core.errors import CatalogError, Problem
from imagine_calc.core.language import _

# libyaml's safe loader when PyYAML has it: ten times faster, same marks.
#: The safe loader (PyYAML's C one where it has it), with its own constructors.
_Loader: type = type("_Loader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A date that cannot be (2026-13-01) refused at its line: PyYAML's own constructor raises
    a bare ValueError, which names no place."""
    if not isinstance(node, yaml.ScalarNode):  # `!!timestamp [1]`
        raise yaml.constructor.ConstructorError(
            None, None, "expected a date, found a list or a mapping", node.start_mark
        )
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from None


yaml.add_constructor("tag:yaml.org,2002:timestamp", _timestamp, Loader=_Loader)

KeyPath = Sequence[str | int]


def format_path(path: KeyPath) -> str:
    """`models[3].price.2K` style, readable and greppable."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus the node tree it came from."""

    file: str
    data: Any
    root: yaml.Node | None

    def line_of(self, path: KeyPath) -> int | None:
        """1-based line of the deepest node reachable along `path`."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def problem(self, path: KeyPath, message: str, **values: object) -> Problem:
        """The problem at `path`; `message` (from the catalog) is filled in with `values`."""
        said = message.format(**values) if values else message
        return Problem(self.file, self.line_of(path), format_path(path), said)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value if isinstance(value, yaml.Node) else None
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child = node.value[part]
        return child if isinstance(child, yaml.Node) else None
    return None


def _duplicate_keys(file: str, root: yaml.Node) -> list[Problem]:
    """PyYAML silently keeps the last of two equal keys; a catalog must not."""
    problems: list[Problem] = []
    stack = [root]
    seen_nodes: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        problems.append(Problem(file, key.start_mark.line + 1, key.value, _("duplicate key")))
                    keys.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def parse_yaml(text: str | bytes, file: str) -> YamlDocument:
    """Parse one YAML document; anything wrong becomes a CatalogError naming file and line."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is not None:
                check_aliases(root, text, file)
                dupes = _duplicate_keys(file, root)
                if dupes:
                    raise CatalogError(dupes)
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except CatalogError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise CatalogError([Problem(file, line, "", _not_yaml(str(reason)))]) from None
    except yaml.YAMLError as exc:
        raise CatalogError([Problem(file, None, "", _not_yaml(str(exc)))]) from None
    except RecursionError:
        raise CatalogError([Problem(file, None, "", _not_yaml(_("nested too deeply")))]) from None
    except Exception as exc:
        raise CatalogError([Problem(file, None, "", _not_yaml(str(exc)))]) from None
    return YamlDocument(file, data, root)


def _not_yaml(why: str) -> str:
    """The problem's words; `why` is PyYAML's own, as the library wrote it."""
    # TRANSLATORS: {why} is the YAML reader's own English words ("found undefined alias").
    return _("not valid YAML: {why}").format(why=why)
