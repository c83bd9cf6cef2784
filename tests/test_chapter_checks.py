"""`make check` covers the chapters: every directive and widget call names something the
book has, _toc.yml lists exactly the pages, each problem at ``file:line``."""

from __future__ import annotations

from conftest import edit, line_of, problems


def test_an_article_directive_naming_an_unknown_chapter(scratch_book):
    page = scratch_book / "chapters" / "hope-of-a-deal.md"
    line = line_of(page, "```{article} hope-of-a-deal")
    edit(page, "```{article} hope-of-a-deal", "```{article} hope-of-a-dael")
    assert problems(scratch_book) == [
        f"chapters/hope-of-a-deal.md:{line}: the {{article}} directive names “hope-of-a-dael”, which is not a chapter of the article (did you mean “hope-of-a-deal”?)"
    ]


def test_a_directive_without_its_argument(scratch_book):
    page = scratch_book / "chapters" / "hope-of-a-deal.md"
    line = line_of(page, "```{objectives} hope-of-a-deal")
    edit(page, "```{objectives} hope-of-a-deal", "```{objectives}")
    found = problems(scratch_book)
    assert len(found) == 1 and found[0].startswith(
        f"chapters/hope-of-a-deal.md:{line}: the {{objectives}} directive needs a chapter with objectives"
    )


def test_a_quiz_call_naming_an_unknown_bank(scratch_book):
    page = scratch_book / "chapters" / "seeking-a-way-out.md"
    line = line_of(page, 'quiz("seeking-a-way-out")')
    edit(page, 'quiz("seeking-a-way-out")', 'quiz("seeking-a-way")')
    assert problems(scratch_book) == [
        f"chapters/seeking-a-way-out.md:{line}: quiz() names “seeking-a-way”, but there is no data/quizzes/seeking-a-way.yaml (did you mean “seeking-a-way-out”?)"
    ]


def test_model_notes_naming_an_unknown_model(scratch_book):
    page = scratch_book / "chapters" / "iran-bargaining-chip.md"
    line = line_of(page, "```{model-notes} iran")
    edit(page, "```{model-notes} iran", "```{model-notes} irn")
    assert problems(scratch_book) == [
        f"chapters/iran-bargaining-chip.md:{line}: the {{model-notes}} directive names “irn”, but there is no data/model/irn.yaml (did you mean “iran”?)"
    ]


def test_entries_naming_an_unknown_collection(scratch_book):
    page = scratch_book / "chapters" / "people.md"
    line = line_of(page, "```{entries} people")
    edit(page, "```{entries} people", "```{entries} persons")
    found = problems(scratch_book)
    assert found == [
        f"chapters/people.md:{line}: the {{entries}} directive names “persons”, which is not a collection; use one of: glossary, people, organisations, places"
    ]


def test_an_unknown_reference_in_a_chapter(scratch_book):
    page = scratch_book / "chapters" / "index.md"
    line = line_of(page, "{cite:p}`rollcall2017sworn`")
    edit(page, "{cite:p}`rollcall2017sworn`", "{cite:p}`rollcall2017swron`")
    assert problems(scratch_book) == [
        f"chapters/index.md:{line}: the reference “rollcall2017swron” is not in data/references.bib (did you mean “rollcall2017sworn”?)"
    ]


def test_a_toc_entry_for_a_missing_page(scratch_book):
    toc = scratch_book / "_toc.yml"
    line = line_of(toc, "file: chapters/glossary")
    edit(toc, "file: chapters/glossary", "file: chapters/glosary")
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


def test_a_chapter_of_the_manifest_without_a_page(scratch_book):
    (scratch_book / "chapters" / "hostage-to-allies.md").unlink()
    found = problems(scratch_book)
    manifest_line = line_of(scratch_book / "seeds" / "manifest.yaml", "- id: hostage-to-allies")
    assert (
        f"seeds/manifest.yaml:{manifest_line}: chapter “hostage-to-allies” has no page chapters/hostage-to-allies.md"
        in found
    )
    assert any(p.startswith("_toc.yml:") and "chapters/hostage-to-allies" in p for p in found)


def test_a_lesson_plan_directive_for_a_chapter_without_a_plan(scratch_book):
    page = scratch_book / "chapters" / "hope-of-a-deal.md"
    line = line_of(page, "```{lesson-plan} hope-of-a-deal")
    edit(page, "```{lesson-plan} hope-of-a-deal", "```{lesson-plan} hope-of-a-dael")
    assert problems(scratch_book) == [
        f"chapters/hope-of-a-deal.md:{line}: the {{lesson-plan}} directive names “hope-of-a-dael”, but data/lessons.yaml has no lesson plan for it (did you mean “hope-of-a-deal”?)"
    ]


def test_lesson_directives_without_the_plans_file(scratch_book):
    (scratch_book / "data" / "lessons.yaml").unlink()
    found = problems(scratch_book)
    outline = line_of(scratch_book / "chapters" / "course-outline.md", "```{course-outline}")
    assert (
        f"chapters/course-outline.md:{outline}: the {{course-outline}} directive needs data/lessons.yaml, which is missing"
        in found
    )
    assert any(
        p.startswith("chapters/hope-of-a-deal.md:") and "needs data/lessons.yaml, which is missing" in p for p in found
    )
