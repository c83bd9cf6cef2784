"""Each page depends on exactly the files it reads (:mod:`coursebook.inputs`).

* A directive names its inputs (``self.reads("objectives")``); they are noted with
  ``env.note_dependency``, so Sphinx re-reads the page when one of them is newer than
  the page's last read, and only then.
* A notebook page's widget calls are known from its source (:mod:`coursebook.pages`):
  when Sphinx reads the page, their inputs are noted the same way, and the first call's
  line gets a comment with a digest of those inputs' bytes and of the engine. The
  execution cache (``execute_notebooks: cache``) keys on the code cells, so a notebook
  runs again exactly when what its widgets show may have changed. What a widget shows
  from a shared script (:mod:`.shared`) is a dependency of the page but not part of the
  digest: the page is read again, its notebook does not run again.
* The engine itself (its Python, the widget bundles, the templates and CSS) is one
  config value: a change there re-reads every page, as it may change any of them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .. import inputs, links

ENGINE = Path(__file__).resolve().parent.parent
ENGINE_FILES = {".py", ".js", ".css", ".svg", ".html"}


def engine_digest() -> str:
    """A hash of the engine's own files: what every page is made with."""
    hashed = hashlib.sha256()
    for path in sorted(p for p in ENGINE.rglob("*") if p.is_file() and p.suffix in ENGINE_FILES):
        hashed.update(str(path.relative_to(ENGINE)).encode())
        hashed.update(path.read_bytes())
    return hashed.hexdigest()


def note(env, book, names) -> None:
    """Make the page being read depend on the files behind ``names``."""
    for path in inputs.paths(book, names):
        env.note_dependency(str(path))


def _page_id(docname: str) -> str | None:
    folder, _, page = docname.partition("/")
    return page if folder == links.PAGES and "/" not in page else None


def stamp_widget_cells(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: note the inputs of the page's widget calls, and stamp their digest
    on the first call's line (a comment: the code and its line numbers stay the same)."""
    book = getattr(app, "coursebook", None)
    page = _page_id(docname)
    chapter = book.chapters.get(page) if book and page else None
    calls = [c for c in chapter.calls if c.kind == "widget"] if chapter else []
    if not calls:
        return
    for path in inputs.paths(book, inputs.page_dependencies(book, page)):
        app.env.note_dependency(str(path))
    names = inputs.page_inputs(book, page)
    lines = source[0].split("\n")
    first = min(c.line for c in calls) - 1
    if 0 <= first < len(lines) and not lines[first].rstrip().endswith("\\"):
        lines[first] += (
            f"  # inputs {inputs.digest(book, names, salt=app.config.coursebook_engine + app.config.coursebook_edition)}"
        )
        source[0] = "\n".join(lines)


def _engine(app: Sphinx, config: Config) -> None:
    config.coursebook_engine = engine_digest()


def register(app: Sphinx) -> None:
    app.add_config_value("coursebook_engine", "", "env")
    app.connect("config-inited", _engine)
    app.connect("source-read", stamp_widget_cells)
