"""What every record shares: strict fields, plain types, and where it came from.

A :class:`Record` is a frozen pydantic model that refuses unknown fields, NaN and
infinity. After loading, each record (and each record inside it) knows its source:
``record.where.path`` and ``record.where.line_of("cite")``, so a cross-check far from
the loader can still report ``file:line``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
PARAGRAPH_PATTERN = r"^p[0-9]+$"
#: Text must hold something other than spaces.
TEXT_PATTERN = r"\S"


@dataclass(frozen=True)
class Where:
    """A record's place: its file, the line it starts on and the line of each key."""

    path: Path
    line: int = 1
    keys: Mapping[str, int] = field(default_factory=dict)
    #: For a field that is a plain mapping (a preset's ``values``): the line of each key in it.
    inner: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.keys.get(key, self.line)

    def line_in(self, key: str, inner_key: str) -> int:
        """The line of ``inner_key`` inside the mapping at ``key``."""
        return self.inner.get(key, {}).get(inner_key, self.line_of(key))


NOWHERE = Where(Path("<memory>"))


def _real_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"“{value}” is not a date on the calendar; check the month and the day") from None
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, pattern=TEXT_PATTERN)]
ParagraphId = Annotated[str, Field(pattern=PARAGRAPH_PATTERN)]
Date = Annotated[str, Field(pattern=DATE_PATTERN), AfterValidator(_real_date)]
Cites = Annotated[list[Id], Field(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, strict=True)

    _where: Where = PrivateAttr(default=NOWHERE)

    @property
    def where(self) -> Where:
        return self._where

    def line_of(self, key: str) -> int:
        return self._where.line_of(key)


def attach(record: Any, raw: Any, path: Path) -> None:
    """Give ``record`` and every record inside it the place its raw YAML came from."""
    if isinstance(record, Record):
        keys = dict(getattr(raw, "key_lines", {}) or {})
        inner = {
            name: dict(value.key_lines)
            for name, value in (raw.items() if isinstance(raw, dict) else ())
            if isinstance(getattr(record, name, None), dict) and hasattr(value, "key_lines")
        }
        record._where = Where(path, getattr(raw, "line", 1), keys, inner)
        for name in type(record).model_fields:
            value = getattr(record, name)
            attach(value, raw.get(name) if isinstance(raw, dict) else None, path)
    elif isinstance(record, (list, tuple)):
        items = raw if isinstance(raw, list) else []
        for index, item in enumerate(record):
            attach(item, items[index] if index < len(items) else None, path)
    elif isinstance(record, dict):
        for key, value in record.items():
            attach(value, raw.get(key) if isinstance(raw, dict) else None, path)
