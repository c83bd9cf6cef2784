"""Checks inside the reading, written answers, and a progress page that helps."""

from __future__ import annotations

import pytest
from browserkit import link_target, open_offline, run_axe, wait_for_widgets
from quizdriver import answer, card, goto

from coursebook.grading import correct_response, wrong_responses

pytestmark = pytest.mark.browser

ARTICLE_CHAPTERS = [
    "hope-of-a-deal",
    "seeking-a-way-out",
    "assets-losing-value",
    "hostage-to-allies",
    "iran-bargaining-chip",
    "two-decades-of-distrust",
]


@pytest.mark.parametrize("chapter", ARTICLE_CHAPTERS)
def test_a_question_follows_the_paragraph_it_tests(chapter, book, context, server):
    placed = book.quiz_files[chapter].in_reading
    assert placed
    page, log = open_offline(context, server)
    goto(page, server, f"{chapter}.html")
    for qid in placed:
        q = next(q for q in book.quizzes[chapter] if q.id == qid)
        # Right after its paragraph, inside the reading; not repeated in the review.
        follows = page.evaluate(
            """([p, id]) => { const box = document.getElementById(`cb-q-${id}`).closest('.cb-check-as-you-go');
                let prev = box.previousElementSibling; return prev && prev.id === p; }""",
            [q.passage, qid],
        )
        assert follows, qid
        assert page.locator(f"#cb-q-{qid}").count() == 1
        assert page.locator(f".cb-quiz:not(.cb-quiz-inline) #cb-q-{qid}").count() == 0
        # It links back to its paragraph.
        assert (
            card(page, q).locator("a.cb-q-about").get_attribute("href") == f"#{q.passage}"
        )  # its paragraph, on this page
    assert log.problems() == []


def test_the_check_is_reached_by_keyboard_in_reading_order(book, context, server):
    chapter = "hope-of-a-deal"
    qid = book.quiz_files[chapter].in_reading[0]
    q = next(q for q in book.quizzes[chapter] if q.id == qid)
    following = f"p{int(q.passage[1:]) + 1}"
    page, log = open_offline(context, server)
    goto(page, server, f"{chapter}.html")
    page.locator(f"#{q.passage} a.cb-pnum").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "([id, next]) => { const el = document.activeElement;"
            " return el.closest(`#cb-q-${id}`) ? 'question' : el.closest(`#${next}`) ? 'next' : 'other'; }",
            [qid, following],
        )
        assert where != "next", "the next paragraph came before the question on it"
        if where == "question":
            break
    else:
        raise AssertionError("Tab never reached the question")
    assert log.problems() == []


def test_written_answers_are_kept_and_shown_on_the_progress_page(book, context, server):
    chapter = "hostage-to-allies"
    prompts = book.chapter_prompts(chapter)
    page, log = open_offline(context, server)
    goto(page, server, f"{chapter}.html")
    # Each prompt has a labelled text box.
    for p in prompts:
        assert page.get_by_label(p.text, exact=False).count() == 1
    text = "Assad → Moscow → Washington: the weakest arrow is the <script>alert(1)</script> one."
    box = page.locator(f"#cb-think-{chapter}-{prompts[0].id}")
    box.fill(text)
    box.blur()
    page.reload(wait_until="networkidle")
    wait_for_widgets(page)
    assert page.locator(f"#cb-think-{chapter}-{prompts[0].id}").input_value() == text
    goto(page, server, "progress.html")
    written = page.locator(".cb-progress-written")
    assert written.locator("dt").all_inner_texts() == [prompts[0].text]
    assert written.locator("dd").all_inner_texts() == [text]  # shown as text, not markup
    assert log.problems() == []


def test_the_progress_page_helps(book, context, server):
    chapter = "hope-of-a-deal"
    questions = book.quizzes[chapter]
    page, log = open_offline(context, server)
    goto(page, server, "progress.html")
    # Nothing answered yet: start at the first chapter.
    # (Where each link leads: the page writes it from the site's root, as the build gives it.)
    assert (
        link_target(page.locator(".cb-progress-continue a")) == f"{server}/chapters/{book.ordered_quizzes()[0][0]}.html"
    )
    # Linked from the front page and from every chapter's quiz.
    page.goto(f"{server}/index.html", wait_until="networkidle")
    assert page.locator("article a[href$='progress.html']").count() >= 1
    goto(page, server, f"{chapter}.html")
    assert page.locator(".cb-quiz-progress-link a").get_attribute("href") == "progress.html"
    # Answer the whole chapter: one wrong at the first try, the rest right; leave one
    # question of the next chapter unanswered.
    missed = questions[2]
    for q in questions:
        answer(page, q, wrong_responses(q)[0] if q is missed else correct_response(q))
    # The sidebar marks the chapter done (its own entry links to "#" on its page).
    assert page.locator(".bd-sidebar-primary a.current.reference.internal .cb-done-mark").count() == 1
    nxt = book.ordered_quizzes()[1]
    goto(page, server, f"{nxt[0]}.html")
    answer(page, nxt[1][0], correct_response(nxt[1][0]))
    goto(page, server, "progress.html")
    row = page.locator(f"tr[data-chapter='{chapter}']")
    assert (row.get_attribute("data-answered"), row.get_attribute("data-first")) == (
        str(len(questions)),
        str(len(questions) - 1),
    )
    assert "done" in row.locator("th").inner_text()
    links = page.locator(".cb-progress-missed a")
    assert links.count() == 1 and link_target(links) == f"{server}/chapters/{chapter}.html#cb-q-{missed.id}"
    # Continue where you left off: the next question not yet answered, in the chapter worked on last.
    follow = page.locator(".cb-progress-continue a")
    assert link_target(follow) == f"{server}/chapters/{nxt[0]}.html#cb-q-{nxt[1][1].id}"
    assert page.locator(f".bd-sidebar-primary a.reference.internal[href$='{chapter}.html'] .cb-done-mark").count() == 1
    assert run_axe(page) == []
    assert log.problems() == []


def test_a_link_to_a_question_far_down_the_page_lands_on_it(book, context, server):
    """The progress page links missed questions as chapter.html#cb-q-…; the question is drawn
    by a widget that starts late, so the page must start it and scroll there."""
    chapter, questions = book.ordered_quizzes()[0]
    last = questions[-1]
    page, log = open_offline(context, server)
    page.goto(f"{server}/chapters/{chapter}.html#cb-q-{last.id}", wait_until="networkidle")
    page.wait_for_function(
        """(id) => {
            const el = document.getElementById(id);
            if (!el) return false;
            const top = el.getBoundingClientRect().top;
            return top >= 0 && top < window.innerHeight;
        }""",
        arg=f"cb-q-{last.id}",
        timeout=10000,
    )
    assert page.evaluate("window.scrollY") > 1000
    assert log.problems() == []
