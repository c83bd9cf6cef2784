"""pydantic's validation errors, turned into ``file:line: plain sentence`` problems."""

from __future__ import annotations

import difflib
import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problems
from ..yamlio import line_at
from .base import DATE_PATTERN, ID_PATTERN, PARAGRAPH_PATTERN, TEXT_PATTERN, attach


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _field(error: dict) -> str:
    loc = [p for p in error["loc"] if not isinstance(p, int)]
    return str(loc[-1]) if loc else "this entry"


def _pattern_message(error: dict, field: str) -> str:
    pattern = (error.get("ctx") or {}).get("pattern", "")
    value = _show(error["input"])
    if pattern == ID_PATTERN:
        return f"“{value}” is not a valid id: use lower-case letters, digits and single hyphens"
    if pattern == DATE_PATTERN:
        return f"“{value}” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"
    if pattern == PARAGRAPH_PATTERN:
        return f"“{value}” is not a paragraph id: write p1, p2, …"
    if pattern == TEXT_PATTERN:
        return f"“{field}” must be non-empty text (it holds only spaces)"
    return f"“{value}” does not have the expected form for “{field}”"


_NUMBER = ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float", "finite_number")


def _plain(error: dict, model: type[BaseModel] | None) -> str:  # noqa: C901 - one branch per kind
    kind = error["type"]
    field = _field(error)
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"“{field}” is missing"
    if kind == "extra_forbidden":
        known = known_fields(model, error["loc"])
        close = difflib.get_close_matches(field, known, n=1)
        hint = f"; did you mean “{close[0]}”?" if close else (f"; allowed here: {', '.join(known)}" if known else "")
        return f"“{field}” is not a field here{hint}"
    if kind == "literal_error":
        return f"“{_show(error['input'])}” is not allowed for “{field}”; use one of: {_expected(ctx)}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _tag_message(error, ctx)
    if kind == "string_pattern_mismatch":
        return _pattern_message(error, field)
    if kind in ("string_type", "string_too_short"):
        return f"“{field}” must be non-empty text"
    if kind == "finite_number":
        return f"“{field}” must be an ordinary number, not NaN or infinity"
    if kind in _NUMBER:
        return f"“{field}” must be a number (got “{_show(error['input'])}”)"
    if kind in ("bool_parsing", "bool_type"):
        return f"“{field}” must be true or false (got “{_show(error['input'])}”)"
    if kind == "list_type":
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


def _tag_message(error: dict, ctx: dict) -> str:
    from .quiz import QUESTION_TYPES  # the one union the data files have

    known = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", ""))) or list(QUESTION_TYPES)
    allowed = ", ".join(known)
    if error["type"] == "union_tag_not_found":
        return f"the question has no “type”; use one of: {allowed}"
    tag = ctx.get("tag", "")
    if isinstance(error.get("input"), dict) and not isinstance(error["input"].get("type"), str):
        return f"“type” must be one word, one of: {allowed}"
    close = difflib.get_close_matches(str(tag), known, n=1)
    hint = f" (did you mean “{close[0]}”?)" if close else ""
    return f"“{_show(tag)}” is not a question type; use one of: {allowed}{hint}"


def _expected(ctx: dict) -> str:
    expected = ctx.get("expected", "")
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _unwrap(annotation: Any, tag: Any = None) -> Any:
    """The record type an annotation holds: through Annotated, Optional, list, dict, and
    (given the tag pydantic puts in an error's location) a discriminated union."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (list, tuple):
            annotation = args[0] if args else None
        elif origin is dict:
            annotation = args[1] if len(args) > 1 else None
        elif origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
            models = [a for a in args if hasattr(a, "model_fields")]
            chosen = [m for m in models if tag in _type_tags(m)]
            return (chosen or models or [None])[0]
        else:
            return annotation


def _type_tags(model: Any) -> tuple:
    field = getattr(model, "model_fields", {}).get("type")
    return typing.get_args(field.annotation) if field is not None else ()


def known_fields(model: type[BaseModel] | None, loc: tuple) -> list[str]:
    """The fields allowed at an error's location (for "did you mean")."""
    current: Any = model
    parts = list(loc[:-1])
    for index, part in enumerate(parts):
        if current is None or isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            continue  # a union's tag, already used to pick the variant
        following = parts[index + 1 :]
        tag = next((p for p in following if isinstance(p, str)), None)
        current = _unwrap(fields[part].annotation, tag)
    return list(getattr(current, "model_fields", {}))


def validate(
    model: type[BaseModel], data: Any, *, path: Path, problems: Problems, root: Any = None, loc_prefix: tuple = ()
):
    """Validate ``data`` against ``model``; record each error at its line and return None
    on failure. A valid record learns where it came from (:func:`attach`)."""
    root = data if root is None else root
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = loc_prefix + tuple(error["loc"])
            if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
                loc += ("type",)
            problems.add(path, line_at(root, loc), _plain(error, model))
        return None
    attach(record, data, path)
    return record
