"""Practice that measures learning, in the built book, as a student does it.

Options in an order of the student's own (kept across reloads); feedback that does not
give the answer away until a right answer, a second wrong try or "Show the answer"
(which is recorded); every try kept, the first one counted, on the quiz, on the
progress page and in the downloaded answers.
"""

from __future__ import annotations

import pytest
from browserkit import new_context, wait_for_widgets
from quizdriver import answer, card, displayed, fix_seed, goto, open_page, show_answer, stored, try_again

from coursebook.grading import correct_response, grade, wrong_responses

pytestmark = pytest.mark.browser

TYPES = ["single", "true-false", "multiple", "numeric", "order", "match"]


def test_options_are_shuffled_per_student_and_kept_on_reload(book, browser, server):
    chapter = "what-happened-next"
    choice = [q for q in book.quizzes[chapter] if q.type in ("single", "multiple") and len(q.options) >= 3]
    orders = []
    for seed in ("student-a", "student-b"):
        context = new_context(browser)
        fix_seed(context, book.storage_namespace, seed)
        page, log = open_page(context, server, f"{chapter}.html")
        first = [displayed(page, q) for q in choice]
        page.reload(wait_until="networkidle")
        wait_for_widgets(page)
        assert [displayed(page, q) for q in choice] == first  # a reload shows the same order
        orders.append(first)
        assert log.problems() == []
        context.close()
    assert orders[0] != orders[1]  # two students, two orders
    assert any(order != sorted(order) for order in orders[0])  # not the file's order
    # A student with no seed gets one of their own, kept in storage.
    context = new_context(browser)
    page, _ = open_page(context, server, f"{chapter}.html")
    seed = page.evaluate("k => JSON.parse(localStorage.getItem(k))", f"{book.storage_namespace}:settings:seed")
    assert isinstance(seed, str) and len(seed) >= 4
    context.close()


def test_true_false_keeps_true_first(book, context, server):
    fix_seed(context, book.storage_namespace, "any-seed")
    chapter = "what-happened-next"
    page, log = open_page(context, server, f"{chapter}.html")
    for q in book.quizzes[chapter]:
        if q.type == "true-false":
            labels = card(page, q).locator(".cb-q-option label").all_inner_texts()
            assert labels == [o.text for o in q.options] and labels[0].strip().lower().startswith("true")
    assert log.problems() == []


def _assert_hidden(c, question):
    assert c.locator(".cb-q-explanation").count() == 0
    assert c.locator(".cb-q-answer").count() == 0
    text = c.locator(".cb-q-feedback").inner_text()
    assert question.explanation.strip() not in text


def _assert_revealed(c, question):
    assert c.locator(".cb-q-explanation").inner_text().endswith(question.explanation.strip())
    assert c.locator(".cb-q-answer").inner_text().startswith("The answer:")


@pytest.mark.parametrize("kind", TYPES)
def test_a_wrong_try_gives_nothing_away_and_what_reveals_it_is_recorded(kind, book, context, server, tmp_path):
    from coursebook.answers import AnswersExport

    fix_seed(context, book.storage_namespace)
    found = [(c, q) for c, qs in book.ordered_quizzes() for q in qs if q.type == kind][:2]
    assert len(found) == 2, kind
    (chapter1, q1), (chapter2, q2) = found
    ns = book.storage_namespace

    # q1: wrong, wrong again -> revealed; then right (the first try still counts).
    page, log = open_page(context, server, f"{chapter1}.html")
    c1 = card(page, q1)
    wrong = wrong_responses(q1)
    answer(page, q1, wrong[0])
    assert c1.get_attribute("data-state") == "wrong"
    _assert_hidden(c1, q1)
    assert c1.locator(".cb-q-feedback-list li").all_inner_texts() == grade(q1, wrong[0]).hint
    if kind in ("order", "match"):
        assert c1.locator(".cb-row-wrong").count() == len(grade(q1, wrong[0]).rows) > 0
    try_again(page, q1)
    answer(page, q1, wrong[-1])
    _assert_revealed(c1, q1)
    record = stored(page, ns, chapter1, q1)
    assert [t["raw"] for t in record["tries"]] == [wrong[0], wrong[-1]] and record["shown"] is False

    # q2: wrong once, then "Show the answer" (recorded).
    if chapter2 != chapter1:
        goto(page, server, f"{chapter2}.html")
    c2 = card(page, q2)
    answer(page, q2, wrong_responses(q2)[0])
    _assert_hidden(c2, q2)
    show_answer(page, q2)
    _assert_revealed(c2, q2)
    assert stored(page, ns, chapter2, q2)["shown"] is True
    try_again(page, q2)
    answer(page, q2, correct_response(q2))
    assert c2.get_attribute("data-state") == "correct" and c2.get_attribute("data-first-try") == "wrong"

    # The progress page and the export show the first tries: both wrong.
    goto(page, server, "progress.html")
    for chapter in {chapter1, chapter2}:
        row = page.locator(f"tr[data-chapter='{chapter}']")
        assert row.get_attribute("data-first") == "0"
    missed = page.locator(".cb-progress-missed a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any(h.endswith(f"#cb-q-{q1.id}") for h in missed) and any(h.endswith(f"#cb-q-{q2.id}") for h in missed)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    path = tmp_path / "answers.json"
    info.value.save_as(path)
    data = AnswersExport.model_validate_json(path.read_text(encoding="utf-8"))
    records = {q.id: q for q in data.questions}
    r1, r2 = records[f"{chapter1}/{q1.id}"], records[f"{chapter2}/{q2.id}"]
    assert [t.correct for t in r1.tries] == [False, False] and r1.answer_shown is True
    assert [t.correct for t in r2.tries] == [False, True] and r2.answer_shown is True
    assert log.problems() == []


def test_a_right_first_try_counts_and_shows_the_explanation(book, context, server):
    chapter = "hope-of-a-deal"
    q = next(q for q in book.quizzes[chapter] if q.type == "single" and q.id not in book.quiz_files[chapter].in_reading)
    page, log = open_page(context, server, f"{chapter}.html")
    answer(page, q, correct_response(q))
    c = card(page, q)
    _assert_revealed(c, q)
    assert c.get_by_role("button", name="Show the answer").is_hidden()
    assert c.get_attribute("data-first-try") == "correct"
    assert log.problems() == []
