"""The shape of every data file, as pydantic models.

The models say what each record must contain; :func:`validate` turns pydantic's
errors into ``file:line: plain sentence`` problems. Checks that need more than one
record (unknown ids, duplicates, quotes that do not match the article) live in
:mod:`coursebook.book`, which knows the whole book.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from .errors import Problems
from .yamlio import line_at

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1)]
ParagraphId = Annotated[str, Field(pattern=r"^p[0-9]+$")]
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- seeds/manifest.yaml -------------------------------------------------------------

Role = Literal[
    "title",
    "standfirst",
    "photo-caption",
    "photo-credit",
    "section-heading",
    "paragraph",
    "pull-quote",
    "related-link",
    "author-bio",
    "disclaimer",
]


class ManifestLine(Record):
    line: int = Field(ge=1)
    role: Role
    chapter: Id
    id: Optional[ParagraphId] = None
    repeats: Optional[ParagraphId] = None


class ArticleInfo(Record):
    title: Text
    author: Text
    outlet: Text
    section: Text
    published: Annotated[str, Field(pattern=DATE_PATTERN)]
    url: Text
    cite: Text


class ChapterInfo(Record):
    id: Id
    title: Text


class Manifest(Record):
    seed: Text
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    article: ArticleInfo
    chapters: list[ChapterInfo] = Field(min_length=1)
    lines: list[ManifestLine] = Field(min_length=1)


# --- data/objectives.yaml ---------------------------------------------------------------

Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]


class Objective(Record):
    id: Id
    chapter: Id
    text: Text


# --- data/quizzes/*.yaml ------------------------------------------------------------------


class QuestionBase(Record):
    id: Id
    prompt: Text
    explanation: Text
    passage: ParagraphId
    objective: Id
    level: Level
    cite: list[Id] = []


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


QUESTION_TYPES = {
    "single": SingleQuestion,
    "multiple": MultipleQuestion,
    "true-false": TrueFalseQuestion,
    "numeric": NumericQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
}
Question = Union[
    SingleQuestion, MultipleQuestion, TrueFalseQuestion, NumericQuestion, OrderQuestion, MatchQuestion
]


class QuizFile(Record):
    chapter: Id
    questions: list[dict] = Field(min_length=1)  # each validated by its own type, below


# --- source context: glossary, people, organisations, places, events, claims, annotations ----

Cites = Annotated[list[Id], Field(min_length=1)]


class GlossaryEntry(Record):
    id: Id
    term: Text
    matches: list[Text] = []
    definition: Text
    cite: Cites
    see: list[Id] = []
    caveat: Optional[Text] = None


class NamedEntry(Record):
    """What people, organisations and places share."""

    id: Id
    name: Text
    matches: list[Text] = []
    summary: Text
    cite: Cites
    aka: list[Text] = []
    caveat: Optional[Text] = None


class Person(NamedEntry):
    role: Text


class Organisation(NamedEntry):
    kind: Literal["state", "armed-group", "institution", "alliance", "media"]
    role: Text


class Place(NamedEntry):
    kind: Text
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    label: Optional[Text] = None  # a short name for the map, where ``name`` is long


EventKind = Literal["diplomacy", "military", "sanctions", "incident", "politics"]


class Event(Record):
    id: Id
    date: Annotated[str, Field(pattern=DATE_PATTERN)]
    title: Text
    kind: EventKind
    actors: Annotated[list[Id], Field(min_length=1)]
    place: Id
    paragraphs: Annotated[list[ParagraphId], Field(min_length=1)]
    summary: Text
    cite: Cites
    caveat: Optional[Text] = None


class Claim(Record):
    id: Id
    paragraph: ParagraphId
    quote: Text
    type: Literal["fact", "opinion", "prediction"]
    claim: Text
    outcome: Text
    verdict: Literal["borne out", "partly borne out", "not borne out", "not checkable"]
    cite: Cites
    caveat: Optional[Text] = None


Layer = Literal["context", "fact-check", "rhetoric", "hindsight"]
LAYERS = ("context", "fact-check", "rhetoric", "hindsight")


class Annotation(Record):
    id: Id
    paragraph: ParagraphId
    quote: Text
    layer: Layer
    kind: Literal["fact", "opinion", "prediction", "framing"]
    note: Text
    cite: Cites
    terms: list[Id] = []
    status: Optional[Literal["accurate", "imprecise", "wrong", "omits", "unverified"]] = None


# --- data/model/*.yaml -----------------------------------------------------------------------


def _on_step(value: float, low: float, step: float) -> bool:
    k = (value - low) / step
    return abs(k - round(k)) < 1e-6


class Parameter(Record):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    label: Text
    unit: Text
    min: float
    max: float
    step: float = Field(gt=0)
    default: float
    illustrative: bool
    cite: list[Id]
    note: Text

    @field_validator("max")
    @classmethod
    def _max_above_min(cls, value: float, info) -> float:
        low = info.data.get("min")
        if low is not None and value <= low:
            raise ValueError(f"“max” ({value:g}) must be larger than “min” ({low:g})")
        return value

    @field_validator("cite")
    @classmethod
    def _cited(cls, value: list) -> list:
        if not value:
            raise ValueError(
                "every parameter needs “cite” with at least one source; where no honest source gives the "
                "number, keep “illustrative: true” and cite what the assumption stands for (often the article itself)"
            )
        return value

    @field_validator("default")
    @classmethod
    def _default_in_range(cls, value: float, info) -> float:
        low, high, step = info.data.get("min"), info.data.get("max"), info.data.get("step")
        if low is not None and high is not None and not low <= value <= high:
            raise ValueError(f"the default {value:g} is outside the range {low:g} to {high:g}")
        if low is not None and step and not _on_step(value, low, step):
            raise ValueError(f"the default {value:g} is not on a step of {step:g} from {low:g}; a slider could never show it")
        return value



class Preset(Record):
    id: Id
    label: Text
    reasoning: Text
    cite: list[Id] = Field(min_length=1)
    values: dict[str, float]


class Precedent(Record):
    id: Id
    year: int
    label: Text
    paragraph: ParagraphId
    gave_up: Text
    figure: Optional[float] = None
    figure_note: Optional[str] = None
    outcome: Text
    cite: list[Id] = Field(min_length=1)


class ModelFile(Record):
    model: Id
    title: Text
    start: Optional[Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")]] = None
    parameters: list[Parameter] = Field(min_length=1)
    presets: list[Preset] = Field(min_length=1)
    precedents: list[Precedent] = []


# --- validation with plain messages -------------------------------------------------------


def _field_list(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def _plain(error: dict, model: type[BaseModel] | None) -> str:
    kind = error["type"]
    loc = [p for p in error["loc"] if not isinstance(p, int)]
    field = str(loc[-1]) if loc else "this entry"
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"“{field}” is missing"
    if kind == "extra_forbidden":
        known = _known_fields(model, error["loc"])
        close = difflib.get_close_matches(field, known, n=1)
        hint = f"; did you mean “{close[0]}”?" if close else (f"; allowed here: {', '.join(known)}" if known else "")
        return f"“{field}” is not a field here{hint}"
    if kind == "literal_error":
        return f"“{error['input']}” is not allowed for “{field}”; use one of: {_expected(ctx)}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == ID_PATTERN:
            return f"“{error['input']}” is not a valid id: use lower-case letters, digits and single hyphens"
        if pattern == DATE_PATTERN:
            return f"“{error['input']}” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"
        if "p[0-9]" in pattern:
            return f"“{error['input']}” is not a paragraph id: write p1, p2, …"
        return f"“{error['input']}” does not have the expected form for “{field}”"
    if kind in ("string_type", "string_too_short"):
        return f"“{field}” must be non-empty text"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"“{field}” must be a number (got “{error['input']}”)"
    if kind in ("bool_parsing", "bool_type"):
        return f"“{field}” must be true or false (got “{error['input']}”)"
    if kind in ("list_type",):
        return f"“{field}” must be a list"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"“{field}” must be an entry with fields (key: value lines)"
    if kind == "too_short":
        return f"“{field}” needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"“{field}” allows at most {ctx.get('max_length')} item(s)"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"“{field}” is out of range ({error['msg'].lower()})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"“{field}”: {error['msg']}"


def _expected(ctx: dict) -> str:
    expected = ctx.get("expected", "")
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _known_fields(model: type[BaseModel] | None, loc: tuple) -> list[str]:
    current: Any = model
    for part in loc[:-1]:
        if current is None or isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        annotation = fields[part].annotation
        inner = getattr(annotation, "__args__", None)
        current = inner[0] if inner else annotation
    return _field_list(current) if current is not None and hasattr(current, "model_fields") else []


def validate(
    model: type[BaseModel] | Any,
    data: Any,
    *,
    path,
    problems: Problems,
    root: Any = None,
    loc_prefix: tuple = (),
):
    """Validate ``data`` against ``model``; record each error at its line and return None on failure."""
    root = data if root is None else root
    adapter = model if isinstance(model, TypeAdapter) else None
    try:
        if adapter is not None:
            return adapter.validate_python(data)
        return model.model_validate(data)
    except ValidationError as exc:
        target = None if adapter is not None else model
        for error in exc.errors():
            loc = loc_prefix + tuple(error["loc"])
            problems.add(path, line_at(root, loc), _plain(error, target))
        return None
