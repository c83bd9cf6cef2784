"""Quizzes in the static book, driven in headless chromium with other hosts blocked.

The page's answers must agree with the Python reference grader for every question:
the correct response and at least one wrong one each, same verdict, same feedback.
"""

from __future__ import annotations

import json

import pytest
from browserkit import new_context, open_offline, run_axe, wait_for_widgets
from conftest import built_href
from quizdriver import answer, card, current_order, shown_result, try_again

from coursebook.grading import correct_response, grade, wrong_responses

pytestmark = pytest.mark.browser


def chapter_url(server, chapter):
    return f"{server}/chapters/{chapter}.html"


def open_chapter(context, server, chapter):
    page, log = open_offline(context, server)
    page.goto(chapter_url(server, chapter), wait_until="networkidle")
    wait_for_widgets(page)
    return page, log


@pytest.mark.parametrize(
    "chapter",
    [
        "hope-of-a-deal",
        "seeking-a-way-out",
        "assets-losing-value",
        "hostage-to-allies",
        "iran-bargaining-chip",
        "two-decades-of-distrust",
        "what-happened-next",
    ],
)
def test_every_question_agrees_with_the_python_grader(chapter, book, context, server):
    """A first wrong try shows the grader's hint (and marks the rows it names); once the
    answer is revealed (second wrong try), the page shows the grader's full feedback."""
    questions = book.quizzes[chapter]
    page, log = open_chapter(context, server, chapter)
    checked = 0
    for question in questions:
        wrong = wrong_responses(question)
        assert grade(question, correct_response(question)).correct
        assert all(not grade(question, r).correct for r in wrong), question.id
        c = card(page, question)
        for n, response in enumerate([wrong[0], wrong[-1], correct_response(question)]):
            answer(page, question, response)
            expected = grade(question, response)
            state, feedback = shown_result(page, question)
            assert state == ("correct" if expected.correct else "wrong"), (question.id, response)
            revealed = n > 0
            assert feedback == (expected.feedback if revealed else expected.hint), (question.id, response)
            assert c.locator(".cb-row-wrong").count() == len(expected.rows)  # order, match: the wrong rows
            assert c.locator(".cb-q-explanation").count() == int(revealed)
            if revealed:
                assert c.locator(".cb-q-explanation").inner_text().endswith(question.explanation.strip())
            link = c.get_by_role("link", name=f"Read ¶{question.passage[1:]} again")
            assert link.get_attribute("href") == built_href(book.passage_link(question.passage), chapter)
            try_again(page, question)
            checked += 1
    assert checked == 3 * len(questions)
    assert log.problems() == []


def test_score_counts_first_tries(book, context, server):
    chapter = "iran-bargaining-chip"
    questions = [q for q in book.quizzes[chapter] if q.id not in book.quiz_files[chapter].in_reading]
    total = len(book.quizzes[chapter])
    page, log = open_chapter(context, server, chapter)
    score = page.locator(".cb-quiz-score")
    assert score.inner_text() == f"First-try score in this chapter: 0 of {total} (0 answered)."
    answer(page, questions[0], correct_response(questions[0]))
    answer(page, questions[1], wrong_responses(questions[1])[0])
    assert score.inner_text() == f"First-try score in this chapter: 1 of {total} (2 answered)."
    # A right second try is recorded, but does not change the score.
    try_again(page, questions[1])
    answer(page, questions[1], correct_response(questions[1]))
    assert score.inner_text() == f"First-try score in this chapter: 1 of {total} (2 answered)."
    assert card(page, questions[1]).locator(".cb-q-tries").inner_text().startswith("Tries: 2 · first try wrong")
    # A question placed in the reading counts in the chapter's score too.
    inline = next(q for q in book.quizzes[chapter] if q.id in book.quiz_files[chapter].in_reading)
    answer(page, inline, correct_response(inline))
    assert score.inner_text() == f"First-try score in this chapter: 2 of {total} (3 answered)."
    assert log.problems() == []


def test_an_unanswered_check_asks_for_an_answer(book, context, server):
    question = next(q for q in book.quizzes["hope-of-a-deal"] if q.type == "single")
    page, log = open_chapter(context, server, "hope-of-a-deal")
    card(page, question).get_by_role("button", name="Check answer").click()
    assert card(page, question).get_attribute("data-state") == "incomplete"
    assert card(page, question).locator(".cb-q-feedback").inner_text() == "Choose an option first."
    assert log.problems() == []


def test_progress_survives_reload_and_reset(book, context, server):
    chapter = "seeking-a-way-out"
    q1, q2 = book.quizzes[chapter][:2]
    page, log = open_chapter(context, server, chapter)
    answer(page, q1, correct_response(q1))
    answer(page, q2, wrong_responses(q2)[0])
    page.reload(wait_until="networkidle")
    wait_for_widgets(page)
    assert shown_result(page, q1) == ("correct", grade(q1, correct_response(q1)).feedback)
    assert shown_result(page, q2) == ("wrong", grade(q2, wrong_responses(q2)[0]).hint)
    assert "1 of" in page.locator(".cb-quiz-score").inner_text()

    # The progress page adds it up.
    page.goto(f"{server}/chapters/progress.html", wait_until="networkidle")
    row = page.locator(f"tr[data-chapter='{chapter}']")
    assert row.get_attribute("data-answered") == "2" and row.get_attribute("data-first") == "1"
    assert row.locator(".cb-progress-answered").inner_text().strip() == f"2 / {len(book.quizzes[chapter])}"

    # Reset takes two steps, and clears what was stored.
    page.get_by_role("button", name="Reset all my answers").click()
    assert row.get_attribute("data-answered") == "2"  # nothing cleared yet: it asks first
    page.get_by_role("button", name="Yes, clear everything").click()
    assert page.locator(f"tr[data-chapter='{chapter}']").get_attribute("data-answered") == "0"
    page.goto(chapter_url(server, chapter), wait_until="networkidle")
    wait_for_widgets(page)
    assert card(page, q1).get_attribute("data-state") is None
    assert card(page, q2).get_attribute("data-state") is None
    assert page.locator(".cb-quiz-score").inner_text().startswith("First-try score in this chapter: 0 of")
    assert log.problems() == []


def test_unreadable_stored_progress_is_ignored_not_deleted(book, context, server):
    chapter = "hostage-to-allies"
    q1, q2, q3 = book.quizzes[chapter][:3]
    page, log = open_chapter(context, server, chapter)
    namespace = book.storage_namespace
    keys = [f"{namespace}:quiz:{chapter}/{q.id}" for q in (q1, q2, q3)]
    values = [
        "{not json",
        json.dumps({"tries": "many", "shown": 1}),
        json.dumps({"tries": [{"time": "", "raw": [42, 43]}], "shown": False}),
    ]
    page.evaluate("([keys, values]) => keys.forEach((k, i) => localStorage.setItem(k, values[i]))", [keys, values])
    page.reload(wait_until="networkidle")
    wait_for_widgets(page)
    for q, key, value in zip((q1, q2, q3), keys, values):
        assert card(page, q).get_attribute("data-state") is None
        assert page.evaluate("k => localStorage.getItem(k)", key) == value  # left alone
    # ... and the page still works.
    answer(page, q1, correct_response(q1))
    assert shown_result(page, q1)[0] == "correct"
    assert log.problems() == []


def test_answered_quiz_page_has_no_serious_axe_violations(book, context, server):
    chapter = "two-decades-of-distrust"
    page, log = open_chapter(context, server, chapter)
    for q in book.quizzes[chapter]:
        answer(page, q, wrong_responses(q)[0])
    assert run_axe(page) == []
    assert log.problems() == []


def test_quiz_fits_a_320px_phone(book, browser, server):
    context = new_context(browser, viewport={"width": 320, "height": 640})
    page, log = open_offline(context, server)
    page.goto(chapter_url(server, "iran-bargaining-chip"), wait_until="networkidle")
    wait_for_widgets(page)
    for q in book.quizzes["iran-bargaining-chip"]:
        answer(page, q, wrong_responses(q)[0])
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.cb-quiz *')]
               .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > 321 || r.left < -1); })
               .map(el => el.className || el.tagName).slice(0, 5)"""
    )
    assert overflow == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert log.problems() == []
    context.close()


def test_order_question_moves_items_and_announces(book, context, server):
    question = next(q for c in book.quizzes.values() for q in c if q.type == "order")
    chapter = next(c for c, qs in book.quizzes.items() if question in qs)
    page, log = open_chapter(context, server, chapter)
    c = card(page, question)
    before = current_order(c)
    assert before != list(range(len(question.items)))  # shuffled, never already solved
    c.locator(".cb-q-order-item").nth(1).locator("button", has_text="Up").click()
    after = current_order(c)
    assert after[0] == before[1] and after[1] == before[0]
    text = question.items[before[1]].text
    assert c.locator(".cb-q-feedback").inner_text() == f"“{text}” moved to position 1 of {len(question.items)}."
    assert log.problems() == []
