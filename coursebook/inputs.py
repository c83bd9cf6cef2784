"""Which files each directive and widget reads, so that a page depends on exactly those.

A page of the book is rebuilt when one of its inputs changes, and only then. The Sphinx
extension notes each input with ``env.note_dependency`` (:mod:`coursebook.sphinxext.
dependencies`); a notebook page's widget cells are also stamped with a digest of their
inputs, so the execution cache runs a notebook again only when what its widgets show
changed. Inputs are named, not spelled as paths:

``seeds``, ``references``, ``toc``, ``config``, ``lessons``
    the seed and its manifest, ``data/references.bib``, ``_toc.yml``, ``_config.yml``,
    ``data/lessons.yaml``;
``glossary``, ``events`` … (any collection of :data:`coursebook.sources.COLLECTIONS`)
    that collection's file, or every file of a folder collection (``quizzes``, ``models``);
``quizzes:<chapter>``, ``models:<id>``
    one file of a folder collection;
``entity-links``
    what a page needs to link or name an entry of the glossary, people, organisations
    and places, without showing its text: each entry's id, label, words to match and
    kind. The build writes these to one file (:mod:`coursebook.sphinxext.previews`),
    rewritten only when they change, so editing a definition re-reads only the pages that
    show it; the previews shown on hover come from one shared script instead;
``title:<id>``
    the title of a page in ``chapters/``: its file is a dependency, its title the digest;

A widget cell's digest covers what its widget shows: a file's bytes, or for ``title:`` only
the title, so editing a chapter's prose does not run the progress page's notebook again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from . import sources

ENTITIES = ("glossary", "people", "organisations", "places")
ENTITY_LINKS = "entity-links"
#: The file behind ``entity-links``, in the build's doctree folder (``Book.derived``).
ENTITY_LINKS_FILE = "coursebook-entity-links.json"
#: What the article's words need: its lines, their notes (with their claims' verdicts),
#: term links (their words and targets, not their previews), the events behind each
#: paragraph and the notes' sources.
ARTICLE = ("seeds", "annotations", "claims", "events", ENTITY_LINKS, "references")
_COLLECTIONS = {c.name: c for c in sources.COLLECTIONS}
#: The model each slider widget shows (``coursebook.widgets.sliders``).
SLIDERS = {"dead_end": "deadend", "iran_bet": "iran"}


def widget_inputs(book, name: str, args: tuple[str, ...]) -> list[str]:
    """The inputs of one widget call on a page (``quiz("x")`` → its bank, …)."""
    if name == "quiz":
        return [f"quizzes:{a}" for a in args[:1]] + ["objectives", "prompts", "seeds"]
    if name == "progress":
        # The book's title and id, and where the student's work is stored. Its questions
        # and prompts come from the build's shared script: see shared_inputs.
        return ["config", "seeds"]
    if name == "timeline":
        return ["events", ENTITY_LINKS, "references", "seeds"]  # entries by their labels
    if name in SLIDERS:
        return [f"models:{SLIDERS[name]}", "references", "seeds"]
    return ["seeds"]  # show_article, and any call the engine does not know


def shared_inputs(book, name: str) -> list[str]:
    """What a widget shows from a script the build writes for every page that has it
    (:mod:`coursebook.sphinxext.shared`), not from its notebook's output. The page is read
    again when one of these changes, so that it names the script's new checksum, but its
    notebook does not run again."""
    if name == "progress":
        # Every question (to grade stored tries again), every prompt, the models' settings
        # (to name a saved reading's), and the chapters' order and titles; a page's own prose
        # matters only through its title, and the pages that show a model through their calls.
        shown = [*book.quizzes, *model_pages(book).values()]
        return ["quizzes", "objectives", "prompts", "models", "toc", *(f"title:{c}" for c in dict.fromkeys(shown))]
    return []


def model_pages(book) -> dict[str, str]:
    """Each model the chapters show, and the first page (in reading order) that shows it."""
    shown: dict[str, str] = {}
    for page in book.reading_order():
        for call in _widget_calls(book, page):
            if call.name in SLIDERS:
                shown.setdefault(SLIDERS[call.name], page)
    return shown


def _widget_calls(book, page: str) -> list:
    chapter = book.chapters.get(page)
    return [c for c in chapter.calls if c.kind == "widget"] if chapter else []


def page_inputs(book, page: str) -> list[str]:
    """The inputs of every widget call on a page, in a stable order: what its notebook's
    output depends on."""
    calls = _widget_calls(book, page)
    return list(dict.fromkeys(name for c in calls for name in widget_inputs(book, c.name, c.args)))


def page_dependencies(book, page: str) -> list[str]:
    """Everything the page's widgets show: its notebook's inputs and the shared scripts'."""
    shared = [name for c in _widget_calls(book, page) for name in shared_inputs(book, c.name)]
    return list(dict.fromkeys([*page_inputs(book, page), *shared]))


def paths(book, names: Iterable[str]) -> list[Path]:
    """The files behind input names (a folder collection gives each of its files)."""
    out: list[Path] = []
    for name in names:
        out += _paths(book, name)
    return list(dict.fromkeys(out))


def _paths(book, name: str) -> list[Path]:
    where = book.paths
    kind, _, key = name.partition(":")
    if kind == ENTITY_LINKS:
        # Outside a Sphinx build there is no derived file: the entries' own files.
        return [book.derived / ENTITY_LINKS_FILE] if book.derived else paths(book, ENTITIES)
    if kind == "seeds":
        return sorted(p for p in where.seeds.glob("*") if p.is_file())
    if kind == "references":
        return [where.references]
    if kind == "toc":
        return [where.root / "_toc.yml"]
    if kind == "config":
        return [where.root / "_config.yml"]
    if kind == "lessons":
        return [where.data / "lessons.yaml"]
    if kind in ("page", "title"):
        return [where.chapters / f"{key}.md"]
    collection = _COLLECTIONS[kind]  # a KeyError here is a bug in the engine, not in the book
    if collection.key is None:
        return [where.data / collection.path]
    folder = where.data / collection.path
    return [folder / f"{key}.yaml"] if key else sorted(folder.glob("*.yaml"))


def digest(book, names: Iterable[str], salt: str = "") -> str:
    """A short hash of what the inputs give a widget (a missing file counts as empty)."""
    hashed = hashlib.sha256(salt.encode())
    for name in names:
        kind, _, key = name.partition(":")
        hashed.update(name.encode())
        if kind == "title":
            page = book.chapters.get(key)
            hashed.update((page.title if page else "").encode())
        else:
            for path in _paths(book, name):
                hashed.update(path.name.encode())
                try:
                    hashed.update(path.read_bytes())
                except OSError:
                    pass
    return hashed.hexdigest()[:16]
