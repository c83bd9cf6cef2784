"""Rules about ``chapters/`` and ``_toc.yml``: every page is in the reading order, every
entry of the order is a page, and every directive and widget call names something the
book has (a chapter, a quiz bank, a model, a collection, an entity, a reference)."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problems
from . import rule
from .common import close


@rule()
def article_chapters_have_pages(book, report: Problems) -> None:
    for info in book.article.chapters:
        if info.id not in book.chapters:
            report.at(info, "id", f"chapter “{info.id}” has no page chapters/{info.id}.md")


@rule(needs=("toc",))
def toc_files_exist(book, report: Problems) -> None:
    root = book.paths.root
    seen: dict[str, int] = {}
    for entry in book.toc.entries:
        if not any((root / f"{entry.file}{suffix}").is_file() for suffix in ("", ".md", ".ipynb")):
            candidates = [f"chapters/{c}" for c in book.chapters]
            report.add(
                book.toc.path,
                entry.line,
                f"the page “{entry.file}” does not exist (no file {entry.file}.md){close(entry.file, candidates)}",
            )
        if entry.file in seen:
            report.add(book.toc.path, entry.line, f"“{entry.file}” is listed twice (also at line {seen[entry.file]})")
        seen.setdefault(entry.file, entry.line)


@rule(needs=("toc",))
def pages_in_toc(book, report: Problems) -> None:
    """A page missing from _toc.yml would not be built (only_build_toc_files)."""
    listed = {str(Path(e.file).with_suffix("")) for e in book.toc.entries}
    for chapter in book.chapters.values():
        rel = str(chapter.path.relative_to(book.paths.root).with_suffix(""))
        if rel not in listed:
            report.add(
                chapter.path, 1, f"this page is not in _toc.yml, so it is not part of the book; add “- file: {rel}”"
            )


def _calls(book, kind: str):
    for chapter in book.chapters.values():
        for call in chapter.calls:
            if call.kind == kind:
                yield chapter, call


#: Where the record a directive or widget names lives, when it is a file of its own.
FILES = {"quiz bank": "data/quizzes/{}.yaml", "model": "data/model/{}.yaml", "page": "chapters/{}.md"}
PLANS = "data/lessons.yaml"


def _one_of(value: str | None, valid, what: str, where: str) -> str | None:
    if value is None:
        return f"{where} needs a {what} id; use one of: {', '.join(valid)}"
    if value in valid:
        return None
    hint = close(value, valid) or "; use one of: " + ", ".join(valid)
    if what == "lesson plan":
        return (
            f"{where} names “{value}”, but {PLANS} has no lesson plan for it{close(value, valid)}"
            if valid
            else f"{where} needs {PLANS}, which is missing"
        )
    if what in FILES:
        return f"{where} names “{value}”, but there is no {FILES[what].format(value)}{hint}"
    return f"{where} names “{value}”, which is not a {what}{hint}"


def _directive_targets(book) -> dict[str, tuple[object, str]]:
    """For each directive with an argument: what its argument must name."""
    article = [c.id for c in book.article.chapters]
    with_objectives = sorted({o.chapter for o in book.objectives.values()})
    return {
        "article": (article, "chapter of the article"),
        "chapter-context": (article, "chapter of the article"),
        "objectives": (with_objectives, "chapter with objectives in data/objectives.yaml"),
        "chapter-sources": (list(book.chapters), "page"),
        "answer-key": (list(book.quizzes), "quiz bank"),
        "model-notes": (list(book.models), "model"),
        "think-it-through": (
            sorted({p.chapter for p in book.prompts.values()}),
            "chapter with prompts in data/prompts.yaml",
        ),
        "entries": (["glossary", "people", "organisations", "places"], "collection"),
        "lesson-plan": ([lesson.chapter for lesson in book.lessons.lessons] if book.lessons else [], "lesson plan"),
    }


@rule(needs=("objectives", "quizzes", "models", "lessons", "prompts"))
def directives_name_known_ids(book, report: Problems) -> None:
    targets = _directive_targets(book)
    for chapter, call in _calls(book, "directive"):
        if call.name not in targets:
            continue
        valid, what = targets[call.name]
        problem = _one_of(call.args[0] if call.args else None, valid, what, f"the {{{call.name}}} directive")
        if problem:
            report.add(chapter.path, call.line, problem)


@rule(needs=("lessons",))
def course_outline_has_plans(book, report: Problems) -> None:
    if book.lessons is not None:
        return
    for chapter, call in _calls(book, "directive"):
        if call.name == "course-outline":
            report.add(chapter.path, call.line, f"the {{course-outline}} directive needs {PLANS}, which is missing")


def _widget_targets(book) -> dict[str, tuple[object, str] | str]:
    return {
        "quiz": (list(book.quizzes), "quiz bank"),
        "show_article": ([c.id for c in book.article.chapters], "chapter of the article"),
        "dead_end": "deadend",
        "iran_bet": "iran",
    }


@rule(needs=("quizzes", "models", "glossary", "people", "organisations", "places"))
def widgets_name_known_ids(book, report: Problems) -> None:
    targets = _widget_targets(book)
    entities = book.entities()
    for chapter, call in _calls(book, "widget"):
        target = targets.get(call.name)
        problem = None
        if isinstance(target, str) and target not in book.models:
            problem = f"{call.name}() shows the model “{target}”, but there is no data/model/{target}.yaml"
        elif isinstance(target, tuple):
            problem = _one_of(call.args[0] if call.args else None, target[0], target[1], f"{call.name}()")
        if problem:
            report.add(chapter.path, call.line, problem)
        for key, value in call.keywords:
            if key in ("actor", "place", "term", "entity") and value not in entities:
                report.add(
                    chapter.path,
                    call.line,
                    f"{call.name}() names “{value}”, which is not in the glossary, people, organisations or places{close(value, entities)}",
                )


@rule(needs=("references",))
def chapter_cites_exist(book, report: Problems) -> None:
    for chapter, call in _calls(book, "cite"):
        for key in call.args:
            if key not in book.references:
                report.add(
                    chapter.path,
                    call.line,
                    f"the reference “{key}” is not in data/references.bib{close(key, book.references)}",
                )


@rule(needs=("claims",))
def verdict_roles_name_claims(book, report: Problems) -> None:
    for chapter, call in _calls(book, "role"):
        if call.name == "verdict" and call.args[0] not in book.claims:
            report.add(
                chapter.path,
                call.line,
                f"the {{verdict}} role names “{call.args[0]}”, which is not a claim in data/claims.yaml{close(call.args[0], book.claims)}",
            )
