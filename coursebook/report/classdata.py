"""A class's answer files as DataFrames, every try graded again against the current book.

``load_class(files, book)`` reads the files (:mod:`.reading`), keeps each student's
latest export, warns about files graded against other answer keys (naming the
questions whose key changed), grades every try's ``raw`` response with
:func:`coursebook.grading.grade` and returns a :class:`ClassData`. The stored
``correct`` flags are never read: a verdict from an older key must not count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..answers import book_fingerprints, qualified_id
from ..grading import ResponseError, grade
from ..lessons import think_prompts
from .reading import Export, expand, read_files

TRY_COLUMNS = ["student", "source", "question", "chapter", "type", "try", "time", "raw", "response", "correct"]
RECORD_COLUMNS = ["student", "question", "chapter", "objective", "tries", "first_correct", "answer_shown", "asked"]
WRITTEN_COLUMNS = ["student", "prompt", "chapter", "text", "time"]


@dataclass
class ClassData:
    """What the report shows, as DataFrames an instructor can explore."""

    book: object
    tries: pd.DataFrame  # one row per try, graded again (TRY_COLUMNS)
    records: pd.DataFrame  # one row per student and question tried or shown (RECORD_COLUMNS)
    written: pd.DataFrame  # one row per written answer (WRITTEN_COLUMNS)
    students: pd.DataFrame  # one row per student: the file used, its export time
    problems: list[str] = field(default_factory=list)  # files that could not be used
    warnings: list[str] = field(default_factory=list)  # files used, with something to know

    @property
    def usable(self) -> bool:
        return not self.students.empty


def book_id(book) -> str:
    """The stable book id exports carry (the manifest's, else the article's citation key)."""
    return getattr(book, "book_id", None) or book.article.info.cite


def book_prompts(book) -> list[tuple[str, str, str]]:
    """(id, chapter, text) of every "Think it through" prompt, in reading order: the records
    of data/prompts.yaml, or, in a book without them, each chapter's bulleted list."""
    if getattr(book, "prompts", None):
        found = [(p.id, p.chapter, p.text) for p in book.prompts.values()]
    else:
        found = [
            (f"{chapter}-think-{n}", chapter, text)
            for chapter, page in book.chapters.items()
            for n, text in enumerate(think_prompts(page.path.read_text(encoding="utf-8")), start=1)
        ]
    order = {chapter: n for n, chapter in enumerate(book.reading_order())}
    return sorted(found, key=lambda p: order.get(p[1], len(order)))


def question_index(book) -> dict[str, tuple[str, object]]:
    """Qualified question id -> (chapter, question record), in reading order."""
    return {
        qualified_id(chapter, q.id): (chapter, q) for chapter, questions in book.ordered_quizzes() for q in questions
    }


def load_class(files: list[Path | str], book) -> ClassData:
    """Read answer files (a folder stands for the .json and .csv files in it)."""
    exports, problems = read_files(expand([Path(f) for f in files]))
    ours = book_id(book)
    for export in [e for e in exports if e.book != ours]:
        problems.append(f"{export.source}: answers for another book (“{export.book}”), not this one (“{ours}”).")
    exports = [e for e in exports if e.book == ours]
    chosen, warnings = latest_exports(exports)
    warnings += key_warnings(chosen, book)
    tries, records, more = graded(chosen, book)
    return ClassData(book, tries, records, _written(chosen), _students(chosen), problems, warnings + more)


def student_label(export: Export) -> str:
    return export.student or f"(no name) {Path(export.source).name}"


def latest_exports(exports: list[Export]) -> tuple[list[Export], list[str]]:
    """Each student's latest export (by its ``exported`` time; on a tie, or when a time is
    not a date, the later file given). Names are compared without regard to case."""
    by_student: dict[str, list[Export]] = {}
    for export in exports:
        by_student.setdefault(student_label(export).casefold(), []).append(export)
    chosen, warnings = [], []
    for handed in by_student.values():
        times = pd.to_datetime(pd.Series([e.exported for e in handed]), utc=True, errors="coerce", format="ISO8601")
        warnings += [
            f"{e.source}: its export time {e.exported!r} is not a date." for e, t in zip(handed, times) if pd.isna(t)
        ]
        order = sorted(
            range(len(handed)),
            key=lambda i: (pd.Timestamp.min.tz_localize("UTC") if pd.isna(times[i]) else times[i], i),
        )
        latest = handed[order[-1]]
        chosen.append(latest)
        if len(handed) > 1:
            older = ", ".join(handed[i].source for i in order[:-1])
            warnings.append(
                f"{student_label(latest)} handed in {len(handed)} times: using {latest.source} "
                f"(exported {latest.exported}), not {older}."
            )
    return chosen, warnings


def key_warnings(exports: list[Export], book) -> list[str]:
    """One warning per file graded against other answer keys, naming what changed."""
    current, per_question = book_fingerprints(book)
    warnings = []
    for export in exports:
        changed = sorted(q for q, fp in export.fingerprints.items() if q in per_question and per_question[q] != fp)
        gone = sorted(q for q in export.fingerprints if q not in per_question)
        if export.keys_fingerprint == current and not changed and not gone:
            continue
        parts = [
            f"{export.source}: graded in the page against other answer keys ({export.keys_fingerprint}; the book's are {current})."
        ]
        if changed:
            parts.append(
                f"The key of {len(changed)} question(s) changed since: {', '.join(changed)}; their tries are graded again against the current key."
            )
        if gone:
            parts.append(f"{len(gone)} question(s) are no longer in the book and are left out: {', '.join(gone)}.")
        warnings.append(" ".join(parts))
    return warnings


def graded(exports: list[Export], book) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(tries graded again, one record per student and question, warnings)."""
    index = question_index(book)
    rows, warnings = [], []
    for export in exports:
        for attempt in export.tries:
            if attempt["question"] not in index:
                continue  # said once per file by key_warnings
            question = index[attempt["question"]][1]
            try:
                correct = grade(question, attempt["raw"]).correct
            except (ResponseError, TypeError) as exc:
                warnings.append(
                    f"{export.where[(attempt['question'], attempt['try'])]}: this try does not fit the "
                    f"current question ({exc}); it is left out."
                )
                continue
            rows.append({**attempt, "student": student_label(export), "source": export.source, "correct": correct})
    tries = pd.DataFrame(rows, columns=TRY_COLUMNS).sort_values(["student", "question", "try"], kind="stable")
    return tries.reset_index(drop=True), _records(tries, exports, index), warnings


def _records(tries: pd.DataFrame, exports: list[Export], index) -> pd.DataFrame:
    """Per student and question: tries, first-try result, answer shown, and asked for."""
    shown = pd.DataFrame(
        [
            {"student": student_label(e), "question": q, "answer_shown": s}
            for e in exports
            for q, s in e.shown.items()
            if q in index
        ],
        columns=["student", "question", "answer_shown"],
    )
    per = (
        tries.groupby(["student", "question"], sort=False)
        .agg(
            tries=("try", "size"),
            first_correct=("correct", "first"),
            second_correct=("correct", lambda c: bool(c.iloc[1]) if len(c) > 1 else None),
        )
        .reset_index()
    )
    records = per.merge(shown, on=["student", "question"], how="outer")
    records["tries"] = records["tries"].fillna(0).astype(int)
    records["answer_shown"] = records["answer_shown"].fillna(False).astype(bool)
    # The page shows the answer by itself after two wrong tries; shown otherwise, it was asked for.
    two_wrong = (records["tries"] >= 2) & (records["first_correct"] == False) & (records["second_correct"] == False)  # noqa: E712
    records["asked"] = records["answer_shown"] & ~two_wrong
    records["chapter"] = records["question"].map(lambda q: index[q][0])
    records["objective"] = records["question"].map(lambda q: index[q][1].objective)
    order = {q: n for n, q in enumerate(index)}
    records = records.sort_values(["student", "question"], key=lambda s: s.map(order) if s.name == "question" else s)
    return records[RECORD_COLUMNS].reset_index(drop=True)


def _written(exports: list[Export]) -> pd.DataFrame:
    rows = [{**w, "student": student_label(e)} for e in exports for w in e.written]
    return pd.DataFrame(rows, columns=WRITTEN_COLUMNS)


def _students(exports: list[Export]) -> pd.DataFrame:
    rows = [
        {"student": student_label(e), "source": e.source, "exported": e.exported, "edition": e.edition} for e in exports
    ]
    frame = pd.DataFrame(rows, columns=["student", "source", "exported", "edition"])
    return frame.sort_values("student", key=lambda s: s.str.casefold()).reset_index(drop=True)
