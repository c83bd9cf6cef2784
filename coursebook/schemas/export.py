"""JSON Schemas of the data files, for editors that autocomplete and validate YAML.

``python -m coursebook schema`` writes one file per kind of data file into
``data/schemas/`` (see ``data/README.md`` for how to point an editor at them). They are
generated from the same pydantic models the checker uses, so they cannot disagree;
a test checks the files in the repository are up to date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .manifest import Manifest

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _document(model: type[BaseModel], title: str, description: str, many: bool) -> dict[str, Any]:
    schema = model.model_json_schema()
    if many:
        defs = schema.pop("$defs", {})
        schema = {"type": "array", "items": schema, **({"$defs": defs} if defs else {})}
    return {"$schema": DRAFT, **schema, "title": title, "description": description}


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every data file and the seed's manifest."""
    from ..sources import COLLECTIONS

    out: dict[str, dict[str, Any]] = {}
    for collection in COLLECTIONS:
        many = collection.key is None
        where = f"data/{collection.path}" if many else f"data/{collection.path}/<{collection.key}>.yaml"
        description = f"{where}: " + ("a list of " + collection.what if many else f"one file per {collection.key}")
        out[f"{collection.name}.schema.json"] = _document(collection.model, where, description, many)
    out["manifest.schema.json"] = _document(
        Manifest, "seeds/manifest.yaml", "the seed's details and the role of each line", False
    )
    from ..lessons import FILE, LessonsFile

    out["lessons.schema.json"] = _document(
        LessonsFile, f"data/{FILE}", "lesson plans and the course outline (optional)", False
    )
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
