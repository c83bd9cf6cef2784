"""A simulated class: seeded students who answer the book's questions and hand in
their answers as the progress page exports them (JSON and CSV, version 2).

Used to try the class report without real students (the instructors' notebook) and to
test it: :func:`simulate` writes the files and returns what each student really did
(:class:`Truth`), so a test can work out every figure on its own and compare.

Each student has an ability, each question a difficulty; the first try is right with a
logistic chance of their difference, so stronger students do better and the questions
discriminate. Wrong tries favour one wrong response per question, so there is a
most-chosen wrong option to find. The class also has students who hand in twice (an
earlier, partial file named so that it sorts last), one file graded in the page
against older answer keys (whose stored verdicts are flipped for the changed
questions: trusting them would give other figures), and one broken file.
"""

from __future__ import annotations

import csv
import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..answers import CSV_COLUMNS, FORMAT, VERSION, book_fingerprints
from ..grading import correct_response, wrong_responses
from .classdata import book_id, book_prompts, question_index

TWICE = (3, 8, 15, 22)  # students who hand in twice
STALE = 4  # the student whose file was graded against older keys
BROKEN = "student-31-broken.json"
NAMES = [
    "Amal",
    "Boris",
    "Chloé",
    "Dmitri",
    "Elif",
    "Farid",
    "Grace",
    "Hana",
    "Ivan",
    "Jonas",
    "Karim",
    "Lena",
    "Mateo",
    "Nour",
    "Olga",
    "Pedro",
    "Qing",
    "Rania",
    "Sami",
    "Tomás",
    "Uma",
    "Viktor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoë",
    "Aziz <b>&",
    "Bea",
    "Cem",
    "Dana",
]


@dataclass
class Truth:
    """What each student did, keyed by name: question id -> record; and the files written."""

    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    written: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    stale_file: Path | None = None
    stale_questions: list[str] = field(default_factory=list)
    broken_file: Path | None = None
    broken_line: int = 0
    superseded: list[Path] = field(default_factory=list)


def _answer(rng: random.Random, question, chance: float, favourite: int) -> dict[str, Any]:
    """One student's tries at one question, right or wrong by construction, as the page records them."""
    wrong = wrong_responses(question)
    right = lambda: (correct_response(question), True)  # noqa: E731
    miss = lambda: (wrong[favourite] if rng.random() < 0.6 else rng.choice(wrong), False)  # noqa: E731
    if rng.random() < 0.03:
        return {"tries": [], "shown": True, "asked": True}  # "Show the answer" before any try
    if rng.random() < chance:
        return {"tries": [right()], "shown": False, "asked": False}
    tries = [miss()]
    if rng.random() < 0.25:
        return {"tries": tries, "shown": True, "asked": True}  # asked after one wrong try
    if rng.random() < 0.6:
        return {"tries": tries + [right()], "shown": False, "asked": False}
    tries.append(miss())  # a second wrong try: the page shows the answer by itself
    if rng.random() < 0.5:
        tries.append(right())
    return {"tries": tries, "shown": True, "asked": False}


def _student(rng: random.Random, book, difficulty: dict[str, float], favourites: dict[str, int]) -> dict[str, dict]:
    ability = rng.gauss(0.3, 1.0)
    reading = [c for c in book.reading_order() if c in book.quizzes]
    done = reading[: rng.choice([len(reading)] * 3 + list(range(2, len(reading))))]
    records = {}
    for qid, (chapter, question) in question_index(book).items():
        if chapter not in done or rng.random() < 0.05:
            continue
        chance = 1 / (1 + math.exp(-1.7 * (ability - difficulty[qid])))
        record = _answer(rng, question, chance, favourites[qid])
        record["raws"] = [raw for raw, _ in record["tries"]]
        record["correct"] = [ok for _, ok in record.pop("tries")]
        records[qid] = record
    return records


def _seen(question, raw) -> Any:
    """The response as the texts the student saw."""
    if question.type in ("single", "true-false"):
        return question.options[raw].text
    if question.type == "multiple":
        return [question.options[i].text for i in raw]
    if question.type == "order":
        return [question.items[i].text for i in raw]
    if question.type == "match":
        return [question.pairs[i].right for i in raw]
    return raw


def _export(book, name: str, exported: datetime, records: dict, written: list, stale: dict[str, str]) -> dict:
    keys, per_question = book_fingerprints(book)
    index = question_index(book)
    questions = []
    for qid, record in records.items():
        chapter, question = index[qid]
        flip = qid in stale  # graded in the page by an older key, which judged the other way
        tries = [
            {
                "time": (exported - timedelta(minutes=30 - n)).isoformat(),
                "raw": raw,
                "response": _seen(question, raw),
                "correct": ok != flip,
            }
            for n, (raw, ok) in enumerate(zip(record["raws"], record["correct"]))
        ]
        questions.append(
            {
                "id": qid,
                "chapter": chapter,
                "type": question.type,
                "fingerprint": stale.get(qid, per_question[qid]),
                "tries": tries,
                "answer_shown": record["shown"],
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "book": book_id(book),
        "title": book.article.info.title,
        "edition": "student",
        "student": name,
        "exported": exported.isoformat().replace("+00:00", "Z"),
        "keys_fingerprint": "0ld0ld0ld0ld0ld0" if stale else keys,
        "questions": questions,
        "written": written,
        "readings": [],
    }


def _csv_rows(data: dict) -> list[dict]:
    meta = {k: data[k] for k in ("student", "book", "title", "edition", "exported", "keys_fingerprint")}
    rows = []
    for q in data["questions"]:
        base = {
            **meta,
            "question": q["id"],
            "chapter": q["chapter"],
            "type": q["type"],
            "fingerprint": q["fingerprint"],
            "answer_shown": str(q["answer_shown"]).lower(),
        }
        if not q["tries"]:
            rows.append({**base, "try": "", "time": "", "response": "", "raw": "", "correct": ""})
        for n, t in enumerate(q["tries"], start=1):
            rows.append(
                {
                    **base,
                    "try": n,
                    "time": t["time"],
                    "response": json.dumps(t["response"], ensure_ascii=False),
                    "raw": json.dumps(t["raw"]),
                    "correct": str(t["correct"]).lower(),
                }
            )
    for w in data["written"]:
        rows.append(
            {
                **meta,
                "question": w["prompt"],
                "chapter": w["chapter"],
                "type": "written",
                "time": w["time"],
                "response": w["text"],
                "fingerprint": "",
                "try": 1,  # as the page writes it
                "raw": "",
                "correct": "",
                "answer_shown": "",
            }
        )
    return rows


def _write(data: dict, path: Path, as_csv: bool) -> Path:
    if as_csv:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(_csv_rows(data))
    else:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _written(rng: random.Random, book, records: dict, when: datetime) -> list[dict]:
    """Answers to about half the prompts of the chapters the student worked on."""
    chapters = {qid.split("/")[0] for qid in records}
    openings = ["yes, because", "no: ¶3 says", "it depends <on> ¶2 &"]
    return [
        {
            "prompt": prompt,
            "chapter": chapter,
            "time": when.isoformat(),
            "text": f"On {prompt}: {rng.choice(openings)} {rng.randint(1, 99)}.",
        }
        for prompt, chapter, _ in book_prompts(book)
        if chapter in chapters and rng.random() < 0.5
    ]


def simulate(book, out: Path, students: int = 30, seed: int = 2017) -> Truth:
    """Write a simulated class's answer files into ``out``; return what they did."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    index = question_index(book)
    difficulty = {qid: rng.gauss(0, 0.9) for qid in index}
    favourites = {qid: rng.randrange(len(wrong_responses(q))) for qid, (_, q) in index.items()}
    truth = Truth()
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for n in range(students):
        name = NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" {n}")
        records = _student(rng, book, difficulty, favourites)
        when = start + timedelta(hours=n)
        written = _written(rng, book, records, when)
        truth.records[name], truth.written[name] = records, written
        stale = {}
        if n == STALE:
            stale = {qid: "5ta1e5ta1e5ta1e5" for qid in list(records)[:3]}
            truth.stale_questions = sorted(stale)
        stem = f"{name.split()[0].strip('<&').lower() or 'x'}-{n:02d}-{when:%Y-%m-%d}"
        path = _write(
            _export(book, name, when, records, written, stale),
            out / f"{stem}.{'csv' if n % 2 else 'json'}",
            bool(n % 2),
        )
        truth.files.append(path)
        if n == STALE:
            truth.stale_file = path
        if n in TWICE:  # an earlier, partial hand-in whose file name sorts after the latest
            early = {
                qid: {**r, "raws": r["raws"][-1:], "correct": r["correct"][-1:]} for qid, r in list(records.items())[:5]
            }
            old = _write(
                _export(book, name, when - timedelta(days=2), early, [], {}),
                out / f"zz-{stem}-first.{'json' if n % 2 else 'csv'}",
                not n % 2,
            )
            truth.files.append(old)
            truth.superseded.append(old)
    truth.broken_file = out / BROKEN
    truth.broken_file.write_text(
        '{\n  "format": "coursebook-answers",\n  "version": 2,\n  "student": "Broken"\n  "book": "x"\n}\n',
        encoding="utf-8",
    )
    truth.broken_line, truth.files = 5, truth.files + [truth.broken_file]
    return truth
