"""Lesson plans and the course outline (data/lessons.yaml).

Loader: every mistake in the file is one ``data/lessons.yaml:line: message``, with no
cascade. Build: the instructor edition shows a plan in every article chapter and the
outline page; the student edition has neither, nor any of their text.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from browserkit import new_context, open_offline, run_axe
from bs4 import BeautifulSoup
from conftest import edit, instructor_pages, line_of

LESSONS = "data/lessons.yaml"


def lesson_problems(root) -> list[str]:
    from coursebook import Book
    from coursebook.errors import DataError

    with pytest.raises(DataError) as caught:
        Book.load(root)
    return sorted(str(p) for p in caught.value.problems if p.path == LESSONS)


def line_after(path, first: str, then: str) -> int:
    """The line of ``then`` that follows the line of ``first``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = line_of(path, first)
    return next(n for n, line in enumerate(lines[start:], start=start + 1) if then in line)


def test_cross_check_mistakes_are_reported_at_their_line(book_copy):
    path = book_copy / LESSONS
    edit(path, "- prompt: 3", "- prompt: 4")  # the first plan's (hope-of-a-deal)
    edit(path, "wayout-weaken-p6]", "wayout-weaken-p7]")
    edit(path, "presets: [kremlin-hope, author-reading]", "presets: [kremlin-hope, author-readin]")
    edit(path, "[assets-not-a-victory, assets-mixed-signals]", "[assets-not-a-victory, hostage-metaphor]")
    edit(
        path,
        "tillerson-haley-assad-statements, khan-sheikhoun-attack",
        "tillerson-haley-assad-statements, khan-sheikhoun-atack",
    )
    edit(path, "[hostage-main-danger, hostage-metaphor]", "[hostage-no-principles, hostage-metaphor]")
    edit(path, "iran-evaluate-inference]\n", "iran-evaluate-inference, iran-explain-contex]\n")
    edit(path, "distrust-identify-assumptions]\n", "distrust-identify-assumptions, next-reconstruct-argument]\n")
    edit(
        path,
        "minutes: 5\n        title: Right for the wrong reasons?",
        "minutes: 7\n        title: Right for the wrong reasons?",
    )
    edit(path, "[assets-losing-value, hostage-to-allies]", "[assets-losing-value, hostage-to-allies, hope-of-a-deal]")

    problems = lesson_problems(book_copy)
    at = lambda needle: f"{LESSONS}:{line_of(path, needle)}: "  # noqa: E731
    timing = [p for p in problems if "add up to" in p]
    assert len(timing) == 1 and timing[0].startswith(
        f"{LESSONS}:{line_after(path, '- chapter: what-happened-next', 'steps:')}: the steps of the plan for "
        "“what-happened-next” add up to 52 minutes, not the session's 50 (session_minutes): 7 (opening) + 12 (activity)"
    )
    assert sorted(p for p in problems if p not in timing) == sorted(
        [
            at("- prompt: 4")
            + "data/prompts.yaml has 3 “Think it through” prompt(s) for chapter “hope-of-a-deal”, so there "
            "is no prompt 4; number the prompts from 1 in the order of that file, or use “ask” for a question of your own",
            at("wayout-weaken-p7") + "there is no question “wayout-weaken-p7” in data/quizzes/seeking-a-way-out.yaml "
            "(did you mean “wayout-weaken-p6”?)",
            at("author-readin]")
            + "“author-readin” is not a preset of the model this activity uses (did you mean “author-reading”?)",
            at("[assets-not-a-victory, hostage-metaphor]")
            + "the question “hostage-metaphor” is in the bank of chapter "
            "“hostage-to-allies”; an exit ticket draws on data/quizzes/assets-losing-value.yaml",
            at("khan-sheikhoun-atack")
            + "“khan-sheikhoun-atack” is not an event in data/events.yaml (did you mean “khan-sheikhoun-attack”?)",
            at("hostage-no-principles")
            + "the question “hostage-no-principles” checks the objective “hostage-evaluate-no-strategy”, "
            "which this plan does not list in its “objectives”; an exit ticket checks what the session worked on",
            at("iran-explain-contex]")
            + "the objective “iran-explain-contex” is not in data/objectives.yaml (did you mean “iran-explain-context”?)",
            at("next-reconstruct-argument]")
            + "the objective “next-reconstruct-argument” belongs to chapter “what-happened-next”, "
            "not “two-decades-of-distrust”",
            at("hostage-to-allies, hope-of-a-deal]")
            + f"“hope-of-a-deal” is already in the outline (at line {line_of(path, '[hope-of-a-deal, ')}); "
            "each plan is taught once",
        ]
    )


def test_shape_mistakes_are_reported_at_their_line(book_copy):
    path = book_copy / LESSONS
    edit(path, "        question: >-", "        questoin: >-")  # the first opening
    edit(path, "part: discussion", "part: discusion")  # the first discussion
    edit(path, "minutes: 2\n        title: What the model was for", "minutes: 0\n        title: What the model was for")
    edit(
        path,
        "uses: [deadend]\n        presets: [author-reading]\n",
        "uses: [deadend]\n        questions: [next-main-thesis]\n",
    )

    problems = lesson_problems(book_copy)
    step_line = line_of(path, "title: Russia stayed") - 2
    assert problems == sorted(
        [
            f"{LESSONS}:{line_of(path, 'questoin:')}: “questoin” is not a field here; did you mean “question”?",
            f"{LESSONS}:{line_of(path, 'part: discusion')}: “discusion” is not allowed for “part”; use one of: "
            "opening, framing, activity, discussion, exit-ticket, wrap-up",
            f"{LESSONS}:{line_of(path, 'minutes: 0')}: “minutes” is out of range (input should be greater than or equal to 1)",
            f"{LESSONS}:{step_line}: “questions” (question ids from the chapter's bank) belongs to a step of part "
            "“exit-ticket”, not “activity”",
        ]
    )


def test_make_check_names_an_unknown_chapter(book_copy):
    path = book_copy / LESSONS
    edit(path, "- chapter: two-decades-of-distrust", "- chapter: two-decades-of-distrus")
    result = subprocess.run(
        [sys.executable, "-m", "coursebook", "--root", str(book_copy), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout.strip().split("\n") == [
        f"{LESSONS}:{line_of(path, '- chapter: two-decades-of-distrus')}: there is no chapter “two-decades-of-distrus” "
        "(no file chapters/two-decades-of-distrus.md) (did you mean “two-decades-of-distrust”?)"
    ]
    assert "Traceback" not in result.stderr


def test_think_prompts_are_read_from_the_chapters_list():
    from coursebook.lessons import think_prompts

    source = "## Think it through\n\nIntro line.\n\n- One *stressed*\n  and continued.\n- Two\n\n:::{instructor}\n- not a prompt\n:::\n"
    assert think_prompts(source) == ["One *stressed* and continued.", "Two"]
    assert think_prompts("## Other\n- x\n") == []


# --- the built editions ----------------------------------------------------------------------


def _words(element) -> str:
    return " ".join(element.get_text().split())


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_instructor_edition_has_a_plan_in_every_article_chapter(instructor_site, book):
    planned = [lesson.chapter for lesson in book.lessons.lessons]
    assert {c.id for c in book.article.chapters} <= set(planned)
    for chapter in planned:
        soup = _soup(instructor_site / "chapters" / f"{chapter}.html")
        plan = soup.select_one(".cb-instructor #lesson-plan")
        assert plan is not None, chapter
        # The run sheet's clock runs without gaps from 0 to the length of a session.
        spans = [
            tuple(map(int, re.fullmatch(r"(\d+)–(\d+) min", t.get_text()).groups()))
            for t in plan.select(".cb-lesson-time")
        ]
        assert spans[0][0] == 0 and spans[-1][1] == 50, (chapter, spans)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:])), (chapter, spans)
        parts = {li["class"][1] for li in plan.select(".cb-lesson-step")}
        assert {"cb-part-opening", "cb-part-activity", "cb-part-discussion", "cb-part-exit-ticket"} <= parts
        # A prompt in the plan is the chapter's own "Think it through" prompt, word for word.
        think = soup.find(id="think-it-through")
        shown = [_words(li) for li in think.find("ul").find_all("li", recursive=False)] if think else []
        for lead in plan.select(".cb-lesson-prompt"):
            number = re.match(r"“Think it through”, prompt (\d+):", lead.get_text())
            if number:
                assert _words(lead).split(": ", 1)[1] == shown[int(number.group(1)) - 1]
        # The exit ticket links to questions of this chapter's bank.
        bank = {q.id for q in book.quizzes[chapter]}
        links = [a["href"] for a in plan.select(".cb-lesson-ticket a")]
        assert links and all(href.startswith("#cb-q-") and href[6:] in bank for href in links), links


def test_the_instructor_edition_has_the_course_outline(instructor_site, book):
    soup = _soup(instructor_site / "chapters" / "course-outline.html")
    weeks = soup.select("[id^=week-]")
    assert 2 <= len(weeks) <= 3
    heads = soup.select(".cb-outline-session .cb-outline-head a")
    targets = [a["href"] for a in heads]
    assert len(targets) == len(set(targets)) == len(book.lessons.lessons)
    for href in targets:
        page, anchor = href.split("#")
        assert anchor == "lesson-plan" and _soup(instructor_site / "chapters" / page).select_one("#lesson-plan"), href
    for session in soup.select(".cb-outline-session"):
        assert [s.get_text() for s in session.select("strong")][1:] == [
            "Before class: ",
            "Practises: ",
            "In class, in minutes: ",
        ]
    # The outline is in the instructor edition's navigation.
    nav = _soup(instructor_site / "chapters" / "hope-of-a-deal.html").select("nav a[href]")
    assert any(a["href"].endswith("course-outline.html") for a in nav)


def test_the_student_edition_has_no_plans_no_outline_and_none_of_their_text(site, book):
    for page in instructor_pages():
        assert not (site / f"{page}.html").exists()
    texts = [lesson.practises for lesson in book.lessons.lessons]
    texts += [step.do[:60] for lesson in book.lessons.lessons for step in lesson.steps if step.do]
    for path in site.rglob("*"):
        if path.suffix not in {".html", ".js", ".txt", ".md", ".css", ".json"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "course-outline.html" not in text, path
        assert "cb-lesson" not in text and "cb-outline" not in text, path
        found = [t for t in texts if t in text or t.replace("’", "'") in text]
        assert not found, (path, found[:2])


@pytest.mark.browser
def test_outline_to_plan_by_keyboard_and_accessible(instructor_server, browser):
    problems = {}
    for scheme in ("light", "dark"):
        context = new_context(browser, color_scheme=scheme, viewport={"width": 375, "height": 800})
        page, log = open_offline(context, instructor_server)
        page.goto(f"{instructor_server}/chapters/course-outline.html", wait_until="networkidle")
        problems[f"outline {scheme}"] = log.problems() + [v["id"] for v in run_axe(page)]
        link = page.locator("#session-1").get_by_role("link", name="The hope of a deal")
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/hope-of-a-deal.html#lesson-plan")
        heading = page.locator("#lesson-plan .cb-lesson-heading")
        assert heading.inner_text().startswith("Lesson plan: session 1 of")
        assert heading.is_visible() and heading.bounding_box()["y"] < 800
        problems[f"plan {scheme}"] = log.problems() + [v["id"] for v in run_axe(page)]
        context.close()
    assert all(not p for p in problems.values()), problems
