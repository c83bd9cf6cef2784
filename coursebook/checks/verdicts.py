"""One verdict per claim: ``claims.yaml`` holds it, and notes and questions refer to it.

A note (or a question) that judges one of the article's claimed sentences names the
claim (``claim: <id>``) and the page shows the claim's verdict; a note or question that
writes its own verdict word ("borne out", "partly", "not checkable") on a claimed
sentence, without naming the claim, could disagree with the table, and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problems
from ..schemas import Record
from . import rule
from .common import close

#: The words that give a verdict on a claim (case does not matter).
VERDICT_WORDS = re.compile(
    r"\b(?:(?:not|partly|mostly|largely|only partly|fully|mostly not)\s+)?borne out\b"
    r"|\bnot checkable\b|\bhard to check\b|\bproved (?:right|wrong|correct|mistaken)\b"
    r"|\bpartly (?:right|true|correct|wrong|so|fulfilled)\b|^\s*partly\s*[.:;,—–-]",
    re.IGNORECASE | re.MULTILINE,
)


def verdict_word(text: str) -> str | None:
    match = VERDICT_WORDS.search(text)
    return match.group(0).strip(" .:;,—–-") if match else None


def _claimed_spans(book) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in book.claims.values():
        text = book.article.paragraphs.get(claim.paragraph)
        if text is not None and text.text.count(claim.quote) == 1:
            start = text.text.index(claim.quote)
            spans.setdefault(claim.paragraph, []).append((start, start + len(claim.quote)))
    return spans


def _on_claimed_words(book, note, spans) -> bool:
    line = book.article.paragraphs.get(note.paragraph)
    if line is None or line.text.count(note.quote) != 1:
        return False
    start = line.text.index(note.quote)
    end = start + len(note.quote)
    return any(a < end and start < b for a, b in spans.get(note.paragraph, []))


@rule(needs=("claims",))
def note_claims_exist(book, report: Problems) -> None:
    for note in book.annotations.values():
        if note.claim is not None and note.claim not in book.claims:
            report.at(
                note, "claim", f"the claim “{note.claim}” is not in data/claims.yaml{close(note.claim, book.claims)}"
            )


@rule(needs=("claims",))
def notes_leave_the_verdict_to_the_claim(book, report: Problems) -> None:
    spans = _claimed_spans(book)
    for note in book.annotations.values():
        word = verdict_word(note.note)
        if word is None:
            continue
        if note.claim is not None:
            report.at(
                note,
                "note",
                f"this note names the claim “{note.claim}”, whose verdict the page shows; drop its own verdict (“{word}”)",
            )
        elif _on_claimed_words(book, note, spans):
            report.at(
                note,
                "note",
                f"this note gives a verdict (“{word}”) on words that data/claims.yaml judges; name the claim with “claim:” and let the page show its verdict",
            )


def _texts(record) -> Iterator[tuple[object, str, str]]:
    """(record, field, text) for every text inside a question, nested records included."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if isinstance(item, str):
                yield record, name, item
            elif isinstance(item, Record):
                yield from _texts(item)


@rule(needs=("claims", "quizzes"))
def questions_leave_the_verdict_to_the_claim(book, report: Problems) -> None:
    claimed = {c.paragraph for c in book.claims.values()}
    for question in book.questions():
        if "claim" not in type(question).model_fields:
            continue  # questions cannot name a claim yet (the field comes with the quiz schema)
        if getattr(question, "claim", None) is not None:  # checked by quizzes.question_claims_exist
            continue
        if question.passage not in claimed:
            continue
        for record, name, text in _texts(question):
            word = verdict_word(text)
            if word:
                report.at(
                    record,
                    name,
                    f"this question gives a verdict (“{word}”) on ¶{question.passage[1:]}, which data/claims.yaml judges; name the claim with “claim:” so that it cannot disagree with the table",
                )
                break
