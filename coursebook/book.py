"""The whole book's records, loaded and cross-checked.

``Book.load()`` reads the seed and its manifest, every file in ``data/``, the pages in
``chapters/`` and ``_toc.yml``. It either returns a book whose every cross-reference
resolves, or raises :class:`DataError` listing every problem as ``file:line: message``.
The CLI, the Sphinx extension, the widgets and the tests all go through it, so they
agree on what is valid. Reading is :mod:`coursebook.sources` and
:mod:`coursebook.pages`; the cross-checks are :mod:`coursebook.checks`, one rule per
function.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import answers, bib, links, pages, schemas, sources
from . import lessons as plans
from .article import Article
from .errors import CROSS, Problems
from .pages import Chapter, Toc
from .paths import BookPaths, find_root

__all__ = ["Book", "Chapter", "Entity", "current_book", "load_cached"]

#: A question of any type (the members of :data:`schemas.Question`).
QuestionRecord = (
    schemas.SingleQuestion
    | schemas.MultipleQuestion
    | schemas.TrueFalseQuestion
    | schemas.NumericQuestion
    | schemas.OrderQuestion
    | schemas.MatchQuestion
)
Entity = schemas.GlossaryEntry | schemas.Person | schemas.Organisation | schemas.Place
ENTITY_COLLECTIONS = ("glossary", "people", "organisations", "places")


@dataclass
class Book:
    paths: BookPaths
    article: Article
    references: dict[str, bib.Reference]
    chapters: dict[str, Chapter]
    toc: Toc
    objectives: dict[str, schemas.Objective] = field(default_factory=dict)
    quizzes: dict[str, list[QuestionRecord]] = field(default_factory=dict)  # chapter id -> questions
    quiz_files: dict[str, schemas.QuizFile] = field(default_factory=dict)  # chapter id -> its file
    models: dict[str, schemas.ModelFile] = field(default_factory=dict)  # model id -> parameters
    glossary: dict[str, schemas.GlossaryEntry] = field(default_factory=dict)
    people: dict[str, schemas.Person] = field(default_factory=dict)
    organisations: dict[str, schemas.Organisation] = field(default_factory=dict)
    places: dict[str, schemas.Place] = field(default_factory=dict)
    events: dict[str, schemas.Event] = field(default_factory=dict)
    claims: dict[str, schemas.Claim] = field(default_factory=dict)
    annotations: dict[str, schemas.Annotation] = field(default_factory=dict)
    layers: dict[str, schemas.NoteLayer] = field(default_factory=dict)  # in the file's order
    periods: dict[str, schemas.Period] = field(default_factory=dict)  # the timeline's filter
    eras: dict[str, schemas.Period] = field(default_factory=dict)  # the bands on its axis
    maps: dict[str, schemas.MapSpec] = field(default_factory=dict)  # the places page's maps
    prompts: dict[str, schemas.Prompt] = field(default_factory=dict)  # in file order
    evidence: list[schemas.Evidence] = field(default_factory=list)  # links from claims to events
    lessons: plans.LessonsFile | None = None  # data/lessons.yaml, when the book has plans
    #: Collections (and "references", "chapters", "toc") whose files have problems of
    #: their own: cross-checks against them are skipped, as they would only add noise.
    failed: frozenset[str] = frozenset()
    #: Where a Sphinx build keeps files it derives from the data (``inputs.ENTITY_LINKS``).
    derived: Path | None = None

    # --- loading ------------------------------------------------------------------

    @classmethod
    def load(cls, root: Path | str | None = None) -> Book:
        paths = BookPaths(Path(root).resolve() if root else find_root())
        problems = Problems(paths.root)
        article = _article(paths, problems)
        problems.raise_if_any()
        assert article is not None
        book = _read(paths, article, problems)
        before = len(problems.items)
        book.lessons = plans.load(book, problems)  # optional; checks itself (coursebook.lessons)
        if len(problems.items) > before:
            book.failed |= {"lessons"}
        from . import checks

        cross = Problems(paths.root, stage=CROSS)
        checks.run(book, cross)
        problems.extend(cross.items)
        problems.raise_if_any()
        return book

    # --- queries --------------------------------------------------------------------

    @property
    def book_id(self) -> str:
        """The manifest's ``book_id``, or the article's citation key when it has none."""
        return self.article.manifest.book_id or self.article.info.cite

    @property
    def edition(self) -> str:
        """The edition being built or run: the build's ``coursebook_edition`` config value,
        which the Sphinx extension hands to the kernels it starts as ``COURSEBOOK_EDITION``."""
        return os.environ.get("COURSEBOOK_EDITION", "student")

    @property
    def storage_namespace(self) -> str:
        """Where this book keeps a student's work in the browser: one book, one edition."""
        return answers.storage_namespace(self.book_id, self.edition)

    @property
    def legacy_namespace(self) -> str:
        """The namespace of earlier builds (the citation key alone): migrated, never lost."""
        return f"coursebook:{self.article.info.cite}"

    def passage_link(self, paragraph: str) -> str:
        """A book link (:mod:`coursebook.links`) to a paragraph in the chapter that reads it."""
        return links.to_page(self.article.chapter_of(paragraph), paragraph)

    def event_link(self, event: str) -> str:
        """A book link to an event's entry on the timeline page."""
        return links.to_page("timeline", f"event-{event}")

    ENTITY_PAGES = {
        "glossary": ("glossary", "term"),
        "people": ("people", "person"),
        "organisations": ("people", "org"),
        "places": ("places", "place"),
    }

    def layer_label(self, layer: str) -> str:
        """A note layer's label (its id, if the layer is not in data/layers.yaml)."""
        record = self.layers.get(layer)
        return record.label if record else layer

    def entity(self, ident: str) -> tuple[str, Entity]:
        """(collection, record) for an id from the glossary, people, organisations or places."""
        for collection in ENTITY_COLLECTIONS:
            records = getattr(self, collection)
            if ident in records:
                return collection, records[ident]
        raise KeyError(ident)

    def entities(self) -> dict[str, Entity]:
        return {**self.glossary, **self.people, **self.organisations, **self.places}

    def entity_link(self, ident: str) -> str:
        """A book link to an entity's entry on its reference page."""
        collection, _ = self.entity(ident)
        page, prefix = self.ENTITY_PAGES[collection]
        return links.to_page(page, f"{prefix}-{ident}")

    def entity_label(self, ident: str) -> str:
        _, record = self.entity(ident)
        return record.term if isinstance(record, schemas.GlossaryEntry) else record.name

    def paragraph_events(self, paragraph: str) -> list[schemas.Event]:
        return sorted((e for e in self.events.values() if paragraph in e.paragraphs), key=lambda e: e.date)

    def paragraph_annotations(self, paragraph: str) -> list[schemas.Annotation]:
        text = self.article.paragraphs[paragraph].text
        return sorted(
            (a for a in self.annotations.values() if a.paragraph == paragraph), key=lambda a: text.index(a.quote)
        )

    def chapter_paragraphs(self, chapter: str) -> list[str]:
        return [line.id for line in self.article.chapter_lines(chapter) if line.role == "paragraph" and line.id]

    def ordered_quizzes(self) -> list[tuple[str, list[QuestionRecord]]]:
        """Quizzes in reading order (the order of ``_toc.yml``)."""
        order = {chapter: n for n, chapter in enumerate(self.reading_order())}
        return sorted(self.quizzes.items(), key=lambda item: order.get(item[0], len(order)))

    def reading_order(self) -> list[str]:
        """Page ids (file stems) in the order of ``_toc.yml``."""
        return [entry.stem for entry in self.toc.entries]

    def claim_evidence(self, claim: str, bears: str) -> list[tuple[schemas.Evidence, schemas.Event]]:
        """The links of one claim that bear ``for`` or ``against`` it, with their events, by date."""
        links = [
            (e, self.events[e.event])
            for e in self.evidence
            if e.claim == claim and e.bears == bears and e.event in self.events
        ]
        return sorted(links, key=lambda pair: pair[1].date)

    def questions(self) -> list[QuestionRecord]:
        return [q for questions in self.quizzes.values() for q in questions]

    def chapter_prompts(self, chapter: str) -> list[schemas.Prompt]:
        """A chapter's "Think it through" prompts, in the order of data/prompts.yaml."""
        return [p for p in self.prompts.values() if p.chapter == chapter]

    def chapter_of_question(self, qid: str) -> str:
        for chapter, questions in self.quizzes.items():
            if any(q.id == qid for q in questions):
                return chapter
        raise KeyError(f"no question with id “{qid}”")

    def question(self, qid: str) -> QuestionRecord:
        for q in self.questions():
            if q.id == qid:
                return q
        raise KeyError(f"no question with id “{qid}”")


def _article(paths: BookPaths, problems: Problems) -> Article | None:
    """The seed and its manifest (cached on the bytes of everything in seeds/)."""
    files = sorted(p for p in paths.seeds.glob("*") if p.is_file()) if paths.seeds.is_dir() else []
    stamp = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
    result = sources.cached(
        paths.seeds / "manifest.yaml", paths.root, f"article{stamp}", lambda p: [Article.load(paths.seeds, p)]
    )
    problems.extend(result.problems)
    return result.records[0] if result.records else None


def _read(paths: BookPaths, article: Article, problems: Problems) -> Book:
    """Every file's records and own problems; the names of the collections that failed."""
    failed: set[str] = set()
    own = article.info.cite
    refs = sources.cached(
        paths.references, paths.root, f"references:{own}", lambda p: [bib.load(paths.references, p, own)]
    )
    references = refs.records[0] if refs.records else {}
    problems.extend(refs.problems)
    if refs.problems:
        failed.add("references")
    loaded: dict[str, list] = {}
    for collection in sources.COLLECTIONS:
        result = sources.load_collection(paths.data, paths.root, collection)
        loaded[collection.name] = result.records
        problems.extend(result.problems)
        if result.problems:
            failed.add(collection.name)
    sources.stray_files(paths.data, problems)
    chapters, toc = _read_pages(paths, article, problems, failed)
    quiz_files = {q.chapter: q for q in loaded.pop("quizzes")}
    evidence = loaded.pop("evidence", [])
    by_id = {name: {r.id: r for r in records} for name, records in loaded.items() if name != "models"}
    return Book(
        paths,
        article,
        references,
        chapters,
        toc,
        quizzes={chapter: list(q.questions) for chapter, q in quiz_files.items()},
        quiz_files=quiz_files,
        models={m.model: m for m in loaded["models"]},
        failed=frozenset(failed),
        evidence=evidence,
        **by_id,
    )


def _read_pages(
    paths: BookPaths, article: Article, problems: Problems, failed: set[str]
) -> tuple[dict[str, Chapter], Toc]:
    chapters: dict[str, Chapter] = {}
    titles = {info.id: info.title for info in article.chapters}
    for path in sorted(paths.chapters.glob("*.md")):
        result = sources.cached(path, paths.root, "page", lambda p, path=path: [pages.read_page(path, p)])
        problems.extend(result.problems)
        if result.problems:
            failed.add("chapters")
        page = result.records[0] if result.records else None
        if page is not None:
            chapters[page.id] = replace(page, title=titles.get(page.id, page.title))
    toc_path = paths.root / "_toc.yml"
    result = sources.cached(toc_path, paths.root, "toc", lambda p: [pages.read_toc(toc_path, p)])
    problems.extend(result.problems)
    if result.problems:
        failed.add("toc")
    return chapters, result.records[0]


#: root -> (the files' stamps when loaded, the book): a kernel's widgets share one load.
_LOADED: dict[str, tuple[tuple, Book]] = {}


def _stamps(paths: BookPaths) -> tuple:
    """(file, mtime, size) of every file the book is loaded from."""
    stamps = []
    for path in paths.inputs():
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


def load_cached(root: str) -> Book:
    """The book at ``root``, loaded once and again whenever one of its files changed
    (added, removed, or a new mtime or size): a long JupyterLab session sees an edit to
    ``data/`` at the next widget call, and the calls in between cost one ``stat`` a file.
    The loaders also cache each file on its bytes, so a reload re-reads only what changed."""
    paths = BookPaths(Path(root).resolve())
    stamps = _stamps(paths)
    known = _LOADED.get(str(paths.root))
    if known is not None and known[0] == stamps:
        return known[1]
    book = Book.load(paths.root)
    _LOADED[str(paths.root)] = (stamps, book)
    return book


def current_book() -> Book:
    return load_cached(str(find_root()))
