"""`make check` covers the chapters: every directive and widget call names something the
book has, _toc.yml lists exactly the pages, each problem at ``file:line``."""

from __future__ import annotations

import pytest
from conftest import break_line, edit, line_of, problems

# Each row breaks one line of a chapter and names the one problem `make check` reports
# there: (file, the text, what it becomes, the message after ``file:line: ``).
NAMES = [
    pytest.param(
        "chapters/hope-of-a-deal.md",
        "```{article} hope-of-a-deal",
        "```{article} hope-of-a-dael",
        "the {article} directive names “hope-of-a-dael”, which is not a chapter of the article (did you mean “hope-of-a-deal”?)",
        id="an-article-directive-naming-an-unknown-chapter",
    ),
    pytest.param(
        "chapters/seeking-a-way-out.md",
        'quiz("seeking-a-way-out")',
        'quiz("seeking-a-way")',
        "quiz() names “seeking-a-way”, but there is no data/quizzes/seeking-a-way.yaml (did you mean “seeking-a-way-out”?)",
        id="a-quiz-call-naming-an-unknown-bank",
    ),
    pytest.param(
        "chapters/iran-bargaining-chip.md",
        "```{model-notes} iran",
        "```{model-notes} irn",
        "the {model-notes} directive names “irn”, but there is no data/model/irn.yaml (did you mean “iran”?)",
        id="model-notes-naming-an-unknown-model",
    ),
    pytest.param(
        "chapters/people.md",
        "```{entries} people",
        "```{entries} persons",
        "the {entries} directive names “persons”, which is not a collection; use one of: glossary, people, organisations, places",
        id="entries-naming-an-unknown-collection",
    ),
    pytest.param(
        "chapters/index.md",
        "{cite:p}`rollcall2017sworn`",
        "{cite:p}`rollcall2017swron`",
        "the reference “rollcall2017swron” is not in data/references.bib (did you mean “rollcall2017sworn”?)",
        id="an-unknown-reference-in-a-chapter",
    ),
    pytest.param(
        "chapters/hope-of-a-deal.md",
        "```{lesson-plan} hope-of-a-deal",
        "```{lesson-plan} hope-of-a-dael",
        "the {lesson-plan} directive names “hope-of-a-dael”, but data/lessons.yaml has no lesson plan for it (did you mean “hope-of-a-deal”?)",
        id="a-lesson-plan-directive-for-a-chapter-without-a-plan",
    ),
]


@pytest.mark.parametrize(("rel", "old", "new", "message"), NAMES)
def test_a_chapter_naming_something_the_book_lacks(scratch_book, rel, old, new, message):
    line = break_line(scratch_book, rel, old, new)
    assert problems(scratch_book) == [f"{rel}:{line}: {message}"]


def test_a_directive_without_its_argument(scratch_book):
    rel = "chapters/hope-of-a-deal.md"
    line = break_line(scratch_book, rel, "```{objectives} hope-of-a-deal", "```{objectives}")
    found = problems(scratch_book)
    assert len(found) == 1 and found[0].startswith(
        f"{rel}:{line}: the {{objectives}} directive needs a chapter with objectives"
    )


def test_a_toc_entry_for_a_missing_page(scratch_book):
    line = break_line(scratch_book, "_toc.yml", "file: chapters/glossary", "file: chapters/glosary")
    found = problems(scratch_book)
    assert (
        f"_toc.yml:{line}: the page “chapters/glosary” does not exist (no file chapters/glosary.md) (did you mean “chapters/glossary”?)"
        in found
    )
    assert (
        "chapters/glossary.md:1: this page is not in _toc.yml, so it is not part of the book; add “- file: chapters/glossary”"
        in found
    )
    assert len(found) == 2


def test_a_page_missing_from_the_toc(scratch_book):
    (scratch_book / "chapters" / "extra.md").write_text("# An extra page\n")
    assert problems(scratch_book) == [
        "chapters/extra.md:1: this page is not in _toc.yml, so it is not part of the book; add “- file: chapters/extra”"
    ]


def test_a_toc_that_is_not_yaml(scratch_book):
    toc = scratch_book / "_toc.yml"
    edit(toc, "root: chapters/index", "root: [chapters/index")
    found = problems(scratch_book)
    assert len(found) == 1 and found[0].startswith("_toc.yml:") and "this is not valid YAML" in found[0]


# Each row deletes a file the book needs and names two of the problems that follow:
# (the file deleted, the file and a text on the line of the first problem, its message
# after ``file:line: ``, the file of another problem and words in it).
MISSING_FILES = [
    pytest.param(
        "chapters/hostage-to-allies.md",
        "seeds/manifest.yaml",
        "- id: hostage-to-allies",
        "chapter “hostage-to-allies” has no page chapters/hostage-to-allies.md",
        "_toc.yml",
        "chapters/hostage-to-allies",
        id="a-chapter-of-the-manifest-without-a-page",
    ),
    pytest.param(
        "data/lessons.yaml",
        "chapters/course-outline.md",
        "```{course-outline}",
        "the {course-outline} directive needs data/lessons.yaml, which is missing",
        "chapters/hope-of-a-deal.md",
        "needs data/lessons.yaml, which is missing",
        id="lesson-directives-without-the-plans-file",
    ),
]


@pytest.mark.parametrize(("deleted", "rel", "needle", "message", "also", "words"), MISSING_FILES)
def test_a_missing_file_is_named_where_it_is_needed(scratch_book, deleted, rel, needle, message, also, words):
    (scratch_book / deleted).unlink()
    found = problems(scratch_book)
    assert f"{rel}:{line_of(scratch_book / rel, needle)}: {message}" in found
    assert any(p.startswith(f"{also}:") and words in p for p in found)
