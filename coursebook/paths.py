"""Where the book's folders are.

A notebook runs with its own folder (``chapters/``) as the working directory, tests
run from the top, and the Sphinx extension knows the source directory. All of them
find the book the same way: the nearest folder above that holds ``seeds/manifest.yaml``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BookPaths:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def chapters(self) -> Path:
        return self.root / "chapters"

    @property
    def references(self) -> Path:
        return self.data / "references.bib"

    def inputs(self) -> list[Path]:
        """Every file the book is loaded from: seeds, data, pages and ``_toc.yml``."""
        files = [p for p in sorted(self.seeds.rglob("*")) if p.is_file()]
        files += [p for p in sorted(self.data.rglob("*")) if p.is_file() and "_research" not in p.parts]
        files += sorted(self.chapters.glob("*.md"))
        return files + [self.root / "_toc.yml"]


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the current folder) that holds
    ``seeds/manifest.yaml``. Nothing overrides it: a caller that knows the root passes it."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "seeds" / "manifest.yaml").is_file():
            return folder
    raise FileNotFoundError(
        f"no book found: no folder at or above {here} contains seeds/manifest.yaml "
        "(run from inside the book, or pass its folder with --root)"
    )


#: What a book is made of: a copy of these builds the same book.
SOURCES = ("_config.yml", "_toc.yml", "chapters", "data", "seeds")


def copy_sources(root: Path, dest: Path) -> Path:
    """Copy a book's sources (not its build, not its research notes) to ``dest``."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in SOURCES:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("_research", "_build"))
        else:
            shutil.copy2(src, dest / part)
    return dest
