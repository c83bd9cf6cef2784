"""The whole book's records, loaded and cross-checked in one place.

``Book.load()`` reads the seed, the manifest and everything in ``data/``. It either
returns a book whose every cross-reference resolves, or raises :class:`DataError`
listing every problem as ``file:line: message``. The CLI, the Sphinx extension,
the widgets and the tests all go through it, so they agree on what is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import bib, lessons, schemas, yamlio
from .article import Article
from .errors import Problems
from .paths import BookPaths, find_root


@dataclass
class Chapter:
    id: str
    title: str
    path: Path

    @property
    def page(self) -> str:
        """The built page, relative to another page in ``chapters/``."""
        return f"{self.id}.html"


@dataclass
class Book:
    paths: BookPaths
    article: Article
    references: dict[str, bib.Reference]
    chapters: dict[str, Chapter]
    objectives: dict[str, schemas.Objective] = field(default_factory=dict)
    quizzes: dict[str, list[Any]] = field(default_factory=dict)  # chapter id -> questions
    models: dict[str, schemas.ModelFile] = field(default_factory=dict)  # model id -> parameters
    glossary: dict[str, schemas.GlossaryEntry] = field(default_factory=dict)
    people: dict[str, schemas.Person] = field(default_factory=dict)
    organisations: dict[str, schemas.Organisation] = field(default_factory=dict)
    places: dict[str, schemas.Place] = field(default_factory=dict)
    events: dict[str, schemas.Event] = field(default_factory=dict)
    claims: dict[str, schemas.Claim] = field(default_factory=dict)
    annotations: dict[str, schemas.Annotation] = field(default_factory=dict)
    lessons: Any = None  # lessons.LessonsFile, when data/lessons.yaml exists

    # --- loading ------------------------------------------------------------------

    @classmethod
    def load(cls, root: Path | str | None = None) -> "Book":
        paths = BookPaths(Path(root).resolve() if root else find_root())
        problems = Problems(paths.root)
        article = Article.load(paths.seeds, problems)
        problems.raise_if_any()
        assert article is not None
        loader = _Loader(paths, article, problems)
        book = loader.run()
        problems.raise_if_any()
        return book

    # --- queries --------------------------------------------------------------------

    @property
    def storage_namespace(self) -> str:
        return f"coursebook:{self.article.info.cite}"

    def passage_link(self, paragraph: str) -> str:
        return f"{self.article.chapter_of(paragraph)}.html#{paragraph}"

    ENTITY_PAGES = {"glossary": ("glossary", "term"), "people": ("people", "person"),
                    "organisations": ("people", "org"), "places": ("places", "place")}

    def entity(self, ident: str) -> tuple[str, Any]:
        """(collection, record) for an id from the glossary, people, organisations or places."""
        for collection in self.ENTITY_PAGES:
            records = getattr(self, collection)
            if ident in records:
                return collection, records[ident]
        raise KeyError(ident)

    def entity_link(self, ident: str) -> str:
        """Where an entity's entry is, relative to a page in chapters/."""
        collection, _ = self.entity(ident)
        page, prefix = self.ENTITY_PAGES[collection]
        return f"{page}.html#{prefix}-{ident}"

    def entity_label(self, ident: str) -> str:
        _, record = self.entity(ident)
        return getattr(record, "term", None) or record.name

    def paragraph_events(self, paragraph: str) -> list[Any]:
        return sorted((e for e in self.events.values() if paragraph in e.paragraphs), key=lambda e: e.date)

    def paragraph_annotations(self, paragraph: str) -> list[Any]:
        text = self.article.paragraphs[paragraph].text
        return sorted((a for a in self.annotations.values() if a.paragraph == paragraph), key=lambda a: text.index(a.quote))

    def chapter_paragraphs(self, chapter: str) -> list[str]:
        return [line.id for line in self.article.chapter_lines(chapter) if line.role == "paragraph"]

    def ordered_quizzes(self) -> list[tuple[str, list[Any]]]:
        """Quizzes in reading order (the order of ``_toc.yml``)."""
        order = {chapter: n for n, chapter in enumerate(self.reading_order())}
        return sorted(self.quizzes.items(), key=lambda item: order.get(item[0], len(order)))

    def reading_order(self) -> list[str]:
        """Page ids (file stems) in the order of ``_toc.yml``."""
        import yaml

        toc = yaml.safe_load((self.paths.root / "_toc.yml").read_text(encoding="utf-8"))
        files = [toc["root"]] + [e["file"] for part in toc.get("parts", []) for e in part.get("chapters", [])]
        files += [e["file"] for e in toc.get("chapters", [])]
        return [Path(f).stem for f in files]

    def questions(self) -> list[Any]:
        return [q for questions in self.quizzes.values() for q in questions]

    def question(self, qid: str) -> Any:
        for q in self.questions():
            if q.id == qid:
                return q
        raise KeyError(f"no question with id “{qid}”")


@lru_cache(maxsize=4)
def load_cached(root: str) -> Book:
    """One load per process and root: notebooks call this in several cells."""
    return Book.load(root)


def current_book() -> Book:
    return load_cached(str(find_root()))


_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


class _Loader:
    def __init__(self, paths: BookPaths, article: Article, problems: Problems):
        self.paths = paths
        self.article = article
        self.problems = problems

    def run(self) -> Book:
        refs = bib.load(self.paths.references, self.problems)
        self._bib_failed = self._failed(self.paths.references)
        book = Book(self.paths, self.article, refs, self._chapters())
        self.book = book
        if self.article.info.cite not in refs and not self._bib_failed:
            self.problems.add(
                self.paths.seeds / "manifest.yaml", 1, f"the article’s reference “{self.article.info.cite}” is not in references.bib"
            )
        book.objectives = self._objectives()
        book.quizzes = self._quizzes()
        book.models = self._models()
        self._context()
        book.lessons = lessons.load(book, self.problems)
        return book

    # --- helpers ----------------------------------------------------------------------

    def _chapters(self) -> dict[str, Chapter]:
        chapters: dict[str, Chapter] = {}
        for path in sorted(self.paths.chapters.glob("*.md")):
            match = _HEADING.search(path.read_text(encoding="utf-8"))
            chapters[path.stem] = Chapter(path.stem, match.group(1) if match else path.stem, path)
        for info in self.article.chapters:
            if info.id not in chapters:
                self.problems.add(
                    self.paths.seeds / "manifest.yaml", 1, f"chapter “{info.id}” has no page chapters/{info.id}.md"
                )
            else:
                chapters[info.id].title = info.title
        return chapters

    def _failed(self, path: Path) -> bool:
        """Whether a file already has problems: cross-checks against it would only add noise."""
        rel = self.problems.rel(path)
        return any(p.path == rel for p in self.problems.items)

    def _named_files(self, folder: str, model, key: str):
        """(path, raw, record) for each ``data/<folder>/<name>.yaml`` that validates; its
        ``key`` field must repeat the file's name."""
        for path in sorted((self.paths.data / folder).glob("*.yaml")):
            raw = yamlio.load(path, self.problems)
            record = None if raw is None else schemas.validate(model, raw, path=path, problems=self.problems)
            if record is None:
                continue
            if getattr(record, key) != path.stem:
                self.problems.add(path, raw.line_of(key), f"this file is named {path.name}, so “{key}” must be “{path.stem}”")
            yield path, raw, record

    def _list_file(self, path: Path, model) -> list[tuple[Any, Any]]:
        """Load a YAML list of records; return (record, raw entry) pairs that validated.

        The raw entry keeps line numbers: ``_line(raw, "chapter", ...)`` is where its
        ``chapter:`` key is, for problems found by later cross-checks."""
        if not path.exists():
            return []
        raw = yamlio.load(path, self.problems)
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.problems.add(path, getattr(raw, "line", 1), "this file must be a list of entries, each starting with “- ”")
            return []
        records = []
        for index, item in enumerate(raw):
            record = schemas.validate(model, item, path=path, problems=self.problems, root=raw, loc_prefix=(index,))
            if record is not None:
                records.append((record, item))
        self._unique([(r.id, _line(item, "id", raw.line)) for r, item in records], path)
        return records

    def _unique(self, ids: list[tuple[str, int]], path: Path, seen: dict | None = None) -> None:
        seen = {} if seen is None else seen
        for ident, line in ids:
            if ident in seen:
                first_path, first_line = seen[ident]
                where = f"line {first_line}" if first_path == path else f"{self.problems.rel(first_path)}:{first_line}"
                self.problems.add(path, line, f"the id “{ident}” is used twice (also at {where}); ids must be unique")
            else:
                seen[ident] = (path, line)

    def check_cites(self, cites, path: Path, line: int) -> None:
        if self._bib_failed:
            return  # references.bib has its own problems; fix those first
        for key in cites:
            if key not in self.book.references:
                close = _close(key, self.book.references)
                self.problems.add(path, line, f"the reference “{key}” is not in data/references.bib{close}")

    def check_paragraph(self, paragraph: str, path: Path, line: int) -> bool:
        if paragraph not in self.article.paragraphs:
            last = len(self.article.paragraphs)
            self.problems.add(path, line, f"there is no paragraph “{paragraph}”: the article has p1 to p{last}")
            return False
        return True

    def check_chapter(self, chapter: str, path: Path, line: int) -> None:
        if chapter not in self.book.chapters:
            close = _close(chapter, self.book.chapters)
            self.problems.add(path, line, f"there is no chapter “{chapter}” (no file chapters/{chapter}.md){close}")

    # --- collections ------------------------------------------------------------------

    def _objectives(self) -> dict[str, schemas.Objective]:
        path = self.paths.data / "objectives.yaml"
        records = self._list_file(path, schemas.Objective)
        for record, item in records:
            self.check_chapter(record.chapter, path, _line(item, "chapter", item.line))
        return {r.id: r for r, _ in records}

    def _quizzes(self) -> dict[str, list[Any]]:
        quizzes: dict[str, list[Any]] = {}
        objectives_ok = not self._failed(self.paths.data / "objectives.yaml")
        seen_ids: dict = {}
        for path, raw, header in self._named_files("quizzes", schemas.QuizFile, "chapter"):
            self.check_chapter(header.chapter, path, raw.line_of("chapter"))
            questions = []
            raw_questions = raw["questions"]
            for index, item in enumerate(raw_questions):
                line = raw_questions.line_of(index)
                question = self._question(item, path, raw, index)
                if question is None:
                    continue
                self._unique([(question.id, line)], path, seen_ids)
                self.check_paragraph(question.passage, path, _line(item, "passage", line))
                self.check_cites(question.cite, path, _line(item, "cite", line))
                objective = self.book.objectives.get(question.objective)
                if not objectives_ok:
                    pass  # objectives.yaml has its own problems; fix those first
                elif objective is None:
                    close = _close(question.objective, self.book.objectives)
                    self.problems.add(
                        path, _line(item, "objective", line), f"the objective “{question.objective}” is not in data/objectives.yaml{close}"
                    )
                elif objective.chapter != header.chapter and objective.chapter in self.book.chapters:
                    self.problems.add(
                        path,
                        _line(item, "objective", line),
                        f"the objective “{question.objective}” belongs to chapter “{objective.chapter}”, not “{header.chapter}”",
                    )
                questions.append(question)
            quizzes[header.chapter] = questions
        return quizzes

    # --- source context -------------------------------------------------------------------

    def _records(self, name: str, model) -> tuple[dict[str, Any], dict[str, Any], Path]:
        path = self.paths.data / f"{name}.yaml"
        pairs = self._list_file(path, model)
        return {r.id: r for r, _ in pairs}, {r.id: item for r, item in pairs}, path

    def _context(self) -> None:
        book = self.book
        raw: dict[str, tuple[dict, Path]] = {}
        for name, model in (
            ("glossary", schemas.GlossaryEntry),
            ("people", schemas.Person),
            ("organisations", schemas.Organisation),
            ("places", schemas.Place),
            ("events", schemas.Event),
            ("claims", schemas.Claim),
            ("annotations", schemas.Annotation),
        ):
            records, items, path = self._records(name, model)
            setattr(book, name, records)
            raw[name] = (items, path)
        # Ids are shared by the four kinds of entry that notes and events refer to.
        seen: dict = {}
        for name in ("glossary", "people", "organisations", "places"):
            items, path = raw[name]
            self._unique([(i, _line(item, "id", item.line)) for i, item in items.items()], path, seen)
        # Terms may appear anywhere the article's page does: headline, caption, bio included.
        text = "\n".join(line.text for line in self.article.lines)
        referenced: set[str] = set()
        for annotation in book.annotations.values():
            referenced.update(annotation.terms)
        for entry in book.glossary.values():
            referenced.update(i for i in entry.see if i != entry.id)
        for name in ("glossary", "people", "organisations", "places"):
            items, path = raw[name]
            for ident, record in getattr(book, name).items():
                item = items[ident]
                self.check_cites(record.cite, path, _line(item, "cite", item.line))
                matches_line = _line(item, "matches", item.line)
                for match in record.matches:
                    if match not in text:
                        self.problems.add(path, matches_line, f"“{match}” does not occur in the article; {_quote_hint(match, text)}")
                used = any(m in text for m in record.matches)
                if name == "glossary" and not used and ident not in referenced:
                    self.problems.add(
                        path, item.line,
                        f"the term “{record.term}” is an orphan: none of its matches occurs in the article and no note or entry refers to it",
                    )
        for ident, entry in book.glossary.items():
            item = raw["glossary"][0][ident]
            for other in entry.see:
                if other not in book.glossary:
                    self.problems.add(raw["glossary"][1], _line(item, "see", item.line), f"“see” names “{other}”, which is not in the glossary{_close(other, book.glossary)}")
        self._events(raw["events"])
        self._anchored("claims", raw["claims"])
        self._anchored("annotations", raw["annotations"])

    def _events(self, raw) -> None:
        items, path = raw
        book = self.book
        actors = {**book.people, **book.organisations}
        for ident, event in book.events.items():
            item = items[ident]
            for actor in event.actors:
                if actor not in actors:
                    self.problems.add(path, _line(item, "actors", item.line), f"the actor “{actor}” is not in people.yaml or organisations.yaml{_close(actor, actors)}")
            if event.place and event.place not in book.places:
                self.problems.add(path, _line(item, "place", item.line), f"the place “{event.place}” is not in places.yaml{_close(event.place, book.places)}")
            for paragraph in event.paragraphs:
                self.check_paragraph(paragraph, path, _line(item, "paragraphs", item.line))
            self.check_cites(event.cite, path, _line(item, "cite", item.line))

    def _anchored(self, name: str, raw) -> None:
        """Claims and annotations point at exact quotes: each must match exactly once."""
        items, path = raw
        book = self.book
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for ident, record in getattr(book, name).items():
            item = items[ident]
            quote_line = _line(item, "quote", item.line)
            self.check_cites(record.cite, path, _line(item, "cite", item.line))
            for term in getattr(record, "terms", []):
                try:
                    book.entity(term)
                except KeyError:
                    everything = {**book.glossary, **book.people, **book.organisations, **book.places}
                    self.problems.add(path, _line(item, "terms", item.line), f"the term “{term}” is not in the glossary, people, organisations or places{_close(term, everything)}")
            if not self.check_paragraph(record.paragraph, path, _line(item, "paragraph", item.line)):
                continue
            text = self.article.paragraphs[record.paragraph].text
            label = f"¶{record.paragraph[1:]}"
            count = text.count(record.quote)
            if count == 0:
                self.problems.add(path, quote_line, f"the quote “{record.quote}” does not occur in {label}; {_quote_hint(record.quote, text)}")
            elif count > 1:
                self.problems.add(path, quote_line, f"the quote “{record.quote}” occurs {count} times in {label}; lengthen it so that it matches exactly once")
            elif name == "annotations":
                start = text.index(record.quote)
                spans.setdefault(record.paragraph, []).append((start, start + len(record.quote), ident))
        for paragraph, ranges in spans.items():
            ranges.sort()
            for (a_start, a_end, a_id), (b_start, b_end, b_id) in zip(ranges, ranges[1:]):
                if b_start < a_end:
                    item = items[b_id]
                    self.problems.add(path, _line(item, "quote", item.line), f"the quote of “{b_id}” overlaps the quote of “{a_id}” in ¶{paragraph[1:]}; notes on the same words cannot both be highlighted")

    def _models(self) -> dict[str, schemas.ModelFile]:
        from .simulations import MODELS

        models: dict[str, schemas.ModelFile] = {}
        for path, raw, spec in self._named_files("model", schemas.ModelFile, "model"):
            engine = MODELS.get(spec.model)
            if engine is None:
                self.problems.add(path, raw.line_of("model"), f"there is no model “{spec.model}”; the engine has: {', '.join(MODELS)}")
                continue
            self._model_parameters(spec, engine.PARAMETERS, raw, path)
            models[spec.model] = spec
        return models

    def _model_parameters(self, spec, expected, raw, path: Path) -> None:
        raw_params, raw_presets = raw["parameters"], raw["presets"]
        ids = [p.id for p in spec.parameters]
        for index, param in enumerate(spec.parameters):
            line = raw_params.line_of(index)
            if param.id not in expected:
                close = _close(param.id, expected)
                self.problems.add(path, line, f"the model has no parameter “{param.id}”{close}")
            self.check_cites(param.cite, path, _line(raw_params[index], "cite", line))
        for name in expected:
            if name not in ids:
                self.problems.add(path, raw.line_of("parameters"), f"the parameter “{name}” is missing")
        self._unique([(p.id, raw_params.line_of(i)) for i, p in enumerate(spec.parameters)], path)
        by_id = {p.id: p for p in spec.parameters}
        for index, preset in enumerate(spec.presets):
            item = raw_presets[index]
            values_line = _line(item, "values", raw_presets.line_of(index))
            self.check_cites(preset.cite, path, _line(item, "cite", values_line))
            values = item.get("values") if isinstance(item, yamlio.LineDict) else None
            for name in expected:
                if name not in preset.values:
                    self.problems.add(path, values_line, f"the preset “{preset.id}” does not set “{name}”")
            for name, value in preset.values.items():
                line = values.line_of(name) if isinstance(values, yamlio.LineDict) else values_line
                param = by_id.get(name)
                if param is None:
                    self.problems.add(path, line, f"the preset “{preset.id}” sets “{name}”, which is not a parameter")
                elif not param.min <= value <= param.max:
                    self.problems.add(path, line, f"{value:g} is outside the range of “{name}” ({param.min:g} to {param.max:g})")
                elif not schemas._on_step(value, param.min, param.step):
                    self.problems.add(path, line, f"{value:g} is not on a step of {param.step:g} for “{name}”; a slider could never show it")
        self._unique([(p.id, raw_presets.line_of(i)) for i, p in enumerate(spec.presets)], path)
        raw_precedents = raw.get("precedents") or []
        for index, precedent in enumerate(spec.precedents):
            item = raw_precedents[index]
            line = raw_precedents.line_of(index)
            self.check_paragraph(precedent.paragraph, path, _line(item, "paragraph", line))
            self.check_cites(precedent.cite, path, _line(item, "cite", line))

    def _question(self, item: Any, path: Path, raw: Any, index: int):
        loc = ("questions", index)
        line = raw["questions"].line_of(index)
        if not isinstance(item, dict):
            self.problems.add(path, line, "each question must be an entry with fields (id, type, prompt, …)")
            return None
        kind = item.get("type")
        model = schemas.QUESTION_TYPES.get(kind)
        if model is None:
            known = ", ".join(schemas.QUESTION_TYPES)
            where = _line(item, "type", line)
            if kind is None:
                self.problems.add(path, where, f"the question has no “type”; use one of: {known}")
            else:
                close = _close(str(kind), schemas.QUESTION_TYPES)
                self.problems.add(path, where, f"“{kind}” is not a question type; use one of: {known}{close}")
            return None
        return schemas.validate(model, item, path=path, problems=self.problems, root=raw, loc_prefix=loc)


def _line(item: Any, key: str, default: int) -> int:
    return item.line_of(key) if isinstance(item, yamlio.LineDict) else default


def _quote_hint(quote: str, text: str) -> str:
    """Why an exact quote may fail to match: typographic marks and no-break spaces."""
    def plain(s: str) -> str:
        return s.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')

    if plain(quote) in plain(text):
        return "it does once spaces and quotation marks are ignored: copy the words from the article, which uses ’ “ ” and no-break spaces"
    return "copy the words exactly as the article has them"


def _close(word: str, choices) -> str:
    import difflib

    match = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean “{match[0]}”?)" if match else ""
