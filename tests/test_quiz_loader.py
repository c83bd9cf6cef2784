"""Every kind of bad quiz input stops with ``file:line: plain sentence``.

Each test appends one broken question to a copy of a real quiz file (or breaks an
existing one) and checks the exact line and wording of the report.
"""

from __future__ import annotations

import pytest
from conftest import edit, line_of, problems

from coursebook import Book

GOOD = """\
  - id: {id}
    type: single
    prompt: A test question?
    options:
      - text: "Yes"
        correct: true
        feedback: Right.
      - text: "No"
        feedback: Wrong.
    explanation: Because.
    passage: p2
    objective: explain-the-hope
    level: remember
"""


def add_question(root, text: str, chapter: str = "hope-of-a-deal") -> tuple[str, int]:
    """Append a question; return the file's relative path and the line its entry starts on."""
    path = root / "data" / "quizzes" / f"{chapter}.yaml"
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    start = body.count("\n") + 1
    path.write_text(body + text, encoding="utf-8")
    return f"data/quizzes/{chapter}.yaml", start


def test_a_valid_extra_question_loads(book_copy):
    add_question(book_copy, GOOD.format(id="extra-question"))
    book = Book.load(book_copy)
    assert book.question("extra-question").prompt == "A test question?"


NUMERIC_IN_WORDS = """\
  - id: numeric-text
    type: numeric
    prompt: How many?
    answer: four
    tolerance: 0
    unit: things
    feedback: {correct: Yes., low: Too low., high: Too high.}
    explanation: Because.
    passage: p2
    objective: explain-the-hope
    level: remember
"""

MATCH_TWICE_THE_SAME = """\
  - id: match-dupe
    type: match
    prompt: Match them.
    pairs:
      - {left: A, right: X, feedback: One.}
      - {left: B, right: X, feedback: Two.}
    explanation: Because.
    passage: p2
    objective: explain-the-hope
    level: remember
"""


def case(name: str, text: str, offset: int, message: str, chapter: str = "hope-of-a-deal"):
    """A broken question, appended to the chapter's bank, and the one problem loading the
    book reports: ``offset`` lines below the line the question starts on, ``message``
    after ``file:line: ``."""
    return pytest.param(text, chapter, offset, message, id=name)


BROKEN = [
    case(
        "unknown-type",
        GOOD.format(id="bad-type").replace("type: single", "type: singel"),
        1,
        "“singel” is not a question type; use one of: single, multiple, true-false, numeric, order, match (did you mean “single”?)",
    ),
    case(
        "no-correct-option",
        GOOD.format(id="no-correct").replace("        correct: true\n", ""),
        3,
        "a single-choice question needs exactly one option marked “correct: true” (found 0)",
    ),
    case(
        "multiple-choice-with-nothing-correct",
        GOOD.format(id="multi-none").replace("type: single", "type: multiple").replace("        correct: true\n", ""),
        3,
        "no option is marked “correct: true”; mark at least one",
    ),
    case(
        "passage-that-does-not-exist",
        GOOD.format(id="bad-passage").replace("passage: p2", "passage: p18"),
        10,
        "there is no paragraph “p18”: the article has p1 to p17",
    ),
    case(
        "passage-that-is-not-a-paragraph-id",
        GOOD.format(id="bad-passage-form").replace("passage: p2", "passage: paragraph 2"),
        10,
        "“paragraph 2” is not a paragraph id: write p1, p2, …",
    ),
    case(
        "unknown-objective",
        GOOD.format(id="bad-objective").replace("objective: explain-the-hope", "objective: explain-the-hop"),
        11,
        "the objective “explain-the-hop” is not in data/objectives.yaml (did you mean “explain-the-hope”?)",
    ),
    case(
        "objective-of-another-chapter",
        GOOD.format(id="wrong-chapter-objective").replace("passage: p2", "passage: p4"),
        11,
        "the objective “explain-the-hope” belongs to chapter “hope-of-a-deal”, not “seeking-a-way-out”",
        chapter="seeking-a-way-out",
    ),
    case(
        "passage-of-another-chapter",
        GOOD.format(id="wrong-chapter-passage").replace("passage: p2", "passage: p9"),
        10,
        "the passage p9 is in chapter “hostage-to-allies”, not in this bank’s chapter “hope-of-a-deal”",
    ),
    case(
        "unknown-reference",
        GOOD.format(id="bad-cite") + "    cite: [nosuchsource2017]\n",
        13,
        "the reference “nosuchsource2017” is not in data/references.bib",
    ),
    case(
        "option-without-feedback",
        GOOD.format(id="no-feedback").replace("        feedback: Wrong.\n", ""),
        7,
        "“feedback” is missing",
    ),
    case(
        "unknown-level",
        GOOD.format(id="bad-level").replace("level: remember", "level: memorise"),
        12,
        "“memorise” is not allowed for “level”; use one of: remember, understand, apply, analyse, evaluate",
    ),
    case(
        "true-false-needs-true-and-false",
        GOOD.format(id="tf").replace("type: single", "type: true-false"),
        3,
        "a true-false question has exactly two options, “True” and “False”",
    ),
    case("numeric-needs-a-number", NUMERIC_IN_WORDS, 3, "“answer” must be a number (got “four”)"),
    case(
        "match-with-repeated-right-side",
        MATCH_TWICE_THE_SAME,
        3,
        "two pairs have the same right text; each must be different",
    ),
    case(
        "broken-yaml-in-a-quiz-file",
        '  - id: broken\n    prompt: "an unclosed quote\n    type: single\n',
        1,
        "this is not valid YAML (while scanning a quoted scalar: found unexpected end of stream)",
    ),
]


@pytest.mark.parametrize(("text", "chapter", "offset", "message"), BROKEN)
def test_a_broken_question_is_named_at_its_line(scratch_book, text, chapter, offset, message):
    rel, start = add_question(scratch_book, text, chapter)
    assert problems(scratch_book) == [f"{rel}:{start + offset}: {message}"]


def test_duplicate_id_across_files(book_copy):
    first = book_copy / "data" / "quizzes" / "assets-losing-value.yaml"
    existing = next(line.split("id: ")[1] for line in first.read_text().splitlines() if line.startswith("  - id: "))
    first_line = line_of(first, f"  - id: {existing}")
    rel, start = add_question(book_copy, GOOD.format(id=existing))
    assert problems(book_copy) == [
        f"{rel}:{start}: the id “{existing}” is used twice (also at data/quizzes/assets-losing-value.yaml:{first_line}); ids must be unique"
    ]


def test_misspelt_field_in_a_question(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="typo").replace("explanation:", "explanaton:"))
    found = problems(book_copy)
    assert f"{rel}:{start + 9}: “explanaton” is not a field here; did you mean “explanation”?" in found
    assert f"{rel}:{start}: “explanation” is missing" in found


def test_quiz_file_must_name_its_chapter(book_copy):
    path = book_copy / "data" / "quizzes" / "hope-of-a-deal.yaml"
    edit(path, "chapter: hope-of-a-deal", "chapter: seeking-a-way-out")
    found = problems(book_copy)
    assert (
        "data/quizzes/hope-of-a-deal.yaml:1: this file is named hope-of-a-deal.yaml, so “chapter” must be “hope-of-a-deal”"
        in found
    )
