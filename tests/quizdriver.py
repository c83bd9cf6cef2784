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


def fix_seed(context, namespace: str, seed: str = "test-seed") -> None:
    """Give the student in ``context`` a known shuffle seed (before any page loads)."""
    import json

    key = json.dumps(f"{namespace}:settings:seed")
    context.add_init_script(f"try {{ localStorage.setItem({key}, {json.dumps(json.dumps(seed))}); }} catch (e) {{}}")


def displayed(page, question) -> list[int]:
    """The options of a choice question in the order the page shows them (file indexes)."""
    return [int(v) for v in card(page, question).locator("input").evaluate_all("els => els.map(e => e.value)")]


def show_answer(page, question) -> None:
    card(page, question).get_by_role("button", name="Show the answer").click()


def stored(page, namespace: str, chapter: str, question) -> dict | None:
    import json

    raw = page.evaluate("k => localStorage.getItem(k)", f"{namespace}:quiz:{chapter}/{question.id}")
    return None if raw is None else json.loads(raw)


def open_page(context, server: str, path: str):
    """A page of chapters/ (``path``, e.g. "progress.html") with its widgets started."""
    from browserkit import open_offline

    page, log = open_offline(context, server)
    goto(page, server, path)
    return page, log


def goto(page, server: str, path: str) -> None:
    """Open a page and wait until every widget on it has started. Widgets far down the page
    start a couple of seconds after it loads (js/host.js), as a reader scrolls down."""
    from browserkit import wait_for_widgets

    page.goto(f"{server}/chapters/{path}", wait_until="networkidle")
    wait_for_widgets(page)
