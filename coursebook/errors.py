"""Errors that point at a place in a file, worded for the person who edits that file.

Every problem found in `seeds/`, `data/`, `chapters/` or `_toc.yml` becomes a
:class:`Problem`: a path, a 1-based line and one plain sentence. Loaders collect
problems instead of stopping at the first, so one run of ``coursebook check`` lists
everything to fix. A file's own problems (it does not parse, a field is wrong) are
listed before the cross-checks between files, which are suppressed where they would
only repeat a file's own problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Stages, in the order problems are listed: a file's own problems, then cross-checks.
FILE, CROSS = 0, 1


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    stage: int = field(default=FILE, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised when the book's sources have problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.stage, p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """A collector: loaders and checks add to it, and :meth:`raise_if_any` stops the caller."""

    def __init__(self, root: Path | None = None, stage: int = FILE):
        self.root = root.resolve() if root is not None else None
        self.stage = stage
        self.items: list[Problem] = []

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return str(path.resolve().relative_to(self.root))
            except ValueError:
                pass
        return str(path)

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(Problem(self.rel(path), max(1, line or 1), message, self.stage))

    def at(self, record: Any, key: str | None, message: str) -> None:
        """A problem at a record's ``key`` (or at the record when ``key`` is None)."""
        where = record.where
        self.add(where.path, where.line_of(key) if key else where.line, message)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def failed(self, path: Path | str) -> bool:
        rel = self.rel(path)
        return any(p.path == rel for p in self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)
