"""The quiz from Python: the reference grader, the widget's state, and a live kernel."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, execute_with

from coursebook.grading import ResponseError, correct_response, grade, wrong_responses
from coursebook.widgets import Quiz, embed_json


def test_every_question_has_a_right_and_a_wrong_response(book):
    for question in book.questions():
        assert grade(question, correct_response(question)).correct, question.id
        wrongs = wrong_responses(question)
        assert wrongs, question.id
        for response in wrongs:
            result = grade(question, response)
            assert not result.correct, (question.id, response)
            assert result.feedback and all(result.feedback), question.id


def by_type(book, kind):
    return next(q for q in book.questions() if q.type == kind)


def test_single_choice_feedback_is_the_chosen_options(book):
    q = by_type(book, "single")
    for i, option in enumerate(q.options):
        assert grade(q, i).feedback == [option.feedback]
        assert grade(q, i).correct is option.correct


def test_multiple_choice_needs_exactly_the_correct_set(book):
    q = next(q for q in book.questions() if q.type == "multiple" and sum(o.correct for o in q.options) > 1)
    right = [i for i, o in enumerate(q.options) if o.correct]
    assert grade(q, list(reversed(right))).correct  # order does not matter
    partial = grade(q, right[:1])
    assert not partial.correct and partial.feedback[-1] == "At least one correct option is not selected yet."
    wrong = next(i for i, o in enumerate(q.options) if not o.correct)
    assert not grade(q, right + [wrong]).correct


def test_numeric_tolerance_and_direction(book):
    q = by_type(book, "numeric")
    assert grade(q, q.answer + q.tolerance).correct
    assert grade(q, q.answer - q.tolerance).correct
    assert grade(q, q.answer - q.tolerance - 1).feedback == [q.feedback.low]
    assert grade(q, q.answer + q.tolerance + 1).feedback == [q.feedback.high]


def test_order_counts_items_in_place(book):
    q = by_type(book, "order")
    n = len(q.items)
    swapped = [1, 0, *range(2, n)]
    result = grade(q, swapped)
    assert not result.correct
    assert result.feedback[0] == f"{n - 2} of {n} items are in the right place."
    assert result.feedback[1:] == [q.items[1].feedback, q.items[0].feedback]


def test_match_reports_the_wrong_pairs(book):
    q = by_type(book, "match")
    n = len(q.pairs)
    response = [None, *range(1, n)]
    result = grade(q, response)
    assert not result.correct
    assert result.feedback == [f"{n - 1} of {n} pairs are right.", q.pairs[0].feedback]


@pytest.mark.parametrize("bad", [None, "1", 1.5, True, -1, 99, [0, 0], [5]])
def test_malformed_responses_are_refused(book, bad):
    q = by_type(book, "single")
    with pytest.raises(ResponseError):
        grade(q, bad)


def test_the_widget_answers_and_scores(book):
    quiz = Quiz("iran-bargaining-chip", book=book)
    first, second = book.quizzes["iran-bargaining-chip"][:2]
    assert quiz.score == {"correct": 0, "answered": 0, "total": len(book.quizzes["iran-bargaining-chip"])}
    assert quiz.answer(first.id, correct_response(first)).correct
    assert not quiz.answer(second.id, wrong_responses(second)[0]).correct
    assert quiz.answers == {first.id: correct_response(first), second.id: wrong_responses(second)[0]}
    assert quiz.score["correct"] == 1 and quiz.score["answered"] == 2
    # A second try is recorded, but the first try is what counts.
    quiz.answer(second.id, correct_response(second))
    assert quiz.score["correct"] == 1 and [t["raw"] for t in quiz.tries[second.id]["tries"]] == [
        wrong_responses(second)[0],
        correct_response(second),
    ]
    # The front end records tries too (every check, and "Show the answer"); the score
    # follows, graded again against the key.
    third = book.quizzes["iran-bargaining-chip"][2]
    quiz.tries = {**quiz.tries, third.id: {"tries": [{"time": "", "raw": correct_response(third)}], "shown": False}}
    assert quiz.score["correct"] == 2 and quiz.score["answered"] == 3
    quiz.show_answer(first.id)
    assert quiz.tries[first.id]["shown"] is True
    quiz.reset()
    assert quiz.score["answered"] == 0
    with pytest.raises(KeyError, match="no question"):
        quiz.answer("no-such-question", 0)


def test_static_html_is_deterministic_and_escaped(book):
    a = Quiz("hope-of-a-deal", book=book)._repr_mimebundle_()[0]["text/html"]
    b = Quiz("hope-of-a-deal", book=book)._repr_mimebundle_()[0]["text/html"]
    assert a == b
    assert 'id="cb-quiz-hope-of-a-deal"' in a
    state = json.loads(re.search(r'<script type="application/json">(.*?)</script>', a, re.S).group(1))
    assert state["persist"] is True and state["answers"] == {} and state["tries"] == {}
    # The review at the end holds the questions the bank does not place in the reading.
    # (the questions placed in the reading are drawn there, and scored here).
    assert [q["id"] for q in state["questions"]] == [q.id for q in book.quizzes["hope-of-a-deal"]]
    assert state["placed"] == book.quiz_files["hope-of-a-deal"].in_reading != []
    # Each question carries its answer-key fingerprint (coursebook.answers), for the export.
    from coursebook.answers import question_fingerprint

    first = book.quizzes["hope-of-a-deal"][0]
    assert state["questions"][0]["fingerprint"] == question_fingerprint(first)
    assert state["questions"][0]["qualified"] == f"hope-of-a-deal/{first.id}"


def test_embed_json_cannot_close_its_script_tag():
    text = embed_json({"x": "</script><!-- <img src=x onerror=alert(1)> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"x": "</script><!-- <img src=x onerror=alert(1)> & \u2028"}


@pytest.mark.notebook
def test_a_quiz_is_driven_from_python_in_a_live_kernel():
    notebook, printed = execute_with(
        ROOT / "chapters" / "iran-bargaining-chip.md",
        "from coursebook.widgets import Quiz\n"
        "from coursebook.grading import correct_response\n"
        "q = Quiz('iran-bargaining-chip')\n"
        "first = q.questions[0]['id']\n"
        "result = q.answer(first, correct_response(q._records[first]))\n"
        "print(result.correct, q.score['correct'], q.score['answered'], sorted(q.answers))",
    )
    # The chapter's own quiz cell produced a live widget view for the notebook front end.
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert printed[:3] == ["True", "1", "1"]


def test_the_question_banks_keep_their_promises(book):
    article_chapters = [c.id for c in book.article.chapters]
    for chapter in article_chapters:
        questions = book.quizzes[chapter]
        assert len(questions) >= 8, chapter
        assert len({q.type for q in questions}) >= 4, chapter
        beyond_recall = sum(q.level != "remember" for q in questions)
        assert beyond_recall * 3 >= len(questions), chapter
        # A chapter's questions point at its own paragraphs, or at the paragraph its pull quote repeats.
        repeated = {line.repeats for line in book.article.chapter_lines(chapter) if line.repeats}
        assert {q.passage for q in questions} <= set(book.chapter_paragraphs(chapter)) | repeated, chapter
    review = book.quizzes["what-happened-next"]
    assert len(review) >= 12
    assert {q.type for q in review} == {"single", "multiple", "true-false", "numeric", "order", "match"}
    assert all(q.explanation and q.objective and q.passage for q in book.questions())
