"""The reference grader: ``grade(question, response) -> Result``.

The quiz widget's JavaScript (``js/lib/grade.js``) implements the same rules so that
a static page with no kernel can check answers. The browser tests assert that the
two agree — correctness *and* feedback text — for every question in the book.

Responses, by question type (indexes refer to the order in the data file):

============  ===========================================================
single        index of the chosen option
true-false    index of the chosen option
multiple      list of chosen option indexes (order does not matter)
numeric       a number
order         item indexes in the order the student put them
match         for each left item, the index of the right item chosen
============  ===========================================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

MISSED_OPTION = "At least one correct option is not selected yet."


@dataclass(frozen=True)
class Result:
    """``feedback`` is everything there is to say about the response (shown once the
    answer is revealed); ``hint`` is what a wrong try shows before that: the chosen
    option's own feedback, never the right answer; ``rows`` are the rows of an order or
    match question that are wrong (positions, or left items), to mark without saying
    what is right."""

    correct: bool
    feedback: list[str] = field(default_factory=list)
    hint: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


class ResponseError(ValueError):
    """A response that does not fit the question (wrong type, index out of range)."""


def _index(value: Any, size: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        raise ResponseError(f"expected an option number from 0 to {size - 1}, got {value!r}")
    return value


def _indexes(value: Any, size: int) -> list[int]:
    if not isinstance(value, (list, tuple)):
        raise ResponseError(f"expected a list of option numbers, got {value!r}")
    return [_index(v, size) for v in value]


def _choice(question, response) -> Result:
    chosen = _index(response, len(question.options))
    option = question.options[chosen]
    return Result(option.correct, [option.feedback], [option.feedback])


def _multiple(question, response) -> Result:
    chosen = sorted(set(_indexes(response, len(question.options))))
    if not chosen:
        raise ResponseError("choose at least one option")
    correct = {i for i, o in enumerate(question.options) if o.correct}
    feedback = [question.options[i].feedback for i in chosen]
    missed = correct - set(chosen)
    hint = [question.options[i].feedback for i in chosen if i not in correct]
    if missed:
        feedback.append(MISSED_OPTION)
        hint.append(MISSED_OPTION)
    if set(chosen) == correct:
        return Result(True, feedback, feedback)
    return Result(False, feedback, hint)


def _numeric(question, response) -> Result:
    if isinstance(response, bool) or not isinstance(response, (int, float)) or not math.isfinite(response):
        raise ResponseError(f"expected a number, got {response!r}")
    # A tiny epsilon so that 4.5 with tolerance 0.5 around 4 counts, despite float rounding.
    if abs(response - question.answer) <= question.tolerance + 1e-9:
        return Result(True, [question.feedback.correct], [question.feedback.correct])
    said = question.feedback.low if response < question.answer else question.feedback.high
    return Result(False, [said], [said])


def _permutation(value: Any, size: int) -> list[int]:
    order = _indexes(value, size)
    if sorted(order) != list(range(size)):
        raise ResponseError(f"expected each of the {size} items exactly once, got {value!r}")
    return order


def _order(question, response) -> Result:
    order = _permutation(response, len(question.items))
    right = sum(1 for position, item in enumerate(order) if position == item)
    total = len(question.items)
    if right == total:
        every = [item.feedback for item in question.items]
        return Result(True, every, every)
    misplaced = [question.items[item].feedback for position, item in enumerate(order) if position != item]
    count = f"{right} of {total} items are in the right place."
    rows = [position for position, item in enumerate(order) if position != item]
    return Result(False, [count, *misplaced], [count], rows)


def _match(question, response) -> Result:
    total = len(question.pairs)
    if not isinstance(response, (list, tuple)) or len(response) != total:
        raise ResponseError(f"expected a choice for each of the {total} items, got {response!r}")
    choices = [None if v is None else _index(v, total) for v in response]
    right = sum(1 for left, chosen in enumerate(choices) if chosen == left)
    if right == total:
        every = [pair.feedback for pair in question.pairs]
        return Result(True, every, every)
    wrong = [question.pairs[left].feedback for left, chosen in enumerate(choices) if chosen != left]
    count = f"{right} of {total} pairs are right."
    rows = [left for left, chosen in enumerate(choices) if chosen != left]
    return Result(False, [count, *wrong], [count], rows)


_GRADERS = {
    "single": _choice,
    "true-false": _choice,
    "multiple": _multiple,
    "numeric": _numeric,
    "order": _order,
    "match": _match,
}


def grade(question, response) -> Result:
    """Grade one response to one question (a validated record from ``data/quizzes``)."""
    return _GRADERS[question.type](question, response)


def correct_response(question) -> Any:
    """A response that ``grade`` marks correct: used by tests and the instructor edition."""
    if question.type in ("single", "true-false"):
        return next(i for i, o in enumerate(question.options) if o.correct)
    if question.type == "multiple":
        return [i for i, o in enumerate(question.options) if o.correct]
    if question.type == "numeric":
        return question.answer
    if question.type == "order":
        return list(range(len(question.items)))
    return list(range(len(question.pairs)))


def wrong_responses(question) -> list[Any]:
    """Responses that ``grade`` marks wrong, one per distinct kind of mistake."""
    if question.type in ("single", "true-false"):
        return [i for i, o in enumerate(question.options) if not o.correct]
    if question.type == "multiple":
        right = [i for i, o in enumerate(question.options) if o.correct]
        wrong = [i for i, o in enumerate(question.options) if not o.correct]
        responses = [[w] for w in wrong]
        if len(right) > 1:
            responses.append(right[:1])  # a correct option alone, others missed
        return responses
    if question.type == "numeric":
        step = max(question.tolerance * 2, abs(question.answer) * 0.5, 1.0)
        return [question.answer - step, question.answer + step]
    n = len(question.items) if question.type == "order" else len(question.pairs)
    reversed_ = list(range(n))[::-1]
    rotated = list(range(1, n)) + [0]
    return [reversed_, rotated] if reversed_ != rotated else [rotated]
