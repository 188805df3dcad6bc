"""Read one YAML file into plain data plus a map from field paths to line numbers.

Dates stay text (``2026-11-25``) so that the schema, not the YAML parser, decides what a valid
date is, and every message can point at the line a contributor has to change.

Partners edit these files in word processors and web editors, so everything such an editor can
produce gives a message with the line and what to do, never a traceback: bytes that are not UTF-8,
control characters pasted from a word processor, tabs, unknown or explicit tags (``!!python/…``,
``!!int``), anchors and aliases (refused: they make an "alias bomb" possible and no data file needs
them), a key written twice (PyYAML would silently keep the second one and lose the first), and
files too large to be a data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, dotted

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ten times faster

MAX_BYTES = 256 * 1024  # the largest data file today is the self-assessment (≈ 30 KB)
# C0 and C1 control characters other than tab, line feed and carriage return (YAML refuses them,
# and they are invisible in most editors).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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
    """Parse ``file``; on failure return no document and the problems, each naming its line."""
    size = file.stat().st_size
    if size > MAX_BYTES:
        return None, [
            Problem(
                shown_as,
                None,
                "",
                f"the file is {size // 1024} KB; a data file may be at most {MAX_BYTES // 1024} KB.",
                "check that nothing was pasted into it by mistake, or split it into several entries",
            )
        ]
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            Problem(
                shown_as,
                line,
                "",
                f"the file is not UTF-8 text (the byte 0x{raw[err.start]:02x} cannot be read).",
                "save the file with the UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)",
            )
        ]
    return parse(text.removeprefix("\ufeff"), shown_as)


def parse(text: str, shown_as: str, first_line: int = 1) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML ``text`` (which starts at line ``first_line`` of the file shown as ``shown_as``)."""
    offset = first_line - 1
    control = _CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1 + offset
        return None, [
            Problem(
                shown_as,
                line,
                "",
                f"the text contains an invisible control character (U+{ord(control.group()):04X}), "
                "often pasted from a word processor.",
                "delete the character (retype the end of that line)",
            )
        ]
    tab = re.search(r"(?m)^ *\t", text)
    if tab:
        line = text[: tab.start()].count("\n") + 1 + offset
        return None, [
            Problem(
                shown_as,
                line,
                "",
                "this line is indented with a tab; YAML needs spaces.",
                "replace the tab with spaces (two spaces per level)",
            )
        ]
    problems = _refused_tokens(text, shown_as, offset)
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, shown_as, offset)]
    if node is None:
        return None, [
            Problem(
                shown_as,
                first_line,
                "",
                "the file is empty.",
                "copy the example entry from directory/examples/ and fill it in",
            )
        ]
    lines: dict[Path_, int] = {}
    problems = _record_lines(node, (), lines, shown_as, offset)
    if problems:
        return None, problems
    try:
        data = _Loader(text).construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError) as err:  # e.g. '!!int abc' reaches int('abc')
        return None, [
            Problem(shown_as, first_line, "", f"a value cannot be read ({err}).", "write plain values, without tags")
        ]
    return YamlDocument(shown_as, data, {k: v + offset for k, v in lines.items()}), []


def _refused_tokens(text: str, shown_as: str, offset: int) -> list[Problem]:
    """Anchors, aliases and tags: refused in data files, each with its line."""
    problems = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            line = token.start_mark.line + 1 + offset
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                problems.append(
                    Problem(
                        shown_as,
                        line,
                        "",
                        f"'{sign}{token.value}' is an anchor or alias; data files do not allow them.",
                        "write the value out in full where it is needed",
                    )
                )
            elif isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                problems.append(
                    Problem(
                        shown_as,
                        line,
                        "",
                        f"'{handle or ''}{suffix}' is a YAML tag; data files do not allow tags.",
                        "remove the tag and write the plain value; put text between quotes",
                    )
                )
    except yaml.MarkedYAMLError as err:
        return [_syntax_problem(err, shown_as, offset)]
    return problems


def _syntax_problem(err: yaml.MarkedYAMLError, shown_as: str, offset: int) -> Problem:
    what = " ".join(x for x in (err.context, err.problem) if x)
    if err.context_mark and "quoted scalar" in (err.context or "") and "end of stream" in (err.problem or ""):
        # the end of the file is not where the mistake is: the quote that never closes is
        return Problem(
            shown_as,
            err.context_mark.line + 1 + offset,
            "",
            "a quote opens here and is never closed.",
            "add the closing quote at the end of the text",
        )
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 + offset if mark else None
    hint = "check the indentation and that text containing ': ' or '#' is in quotes"
    if "cannot start any token" in str(err):
        hint = "put text that starts with @, ` or % between quotes"
    return Problem(shown_as, line, "", f"the YAML syntax is broken here: {what}.", hint)


def _record_lines(node: yaml.Node, where: Path_, lines: dict[Path_, int], shown_as: str, offset: int) -> list[Problem]:
    """Walk the node tree, noting the line of every mapping key and sequence item; a key written
    twice in one group is a problem naming both lines (YAML would keep only the second)."""
    problems = []
    lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(
                    Problem(
                        shown_as,
                        line + offset,
                        dotted(where + (key.value,)),
                        f"'{key.value}' is written twice (lines {seen[key.value] + offset} and {line + offset}); "
                        "the second would replace the first and its data would be lost.",
                        "keep one of them and move everything under it",
                    )
                )
                continue
            seen[key.value] = line
            lines[where + (key.value,)] = line
            problems += _record_lines(value, where + (key.value,), lines, shown_as, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[where + (index,)] = item.start_mark.line + 1
            problems += _record_lines(item, where + (index,), lines, shown_as, offset)
    return problems
