"""The contract between the quiz pages and the instructor's tools: answer-key fingerprints
and the file a student downloads from the progress page.

A static page carries its answer keys, so an export says which keys it was graded
against. ``question_fingerprint`` hashes what decides a question's grade (prompt,
options or items, and which are correct), not its feedback wording, so rewording a
hint does not make old exports look stale. ``keys_fingerprint`` hashes all of them.
The build writes both into the page; the class report compares them with the
current book and names the questions whose key changed.

The exported JSON (``AnswersExport``) is versioned. Responses are stored twice: as
indexes in *file order* (``raw``, what the grader needs to grade again) and as the
option texts the student saw (``response``, what an instructor reads).

The CSV export has one row per try, with the columns in ``CSV_COLUMNS``; written
answers are rows whose ``type`` is ``written`` (``question`` holds the prompt id,
``response`` the text). Storage keys in the browser are namespaced by
``storage_namespace(book id, edition)``; the book id is the manifest's ``book_id``
(the article's citation key when the manifest has none).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

FORMAT = "coursebook-answers"
VERSION = 2
_IGNORED = frozenset({"feedback", "explanation", "cite", "objective", "level", "line", "claim"})


def _graded_part(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _graded_part(v) for k, v in sorted(value.items()) if k not in _IGNORED}
    if isinstance(value, list):
        return [_graded_part(v) for v in value]
    return value


def _digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def qualified_id(chapter: str, question_id: str) -> str:
    return f"{chapter}/{question_id}"


def question_fingerprint(question) -> str:
    """Hash of what decides the grade of one question (a validated quiz record)."""
    return _digest(_graded_part(question.model_dump(mode="json")))


def keys_fingerprint(questions: Iterable[tuple[str, Any]]) -> str:
    """Hash of every question's fingerprint; ``questions`` yields (chapter, question)."""
    return _digest(sorted(f"{qualified_id(c, q.id)}:{question_fingerprint(q)}" for c, q in questions))


def book_fingerprints(book) -> tuple[str, dict[str, str]]:
    """(fingerprint of all keys, qualified question id -> question fingerprint) for a book."""
    pairs = [(chapter, q) for chapter, questions in book.quizzes.items() for q in questions]
    per_question = {qualified_id(c, q.id): question_fingerprint(q) for c, q in pairs}
    return keys_fingerprint(pairs), per_question


CSV_COLUMNS = (
    "student",
    "book",
    "title",
    "edition",
    "exported",
    "keys_fingerprint",
    "question",
    "chapter",
    "type",
    "fingerprint",
    "try",
    "time",
    "response",
    "raw",
    "correct",
    "answer_shown",
)


def storage_namespace(book_id: str, edition: str) -> str:
    return f"coursebook:{book_id}:{edition}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Try(_Strict):
    time: str  # ISO 8601, from the student's clock
    raw: Any  # response as indexes in file order (see coursebook.grading)
    response: Any  # the same response as the texts the student saw
    correct: bool  # as graded in the page; the report grades ``raw`` again


class QuestionRecord(_Strict):
    id: str  # qualified id: "<chapter>/<question id>"
    chapter: str
    type: str
    fingerprint: str  # question_fingerprint of the key the page graded against
    tries: list[Try]
    answer_shown: bool = False  # "Show the answer" pressed, or shown after a second wrong try


class WrittenAnswer(_Strict):
    prompt: str  # prompt id from data/prompts.yaml
    chapter: str
    text: str
    time: str


class AnswersExport(_Strict):
    format: Literal["coursebook-answers"]
    version: Literal[2]
    book: str  # stable book id (manifest)
    title: str
    edition: str
    student: str
    exported: str  # ISO 8601
    keys_fingerprint: str
    questions: list[QuestionRecord]
    written: list[WrittenAnswer] = []
    readings: list[dict[str, Any]] = []  # saved model readings, as the page stores them
