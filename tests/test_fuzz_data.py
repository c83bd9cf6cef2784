"""Fuzzing the data files: every mutation of a valid file is a clear error or still valid.

Hypothesis mutates one file of a copy of the book at a time: it deletes keys, changes
types, truncates, injects odd Unicode, NaN and infinity, nests deeply, empties the file,
saves it with a wrong extension or in Windows-1252, or deletes it. For each case:

* loading never raises anything but :class:`DataError` (no traceback), and every problem
  is ``path:line: message`` with a relative path and a line of at least 1;
* a file that is no longer valid on its own (it does not parse, fails its JSON Schema
  from ``data/schemas/``, holds NaN or infinity, is missing, empty or misnamed) is
  rejected with at least one problem naming that file;
* a book that is accepted can be used: every question has its answer, every date
  formats, both models run, every widget's state serialises.

Only the mutated file is parsed again for each case (the loaders cache on bytes), so
the 500-odd cases run in well under a minute. ``pytest -s`` prints the figures.
"""

from __future__ import annotations

import collections
import functools
import json
import math
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coursebook import Book, DataError
from coursebook.paths import copy_sources
from coursebook.schemas import export
from coursebook.sources import COLLECTIONS

pytestmark = [pytest.mark.fuzz, pytest.mark.xdist_group("fuzz")]  # one scratch book per worker
ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("COURSEBOOK_FUZZ_CASES", "520"))
PROBLEM = re.compile(r"^(?!/)[^:\n]+:[1-9][0-9]*: \S")
ODD = ["\u200b", "\u202e", "\u00a0", "\ufeff", "\u0301", "e\u0301", "🙂", "\u2028", "\x07", "\t", "ǅ", "\U0010fffd", ""]
WEIRD_VALUES = [0, -1, 1.5, True, None, "", "   ", "text", [], {}, ["a"], {"k": "v"}, [[1]], 10**30]
NON_FINITE = [math.nan, math.inf, -math.inf]
OPTIONAL = {f"data/{c.path}" for c in COLLECTIONS if c.optional and c.key is None}


def _schema_for(rel: str) -> dict | None:
    if rel == "seeds/manifest.yaml":
        return export.schemas()["manifest.schema.json"]
    if rel == "data/lessons.yaml":
        return export.schemas()["lessons.schema.json"]
    for c in COLLECTIONS:
        if rel == f"data/{c.path}" or (c.key and rel.startswith(f"data/{c.path}/")):
            return export.schemas()[f"{c.name}.schema.json"]
    return None


class PlainLoader(yaml.CSafeLoader):
    """PyYAML's safe loader, with dates left as text (as the book writes them)."""


PlainLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

FILES = sorted(
    str(p.relative_to(ROOT))
    for p in [
        *(ROOT / "data").rglob("*.yaml"),
        ROOT / "data" / "references.bib",
        ROOT / "seeds" / "manifest.yaml",
        ROOT / "_toc.yml",
    ]
    if "_research" not in p.parts
)
SCHEMAS = {rel: jsonschema.Draft202012Validator(s) for rel in FILES if (s := _schema_for(rel)) is not None}


# --- mutations of the parsed data -------------------------------------------------------------


def _paths(node, here=()):
    """Every location in the data: (path of keys and indexes, value)."""
    yield here, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, here + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, here + (index,))


def _replace(node, path, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in node.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(node)]


def _delete(node, path):
    head, rest = path[0], path[1:]
    if not rest:
        return {k: v for k, v in node.items() if k != head}
    if isinstance(node, dict):
        return {k: (_delete(v, rest) if k == head else v) for k, v in node.items()}
    return [(_delete(v, rest) if i == head else v) for i, v in enumerate(node)]


@st.composite
def structural(draw, data, places):
    """(label, new data): one change to the parsed YAML."""
    kind = draw(
        st.sampled_from(["delete-key", "change-type", "odd-unicode", "non-finite", "deep-nesting", "blank-text"])
    )
    if kind == "delete-key":
        keyed = [p for p, _ in places if p and isinstance(_get(data, p[:-1]), dict)]
        if keyed:
            return kind, _delete(data, draw(st.sampled_from(keyed)))
        kind = "change-type"
    if kind in ("odd-unicode", "blank-text"):
        strings = [p for p, v in places if isinstance(v, str)]
        if strings:
            path = draw(st.sampled_from(strings))
            text = _get(data, path)
            if kind == "blank-text":
                return kind, _replace(data, path, draw(st.sampled_from(["", " ", "\t", "\u00a0\u00a0"])))
            at = draw(st.integers(0, len(text)))
            return kind, _replace(data, path, text[:at] + draw(st.sampled_from(ODD)) + text[at:])
        kind = "change-type"
    path = draw(st.sampled_from([p for p, _ in places]))
    if kind == "non-finite":
        return kind, _replace(data, path, draw(st.sampled_from(NON_FINITE)))
    if kind == "deep-nesting":
        depth, style = draw(st.integers(30, 300)), draw(st.sampled_from(["list", "mapping", "both"]))
        value = "deep"
        for level in range(depth):
            value = [value] if style == "list" or (style == "both" and level % 2) else {"k": value}
        return kind, _replace(data, path, value)
    return "change-type", _replace(data, path, draw(st.sampled_from(WEIRD_VALUES)))


def _get(node, path):
    for part in path:
        node = node[part]
    return node


@st.composite
def textual(draw, text: str, rel: str):
    """(label, new bytes or None for a deleted file, new name or None)."""
    kind = draw(
        st.sampled_from(
            ["truncate", "empty", "wrong-extension", "windows-1252", "delete-file", "drop-line", "odd-bytes"]
        )
    )
    data = text.encode("utf-8")
    if kind == "truncate":
        return kind, data[: draw(st.integers(0, max(0, len(data) - 1)))], None
    if kind == "empty":
        return kind, draw(st.sampled_from([b"", b"\n", b"   \n", b"# nothing here\n"])), None
    if kind == "wrong-extension":
        suffix = "." + rel.rsplit(".", 1)[1]
        return (
            kind,
            data,
            draw(st.sampled_from([s for s in (".yml", ".yaml", ".YAML", ".yaml.bak", ".txt") if s != suffix])),
        )
    if kind == "delete-file":
        return kind, None, None
    if kind == "drop-line":
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        return kind, "\n".join(lines[:index] + lines[index + 1 :]).encode("utf-8"), None
    at = draw(st.integers(0, len(text)))
    if kind == "windows-1252":
        return (
            kind,
            text[:at].encode("utf-8")
            + draw(st.sampled_from(["é", "’", "café", "–"])).encode("cp1252")
            + text[at:].encode("utf-8"),
            None,
        )
    return (
        kind,
        text[:at].encode("utf-8")
        + draw(st.sampled_from([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80"]))
        + text[at:].encode("utf-8"),
        None,
    )


# --- the oracle ---------------------------------------------------------------------------------


def _finite(node) -> bool:
    return all(not (isinstance(v, float) and not math.isfinite(v)) for _, v in _paths(node))


def valid_alone(rel: str, content: bytes | None, renamed: str | None, data=None) -> bool:
    """Whether the mutated file would be valid on its own (an independent check: PyYAML and
    the JSON Schema, not the engine's loader). ``data``: what was dumped, when known."""
    if content is None and renamed is None:
        return rel in OPTIONAL  # a book may do without an optional file
    if content is None or renamed is not None:
        return False
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if "\x00" in text:
        return False
    if rel not in SCHEMAS:
        return True  # references.bib, _toc.yml: only the sure failures above are required
    try:
        if data is None:
            data = yaml.load(text, Loader=PlainLoader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError, ValueError):
        return False
    if data is None or not _finite(data) or _depth(data) > 30:
        return False
    try:
        json.dumps(data)
        return SCHEMAS[rel].is_valid(data)
    except (TypeError, ValueError, RecursionError):
        return False


def _depth(node, depth=1) -> int:
    if isinstance(node, dict):
        return max((_depth(v, depth + 1) for v in node.values()), default=depth)
    if isinstance(node, list):
        return max((_depth(v, depth + 1) for v in node), default=depth)
    return depth


def exercise(book) -> None:
    """Use the accepted book as the site and the widgets do."""
    from coursebook.grading import correct_response
    from coursebook.simulations import MODELS
    from coursebook.sphinxext.instructor import answer_text
    from coursebook.timeline import format_date
    from coursebook.widgets.quiz import question_state
    from coursebook.widgets.timeline import event_state

    for question in book.questions():
        correct_response(question)
        answer_text(question)
        json.dumps(question_state(book, question))
    for event in book.events.values():
        format_date(event.date)
        json.dumps(event_state(book, event))
    for spec in book.models.values():
        MODELS[spec.model].run({p.id: p.default for p in spec.parameters})
    for paragraph in book.article.paragraphs:
        book.paragraph_annotations(paragraph)


# --- the test -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    root = copy_sources(ROOT, tmp_path_factory.mktemp("fuzz") / "book")
    Book.load(root)  # the valid book, once: later loads re-read only the mutated file
    return root


@functools.cache
def _original(rel: str):
    """The valid file's bytes and, for YAML with a schema, its data and locations."""
    content = (ROOT / rel).read_bytes()
    if rel not in SCHEMAS:
        return content, None, None
    data = yaml.load(content, Loader=PlainLoader)  # noqa: S506 - a safe loader
    return content, data, list(_paths(data))


def mutate(draw, rel: str):
    original, data, places = _original(rel)
    if data is not None and draw(st.booleans()):
        label, changed = draw(structural(data, places))
        text = yaml.dump(changed, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)
        return label, text.encode("utf-8"), None, changed
    return (*draw(textual(original.decode("utf-8"), rel)), None)


def run_case(root: Path, rel: str, content: bytes | None, renamed: str | None) -> tuple[str, list[str]]:
    """Apply one mutation, load the book, undo the mutation; ('accepted'|'rejected', problems)."""
    path = root / rel
    original = path.read_bytes()
    target = path.with_name(path.name.rsplit(".", 1)[0] + renamed) if renamed else path
    try:
        path.unlink()
        if content is not None:
            target.write_bytes(content)
        try:
            book = Book.load(root)
        except DataError as exc:
            return "rejected", [str(p) for p in exc.problems]
        exercise(book)
        return "accepted", []
    finally:
        if target.exists():
            target.unlink()
        path.write_bytes(original)


def test_every_mutation_is_a_clear_error_or_still_valid(copy):
    stats: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()

    @settings(
        max_examples=CASES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.data())
    def case(data):
        rel = data.draw(st.sampled_from(FILES), label="file")
        label, content, renamed, changed = mutate(data.draw, rel)
        stats["cases"] += 1
        kinds[label] += 1
        try:
            verdict, problems = run_case(copy, rel, content, renamed)
        except Exception:
            stats["tracebacks"] += 1
            raise
        stats[verdict] += 1
        bad = [p for p in problems if not PROBLEM.match(p)]
        assert not bad, f"{label} on {rel}: problems not in file:line form: {bad}"
        if not valid_alone(rel, content, renamed, changed):
            # A renamed file may be named by its new name (a stray file) or its old one (missing).
            named = {rel} if renamed is None else {rel, rel.rsplit(".", 1)[0] + renamed}
            # (A deleted quiz bank or model file is reported where a chapter uses it, by its path.)
            assert any(p.split(":", 1)[0] in named or any(n in p for n in named) for p in problems), (
                f"{label} on {rel} was not reported at {named}: {problems[:5]}"
            )
            stats["clear errors"] += verdict == "rejected"

    case()
    print(
        f"\nfuzz: {stats['cases']} cases, {stats['rejected']} rejected with file:line problems "
        f"({stats['clear errors']} of them invalid on their own and named), {stats['accepted']} accepted as valid, "
        f"{stats['tracebacks']} tracebacks; mutations: {dict(sorted(kinds.items()))}"
    )
    assert stats["cases"] >= min(CASES, 500)
    assert stats["tracebacks"] == 0
