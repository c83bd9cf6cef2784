"""``data/objectives.yaml`` and ``data/quizzes/<chapter>.yaml``.

A question is one of six types, told apart by its ``type`` field (a pydantic
discriminated union), so each type's own rules apply and an unknown type is named.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from .base import Id, ParagraphId, Record, Text

Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]


class Objective(Record):
    id: Id
    chapter: Id
    text: Text


class Prompt(Record):
    """A "Think it through" prompt (``data/prompts.yaml``): the student writes an answer
    in a text box under it, kept in the browser and exported; it is not graded. Lesson
    plans name a chapter's prompts by their number, in the order of this file."""

    id: Id
    chapter: Id
    text: Text


class QuestionBase(Record):
    id: Id
    prompt: Text
    explanation: Text
    passage: ParagraphId
    objective: Id
    level: Level
    cite: list[Id] = []
    # The claim in data/claims.yaml that the question judges: the claims table holds its
    # verdict, so the question refers to it instead of giving a verdict of its own.
    claim: Id | None = None


class Option(Record):
    text: Text
    correct: bool = False
    feedback: Text


class SingleQuestion(QuestionBase):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        count = sum(o.correct for o in options)
        if count != 1:
            raise ValueError(
                f"a single-choice question needs exactly one option marked “correct: true” (found {count})"
            )
        return options


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options: list[Option]) -> list[Option]:
        if not any(o.correct for o in options):
            raise ValueError("no option is marked “correct: true”; mark at least one")
        return options


class TrueFalseQuestion(QuestionBase):
    type: Literal["true-false"]
    options: list[Option] = Field(min_length=2, max_length=2)

    @field_validator("options")
    @classmethod
    def _true_and_false(cls, options: list[Option]) -> list[Option]:
        if sorted(o.text for o in options) != ["False", "True"]:
            raise ValueError("a true-false question has exactly two options, “True” and “False”")
        if sum(o.correct for o in options) != 1:
            raise ValueError("exactly one of “True” and “False” must be marked “correct: true”")
        return options


class NumericFeedback(Record):
    correct: Text
    low: Text
    high: Text


class NumericQuestion(QuestionBase):
    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(ge=0)
    unit: str = ""
    feedback: NumericFeedback


class OrderItem(Record):
    text: Text
    feedback: Text


class OrderQuestion(QuestionBase):
    type: Literal["order"]
    items: list[OrderItem] = Field(min_length=2, max_length=8)


class MatchPair(Record):
    left: Text
    right: Text
    feedback: Text


class MatchQuestion(QuestionBase):
    type: Literal["match"]
    pairs: list[MatchPair] = Field(min_length=2, max_length=8)

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[MatchPair]) -> list[MatchPair]:
        for side in ("left", "right"):
            texts = [getattr(p, side) for p in pairs]
            if len(set(texts)) != len(texts):
                raise ValueError(f"two pairs have the same {side} text; each must be different")
        return pairs


Question = Annotated[
    SingleQuestion | MultipleQuestion | TrueFalseQuestion | NumericQuestion | OrderQuestion | MatchQuestion,
    Field(discriminator="type"),
]
QUESTION_TYPES = {
    "single": SingleQuestion,
    "multiple": MultipleQuestion,
    "true-false": TrueFalseQuestion,
    "numeric": NumericQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
}


class QuizFile(Record):
    chapter: Id
    #: Questions placed in the reading, each right after the paragraph it tests (its
    #: ``passage``); the others are the review at the end of the chapter.
    in_reading: list[Id] = []
    questions: list[Question] = []  # a chapter may have no questions yet
