"""The bad inputs a careful engineer tried (issue "Hardening"): each is a ``file:line``
problem in plain words, never a traceback, and no data file can disappear silently.

Most break a copy of the fixture book (``mini_copy``). The few on a copy of the real book
(``scratch_book``) need what only it has: a numeric question, a model parameter on a line
of its own, and a quote left open with more of the file after it (at the end of a file,
YAML reports the end of the stream instead)."""

from __future__ import annotations

import pytest
from conftest import break_line, edit, line_of, problems, replace_line

from coursebook.checks import run
from coursebook.checks.notes import note_terms_exist

# --- a data file that is missing, empty or misnamed ------------------------------------------


def test_an_emptied_file_is_an_error_not_an_empty_collection(mini_copy):
    (mini_copy / "data" / "annotations.yaml").write_text("")
    assert problems(mini_copy) == [
        "data/annotations.yaml:1: the file is empty; it must list the book’s notes, each entry starting with “- ” (write “[]” for none)"
    ]


def test_a_deleted_file_is_named(mini_copy):
    (mini_copy / "data" / "claims.yaml").unlink()
    assert problems(mini_copy) == [
        "data/claims.yaml:1: the file data/claims.yaml is missing; the book needs it (write “[]” in it if the book has no claims)"
    ]


def test_a_file_saved_as_yml_is_named_twice(mini_copy):
    path = mini_copy / "data" / "claims.yaml"
    path.rename(path.with_suffix(".yml"))
    found = problems(mini_copy)
    assert (
        "data/claims.yml:1: files here end in “.yaml”: rename it to claims.yaml, or the book does not read it" in found
    )
    assert found[0].startswith("data/claims.yaml:1: the file data/claims.yaml is missing")


def test_a_quiz_bank_saved_as_yml_is_not_ten_questions_fewer(mini_copy):
    path = mini_copy / "data" / "quizzes" / "reading.yaml"
    path.rename(path.with_suffix(".yml"))
    found = problems(mini_copy)
    quiz_line = line_of(mini_copy / "chapters" / "reading.md", 'quiz("reading")')
    assert (
        "data/quizzes/reading.yml:1: files here end in “.yaml”: rename it to reading.yaml, or the book does not read it"
        in found
    )
    assert any(
        p.startswith(
            f"chapters/reading.md:{quiz_line}: quiz() names “reading”, but there is no data/quizzes/reading.yaml"
        )
        for p in found
    )


def test_an_unknown_file_in_data_gets_a_suggestion(mini_copy):
    (mini_copy / "data" / "glosary.yaml").write_text("[]\n")
    assert problems(mini_copy) == [
        "data/glosary.yaml:1: the book does not read “glosary.yaml”; did you mean glossary.yaml?"
    ]


# --- bytes, numbers, dates, types ------------------------------------------------------------------


@pytest.mark.parametrize("rel", ["data/references.bib", "chapters/index.md", "data/glossary.yaml"])
def test_windows_1252_text_is_named_at_its_line(mini_copy, rel):
    path = mini_copy / rel
    lines = path.read_bytes().split(b"\n")
    lines[4] += " café".encode("cp1252")
    path.write_bytes(b"\n".join(lines))
    found = problems(mini_copy)
    assert found[0].startswith(f"{rel}:5: the file is not UTF-8 text: byte 0xE9 on this line is not UTF-8")


def test_windows_1252_in_the_seed(mini_copy):
    seed = next((mini_copy / "seeds").glob("*.txt"))
    seed.write_bytes(seed.read_bytes().replace(b"'", "’".encode("cp1252"), 1))
    found = problems(mini_copy)
    assert any(p.startswith(f"seeds/{seed.name}:") and "not UTF-8" in p for p in found)
    assert any("SHA-256 no longer matches" in p for p in found)


# Each row breaks one value in a copy of a book and names the one problem loading it
# reports at that value's line: (which copy, file, the text, what it becomes, the message
# after ``file:line: ``). Most break the fixture book; a numeric question and a model
# parameter on a line of its own are only in the real book.
EDITS = [
    pytest.param(
        "mini_copy",
        "data/quizzes/reading.yaml",
        "type: single",
        "type: [single]",
        "“type” must be one word, one of: single, multiple, true-false, numeric, order, match",
        id="a-question-type-that-is-a-list",
    ),
    pytest.param(
        "mini_copy",
        "data/objectives.yaml",
        "  chapter: reading\n",
        "  [chapter]: reading\n",
        "a key must be a word, not a list or an entry (“[…]”, “{…}” or “? ” are not keys here)",
        id="a-list-as-a-key",
    ),
    pytest.param(
        "mini_copy",
        "data/objectives.yaml",
        "  text: Read",
        "  deep: " + "[" * 500 + "]" * 500 + "\n  text: Read",
        "the entries are nested more than 32 levels deep here; no file of the book needs that",
        id="deep-nesting-is-refused",
    ),
    pytest.param(
        "mini_copy",
        "data/events.yaml",
        "date: 2026-02-01",
        "date: 2026-02-30",
        "“2026-02-30” is not a date on the calendar; check the month and the day",
        id="an-impossible-date",
    ),
    pytest.param(
        "mini_copy",
        "data/glossary.yaml",
        "term: Made-up paragraph",
        "term: Made-up: a paragraph",
        "this is not valid YAML (a colon inside a value confuses YAML; put the whole value in quotes)",
        id="one-typo-in-the-glossary-is-one-problem",
    ),
]


@pytest.mark.parametrize(("copy", "rel", "old", "new", "message"), EDITS)
def test_a_bad_value_is_named_at_its_line(request, copy, rel, old, new, message):
    root = request.getfixturevalue(copy)
    line = break_line(root, rel, old, new)
    assert problems(root) == [f"{rel}:{line}: {message}"]


# The same, where the whole line is rewritten: (which copy, file, a text on a line near it,
# how many lines after that one, the new line, the message).
LINES = [
    *[
        pytest.param(
            "scratch_book",
            "data/model/deadend.yaml",
            "    min: ",
            0,
            f"    min: {value}",
            f"“{value}” is not a usable number (NaN or infinity); write an ordinary number",
            id=f"nan-and-infinity-are-refused-{value}",
        )
        for value in (".nan", "-.inf", ".inf", "-.INF")
    ],
    pytest.param(
        "scratch_book",
        "data/quizzes/what-happened-next.yaml",
        "    answer: ",
        0,
        '    answer: "nan"',
        "“answer” must be a number (got “nan”)",
        id="nan-as-a-numeric-answer",
    ),
    pytest.param(
        "mini_copy",
        "data/objectives.yaml",
        "id: read-the-test",
        2,
        '  text: "   "',
        "“text” must be non-empty text (it holds only spaces)",
        id="whitespace-only-text-is-empty",
    ),
    pytest.param(
        "scratch_book",
        "data/quizzes/what-happened-next.yaml",
        "    tolerance: ",
        0,
        "    tolerance: true",
        "“tolerance” must be a number (got “True”)",
        id="a-true-that-is-not-a-number",
    ),
]


@pytest.mark.parametrize(("copy", "rel", "needle", "offset", "new_line", "message"), LINES)
def test_a_bad_line_is_named_at_its_line(request, copy, rel, needle, offset, new_line, message):
    root = request.getfixturevalue(copy)
    line = replace_line(root, rel, needle, new_line, offset)
    assert problems(root) == [f"{rel}:{line}: {message}"]


@pytest.mark.parametrize(
    "url",
    [
        "htps://example.org/a",
        "https://exa mple.org/",
        "https:///nohost",
        "example.org/page",
        "https://localhost:99999/",
    ],
)
def test_reference_urls_are_web_addresses(mini_copy, url):
    bib = mini_copy / "data" / "references.bib"
    line = line_of(bib, "@online{mini2026article")
    edit(bib, "https://example.org/mini", url)
    assert problems(mini_copy) == [
        f"data/references.bib:{line}: the reference “mini2026article” has a “url” that is not a web address: “{url}” (write https://…)"
    ]


# --- parse errors at the right line, without cascades -----------------------------------------------


def test_an_unclosed_quote_is_reported_where_it_opens(scratch_book):
    line = break_line(scratch_book, "data/glossary.yaml", "term: Quagmire", 'term: "Quagmire')
    found = problems(scratch_book)
    assert len(found) == 1
    assert found[0].startswith(
        f"data/glossary.yaml:{line}: this is not valid YAML (the quote opened on this line is not closed"
    )


def test_a_rule_runs_alone_and_is_skipped_when_what_it_needs_failed(book):
    from dataclasses import replace

    note = next(iter(book.annotations.values()))
    broken = replace(
        book, annotations={**book.annotations, note.id: note.model_copy(update={"terms": ["no-such-term"]})}
    )
    found = [str(p) for p in run(broken, rules=[note_terms_exist]).items]
    assert found == [
        f"data/annotations.yaml:{note.line_of('terms')}: the term “no-such-term” is not in the glossary, people, organisations or places"
    ]
    assert run(replace(broken, failed=frozenset({"glossary"})), rules=[note_terms_exist]).items == []


def test_own_problems_come_before_cross_checks(mini_copy):
    edit(mini_copy / "chapters" / "index.md", "{cite:p}`mini2026article`", "{cite:p}`mini2026artic`")
    edit(mini_copy / "data" / "objectives.yaml", "id: read-the-test", "id: Read The Test")
    found = problems(mini_copy)
    assert len(found) == 2
    assert found[0].startswith("data/objectives.yaml:") and "is not a valid id" in found[0]
    assert (
        found[1].startswith("chapters/index.md:")
        and "the reference “mini2026artic” is not in data/references.bib" in found[1]
    )
