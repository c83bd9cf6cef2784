"""The quiz widget: one chapter's questions from ``data/quizzes/<chapter>.yaml``.

>>> q = quiz("iran-bargaining-chip")          # in a notebook: shows the live quiz
>>> q.answer("gore-chernomyrdin-year", 0)     # answer from Python (the page updates)
>>> q.score                                   # {'correct': 1, 'answered': 1, 'total': 12}

Every check is a try (``tries``: question id -> {tries: [{time, raw}], shown}); the
score counts first tries. In the static book, the questions a bank places in the
reading (``in_reading``) are drawn after their paragraph by the ``{article}`` directive
(:func:`inline_html`), and the chapter's quiz is the review of the others.
"""

from __future__ import annotations

import datetime
from typing import Any

import traitlets as t

from .. import answers as contract
from ..book import Book, current_book
from ..grading import ResponseError, Result, grade
from .base import BookWidget, module_path, widget_html


def question_state(book: Book, question) -> dict:
    """What the page needs to show and check one question."""
    state = question.model_dump(exclude={"cite"})
    objective = book.objectives.get(question.objective)
    chapter = book.chapter_of_question(question.id)
    state.update(
        qualified=contract.qualified_id(chapter, question.id),
        fingerprint=contract.question_fingerprint(question),
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
    tries = t.Dict().tag(sync=True)
    persist = t.Bool(False).tag(sync=True)
    storage_namespace = t.Unicode().tag(sync=True)
    legacy_namespace = t.Unicode().tag(sync=True)
    seed = t.Unicode().tag(sync=True)  # "" : a seed of the student's own (tests fix one)
    review = t.Bool(True).tag(sync=True)
    placed = t.List().tag(sync=True)  # questions drawn in the reading (static book), scored here

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
            legacy_namespace=book.legacy_namespace,
            **kwargs,
        )
        self._update_score()

    @property
    def element_id(self) -> str:
        return f"cb-quiz-{self.chapter}"

    def static_state(self) -> dict:
        state = super().static_state()
        # A page starts with the student's own answers, from localStorage.
        state.update(answers={}, tries={}, **page_links(self._book))
        # Drawn after their paragraph by the {article} directive; scored in the review.
        state["placed"] = list(self._book.quiz_files[self.chapter].in_reading)
        return state

    # --- Python side --------------------------------------------------------------------

    def answer(self, question_id: str, response: Any) -> Result:
        """Answer one question (as a student would in the page) and return its result."""
        question = self._question(question_id)
        result = grade(question, response)
        record = self.tries.get(question_id, {"tries": [], "shown": False})
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        self.tries = {
            **self.tries,
            question_id: {**record, "tries": [*record["tries"], {"time": now, "raw": response}]},
        }
        self.answers = {**self.answers, question_id: response}
        return result

    def show_answer(self, question_id: str) -> None:
        """As the student's "Show the answer" button: recorded."""
        self._question(question_id)
        record = self.tries.get(question_id, {"tries": [], "shown": False})
        self.tries = {**self.tries, question_id: {**record, "shown": True}}

    def result(self, question_id: str) -> Result | None:
        question = self._question(question_id)
        if question_id not in self.answers:
            return None
        return grade(question, self.answers[question_id])

    def reset(self) -> None:
        self.tries = {}
        self.answers = {}

    def _question(self, question_id: str):
        try:
            return self._records[question_id]
        except KeyError:
            raise KeyError(f"no question “{question_id}” in the {self.chapter} quiz") from None

    @t.observe("tries")
    def _on_tries(self, change) -> None:
        self._update_score()

    def _update_score(self) -> None:
        """First tries count, graded again against the current key."""
        correct = answered = 0
        for question_id, record in self.tries.items():
            question = self._records.get(question_id)
            first = _first_result(question, record) if question is not None else None
            if first is not None:
                answered += 1
                correct += first.correct
        self.score = {"correct": correct, "answered": answered, "total": len(self._records)}


def _first_result(question, record) -> Result | None:
    for attempt in record.get("tries", []) if isinstance(record, dict) else []:
        try:
            return grade(question, attempt.get("raw"))
        except (ResponseError, AttributeError):
            continue  # an unreadable try does not count
    return None


def page_links(book: Book) -> dict:
    """What a quiz in the static book links to: the progress page, and every chapter's
    questions (to mark the chapters done in the sidebar)."""
    return {
        "progress_href": book.chapters["progress"].page if "progress" in book.chapters else "",
        "book_chapters": {
            chapter: [contract.qualified_id(chapter, q.id) for q in questions]
            for chapter, questions in book.quizzes.items()
        },
    }


def inline_html(book: Book, chapter: str, question_id: str) -> str:
    """One question of ``chapter``'s bank, for the page right after its paragraph."""
    question = next(q for q in book.quizzes[chapter] if q.id == question_id)
    state = {
        "chapter": chapter,
        "title": book.chapters[chapter].title,
        "questions": [question_state(book, question)],
        "answers": {},
        "tries": {},
        "persist": True,
        "review": False,
        "seed": "",
        "score": {},
        "placed": [],
        "storage_namespace": book.storage_namespace,
        "legacy_namespace": book.legacy_namespace,
        **page_links(book),
    }
    fallback = "This question on the paragraph above needs JavaScript in your browser."
    return widget_html("quiz", f"cb-quiz-{chapter}-{question_id}", state, fallback)


def quiz(chapter: str) -> Quiz:
    """The quiz for one chapter, ready to display."""
    return Quiz(chapter)
