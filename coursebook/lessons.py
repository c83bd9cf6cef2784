"""Lesson plans and the course outline: ``data/lessons.yaml``.

A lesson plan is one class session built on one chapter: what to read before class, the
objectives it works on, and a run sheet of steps (opening question, activities with the
book's models, timeline, claims table or maps, a discussion of the chapter's "Think it
through" prompts, an exit ticket of questions from the chapter's bank). The outline puts
the plans in order, week by week.

:func:`load` validates the file and cross-checks it against the rest of the book. Every
problem is reported as ``data/lessons.yaml:line: message``; the file is optional (a book
without it has no plans). The instructor edition renders the plans
(:mod:`coursebook.sphinxext.lessons`); the student edition shows none of it.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from . import yamlio
from .errors import Problems
from .schemas import Id, Record, Text, validate

FILE = "lessons.yaml"

Part = Literal["opening", "framing", "activity", "discussion", "exit-ticket", "wrap-up"]
PART_LABELS = {
    "opening": "Opening question",
    "framing": "Framing",
    "activity": "Activity",
    "discussion": "Discussion",
    "exit-ticket": "Exit ticket",
    "wrap-up": "Wrap-up",
}
#: Every plan has at least one step of each of these parts.
REQUIRED_PARTS = ("opening", "activity", "discussion", "exit-ticket")
#: What an activity can use besides the slider models (which are named by their id).
TOOLS = {"timeline": "the timeline explorer", "claims": "the claims table", "places": "the maps of places"}
#: Fields that belong to one part only: (field, part, required there, what it is).
PART_FIELDS = (
    ("question", "opening", True, "the question you open with"),
    ("uses", "activity", True, "what the activity works with"),
    ("presets", "activity", False, "model presets to try"),
    ("events", "activity", False, "timeline events"),
    ("claims", "activity", False, "rows of the claims table"),
    ("places", "activity", False, "places on the maps"),
    ("prompts", "discussion", True, "the prompts to discuss"),
    ("questions", "exit-ticket", True, "question ids from the chapter's bank"),
)


class DiscussionPrompt(Record):
    prompt: int | None = Field(default=None, ge=1)  # the n-th "Think it through" prompt
    ask: Text | None = None  # or a question of the plan's own
    misreading: Text
    response: Text

    @model_validator(mode="after")
    def _one_source(self) -> DiscussionPrompt:
        if (self.prompt is None) == (self.ask is None):
            raise ValueError(
                "give either “prompt” (the number of a “Think it through” prompt in the chapter) "
                "or “ask” (a question of your own), not both and not neither"
            )
        return self


class Step(Record):
    part: Part
    minutes: int = Field(ge=1, le=240)
    title: Text
    say: Text | None = None  # what the instructor says, word for word
    do: Text | None = None  # what the instructor and the students do (a discussion may leave it out)
    question: Text | None = None
    uses: list[Id] = []
    presets: list[Id] = []
    events: list[Id] = []
    claims: list[Id] = []
    places: list[Id] = []
    prompts: list[DiscussionPrompt] = []
    questions: list[Id] = []

    @model_validator(mode="after")
    def _fields_fit_the_part(self) -> Step:
        for name, part, required, what in PART_FIELDS:
            value = getattr(self, name)
            if part == self.part and required and not value:
                raise ValueError(f"a step of part “{part}” needs “{name}”: {what}")
            if part != self.part and value:
                raise ValueError(f"“{name}” ({what}) belongs to a step of part “{part}”, not “{self.part}”")
        if self.do is None and self.part != "discussion":
            raise ValueError("“do” is missing: say what the instructor and the students do in this step")
        return self


class Lesson(Record):
    chapter: Id
    practises: Text
    objectives: list[Id] = Field(min_length=1)
    before_class: Text
    after_class: Text | None = None
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_every_part(self) -> Lesson:
        parts = {step.part for step in self.steps}
        missing = [p for p in REQUIRED_PARTS if p not in parts]
        if missing:
            names = ", ".join(f"“{p}”" for p in missing)
            raise ValueError(f"the plan has no step of part {names}; every plan needs: {', '.join(REQUIRED_PARTS)}")
        return self


class Week(Record):
    title: Text
    sessions: list[Id] = Field(min_length=1)  # chapter ids, one lesson plan per session


class LessonsFile(Record):
    session_minutes: int = Field(ge=10, le=240)
    outline: list[Week] = Field(min_length=1)
    lessons: list[Lesson] = Field(min_length=1)

    def lesson(self, chapter: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.chapter == chapter), None)

    def session_number(self, chapter: str) -> int | None:
        sessions = [c for week in self.outline for c in week.sessions]
        return sessions.index(chapter) + 1 if chapter in sessions else None


# --- "Think it through" prompts ------------------------------------------------------------
# A chapter's prompts are records of data/prompts.yaml (Book.chapter_prompts). This reads
# the bullet list that chapters used to carry, for books that still have one.

_THINK_HEADING = re.compile(r"^#{2,6}\s+Think it through\s*$")


def think_prompts(chapter_source: str) -> list[str]:
    """The bullet items under a chapter's "Think it through" heading, as MyST text."""
    lines = chapter_source.split("\n")
    start = next((n for n, line in enumerate(lines) if _THINK_HEADING.match(line)), None)
    if start is None:
        return []
    prompts: list[str] = []
    for line in lines[start + 1 :]:
        if line.startswith(("- ", "* ")):
            prompts.append(line[2:].strip())
        elif prompts and line.startswith("  ") and line.strip():
            prompts[-1] += " " + line.strip()  # an item's continuation line
        elif not line.strip():
            continue
        elif prompts or line.startswith(("#", ":::", "```")):
            break  # the list is over, or a heading or directive came before any item
    return prompts


# --- loading and cross-checks -------------------------------------------------------------


def load(book, problems: Problems) -> LessonsFile | None:
    """Read and check ``data/lessons.yaml``; None when it is absent or invalid."""
    path = book.paths.data / FILE
    if not path.exists():
        return None
    raw = yamlio.load(path, problems)
    if raw is None:
        return None
    if not isinstance(raw, yamlio.LineDict):
        problems.add(path, getattr(raw, "line", 1), "this file must have “session_minutes”, “outline” and “lessons”")
        return None
    lessons = validate(LessonsFile, raw, path=path, problems=problems)
    if lessons is None:
        return None
    _Checker(book, problems, path, raw).run(lessons)
    return lessons


def _close(word: str, choices) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean “{match[0]}”?)" if match else ""


class _Checker:
    """The rules that need the rest of the book, one method per rule."""

    def __init__(self, book, problems: Problems, path: Path, raw: Any):
        self.book = book
        self.problems = problems
        self.path = path
        self.raw = raw

    def add(self, line: int, message: str) -> None:
        self.problems.add(self.path, line, message)

    def failed(self, *names: str) -> bool:
        """Whether one of these data files (or folders) has problems of its own: checks
        against it would only add noise."""
        broken = {p.path for p in self.problems.items}
        for name in names:
            rel = self.problems.rel(self.book.paths.data / name)
            if any(b == rel or b.startswith(rel + "/") for b in broken):
                return True
        return False

    def run(self, lessons: LessonsFile) -> None:
        seen: dict[str, int] = {}
        all_known = True
        for index, lesson in enumerate(lessons.lessons):
            item = self.raw["lessons"][index]
            if not self.chapter(lesson, item.line_of("chapter")):
                all_known = False
                continue
            if lesson.chapter in seen:
                self.add(
                    item.line_of("chapter"),
                    f"chapter “{lesson.chapter}” already has a lesson plan (at line {seen[lesson.chapter]})",
                )
            seen.setdefault(lesson.chapter, item.line_of("chapter"))
            self.objectives(lesson, item)
            self.timing(lesson, item, lessons.session_minutes)
            for n, step in enumerate(lesson.steps):
                raw_step = item["steps"][n]
                self.exit_ticket(lesson, step, raw_step)
                self.discussion(lesson, step, raw_step)
                self.activity(lesson, step, raw_step)
        self.outline(lessons, seen, all_known)

    # --- one rule each -----------------------------------------------------------------

    def chapter(self, lesson: Lesson, line: int) -> bool:
        chapters = self.book.chapters
        if lesson.chapter not in chapters:
            self.add(
                line,
                f"there is no chapter “{lesson.chapter}” (no file chapters/{lesson.chapter}.md){_close(lesson.chapter, chapters)}",
            )
            return False
        return True

    def objectives(self, lesson: Lesson, item) -> None:
        if self.failed("objectives.yaml"):
            return
        raw = item["objectives"]
        for n, ident in enumerate(lesson.objectives):
            objective = self.book.objectives.get(ident)
            if objective is None:
                self.add(
                    raw.line_of(n),
                    f"the objective “{ident}” is not in data/objectives.yaml{_close(ident, self.book.objectives)}",
                )
            elif objective.chapter != lesson.chapter:
                self.add(
                    raw.line_of(n),
                    f"the objective “{ident}” belongs to chapter “{objective.chapter}”, not “{lesson.chapter}”",
                )

    def timing(self, lesson: Lesson, item, session: int) -> None:
        total = sum(step.minutes for step in lesson.steps)
        if total != session:
            parts = " + ".join(f"{step.minutes} ({step.part})" for step in lesson.steps)
            self.add(
                item.line_of("steps"),
                f"the steps of the plan for “{lesson.chapter}” add up to {total} minutes, not the session's "
                f"{session} (session_minutes): {parts}",
            )

    def exit_ticket(self, lesson: Lesson, step: Step, raw_step) -> None:
        if step.part != "exit-ticket" or self.failed("quizzes", "objectives.yaml"):
            return
        bank = {q.id: q for q in self.book.quizzes.get(lesson.chapter, [])}
        owner = {q.id: chapter for chapter, questions in self.book.quizzes.items() for q in questions}
        raw = raw_step["questions"]
        for n, qid in enumerate(step.questions):
            line = raw.line_of(n)
            if qid in bank:
                objective = bank[qid].objective
                if objective not in lesson.objectives:
                    self.add(
                        line,
                        f"the question “{qid}” checks the objective “{objective}”, which this plan does not list "
                        "in its “objectives”; an exit ticket checks what the session worked on",
                    )
            elif qid in owner:
                self.add(
                    line,
                    f"the question “{qid}” is in the bank of chapter “{owner[qid]}”; an exit ticket draws on "
                    f"data/quizzes/{lesson.chapter}.yaml",
                )
            else:
                self.add(line, f"there is no question “{qid}” in data/quizzes/{lesson.chapter}.yaml{_close(qid, bank)}")

    def discussion(self, lesson: Lesson, step: Step, raw_step) -> None:
        if step.part != "discussion":
            return
        prompts = [p.text for p in self.book.chapter_prompts(lesson.chapter)]
        raw = raw_step["prompts"]
        for n, item in enumerate(step.prompts):
            if item.prompt is None or item.prompt <= len(prompts):
                continue
            line = raw[n].line_of("prompt") if isinstance(raw[n], yamlio.LineDict) else raw.line_of(n)
            have = (
                f"has {len(prompts)} “Think it through” prompt(s)" if prompts else "has no “Think it through” prompts"
            )
            self.add(
                line,
                f"data/prompts.yaml {have} for chapter “{lesson.chapter}”, so there is no prompt {item.prompt}; "
                "number the prompts from 1 in the order of that file, or use “ask” for a question of your own",
            )

    def activity(self, lesson: Lesson, step: Step, raw_step) -> None:
        if step.part != "activity":
            return
        book = self.book
        valid = {**{m: "model" for m in book.models}, **TOOLS}
        models = [tool for tool in step.uses if tool in book.models]
        models_ok = not self.failed("model")  # a broken model file is reported on its own
        for n, tool in enumerate(step.uses):
            if tool not in valid and models_ok:
                self.add(
                    raw_step["uses"].line_of(n),
                    f"“{tool}” is not something an activity can use; use one of: "
                    f"{', '.join(valid)}{_close(tool, valid)}",
                )
        presets = {p.id for m in models for p in book.models[m].presets}
        if models_ok:
            self.ids(
                step.presets,
                raw_step,
                "presets",
                presets,
                "a preset of the model this activity uses" if models else None,
                "“presets” need a model in “uses”",
            )
        for field, tool, name, kind in (
            ("events", "timeline", "events.yaml", "an event"),
            ("claims", "claims", "claims.yaml", "a claim"),
            ("places", "places", "places.yaml", "a place"),
        ):
            if self.failed(name):
                continue
            self.ids(
                getattr(step, field),
                raw_step,
                field,
                getattr(book, field),
                f"{kind} in data/{name}" if tool in step.uses else None,
                f"“{field}” need “{tool}” in “uses”",
            )

    def ids(self, idents, raw_step, field: str, valid, what: str | None, without: str) -> None:
        if not idents:
            return
        raw = raw_step[field]
        if what is None:
            self.add(raw_step.line_of(field), without)
            return
        for n, ident in enumerate(idents):
            if ident not in valid:
                self.add(raw.line_of(n), f"“{ident}” is not {what}{_close(ident, valid)}")

    def outline(self, lessons: LessonsFile, planned: dict[str, int], all_known: bool) -> None:
        raw_weeks = self.raw["outline"]
        scheduled: dict[str, int] = {}
        for w, week in enumerate(lessons.outline):
            raw = raw_weeks[w]["sessions"]
            for n, chapter in enumerate(week.sessions):
                line = raw.line_of(n)
                if chapter in scheduled:
                    self.add(
                        line,
                        f"“{chapter}” is already in the outline (at line {scheduled[chapter]}); each plan is taught once",
                    )
                elif chapter not in planned and all_known:
                    self.add(
                        line,
                        f"the outline names “{chapter}”, which has no lesson plan in this file{_close(chapter, planned)}",
                    )
                scheduled.setdefault(chapter, line)
        for chapter, line in planned.items():
            if chapter not in scheduled:
                self.add(line, f"the lesson plan for “{chapter}” is not in the outline; add it to a week's “sessions”")
