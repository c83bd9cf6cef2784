"""YAML that remembers where each value came from.

`load(path, problems)` returns plain-looking dicts and lists that also know their
line numbers, so a schema error on ``questions[3].options[1].feedback`` can be
reported as ``data/quizzes/x.yaml:42``. Syntax errors become a problem at the line
the YAML parser names, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import Problems


class LineDict(dict):
    """A mapping read from YAML: ``.line`` is where it starts, ``.key_lines`` where each key is."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence read from YAML: ``.line`` is where it starts, ``.item_lines`` where each item is."""

    line: int = 1
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            # Duplicate keys silently overwrite in plain YAML; here they are an error.
            raise yaml.constructor.ConstructorError(
                None, None, f"the key “{key}” appears twice in the same entry", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay strings: the schemas decide what a valid date is, and YAML's own
# date parsing would turn "2017-06" and "2017-06-25" into different types.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _plain_yaml_message(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{context}: {problem}" if context else problem
    hints = {
        "mapping values are not allowed here": (
            "a colon inside a value confuses YAML; put the whole value in quotes"
        ),
        "could not find expected ':'": "a line is missing its “key: value” colon, or a quote is not closed",
        "found character '\\t' that cannot start any token": "tabs are not allowed; indent with spaces",
        "expected <block end>, but found": "the indentation does not line up with the lines above",
    }
    for needle, hint in hints.items():
        if needle in text:
            return f"this is not valid YAML ({hint})"
    return f"this is not valid YAML ({text.strip()})"


def load(path: Path, problems: Problems) -> Any:
    """Parse one YAML file; on a syntax error record it and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(path, 1, f"the file is not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context", None) or ""
        if context.startswith(("while parsing a flow", "while scanning a quoted")) and exc.context_mark:
            # An unclosed bracket or quote: point at where it was opened, not where YAML gave up.
            mark = exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problems.add(path, line, _plain_yaml_message(exc))
        return None


def line_at(root: Any, loc: Iterable[Any]) -> int:
    """The line of the value at ``loc`` (keys and indexes), or of the deepest known parent."""
    line = getattr(root, "line", 1)
    node = root
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.line_of(part)
            node = node[part]
        else:
            break
    return line
