"""YAML that remembers where each value came from, and refuses what no data file needs.

`load(path, problems)` returns plain-looking dicts and lists that also know their
line numbers, so a schema error on ``questions[3].options[1].feedback`` can be
reported as ``data/quizzes/x.yaml:42``. Every way a file can be unreadable becomes a
problem at a line, never a traceback: bytes that are not UTF-8, syntax errors (at the
line where the mistake is, as far as that can be told), keys that are not words,
NaN and infinity, anchors and aliases, and nesting deeper than any real file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems

#: No data file nests deeper than about 7 levels; 32 leaves room and stops runaway input.
MAX_DEPTH = 32


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


class Refused(Exception):
    """Valid YAML that no data file may contain; ``line`` is where it is."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


# libyaml (when installed, as with the pinned PyYAML wheels) parses ten times faster.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[misc, valid-type]
    pass


class _PlainLoader(yaml.SafeLoader):
    """The pure-Python parser: only used again on a file that failed, for its wording."""


def _key_problem(key: Any, written: str = "") -> str | None:
    if isinstance(key, str):
        return None
    if isinstance(key, bool):
        return f"the key “{written}” is read as true/false; keys are words: put it in quotes"
    if isinstance(key, (int, float)) or key is None:
        return f"the key “{written}” is not read as a word; keys are words: put it in quotes"
    return "a key must be a word, not a list or an entry (“[…]”, “{…}” or “? ” are not keys here)"


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise Refused(line, _key_problem([]) or "")
        key = loader.construct_object(key_node, deep=True)
        problem = _key_problem(key, key_node.value)
        if problem:
            raise Refused(line, problem)
        if key in result:
            # Duplicate keys silently overwrite in plain YAML; here they are an error.
            raise Refused(line, f"the key “{key}” appears twice in the same entry")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_float(loader: _LineLoader, node: yaml.ScalarNode) -> float:
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    if math.isnan(value) or math.isinf(value):
        raise Refused(
            node.start_mark.line + 1,
            f"“{node.value}” is not a usable number (NaN or infinity); write an ordinary number",
        )
    return value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
# Dates stay strings: the schemas decide what a valid date is, and YAML's own
# date parsing would turn "2017-06" and "2017-06-25" into different types.
for _loader in (_LineLoader, _PlainLoader):
    _loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _check_tree(root: yaml.Node | None) -> None:
    """Refuse aliases (one node reached twice) and nesting deeper than :data:`MAX_DEPTH`,
    walking without recursion so that no input can exhaust Python's stack."""
    if root is None:
        return
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise Refused(
                node.start_mark.line + 1,
                "anchors and aliases (“&name”, “*name”) are not used in these files; write the value out",
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise Refused(
                node.start_mark.line + 1,
                f"the entries are nested more than {MAX_DEPTH} levels deep here; no file of the book needs that",
            )
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += [(key, depth + 1), (value, depth + 1)]


_HINTS = {
    "mapping values are not allowed": "a colon inside a value confuses YAML; put the whole value in quotes",
    "could not find expected ':'": "a line is missing its “key: value” colon, or a quote is not closed",
    "found character '\\t' that cannot start any token": "tabs are not allowed; indent with spaces",
    "found a tab character": "tabs are not allowed; indent with spaces",
    "expected <block end>, but found": "the indentation does not line up with the lines above",
}


def _plain_yaml_message(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{context}: {problem}" if context else problem
    for needle, hint in _HINTS.items():
        if needle in text:
            return f"this is not valid YAML ({hint})"
    return f"this is not valid YAML ({text.strip()})"


_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s'"#][^:#]*:\s+|-\s+)?(["'])""")


def _unclosed_quote(text: str, upto: int) -> int | None:
    """The first line (1-based, at most ``upto``) whose value opens a quote that the
    line does not close. YAML lets a quoted value run on over many lines, so it
    reports such a mistake far below, often as an indentation problem."""
    for number, line in enumerate(text.split("\n")[:upto], start=1):
        match = _OPEN_QUOTE.match(line)
        if not match:
            continue
        quote, rest = match.group(1), line[match.end() :]
        body = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in body:
            return number
    return None


def _syntax_problem(text: str, path: Path, problems: Problems) -> None:
    try:
        yaml.load(text, Loader=_PlainLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context", None) or ""
        if context.startswith(("while parsing a flow", "while scanning a quoted")) and exc.context_mark:
            # An unclosed bracket or quote: point at where it was opened, not where YAML gave up.
            mark = exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        opened = _unclosed_quote(text, line)
        if opened is not None and opened < line:
            problems.add(
                path,
                opened,
                f"this is not valid YAML (the quote opened on this line is not closed; YAML only noticed at line {line})",
            )
            return
        problems.add(path, line, _plain_yaml_message(exc))
        return
    except (Refused, RecursionError):
        pass
    problems.add(path, 1, "this is not valid YAML")


def read_text(path: Path, problems: Problems) -> str | None:
    """A file's text; bytes that are not UTF-8 are a problem at their line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path, 1, f"the file cannot be read ({exc.strerror or exc})")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex().upper()
        problems.add(
            path,
            line,
            f"the file is not UTF-8 text: byte 0x{byte} on this line is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8",
        )
        return None
    if "\x00" in text:  # BibTeX and Markdown parsers would skip it silently
        problems.add(
            path,
            text.count("\n", 0, text.index("\x00")) + 1,
            "the file contains a NUL character; it is not a text file",
        )
        return None
    return text


def parse(text: str, path: Path, problems: Problems) -> Any:
    """Parse YAML text; on any problem record it and return None."""
    if "\x00" in text:
        problems.add(
            path,
            text.count("\n", 0, text.index("\x00")) + 1,
            "the file contains a NUL character; it is not a text file",
        )
        return None
    try:
        loader = _LineLoader(text)
        try:
            node = loader.get_single_node()
            _check_tree(node)
            return None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except Refused as exc:
        problems.add(path, exc.line, exc.message)
    except yaml.YAMLError:
        _syntax_problem(text, path, problems)
    except RecursionError:  # pragma: no cover - _check_tree stops deep input first
        problems.add(path, 1, f"the entries are nested more than {MAX_DEPTH} levels deep")
    return None


def load(path: Path, problems: Problems) -> Any:
    """Read and parse one YAML file; on any problem record it and return None."""
    text = read_text(path, problems)
    return None if text is None else parse(text, path, problems)


def line_at(root: Any, loc: Iterable[Any]) -> int:
    """The line of the value at ``loc`` (keys and indexes), or of the deepest known parent.

    Parts that are not in the data (such as the tag pydantic adds for the variant of a
    union) are skipped."""
    line = getattr(root, "line", 1)
    node = root
    for part in loc:
        if isinstance(node, LineDict) and not isinstance(part, int) and part in node:
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, (LineDict, LineList)) and not isinstance(part, int):
            continue
        else:
            break
    return line
