"""Reading the files of ``data/``: one loader per kind of file, each returning typed
records that carry their source location, plus the problems of that file alone.

Which files a book has is declared once, in :data:`COLLECTIONS`. A collection is
required unless it says ``optional``: a missing, empty or misnamed file is an error, never
an empty collection (a book that has no glossary says so with ``[]``). The optional ones
(note layers, timeline periods and eras, maps, the slider models) are parts a book may
use: without the file, the book has none of them. A file's result is cached on its bytes,
so reloading a book after an edit re-reads only the files that changed.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schemas, yamlio
from .errors import Problem, Problems


@dataclass(frozen=True)
class Collection:
    """One kind of data file: ``data/<path>`` (a YAML list of records), or, with ``key``,
    a folder of YAML files, one record each, whose ``key`` field repeats the file's name."""

    name: str
    path: str
    model: Any
    key: str | None = None
    what: str = "entries"
    optional: bool = False
    #: Whether each record has an ``id`` that must be unique in the file.
    ids: bool = True


COLLECTIONS: tuple[Collection, ...] = (
    Collection("objectives", "objectives.yaml", schemas.Objective, what="learning objectives"),
    Collection("glossary", "glossary.yaml", schemas.GlossaryEntry, what="glossary terms"),
    Collection("people", "people.yaml", schemas.Person, what="people"),
    Collection("organisations", "organisations.yaml", schemas.Organisation, what="organisations"),
    Collection("places", "places.yaml", schemas.Place, what="places"),
    Collection("events", "events.yaml", schemas.Event, what="events"),
    Collection("claims", "claims.yaml", schemas.Claim, what="claims"),
    Collection("annotations", "annotations.yaml", schemas.Annotation, what="notes"),
    Collection("layers", "layers.yaml", schemas.NoteLayer, what="note layers", optional=True),
    Collection("periods", "periods.yaml", schemas.Period, what="timeline periods", optional=True),
    Collection("eras", "eras.yaml", schemas.Period, what="timeline eras", optional=True),
    Collection("maps", "maps.yaml", schemas.MapSpec, what="maps", optional=True),
    Collection(
        "evidence",
        "evidence.yaml",
        schemas.Evidence,
        what="links from claims to the events that bear on them",
        ids=False,
    ),
    Collection("quizzes", "quizzes", schemas.QuizFile, key="chapter"),
    Collection("prompts", "prompts.yaml", schemas.Prompt, what="“Think it through” prompts"),
    Collection("models", "model", schemas.ModelFile, key="model", optional=True),
)
#: Files in data/ that the engine reads besides the collections, or that are for people.
OTHER_FILES = {"references.bib", "README.md", "lessons.yaml"}
IGNORED_FOLDERS = {"_research", "schemas"}


@dataclass
class Loaded:
    """What one file gave: its valid records and its own problems."""

    records: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


#: (file, root, kind) -> {digest of the bytes: what they gave}, the few latest versions.
_CACHE: dict[tuple, dict[str, Loaded]] = {}
VERSIONS_KEPT = 3


def cached(path: Path, root: Path, kind: str, read) -> Loaded:
    """``read(problems)`` (which returns a list of records) for ``path``, cached on its bytes."""

    def load() -> Loaded:
        problems = Problems(root)
        records = read(problems)
        return Loaded(records, problems.items)

    return _cached(path, root, kind, load)


def _cached(path: Path, root: Path, kind: str, load) -> Loaded:
    try:
        digest = hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        digest = "unreadable"
    versions = _CACHE.setdefault((str(path), str(root), kind), {})
    if digest in versions:
        versions[digest] = versions.pop(digest)  # most recently used last
    else:
        versions[digest] = load()
        while len(versions) > VERSIONS_KEPT:
            versions.pop(next(iter(versions)))
    return versions[digest]


def load_list(path: Path, root: Path, collection: Collection) -> Loaded:
    """A YAML list of records: each validated, ids unique within the file."""

    def load() -> Loaded:
        problems = Problems(root)
        raw = yamlio.load(path, problems)
        records: list = []
        if problems.items:
            pass
        elif raw is None:
            problems.add(
                path,
                1,
                f"the file is empty; it must list the book’s {collection.what}, each entry starting with “- ” (write “[]” for none)",
            )
        elif not isinstance(raw, list):
            problems.add(path, getattr(raw, "line", 1), "this file must be a list of entries, each starting with “- ”")
        else:
            for index, item in enumerate(raw):
                record = schemas.validate(
                    collection.model, item, path=path, problems=problems, root=raw, loc_prefix=(index,)
                )
                if record is not None:
                    records.append(record)
            if collection.ids:
                unique_ids(records, problems)
        return Loaded(records, problems.items)

    return _cached(path, root, collection.name, load)


def load_named(path: Path, root: Path, collection: Collection) -> Loaded:
    """One record per file, whose ``collection.key`` field must repeat the file's name."""

    def load() -> Loaded:
        problems = Problems(root)
        raw = yamlio.load(path, problems)
        if problems.items:
            return Loaded([], problems.items)
        if not isinstance(raw, dict):
            what = "empty" if raw is None else "not an entry with fields"
            problems.add(
                path, getattr(raw, "line", 1), f"the file is {what}; it must start with “{collection.key}: {path.stem}”"
            )
            return Loaded([], problems.items)
        record = schemas.validate(collection.model, raw, path=path, problems=problems)
        if record is None:
            return Loaded([], problems.items)
        if getattr(record, collection.key) != path.stem:
            problems.add(
                path,
                raw.line_of(collection.key),
                f"this file is named {path.name}, so “{collection.key}” must be “{path.stem}”",
            )
        return Loaded([record], problems.items)

    return _cached(path, root, collection.name, load)


def unique_ids(records: list, problems: Problems, seen: dict | None = None) -> None:
    """Each id once; a repeat names the first place it was used."""
    seen = {} if seen is None else seen
    for record in records:
        ident, where = record.id, record.where
        line = where.line_of("id")
        if ident in seen:
            first = seen[ident]
            at = (
                f"line {first.line_of('id')}"
                if first.path == where.path
                else f"{problems.rel(first.path)}:{first.line_of('id')}"
            )
            problems.add(where.path, line, f"the id “{ident}” is used twice (also at {at}); ids must be unique")
        else:
            seen[ident] = where


def load_collection(data: Path, root: Path, collection: Collection) -> Loaded:
    """Every record of one collection, from its file or its folder."""
    target = data / collection.path
    if collection.key is None:
        if not target.is_file():
            return Loaded() if collection.optional else Loaded([], [_missing(target, root, collection)])
        return load_list(target, root, collection)
    if not target.is_dir():
        return Loaded()  # a book without quizzes or models; a chapter that calls one is told
    out = Loaded()
    for path in sorted(target.glob("*.yaml")):
        result = load_named(path, root, collection)
        out.records += result.records
        out.problems += result.problems
    return out


def _missing(target: Path, root: Path, collection: Collection) -> Problem:
    problems = Problems(root)
    rel = problems.rel(target)
    problems.add(
        target,
        1,
        f"the file {rel} is missing; the book needs it (write “[]” in it if the book has no {collection.what})",
    )
    return problems.items[0]


def stray_files(data: Path, problems: Problems) -> None:
    """Files in ``data/`` that the book would not read: misnamed (``.yml``) or unknown."""
    known = {c.path for c in COLLECTIONS if c.key is None} | OTHER_FILES
    folders = {c.path for c in COLLECTIONS if c.key is not None}
    if not data.is_dir():
        problems.add(data, 1, "the folder data/ is missing")
        return
    for path in sorted(data.iterdir()):
        name = path.name
        if name.startswith(".") or name in known or name in IGNORED_FOLDERS:
            continue
        if path.is_dir():
            if name in folders:
                _stray_in_folder(path, problems)
            else:
                _unknown(path, sorted(folders), problems)
            continue
        _unknown(path, sorted(known), problems)


def _stray_in_folder(folder: Path, problems: Problems) -> None:
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix == ".yaml":
            continue
        if path.suffix.lower() in (".yml", ".yaml"):
            problems.add(
                path, 1, f"files here end in “.yaml”: rename it to {path.stem}.yaml, or the book does not read it"
            )
        else:
            problems.add(path, 1, f"the book reads only “.yaml” files in {folder.name}/; this file would be ignored")


def _unknown(path: Path, known: list[str], problems: Problems) -> None:
    name = path.name
    if path.suffix.lower() == ".yml" and f"{path.stem}.yaml" in known:
        problems.add(path, 1, f"files here end in “.yaml”: rename it to {path.stem}.yaml, or the book does not read it")
        return
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else f"; the book reads: {', '.join(known)}"
    problems.add(path, 1, f"the book does not read “{name}”{hint}")
