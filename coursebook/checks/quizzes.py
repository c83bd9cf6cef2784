"""Rules about ``data/objectives.yaml`` and ``data/quizzes/``."""

from __future__ import annotations

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
                    question, "passage",
                    f"the passage {question.passage} is in chapter “{where.chapter}”, not in this bank’s chapter “{chapter}”",
                )


@rule(needs=("objectives",))
def question_objectives_exist(book, report: Problems) -> None:
    for question in book.questions():
        if question.objective not in book.objectives:
            report.at(
                question, "objective",
                f"the objective “{question.objective}” is not in data/objectives.yaml{close(question.objective, book.objectives)}",
            )


@rule(needs=("objectives", "chapters"))
def question_objectives_in_chapter(book, report: Problems) -> None:
    for chapter, questions in book.quizzes.items():
        for question in questions:
            objective = book.objectives.get(question.objective)
            if objective is not None and objective.chapter != chapter and objective.chapter in book.chapters:
                report.at(
                    question, "objective",
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
                report.at(quiz, "in_reading", f"in_reading names “{qid}”, which is not a question of this bank{close(qid, bank)}")
            elif bank[qid].passage not in paragraphs:
                report.at(quiz, "in_reading", f"“{qid}” tests {bank[qid].passage}, which is not in this chapter’s reading, "
                                               "so it cannot be placed after its paragraph")
        if quiz.chapter in own and not quiz.in_reading:
            report.at(quiz, "chapter", "an article chapter places at least one question in its reading: "
                                       "list its id under “in_reading” (it is shown right after the paragraph it tests)")
        if quiz.in_reading and set(quiz.in_reading) >= set(bank):
            report.at(quiz, "in_reading", "every question is placed in the reading; keep at least one for the review at the end")
