"""Answer quiz questions in the page the way a student does: click, type, choose.

``answer(page, question, response)`` puts ``response`` (in the format of
coursebook.grading) into the question's controls and presses "Check answer";
``shown_result(page, question)`` reads back what the page displays.
"""

from __future__ import annotations


def card(page, question):
    return page.locator(f"#cb-q-{question.id}")


def set_response(page, question, response) -> None:
    c = card(page, question)
    if question.type in ("single", "true-false"):
        c.locator(f"label[for='cb-q-{question.id}-opt-{response}']").click()
    elif question.type == "multiple":
        for i in range(len(question.options)):
            box = c.locator(f"#cb-q-{question.id}-opt-{i}")
            box.set_checked(i in response)
    elif question.type == "numeric":
        c.locator(f"#cb-q-{question.id}-number").fill(_number(response))
    elif question.type == "order":
        _arrange(c, response)
    elif question.type == "match":
        for left, right in enumerate(response):
            c.locator(f"#cb-q-{question.id}-match-{left}").select_option("" if right is None else str(right))


def answer(page, question, response) -> None:
    set_response(page, question, response)
    card(page, question).get_by_role("button", name="Check answer").click()


def shown_result(page, question) -> tuple[str, list[str]]:
    c = card(page, question)
    state = c.get_attribute("data-state")
    feedback = c.locator(".cb-q-feedback-list li").all_inner_texts()
    return state, [text.strip() for text in feedback]


def try_again(page, question) -> None:
    card(page, question).get_by_role("button", name="Try again").click()


def current_order(c) -> list[int]:
    return [int(v) for v in c.locator(".cb-q-order-item").evaluate_all("els => els.map(e => e.dataset.item)")]


def _arrange(c, target: list[int]) -> None:
    """Click Move up until each item sits where ``target`` puts it."""
    for position, item in enumerate(target):
        while (where := current_order(c).index(item)) > position:
            c.locator(".cb-q-order-item").nth(where).locator("button", has_text="Up").click()


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
