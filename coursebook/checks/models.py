"""Rules about ``data/model/<model>.yaml``: the file fits its engine, presets fit sliders."""

from __future__ import annotations

from ..errors import Problems
from ..schemas import on_step
from ..sources import unique_ids
from . import rule
from .common import close, paragraph_exists


def _engines():
    from ..simulations import MODELS

    return MODELS


@rule()
def model_engine_exists(book, report: Problems) -> None:
    engines = _engines()
    for spec in book.models.values():
        if spec.model not in engines:
            report.at(spec, "model", f"there is no model “{spec.model}”; the engine has: {', '.join(engines)}")


def _checked(book):
    """(spec, the parameter ids its engine expects) for models the engine has."""
    engines = _engines()
    return [(spec, engines[spec.model].PARAMETERS) for spec in book.models.values() if spec.model in engines]


@rule()
def parameters_known(book, report: Problems) -> None:
    for spec, expected in _checked(book):
        for param in spec.parameters:
            if param.id not in expected:
                report.at(param, None, f"the model has no parameter “{param.id}”{close(param.id, expected)}")
        ids = {p.id for p in spec.parameters}
        for name in expected:
            if name not in ids:
                report.at(spec, "parameters", f"the parameter “{name}” is missing")


@rule()
def parameter_and_preset_ids_unique(book, report: Problems) -> None:
    for spec in book.models.values():
        unique_ids(list(spec.parameters), report)
        unique_ids(list(spec.presets), report)


@rule()
def presets_set_every_parameter(book, report: Problems) -> None:
    for spec, expected in _checked(book):
        for preset in spec.presets:
            for name in expected:
                if name not in preset.values:
                    report.at(preset, "values", f"the preset “{preset.id}” does not set “{name}”")


@rule()
def preset_values_fit_sliders(book, report: Problems) -> None:
    for spec in book.models.values():
        by_id = {p.id: p for p in spec.parameters}
        for preset in spec.presets:
            for name, value in preset.values.items():
                line = preset.where.line_in("values", name)
                param = by_id.get(name)
                if param is None:
                    report.add(
                        preset.where.path, line, f"the preset “{preset.id}” sets “{name}”, which is not a parameter"
                    )
                elif not param.min <= value <= param.max:
                    report.add(
                        preset.where.path,
                        line,
                        f"{value:g} is outside the range of “{name}” ({param.min:g} to {param.max:g})",
                    )
                elif not on_step(value, param.min, param.step):
                    report.add(
                        preset.where.path,
                        line,
                        f"{value:g} is not on a step of {param.step:g} for “{name}”; a slider could never show it",
                    )


@rule()
def precedent_paragraphs_exist(book, report: Problems) -> None:
    for spec in book.models.values():
        for precedent in spec.precedents:
            paragraph_exists(book, precedent, "paragraph", precedent.paragraph, report)
