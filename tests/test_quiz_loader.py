"""Every kind of bad quiz input stops with ``file:line: plain sentence``.

Each test appends one broken question to a copy of a real quiz file (or breaks an
existing one) and checks the exact line and wording of the report.
"""

from __future__ import annotations

import pytest
from conftest import edit, line_of

from coursebook import Book, DataError

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


def problems(root) -> list[str]:
    with pytest.raises(DataError) as info:
        Book.load(root)
    return [str(p) for p in info.value.problems]


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


def test_unknown_type(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="bad-type").replace("type: single", "type: singel"))
    assert problems(book_copy) == [
        f"{rel}:{start + 1}: “singel” is not a question type; use one of: single, multiple, true-false, "
        "numeric, order, match (did you mean “single”?)"
    ]


def test_no_correct_option(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="no-correct").replace("        correct: true\n", ""))
    assert problems(book_copy) == [
        f"{rel}:{start + 3}: a single-choice question needs exactly one option marked “correct: true” (found 0)"
    ]


def test_multiple_choice_with_nothing_correct(book_copy):
    text = GOOD.format(id="multi-none").replace("type: single", "type: multiple").replace("        correct: true\n", "")
    rel, start = add_question(book_copy, text)
    assert problems(book_copy) == [f"{rel}:{start + 3}: no option is marked “correct: true”; mark at least one"]


def test_duplicate_id_across_files(book_copy):
    first = book_copy / "data" / "quizzes" / "assets-losing-value.yaml"
    existing = next(line.split("id: ")[1] for line in first.read_text().splitlines() if line.startswith("  - id: "))
    first_line = line_of(first, f"  - id: {existing}")
    rel, start = add_question(book_copy, GOOD.format(id=existing))
    assert problems(book_copy) == [
        f"{rel}:{start}: the id “{existing}” is used twice (also at data/quizzes/assets-losing-value.yaml:{first_line}); ids must be unique"
    ]


def test_passage_that_does_not_exist(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="bad-passage").replace("passage: p2", "passage: p18"))
    assert problems(book_copy) == [f"{rel}:{start + 10}: there is no paragraph “p18”: the article has p1 to p17"]


def test_passage_that_is_not_a_paragraph_id(book_copy):
    rel, start = add_question(
        book_copy, GOOD.format(id="bad-passage-form").replace("passage: p2", "passage: paragraph 2")
    )
    assert problems(book_copy) == [f"{rel}:{start + 10}: “paragraph 2” is not a paragraph id: write p1, p2, …"]


def test_unknown_objective(book_copy):
    rel, start = add_question(
        book_copy, GOOD.format(id="bad-objective").replace("objective: explain-the-hope", "objective: explain-the-hop")
    )
    assert problems(book_copy) == [
        f"{rel}:{start + 11}: the objective “explain-the-hop” is not in data/objectives.yaml (did you mean “explain-the-hope”?)"
    ]


def test_objective_of_another_chapter(book_copy):
    text = GOOD.format(id="wrong-chapter-objective").replace("passage: p2", "passage: p4")
    rel, start = add_question(book_copy, text, chapter="seeking-a-way-out")
    assert problems(book_copy) == [
        f"{rel}:{start + 11}: the objective “explain-the-hope” belongs to chapter “hope-of-a-deal”, not “seeking-a-way-out”"
    ]


def test_passage_of_another_chapter(book_copy):
    text = GOOD.format(id="wrong-chapter-passage").replace("passage: p2", "passage: p9")
    rel, start = add_question(book_copy, text)
    assert problems(book_copy) == [
        f"{rel}:{start + 10}: the passage p9 is in chapter “hostage-to-allies”, not in this bank’s chapter “hope-of-a-deal”"
    ]


def test_unknown_reference(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="bad-cite") + "    cite: [nosuchsource2017]\n")
    assert problems(book_copy) == [
        f"{rel}:{start + 13}: the reference “nosuchsource2017” is not in data/references.bib"
    ]


def test_option_without_feedback(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="no-feedback").replace("        feedback: Wrong.\n", ""))
    assert problems(book_copy) == [f"{rel}:{start + 7}: “feedback” is missing"]


def test_misspelt_field_in_a_question(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="typo").replace("explanation:", "explanaton:"))
    found = problems(book_copy)
    assert f"{rel}:{start + 9}: “explanaton” is not a field here; did you mean “explanation”?" in found
    assert f"{rel}:{start}: “explanation” is missing" in found


def test_unknown_level(book_copy):
    rel, start = add_question(book_copy, GOOD.format(id="bad-level").replace("level: remember", "level: memorise"))
    assert problems(book_copy) == [
        f"{rel}:{start + 12}: “memorise” is not allowed for “level”; use one of: remember, understand, apply, analyse, evaluate"
    ]


def test_true_false_needs_true_and_false(book_copy):
    text = GOOD.format(id="tf").replace("type: single", "type: true-false")
    rel, start = add_question(book_copy, text)
    assert problems(book_copy) == [
        f"{rel}:{start + 3}: a true-false question has exactly two options, “True” and “False”"
    ]


def test_numeric_needs_a_number(book_copy):
    text = """\
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
    rel, start = add_question(book_copy, text)
    assert problems(book_copy) == [f"{rel}:{start + 3}: “answer” must be a number (got “four”)"]


def test_match_with_repeated_right_side(book_copy):
    text = """\
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
    rel, start = add_question(book_copy, text)
    assert problems(book_copy) == [f"{rel}:{start + 3}: two pairs have the same right text; each must be different"]


def test_broken_yaml_in_a_quiz_file(book_copy):
    rel, start = add_question(book_copy, '  - id: broken\n    prompt: "an unclosed quote\n    type: single\n')
    assert problems(book_copy) == [
        f"{rel}:{start + 1}: this is not valid YAML (while scanning a quoted scalar: found unexpected end of stream)"
    ]


def test_quiz_file_must_name_its_chapter(book_copy):
    path = book_copy / "data" / "quizzes" / "hope-of-a-deal.yaml"
    edit(path, "chapter: hope-of-a-deal", "chapter: seeking-a-way-out")
    found = problems(book_copy)
    assert (
        "data/quizzes/hope-of-a-deal.yaml:1: this file is named hope-of-a-deal.yaml, so “chapter” must be “hope-of-a-deal”"
        in found
    )
