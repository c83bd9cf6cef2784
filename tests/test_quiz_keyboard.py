"""Keyboard only: one question of each type answered without the mouse.

The test enters each question by focusing its first control (as a Tab from the
question above would), then uses only Tab, Space, arrows, Enter and typing. After
each answer the verdict must match the Python grader for what the page shows, and
the focused control must have a visible focus ring.
"""

from __future__ import annotations

import json

import pytest
from browserkit import new_context, open_offline, wait_for_widgets
from quizdriver import card, current_order, displayed

from coursebook.grading import correct_response, grade

pytestmark = pytest.mark.browser

TYPES = ["single", "true-false", "multiple", "numeric", "order", "match"]


def first_of_type(book, kind):
    for chapter, questions in book.ordered_quizzes():
        for q in questions:
            if q.type == kind:
                return chapter, q
    raise AssertionError(kind)


def focused(page) -> str:
    return page.evaluate("document.activeElement?.id || document.activeElement?.textContent?.trim() || ''")


def tab_to(page, predicate: str, limit: int = 30) -> None:
    """Press Tab until ``predicate`` (JS, given the active element) holds."""
    for _ in range(limit):
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached an element where {predicate}")


def focus_ring_visible(page) -> bool:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
    )


def submit_with_keyboard(page, q) -> None:
    tab_to(page, f"el.closest('#cb-q-{q.id}') && el.classList.contains('cb-q-check')")
    assert focus_ring_visible(page)
    page.keyboard.press("Enter")


def shown_state(page, q):
    return card(page, q).get_attribute("data-state")


@pytest.mark.parametrize("kind", TYPES)
def test_answer_by_keyboard(kind, book, browser, server):
    chapter, q = first_of_type(book, kind)
    context = new_context(browser)
    page, log = open_offline(context, server)
    page.goto(f"{server}/chapters/{chapter}.html", wait_until="networkidle")
    wait_for_widgets(page)
    c = card(page, q)
    target = correct_response(q)

    if kind in ("single", "true-false"):
        c.locator("input").first.focus()
        page.keyboard.press("Space")  # selects the first option shown (options are shuffled)
        for _ in range(displayed(page, q).index(target)):
            page.keyboard.press("ArrowDown")
        response = target
    elif kind == "multiple":
        c.locator("input").first.focus()
        shown = displayed(page, q)
        for position, i in enumerate(shown):
            if i in target:
                page.keyboard.press("Space")
            if position < len(shown) - 1:
                page.keyboard.press("Tab")
        response = target
    elif kind == "numeric":
        c.locator("input").first.focus()
        page.keyboard.type(str(int(target)) if float(target).is_integer() else str(target))
        page.keyboard.press("Enter")  # Enter in the field submits the question
        assert shown_state(page, q) == "correct"
        response = None
    elif kind == "order":
        c.locator("button.cb-q-move:not([disabled])").first.focus()
        for position, item in enumerate(target):
            while (where := current_order(c).index(item)) > position:
                # Tab forwards to this item's "Up" button, then press Enter.
                label = json.dumps(f"Move “{q.items[item].text}” up")
                tab_to(page, f"el.getAttribute('aria-label') === {label}")
                page.keyboard.press("Enter")
                assert current_order(c).index(item) == where - 1
                # Focus stays with the moved item, so the next Enter moves it again.
                assert page.evaluate("document.activeElement.getAttribute('aria-label')") in (
                    f"Move “{q.items[item].text}” up",
                    f"Move “{q.items[item].text}” down",
                )
            c.locator("button.cb-q-move:not([disabled])").first.focus()
        response = current_order(c)
    elif kind == "match":
        selects = c.locator("select")
        selects.first.focus()
        for left in range(len(q.pairs)):
            # Arrow down through the choices until this row shows its partner.
            wanted = q.pairs[target[left]].right
            for _ in range(len(q.pairs) + 1):
                if selects.nth(left).evaluate("s => s.options[s.selectedIndex].text") == wanted:
                    break
                page.keyboard.press("ArrowDown")
            if left < len(q.pairs) - 1:
                page.keyboard.press("Tab")
        response = [int(v) for v in selects.evaluate_all("ss => ss.map(s => s.value)")]

    if response is not None:
        submit_with_keyboard(page, q)
        expected = grade(q, response)
        assert expected.correct
        assert shown_state(page, q) == "correct"
    # The feedback region is a polite live region, so it is announced.
    feedback = c.locator(".cb-q-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    assert feedback.get_attribute("role") == "status"
    assert c.locator(".cb-q-verdict").inner_text() == "✓ Correct."
    # "Try again" is reachable by Tab and clears the answer.
    tab_to(page, f"el.closest('#cb-q-{q.id}') && el.classList.contains('cb-q-retry')")
    page.keyboard.press("Enter")
    assert shown_state(page, q) is None
    assert log.problems() == []
    context.close()
