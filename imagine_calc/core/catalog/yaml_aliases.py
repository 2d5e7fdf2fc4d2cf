"""A bound on what YAML aliases may repeat, so a few hundred bytes cannot become gigabytes.

An alias (`*name`) stands for the whole value its anchor (`&name`) names, and that value may hold
aliases too: nine lines of nine aliases each repeat 490 million values. A YAML reader builds
them as one shared object, cheaply; what walks or writes the result (the schema's checks,
ruamel's writer) pays for every repeat. So a catalog file's aliases may repeat at most
MAX_ALIAS_VALUES values in all, and an alias inside the value it names (which would repeat
forever) is refused, in `yaml_source` before anything is built. The refusal names the line of
the alias that crosses the bound, in the file as the user wrote it (node trees keep no alias
positions, so the events are read again for it).
"""

from __future__ import annotations

from typing import Any

import yaml

from imagine_calc.core.errors import CatalogError, Problem
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_ALIAS_VALUES
from imagine_calc.core.numbers import whole

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _children(node: Any) -> list[Any]:
    """The nodes inside a collection node (keys and values of a mapping), PyYAML's or ruamel's."""
    value = node.value
    if not isinstance(value, list):
        return []
    out: list[Any] = []
    for item in value:
        if isinstance(item, tuple):  # a mapping's (key, value)
            out.extend(item)
        else:
            out.append(item)
    return out


def repeated_values(root: Any) -> int | None:
    """How many values the aliases under `root` repeat: the document expanded has this many
    more than it spells out. None when an alias is inside the value it names. Linear in the
    nodes written, however far the aliases would expand."""
    sizes: dict[int, int] = {}  # id(node) -> its values, aliases expanded
    path: set[int] = set()  # the nodes being sized: an alias to one of them is a cycle
    stack: list[tuple[Any, bool]] = [(root, False)]
    written = 0
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            path.discard(key)
            continue
        if key in sizes:
            continue
        path.add(key)
        written += 1
        stack.append((node, True))
        for child in _children(node):
            if id(child) in path:
                return None
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)] - written


def check_aliases(root: Any, text: str | bytes, file: str) -> None:
    """Raise CatalogError, with the line of the alias to blame, when the aliases under `root`
    (composed from `text`) repeat more than MAX_ALIAS_VALUES values or never end."""
    has_alias = "*" in text if isinstance(text, str) else b"*" in text
    if not has_alias:  # none at all (the bundled catalog): nothing to walk
        return
    repeated = repeated_values(root)
    if repeated is not None and repeated <= MAX_ALIAS_VALUES:
        return
    line, anchor = _blame(text, cycle=repeated is None)
    if repeated is None:
        if anchor:
            message = _("the alias *{anchor} is inside the value it names, so it would repeat forever")
        else:
            message = _("an alias names itself, so it would repeat forever")
    elif anchor:
        message = _(
            "its aliases would repeat {n} values, more than the {most} a catalog file may"
            " (*{anchor} on this line goes past it): write the values out instead"
        )
    else:
        message = _(
            "its aliases would repeat {n} values, more than the {most} a catalog file may:"
            " write the values out instead"
        )
    said = message.format(anchor=anchor, n=whole(repeated or 0), most=whole(MAX_ALIAS_VALUES))
    raise CatalogError([Problem(file, line, "", _("not valid YAML: {why}").format(why=said))])


def _blame(text: str | bytes, *, cycle: bool) -> tuple[int | None, str | None]:
    """(line, anchor) of the first alias that makes the repeats cross the bound, or of the first
    alias inside its own value; (None, None) if the events do not show one."""
    sizes: dict[str, int] = {}
    open_anchors: list[str | None] = []
    counts: list[int] = []
    repeated = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark is not None else None
                if event.anchor in open_anchors or event.anchor not in sizes:
                    if cycle:
                        return line, event.anchor
                    continue
                size = sizes[event.anchor]
                repeated += size
                if counts:
                    counts[-1] += size
                if not cycle and repeated > MAX_ALIAS_VALUES:
                    return line, event.anchor
            elif isinstance(event, yaml.CollectionStartEvent):
                open_anchors.append(event.anchor)
                counts.append(1)
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, size = open_anchors.pop(), counts.pop()
                if anchor is not None:
                    sizes[anchor] = size
                if counts:
                    counts[-1] += size
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                if counts:
                    counts[-1] += 1
    except yaml.YAMLError:
        pass
    return None, None
