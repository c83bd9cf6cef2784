"""``python -m coursebook export-qti --out _build/qti/``: one QTI 1.2 package per chapter,
for a learning platform that grades (Canvas imports them under Settings → Import
course content → QTI .zip file).

The packages are written by text2qti (PyPI): this module writes each chapter's
questions in text2qti's plain-text format, with every text escaped so that nothing in
it is read as Markdown, HTML or LaTeX, and text2qti turns that into QTI. What text2qti
can carry:

=============  ==============================================================
single         multiple choice, one key, each option's own feedback
true-false     true/false (the options True and False)
multiple       multiple answers, each option's own feedback
numeric        numerical, the answer with its tolerance
prompts        each "Think it through" prompt of the chapter, as an essay
=============  ==============================================================

Order and match questions have no text2qti form (QTI 1.2 itself has ordering and
matching, but text2qti writes neither), so they are left out; the README written
beside the packages lists them, chapter by chapter, for the instructor to add by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from text2qti.config import Config
from text2qti.err import Text2qtiError
from text2qti.qti import QTI
from text2qti.quiz import Quiz

from .report.classdata import book_prompts

CARRIED = ("single", "true-false", "multiple", "numeric")
NOT_CARRIED = {"order": "ordering", "match": "matching"}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$'\"])")  # smarty turns bare quotes curly


class OutError(Exception):
    """The --out folder cannot be used."""


@dataclass
class ChapterQuiz:
    chapter: str
    title: str
    text: str  # text2qti's plain-text format
    carried: list[str] = field(default_factory=list)  # question ids
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (question id, why: its type, or text2qti's words)
    essays: int = 0


def plain(text: str) -> str:
    """Text that text2qti shows as written: one line, no Markdown, HTML or LaTeX."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _choices(question) -> list[str]:
    lines = []
    for n, option in enumerate(question.options):
        letter = "abcdefghijklmnopqrstuvwxyz"[n]
        if question.type == "multiple":
            mark = "[*]" if option.correct else "[ ]"
        else:
            mark = f"*{letter})" if option.correct else f"{letter})"
        lines += [f"{mark} {plain(option.text)}", f"... {plain(option.feedback)}"]
    return lines


def _numeric(question) -> list[str]:
    if question.tolerance == 0:
        answer = f"= {_number(question.answer)}" + ("" if float(question.answer).is_integer() else " +- 0")
    else:
        answer = f"= [{_number(question.answer - question.tolerance)}, {_number(question.answer + question.tolerance)}]"
    return [f"+ {plain(question.feedback.correct)}", answer]


def question_text(number: int, question) -> str:
    unit = f" (in {question.unit})" if question.type == "numeric" and question.unit else ""
    lines = [
        f"Title: {question.id}",
        "Points: 1",
        f"{number}. {plain(question.prompt + unit)}",
        f"... {plain(question.explanation)}",
    ]
    lines += _numeric(question) if question.type == "numeric" else _choices(question)
    return "\n".join(lines)


def _refused(block: str) -> str | None:
    """text2qti's reason for refusing one question (a numeric answer of 0, say), or None."""
    try:
        Quiz(block, config=Config())
    except Text2qtiError as exc:
        return str(exc).strip().splitlines()[-1]
    return None


def chapter_quiz(book, chapter: str) -> ChapterQuiz:
    title = book.chapters[chapter].title if chapter in book.chapters else chapter
    quiz = ChapterQuiz(chapter, title, "")
    blocks = [
        f"Quiz title: {title}",
        f"Quiz description: {plain(f'Questions on “{title}” from the course book “{book.article.info.title}”.')}",
        "Shuffle answers: true",
    ]
    number = 0
    for question in book.quizzes[chapter]:
        if question.type not in CARRIED:
            quiz.left_out.append((question.id, question.type))
            continue
        refused = _refused(question_text(1, question))
        if refused:
            quiz.left_out.append((question.id, f"{question.type}: {refused}"))
            continue
        number += 1
        blocks.append(question_text(number, question))
        quiz.carried.append(question.id)
    for prompt_id, _, text in (p for p in book_prompts(book) if p[1] == chapter):
        number += 1
        quiz.essays += 1
        blocks.append(f"Title: {prompt_id}\nPoints: 1\n{number}. {plain(text)}\n___")
    quiz.text = "\n\n".join(blocks) + "\n"
    return quiz


def _readme(book, quizzes: list[ChapterQuiz]) -> str:
    lines = [
        f"# QTI packages: {book.article.info.title}",
        "",
        "One QTI 1.2 package per chapter, written by text2qti. In Canvas: Settings → Import course content →",
        "QTI .zip file. Preview every quiz after importing it.",
        "",
        "## What the packages carry",
        "",
        "- single-choice questions as multiple choice, true/false as true/false, multiple-choice as multiple",
        "  answers, each option with its own feedback and the explanation as general feedback;",
        "- numeric questions as numerical questions, with their tolerance;",
        "- each chapter's “Think it through” prompts as essay questions (graded by hand).",
        "",
        "## What they cannot carry",
        "",
        "text2qti writes no ordering and no matching questions, so these types are left out (and any",
        "question text2qti refuses, with its reason):",
        "",
        *[f"- `{kind}` ({name} questions)" for kind, name in NOT_CARRIED.items()],
        "",
        "Add them by hand in the platform if you need them. Left out, by chapter:",
        "",
    ]
    for quiz in quizzes:
        left = ", ".join(f"{qid} ({kind})" for qid, kind in quiz.left_out) or "none"
        lines.append(
            f"- {quiz.chapter}.zip: {len(quiz.carried)} question(s) and {quiz.essays} essay(s); left out: {left}"
        )
    return "\n".join(lines) + "\n"


def export(book, out: Path) -> list[Path]:
    """Write ``<chapter>.zip`` for every chapter with questions, and README.md; return the paths."""
    if out.exists() and not out.is_dir():
        raise OutError(f"--out {out} is a file; give a folder, such as _build/qti.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutError(f"--out {out}: cannot make the folder ({exc.strerror or exc}).") from None
    quizzes = [chapter_quiz(book, chapter) for chapter, _ in book.ordered_quizzes()]
    written = []
    for quiz in quizzes:
        try:
            package = QTI(Quiz(quiz.text, config=Config(), source_name=quiz.chapter))
        except Text2qtiError as exc:
            raise OutError(f"data/quizzes/{quiz.chapter}.yaml: text2qti cannot write this chapter ({exc}).") from None
        package.save(out / f"{quiz.chapter}.zip")
        written.append(out / f"{quiz.chapter}.zip")
    (out / "README.md").write_text(_readme(book, quizzes), encoding="utf-8")
    return written + [out / "README.md"]
