"""The pages in ``chapters/`` and the reading order in ``_toc.yml``.

A page is read for what the checker needs: its title, and every call it makes into
the book's data, each with its line: directives (```` ```{article} hope-of-a-deal ````),
widget calls in code cells (``quiz("hope-of-a-deal")``) and citations
(``{cite:p}`key```). The checker then tells an unknown chapter, quiz, model,
collection or reference at ``chapters/x.md:line``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import links, yamlio
from .errors import Problems

_HEADING = re.compile(r"^#\s+(.+?)\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|:{3,})\{([\w:-]+)\}\s*(.*?)\s*$")
_CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]*)`")
_VERDICT = re.compile(r"\{verdict\}`([^`]*)`")
#: Functions of coursebook.widgets / coursebook.notebook that chapters call.
WIDGETS = ("quiz", "show_article", "dead_end", "iran_bet", "timeline", "progress")


@dataclass(frozen=True)
class Call:
    """One use of the book's data on a page: a directive or a widget call."""

    kind: str  # "directive", "widget", "cite" or "role"
    name: str  # the directive or function name
    args: tuple[str, ...]  # its positional arguments (string literals)
    line: int
    keywords: tuple[tuple[str, str], ...] = ()


@dataclass
class Chapter:
    id: str
    title: str
    path: Path
    calls: tuple[Call, ...] = field(default=(), compare=False)

    @property
    def page(self) -> str:
        """A book link to the built page (:mod:`coursebook.links`): the builder resolves it."""
        return links.to_page(self.id)


def read_page(path: Path, problems: Problems) -> Chapter | None:
    text = yamlio.read_text(path, problems)
    if text is None:
        return None
    lines = text.split("\n")
    title = next((m.group(1) for line in lines if (m := _HEADING.match(line))), path.stem)
    return Chapter(path.stem, title, path, tuple(_calls(lines)))


def _calls(lines: list[str]) -> list[Call]:
    calls: list[Call] = []
    cell: list[str] | None = None
    cell_start = 0
    for number, line in enumerate(lines, start=1):
        for match in _CITE.finditer(line):
            keys = tuple(k.strip() for k in match.group(1).split(",") if k.strip())
            calls.append(Call("cite", "cite", keys, number))
        for match in _VERDICT.finditer(line):
            calls.append(Call("role", "verdict", (match.group(1).strip(),), number))
        if cell is not None:
            if line.strip().startswith("```"):
                calls += _widget_calls("\n".join(cell), cell_start)
                cell = None
            else:
                cell.append(line)
            continue
        match = _FENCE.match(line)
        if not match:
            continue
        name, argument = match.group(2), match.group(3)
        if name == "code-cell":
            cell, cell_start = [], number
        else:
            calls.append(Call("directive", name, tuple(argument.split()), number))
    return calls


def _widget_calls(source: str, start: int) -> list[Call]:
    """Calls of the book's widget functions in one code cell (lines of the page)."""
    body = "\n".join("" if line.lstrip().startswith(":") else line for line in source.split("\n"))
    try:
        tree = ast.parse(body)
    except SyntaxError:
        return []  # the notebook run reports it, with its own traceback of the cell
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in WIDGETS:
            args = tuple(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
            keywords = tuple(
                (k.arg, k.value.value)
                for k in node.keywords
                if k.arg and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
            )
            calls.append(Call("widget", node.func.id, args, start + node.lineno, keywords))
    return calls


@dataclass(frozen=True)
class TocEntry:
    file: str  # as written, e.g. "chapters/hope-of-a-deal"
    line: int

    @property
    def stem(self) -> str:
        return Path(self.file).stem


@dataclass
class Toc:
    path: Path
    entries: list[TocEntry] = field(default_factory=list)  # the root first, in reading order


def read_toc(path: Path, problems: Problems) -> Toc:
    toc = Toc(path)
    if not path.is_file():
        problems.add(path, 1, "_toc.yml is missing; it gives the book’s reading order")
        return toc
    raw = yamlio.load(path, problems)
    if raw is None:
        if not problems.failed(path):
            problems.add(path, 1, "_toc.yml is empty; it must name the “root” page and the chapters")
        return toc
    if not isinstance(raw, dict) or not isinstance(raw.get("root"), str):
        problems.add(path, getattr(raw, "line", 1), "_toc.yml must start with “root: chapters/<page>”")
        return toc
    toc.entries.append(TocEntry(raw["root"], raw.line_of("root")))
    groups = [raw] + [p for p in _list(raw.get("parts"), path, problems, "parts") if isinstance(p, dict)]
    for group in groups:
        for entry in _list(group.get("chapters"), path, problems, "chapters"):
            _toc_entry(entry, toc, path, problems)
    return toc


def _list(value, path: Path, problems: Problems, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(path, getattr(value, "line", 1), f"“{what}” must be a list of entries, each starting with “- ”")
        return []
    return value


def _toc_entry(entry, toc: Toc, path: Path, problems: Problems) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        problems.add(path, getattr(entry, "line", 1), "each chapter entry needs “file: chapters/<page>”")
        return
    toc.entries.append(TocEntry(entry["file"], entry.line_of("file")))
    for section in _list(entry.get("sections"), path, problems, "sections"):
        _toc_entry(section, toc, path, problems)
