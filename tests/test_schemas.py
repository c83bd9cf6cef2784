"""The JSON Schemas in data/schemas/ are generated from the checker's own models, are up
to date, and accept the book's real files (what an editor would validate against)."""

from __future__ import annotations

import jsonschema
import pytest
import yaml
from conftest import ROOT

from coursebook.schemas import export

SCHEMAS = export.schemas()


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_committed_schema_is_up_to_date(name):
    path = ROOT / "data" / "schemas" / name
    assert path.is_file(), f"run `python -m coursebook schema` to write {path.name}"
    assert path.read_text(encoding="utf-8") == export.render(SCHEMAS[name]), (
        f"{name} is stale: run `python -m coursebook schema`"
    )


class _Loader(yaml.CSafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def _files():
    yield "manifest.schema.json", ROOT / "seeds" / "manifest.yaml"
    for name, schema in SCHEMAS.items():
        title = schema["title"]
        if "<" in title:
            yield from ((name, p) for p in sorted((ROOT / title.rsplit("/", 1)[0]).glob("*.yaml")))
        elif title.startswith("data/"):
            yield name, ROOT / title


@pytest.mark.parametrize(("name", "path"), list(_files()), ids=lambda v: getattr(v, "name", v))
def test_the_real_files_validate(name, path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    errors = [e.message for e in jsonschema.Draft202012Validator(SCHEMAS[name]).iter_errors(data)]
    assert errors == []


def test_a_wrong_question_type_fails_the_schema():
    validator = jsonschema.Draft202012Validator(SCHEMAS["quizzes.schema.json"])
    bank = {
        "chapter": "x",
        "questions": [
            {
                "id": "q",
                "type": "singel",
                "prompt": "?",
                "explanation": "e",
                "passage": "p1",
                "objective": "o",
                "level": "remember",
                "options": [],
            }
        ],
    }
    assert not validator.is_valid(bank)
