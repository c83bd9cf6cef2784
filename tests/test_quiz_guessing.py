"""Blind guessing cannot pass (issue 8, "Done when"): on the built static pages, with
fresh browser storage, a student who always picks the first option shown, or always the
longest, scores at most 45 % of the single-answer questions.

The test clicks like that student, in every chapter, and reads the verdict the page
shows. "Always first" runs for several students (fixed seeds, so the run is
reproducible); "always longest" does not depend on the order. The figures are printed.
"""

from __future__ import annotations

import pytest
from browserkit import new_context, open_offline, wait_for_widgets
from quizdriver import fix_seed

pytestmark = pytest.mark.browser

LIMIT = 0.45
SEEDS = ("guess-1", "guess-2", "guess-3")


def _first(labels: list[str]) -> int:
    return 0


def _longest(labels: list[str]) -> int:
    return max(range(len(labels)), key=lambda i: len(labels[i]))


def guess_everything(book, browser, server, seed: str, pick) -> tuple[int, int]:
    context = new_context(browser)
    fix_seed(context, book.storage_namespace, seed)
    page, log = open_offline(context, server)
    right = total = 0
    for chapter, questions in book.ordered_quizzes():
        page.goto(f"{server}/chapters/{chapter}.html", wait_until="load")
        wait_for_widgets(page)
        for q in questions:
            if q.type != "single":
                continue
            card = page.locator(f"#cb-q-{q.id}")
            labels = card.locator(".cb-q-option label")
            labels.nth(pick(labels.all_inner_texts())).click()
            card.get_by_role("button", name="Check answer").click()
            state = card.get_attribute("data-state")
            assert state in ("correct", "wrong"), q.id
            right += state == "correct"
            total += 1
    assert log.problems() == []
    context.close()
    return right, total


def test_always_first_scores_at_most_45_percent(book, browser, server):
    for seed in SEEDS:
        right, total = guess_everything(book, browser, server, seed, _first)
        print(f"always first (seed {seed}): {right} of {total} single-answer questions = {right / total:.0%}")
        assert right <= LIMIT * total, f"always first scored {right} of {total}"


def test_always_longest_scores_at_most_45_percent(book, browser, server):
    right, total = guess_everything(book, browser, server, SEEDS[0], _longest)
    print(f"always longest: {right} of {total} single-answer questions = {right / total:.0%}")
    assert right <= LIMIT * total, f"always the longest option scored {right} of {total} ({right / total:.0%})"
