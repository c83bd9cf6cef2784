"""Rules about ``data/objectives.yaml`` and ``data/quizzes/``."""

from __future__ import annotations

import re

from ..errors import Problems
from ..sources import unique_ids
from . import rule
from .common import chapter_exists, close, paragraph_exists


@rule(needs=("chapters",))
def objective_chapters_exist(book, report: Problems) -> None:
    for objective in book.objectives.values():
        chapter_exists(book, objective, "chapter", objective.chapter, report)


@rule(needs=("chapters",))
def quiz_chapters_exist(book, report: Problems) -> None:
    for quiz in book.quiz_files.values():
        chapter_exists(book, quiz, "chapter", quiz.chapter, report)


@rule(needs=("quizzes",))
def question_ids_unique(book, report: Problems) -> None:
    """Ids are unique across every bank (progress and analytics key on them)."""
    seen: dict = {}
    for quiz in book.quiz_files.values():
        unique_ids(list(quiz.questions), report, seen)


@rule()
def passages_exist(book, report: Problems) -> None:
    for question in book.questions():
        paragraph_exists(book, question, "passage", question.passage, report)


@rule()
def passages_in_own_chapter(book, report: Problems) -> None:
    """A question's passage is in the chapter whose bank holds it, or is the paragraph
    that the chapter's pull quote repeats (the closing chapter, which has no passage of
    its own, may point anywhere in the article)."""
    own = {c.id for c in book.article.chapters}
    for chapter, questions in book.quizzes.items():
        if chapter not in own:
            continue
        repeated = {line.repeats for line in book.article.chapter_lines(chapter) if line.repeats}
        for question in questions:
            where = book.article.paragraphs.get(question.passage)
            if where is not None and where.chapter != chapter and question.passage not in repeated:
                report.at(
                    question,
                    "passage",
                    f"the passage {question.passage} is in chapter “{where.chapter}”, not in this bank’s chapter “{chapter}”",
                )


@rule(needs=("objectives",))
def question_objectives_exist(book, report: Problems) -> None:
    for question in book.questions():
        if question.objective not in book.objectives:
            report.at(
                question,
                "objective",
                f"the objective “{question.objective}” is not in data/objectives.yaml{close(question.objective, book.objectives)}",
            )


@rule(needs=("objectives", "chapters"))
def question_objectives_in_chapter(book, report: Problems) -> None:
    for chapter, questions in book.quizzes.items():
        for question in questions:
            objective = book.objectives.get(question.objective)
            if objective is not None and objective.chapter != chapter and objective.chapter in book.chapters:
                report.at(
                    question,
                    "objective",
                    f"the objective “{question.objective}” belongs to chapter “{objective.chapter}”, not “{chapter}”",
                )


@rule(needs=("quizzes",))
def questions_in_reading(book, report: Problems) -> None:
    """``in_reading`` names questions of the bank whose paragraph is in the chapter's own
    reading; an article chapter places at least one there and keeps one for the review."""
    own = {c.id for c in book.article.chapters}
    for quiz in book.quiz_files.values():
        bank = {q.id: q for q in quiz.questions}
        paragraphs = set(book.chapter_paragraphs(quiz.chapter)) if quiz.chapter in own else set()
        for qid in quiz.in_reading:
            if qid not in bank:
                report.at(
                    quiz,
                    "in_reading",
                    f"in_reading names “{qid}”, which is not a question of this bank{close(qid, bank)}",
                )
            elif bank[qid].passage not in paragraphs:
                report.at(
                    quiz,
                    "in_reading",
                    f"“{qid}” tests {bank[qid].passage}, which is not in this chapter’s reading, "
                    "so it cannot be placed after its paragraph",
                )
        if quiz.chapter in own and bank and not quiz.in_reading:  # (an empty bank: a new book's, to be written)
            report.at(
                quiz,
                "chapter",
                "an article chapter places at least one question in its reading: "
                "list its id under “in_reading” (it is shown right after the paragraph it tests)",
            )
        if quiz.in_reading and set(quiz.in_reading) >= set(bank):
            report.at(
                quiz,
                "in_reading",
                "every question is placed in the reading; keep at least one for the review at the end",
            )


@rule(needs=("claims",))
def question_claims_exist(book, report: Problems) -> None:
    """A question that judges a claim names it by its id in data/claims.yaml."""
    for question in book.questions():
        if question.claim is not None and question.claim not in book.claims:
            report.at(
                question,
                "claim",
                f"the claim “{question.claim}” is not in data/claims.yaml{close(question.claim, book.claims)}",
            )


LONGEST_KEY_LIMIT = 0.4  # above this share of a bank's single-answer questions, length gives the key away


def keyed_longest(question) -> bool:
    """The keyed option of a single-answer question is longer than every other option."""
    key = next(o for o in question.options if o.correct)
    return all(len(key.text) > len(o.text) for o in question.options if o is not key)


@rule(needs=("quizzes",))
def no_length_tell(book, report: Problems) -> None:
    """A student who always picks the longest option must not pass: per bank, the keyed
    answer is the strictly longest option in at most 40 % of the single-answer questions."""
    for quiz in book.quiz_files.values():
        singles = [q for q in quiz.questions if q.type == "single"]
        longest = [q.id for q in singles if keyed_longest(q)]
        if singles and len(longest) / len(singles) > LONGEST_KEY_LIMIT:
            report.at(
                quiz,
                None,
                f"in {len(longest)} of the {len(singles)} single-answer questions the right answer is the longest option "
                f"({', '.join(longest)}); a student who always picks the longest option scores "
                f"{round(100 * len(longest) / len(singles))} %. Shorten the right answers or lengthen the others "
                f"until it is at most {round(100 * LONGEST_KEY_LIMIT)} %",
            )


QUOTED_RUN = 5  # this many words of the right answer, in a wrong option's feedback, give it away


def _runs(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _quotes_key(question, option, key) -> bool:
    """``option``'s feedback repeats the keyed text: all of it, or a run of words from it
    that neither the prompt nor the wrong option itself already holds."""
    said = _runs(option.feedback, QUOTED_RUN)
    if " ".join(re.findall(r"\w+", key.text.lower())) in " ".join(re.findall(r"\w+", option.feedback.lower())):
        return True
    shared = _runs(question.prompt, QUOTED_RUN) | _runs(option.text, QUOTED_RUN)
    return bool((_runs(key.text, QUOTED_RUN) & said) - shared)


@rule(needs=("quizzes",))
def wrong_feedback_keeps_the_key(book, report: Problems) -> None:
    """A wrong try shows that option's feedback; it says why the option is wrong and
    where to re-read, but must not hand over the right answer's words."""
    for question in book.questions():
        if question.type not in ("single", "multiple"):
            continue
        keys = [o for o in question.options if o.correct]
        for option in question.options:
            if option.correct:
                continue
            for key in keys:
                if _quotes_key(question, option, key):
                    report.at(
                        option,
                        "feedback",
                        f"the feedback of the wrong option “{option.text}” repeats the right answer “{key.text}”; "
                        "say why this option is wrong and which ¶ to re-read, and leave the answer to the explanation",
                    )
                    break


def _shown_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@rule(needs=("quizzes",))
def numeric_hints_keep_the_answer(book, report: Problems) -> None:
    """The "too low" and "too high" feedback of a numeric question is shown on a wrong
    try, so it must not state the answer (the explanation may)."""
    for question in book.questions():
        if question.type != "numeric":
            continue
        answer = re.compile(rf"(?<![\d.]){re.escape(_shown_number(question.answer))}(?![\d]|\.\d)")
        for side in ("low", "high"):
            if answer.search(getattr(question.feedback, side)):
                report.at(
                    question.feedback,
                    side,
                    f"the “{side}” feedback gives the answer {_shown_number(question.answer)}; "
                    "say which ¶ or event to look at instead, and leave the answer to the explanation",
                )
