"""The shape of every data file, as pydantic models.

The models say what each record must contain; :func:`validate` turns pydantic's
errors into ``file:line: plain sentence`` problems. Checks that need more than one
record (unknown ids, duplicates, quotes that do not match the article) live in
:mod:`coursebook.checks`, one rule per function. ``python -m coursebook schema``
writes a JSON Schema for each data file (:mod:`coursebook.schemas.export`).
"""

from .base import DATE_PATTERN, ID_PATTERN, NOWHERE, Cites, Date, Id, ParagraphId, Record, Text, Where, attach
from .context import (
    VERDICTS,
    Annotation,
    Claim,
    Event,
    EventKind,
    Evidence,
    GlossaryEntry,
    MapSpec,
    NamedEntry,
    NoteLayer,
    Organisation,
    Period,
    Person,
    Place,
)
from .manifest import ArticleInfo, ChapterInfo, Manifest, ManifestLine, Role
from .messages import validate
from .model import ModelFile, Parameter, Precedent, Preset, on_step
from .quiz import (
    QUESTION_TYPES,
    Level,
    MatchPair,
    MatchQuestion,
    MultipleQuestion,
    NumericFeedback,
    NumericQuestion,
    Objective,
    Option,
    OrderItem,
    OrderQuestion,
    Prompt,
    Question,
    QuestionBase,
    QuizFile,
    SingleQuestion,
    TrueFalseQuestion,
)

__all__ = [
    "DATE_PATTERN",
    "ID_PATTERN",
    "NOWHERE",
    "QUESTION_TYPES",
    "VERDICTS",
    "Annotation",
    "ArticleInfo",
    "ChapterInfo",
    "Cites",
    "Claim",
    "Date",
    "Event",
    "EventKind",
    "Evidence",
    "GlossaryEntry",
    "Id",
    "Level",
    "Manifest",
    "MapSpec",
    "ManifestLine",
    "MatchPair",
    "MatchQuestion",
    "ModelFile",
    "MultipleQuestion",
    "NamedEntry",
    "NoteLayer",
    "NumericFeedback",
    "NumericQuestion",
    "Objective",
    "Option",
    "OrderItem",
    "OrderQuestion",
    "Organisation",
    "Parameter",
    "ParagraphId",
    "Period",
    "Person",
    "Place",
    "Precedent",
    "Preset",
    "Prompt",
    "Question",
    "QuestionBase",
    "QuizFile",
    "Record",
    "Role",
    "SingleQuestion",
    "Text",
    "TrueFalseQuestion",
    "Where",
    "attach",
    "on_step",
    "validate",
]
