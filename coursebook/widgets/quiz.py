"""The quiz widget: one chapter's questions from ``data/quizzes/<chapter>.yaml``.

>>> q = quiz("iran-bargaining-chip")          # in a notebook: shows the live quiz
>>> q.answer("gore-chernomyrdin-year", 0)     # answer from Python (the page updates)
>>> q.score                                   # {'correct': 1, 'answered': 1, 'total': 12}
"""

from __future__ import annotations

from typing import Any

import traitlets as t

from ..book import Book, current_book
from ..grading import Result, grade
from .base import BookWidget, module_path


def question_state(book: Book, question) -> dict:
    """What the page needs to show and check one question."""
    state = question.model_dump(exclude={"cite"})
    objective = book.objectives.get(question.objective)
    state.update(
        passage_href=book.passage_link(question.passage),
        passage_label=f"¶{question.passage[1:]}",
        objective_text=objective.text if objective else "",
    )
    return state


class Quiz(BookWidget):
    kind = "quiz"
    _esm = module_path("quiz")
    _css = module_path("quiz").with_suffix(".css")

    chapter = t.Unicode().tag(sync=True)
    title = t.Unicode().tag(sync=True)
    questions = t.List().tag(sync=True)
    answers = t.Dict().tag(sync=True)
    score = t.Dict().tag(sync=True)
    persist = t.Bool(False).tag(sync=True)
    storage_namespace = t.Unicode().tag(sync=True)

    def __init__(self, chapter: str, book: Book | None = None, **kwargs):
        book = book or current_book()
        if chapter not in book.quizzes:
            known = ", ".join(sorted(book.quizzes))
            raise KeyError(f"no quiz for chapter “{chapter}”; quizzes exist for: {known}")
        self._book = book
        self._records = {q.id: q for q in book.quizzes[chapter]}
        super().__init__(
            chapter=chapter,
            title=book.chapters[chapter].title,
            questions=[question_state(book, q) for q in book.quizzes[chapter]],
            storage_namespace=book.storage_namespace,
            **kwargs,
        )
        self._update_score()

    @property
    def element_id(self) -> str:
        return f"cb-quiz-{self.chapter}"

    def static_state(self) -> dict:
        state = super().static_state()
        state["answers"] = {}  # a page starts with the student's own answers, from localStorage
        return state

    # --- Python side --------------------------------------------------------------------

    def answer(self, question_id: str, response: Any) -> Result:
        """Answer one question (as a student would in the page) and return its result."""
        question = self._question(question_id)
        result = grade(question, response)
        self.answers = {**self.answers, question_id: response}
        return result

    def result(self, question_id: str) -> Result | None:
        question = self._question(question_id)
        if question_id not in self.answers:
            return None
        return grade(question, self.answers[question_id])

    def reset(self) -> None:
        self.answers = {}

    def _question(self, question_id: str):
        try:
            return self._records[question_id]
        except KeyError:
            raise KeyError(f"no question “{question_id}” in the {self.chapter} quiz") from None

    @t.observe("answers")
    def _on_answers(self, change) -> None:
        self._update_score()

    def _update_score(self) -> None:
        correct = 0
        for question_id, response in self.answers.items():
            question = self._records.get(question_id)
            if question is not None:
                try:
                    correct += grade(question, response).correct
                except ValueError:
                    pass  # an unreadable response counts as not correct
        self.score = {"correct": correct, "answered": len(self.answers), "total": len(self._records)}


def quiz(chapter: str) -> Quiz:
    """The quiz for one chapter, ready to display."""
    return Quiz(chapter)
