"""Students' answer files, read into plain records: JSON (``AnswersExport``) or CSV
(``CSV_COLUMNS``), as written by the progress page (see :mod:`coursebook.answers`).

Every file is read on its own. A file that cannot be used becomes one problem in plain
words, naming the file and the line (CSV, broken JSON) or the JSON path (a JSON file
whose fields are wrong); the other files go on. A CSV file holds one export (one
student, one ``exported`` time); the rare file that holds several is split by them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from ..answers import CSV_COLUMNS, FORMAT, VERSION, AnswersExport

_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n", ""}


class Unusable(Exception):
    """A file that cannot be used, said in one sentence that names where."""


@dataclass
class Export:
    """One student's hand-in: what the file says, with where each part came from."""

    source: str  # the file as named on the command line
    student: str
    book: str
    title: str
    edition: str
    exported: str
    keys_fingerprint: str
    fingerprints: dict[str, str] = field(default_factory=dict)  # qualified id -> as graded
    tries: list[dict[str, Any]] = field(default_factory=list)  # one per try
    shown: dict[str, bool] = field(default_factory=dict)  # qualified id -> answer shown
    chapters: dict[str, str] = field(default_factory=dict)  # qualified id -> chapter
    written: list[dict[str, Any]] = field(default_factory=list)
    where: dict[tuple[str, int], str] = field(default_factory=dict)  # (qid, try) -> place


def expand(files: list[Path]) -> list[Path]:
    """The files to read: a folder stands for the ``.json`` and ``.csv`` files in it."""
    out: list[Path] = []
    for path in files:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".json", ".csv") and p.is_file())
            out += found or [path]  # an empty folder is reported as a file that cannot be used
        else:
            out.append(path)
    return out


def read_files(paths: list[Path]) -> tuple[list[Export], list[str]]:
    """(the exports that could be read, one problem per file that could not)."""
    exports: list[Export] = []
    problems: list[str] = []
    for path in paths:
        try:
            exports.extend(read_file(path))
        except Unusable as exc:
            problems.append(str(exc))
    return exports, problems


def read_file(path: Path) -> list[Export]:
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise Unusable(f"{name}: no such file.") from None
    except IsADirectoryError:
        raise Unusable(f"{name}: a folder with no .json or .csv answers files in it.") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise Unusable(f"{name}:{line}: not UTF-8 text; is this the file downloaded from the progress page?") from None
    except OSError as exc:
        raise Unusable(f"{name}: cannot be read ({exc.strerror or exc}).") from None
    if not text.strip():
        raise Unusable(f"{name}: the file is empty.")
    if path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and text.lstrip().startswith("{")):
        return [_from_json(name, text)]
    if path.suffix.lower() == ".csv" or text.startswith(CSV_COLUMNS[0]):
        return _from_csv(name, text)
    raise Unusable(f"{name}: neither a JSON nor a CSV answers file (name it .json or .csv).")


# --- JSON ----------------------------------------------------------------------------


def json_path(loc: tuple) -> str:
    """Pydantic's location as a JSON path: ``questions[3].tries[0].raw``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _from_json(name: str, text: str) -> Export:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unusable(f"{name}:{exc.lineno}: not valid JSON ({exc.msg} at column {exc.colno}).") from None
    if not isinstance(data, dict):
        raise Unusable(f"{name}:1: not an answers export (expected a JSON object at the top).")
    _check_format(name, data.get("format"), data.get("version"))
    try:
        export = AnswersExport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise Unusable(f"{name}: at {json_path(first['loc'])}: {first['msg'].lower()}{more}.") from None
    return _export_of(name, export)


def _check_format(name: str, fmt: Any, version: Any) -> None:
    if fmt != FORMAT:
        raise Unusable(f"{name}: not a course book answers export (its “format” is {fmt!r}, expected {FORMAT!r}).")
    if version != VERSION:
        raise Unusable(
            f"{name}: an answers export of version {version!r}; this report reads version {VERSION}: "
            "ask the student to download the file again from the progress page."
        )


def _export_of(name: str, export: AnswersExport) -> Export:
    out = Export(
        name,
        export.student.strip(),
        export.book,
        export.title,
        export.edition,
        export.exported,
        export.keys_fingerprint,
    )
    for n, record in enumerate(export.questions):
        out.fingerprints[record.id] = record.fingerprint
        out.shown[record.id] = record.answer_shown
        out.chapters[record.id] = record.chapter
        for k, attempt in enumerate(record.tries):
            out.tries.append(
                {
                    "question": record.id,
                    "chapter": record.chapter,
                    "type": record.type,
                    "try": k + 1,
                    "time": attempt.time,
                    "raw": attempt.raw,
                    "response": attempt.response,
                }
            )
            out.where[(record.id, k + 1)] = f"{name}: at questions[{n}].tries[{k}].raw"
    for answer in export.written:
        out.written.append(
            {"prompt": answer.prompt, "chapter": answer.chapter, "text": answer.text, "time": answer.time}
        )
    return out


# --- CSV -----------------------------------------------------------------------------


def _record_lines(text: str) -> list[int]:
    """The line on which each data record starts (records may span lines)."""
    reader = csv.reader(io.StringIO(text))
    starts, end = [], 0
    for _ in reader:
        starts.append(end + 1)
        end = reader.line_num
    return starts[1:]


def _from_csv(name: str, text: str) -> list[Export]:
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if found:
            want, record, saw = found.groups()
            starts = _record_lines(text)
            line = starts[int(record) - 2] if 2 <= int(record) < len(starts) + 2 else record  # pandas counts records
            raise Unusable(
                f"{name}:{line}: this line has {saw} fields, the header {want} (a comma outside quotes?)."
            ) from None
        raise Unusable(f"{name}: not a readable CSV file ({str(exc).strip()}).") from None
    missing = [c for c in CSV_COLUMNS if c not in frame.columns]
    if missing:
        raise Unusable(f"{name}:1: not an answers CSV: the header lacks the column(s) {', '.join(missing)}.")
    frame["line"] = _record_lines(text)[: len(frame)]
    exports = []
    for _, group in frame.groupby(["student", "exported"], sort=False):
        exports.append(_csv_export(name, group))
    if not exports:
        raise Unusable(f"{name}:2: the file has a header but no answers.")
    return exports


def _csv_value(name: str, row: pd.Series, column: str) -> Any:
    cell = row[column]
    if column == "raw":
        try:
            return json.loads(cell)
        except json.JSONDecodeError:
            raise Unusable(f"{name}:{row['line']}: the “raw” response {cell!r} is not valid JSON.") from None
    if column == "try":
        if not cell.strip().isdigit() or int(cell) < 1:
            raise Unusable(f"{name}:{row['line']}: the “try” number {cell!r} is not a whole number from 1.")
        return int(cell)
    if column == "answer_shown":
        if cell.strip().lower() not in _TRUE | _FALSE:
            raise Unusable(f"{name}:{row['line']}: “answer_shown” is {cell!r}, expected true or false.")
        return cell.strip().lower() in _TRUE
    return cell


def _csv_export(name: str, group: pd.DataFrame) -> Export:
    first = group.iloc[0]
    out = Export(
        name,
        first["student"].strip(),
        first["book"],
        first["title"],
        first["edition"],
        first["exported"],
        first["keys_fingerprint"],
    )
    for _, row in group.iterrows():
        if not row["question"]:
            raise Unusable(f"{name}:{row['line']}: the “question” column is empty.")
        if row["type"] == "written":
            out.written.append(
                {"prompt": row["question"], "chapter": row["chapter"], "text": row["response"], "time": row["time"]}
            )
            continue
        qid = row["question"]
        out.fingerprints[qid] = row["fingerprint"]
        out.chapters[qid] = row["chapter"]
        out.shown[qid] = out.shown.get(qid, False) or _csv_value(name, row, "answer_shown")
        if row["raw"] == "" and row["try"] == "":
            continue  # a question with no try (the answer was shown before any)
        number = _csv_value(name, row, "try")
        out.tries.append(
            {
                "question": qid,
                "chapter": row["chapter"],
                "type": row["type"],
                "try": number,
                "time": row["time"],
                "raw": _csv_value(name, row, "raw"),
                "response": row["response"],
            }
        )
        out.where[(qid, number)] = f"{name}:{row['line']}"
    return out
