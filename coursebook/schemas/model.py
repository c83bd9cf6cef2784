"""``data/model/<model>.yaml``: a slider model's parameters, presets and precedents."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from .base import Id, ParagraphId, Record, Text


def on_step(value: float, low: float, step: float) -> bool:
    """Whether a slider that starts at ``low`` and moves by ``step`` can show ``value``."""
    k = (value - low) / step
    return abs(k - round(k)) < 1e-6


class Parameter(Record):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    label: Text
    unit: Text
    min: float = Field(ge=-1e12, le=1e12)
    max: float = Field(ge=-1e12, le=1e12)
    step: float = Field(gt=0, le=1e12)
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
        if low is not None and step and not on_step(value, low, step):
            raise ValueError(
                f"the default {value:g} is not on a step of {step:g} from {low:g}; a slider could never show it"
            )
        return value


class Preset(Record):
    id: Id
    label: Text
    reasoning: Text
    cite: list[Id] = Field(min_length=1)
    values: dict[str, float]


class Precedent(Record):
    id: Id
    year: int = Field(ge=1, le=9999)
    label: Text
    paragraph: ParagraphId
    gave_up: Text
    figure: float | None = None
    figure_note: str | None = None
    outcome: Text
    cite: list[Id] = Field(min_length=1)


class ModelFile(Record):
    model: Id
    title: Text
    parameters: list[Parameter] = Field(min_length=1)
    presets: list[Preset] = Field(min_length=1)
    precedents: list[Precedent] = []
