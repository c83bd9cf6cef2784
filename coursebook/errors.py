"""Errors that point at a place in a file, worded for the person who edits that file.

Every problem found in `seeds/`, `data/` or `chapters/` becomes a :class:`Problem`:
a path, a 1-based line and one plain sentence. Loaders collect problems instead of
stopping at the first, so one run of ``coursebook check`` lists everything to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised when the book's sources have problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """A collector: loaders add to it, and :meth:`raise_if_any` stops the caller."""

    def __init__(self, root: Path | None = None):
        self.root = root
        self.items: list[Problem] = []

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return str(path.resolve().relative_to(self.root.resolve()))
            except ValueError:
                pass
        return str(path)

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(Problem(self.rel(path), line or 1, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)
