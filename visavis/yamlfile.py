"""Read one YAML file into plain data plus a map from field paths to line numbers.

Dates stay text (``2026-11-25``) so that the schema, not the YAML parser, decides what a valid
date is, and every message can point at the line a contributor has to change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ten times faster


class _Loader(_Base):
    """Safe loader that keeps timestamps as strings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _Base.yaml_implicit_resolvers.copy().items()
}

Path_ = tuple  # a field path such as ("contacts", 0, "value")


@dataclass
class YamlDocument:
    """The data of one file and the line (1-based) where each field path starts."""

    path: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, where: Path_) -> int | None:
        """Line of the closest known field along ``where``: a missing field points at its parent."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where)


def load(file: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``file``; on failure return no document and a problem naming the line."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(shown_as, None, "", f"the file is not UTF-8 text ({err.reason}).",
                              "save the file with UTF-8 encoding")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(x for x in (err.context, err.problem) if x)
        return None, [Problem(shown_as, line, "", f"the YAML syntax is broken here: {what}.",
                              "check the indentation and that text containing ': ' or '#' is in quotes")]
    if node is None:
        return None, [Problem(shown_as, 1, "", "the file is empty.",
                              "copy the example entry from directory/examples/ and fill it in")]
    lines: dict[Path_, int] = {}
    _record_lines(node, (), lines)
    data = _Loader(text).construct_document(node)
    return YamlDocument(shown_as, data, lines), []


def _record_lines(node: yaml.Node, where: Path_, lines: dict[Path_, int]) -> None:
    """Walk the node tree, noting the line of every mapping key and sequence item."""
    lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[where + (key.value,)] = key.start_mark.line + 1
            _record_lines(value, where + (key.value,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[where + (index,)] = item.start_mark.line + 1
            _record_lines(item, where + (index,), lines)
