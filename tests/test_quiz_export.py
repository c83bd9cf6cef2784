"""The answers a student downloads from the progress page follow the contract with the
instructor's tools (coursebook/answers.py): the JSON validates against AnswersExport,
the CSV has exactly CSV_COLUMNS, responses are the texts the student saw, and the file
name holds the student's name, the book and the date."""

from __future__ import annotations

import csv
import datetime
import json

import pytest
from browserkit import open_offline
from quizdriver import answer, fix_seed, goto, try_again

from coursebook.answers import CSV_COLUMNS, AnswersExport, book_fingerprints
from coursebook.grading import correct_response, wrong_responses

pytestmark = pytest.mark.browser


def _download(page, button, folder):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    download = info.value
    path = folder / download.suggested_filename
    download.save_as(path)
    return path


def test_the_downloaded_answers_follow_the_contract(book, context, server, tmp_path):
    fix_seed(context, book.storage_namespace)
    page, log = open_offline(context, server)
    answered = {}
    for chapter in ("hope-of-a-deal", "iran-bargaining-chip"):
        goto(page, server, f"{chapter}.html")
        for q in book.quizzes[chapter][:4]:
            answer(page, q, wrong_responses(q)[0])
            try_again(page, q)
            answer(page, q, correct_response(q))
            answered[f"{chapter}/{q.id}"] = q
    prompt = book.chapter_prompts("iran-bargaining-chip")[0]
    box = page.locator(f"#cb-think-iran-bargaining-chip-{prompt.id}")
    box.fill("Both were deals with Washington, both cost Russia money, and <b>both</b> were reversed.")
    box.blur()

    goto(page, server, "progress.html")
    page.get_by_label("Your name, to put in the file (optional)").fill("Ada Lovelace")
    path = _download(page, "Download my answers (JSON)", tmp_path)
    today = datetime.date.today().isoformat()
    assert path.name == f"answers-ada-lovelace-{book.book_id}-{today}.json"
    data = AnswersExport.model_validate_json(path.read_text(encoding="utf-8"))
    keys, per_question = book_fingerprints(book)
    assert (data.book, data.student, data.edition, data.keys_fingerprint) == (
        book.book_id,
        "Ada Lovelace",
        "student",
        keys,
    )
    assert data.title == "A dead end in Syria? An annotated reading"
    assert {q.id for q in data.questions} == set(answered)
    for record in data.questions:
        q = answered[record.id]
        assert record.fingerprint == per_question[record.id] and record.type == q.type
        assert [t.correct for t in record.tries] == [False, True] and record.answer_shown is False
        assert [t.raw for t in record.tries] == [wrong_responses(q)[0], correct_response(q)]
        if q.type in ("single", "true-false"):
            assert record.tries[1].response == q.options[correct_response(q)].text  # readable
    assert [(w.prompt, w.chapter, w.text) for w in data.written] == [
        (
            prompt.id,
            "iran-bargaining-chip",
            "Both were deals with Washington, both cost Russia money, and <b>both</b> were reversed.",
        )
    ]

    csv_path = _download(page, "Download my answers (CSV)", tmp_path)
    assert csv_path.name == f"answers-ada-lovelace-{book.book_id}-{today}.csv"
    rows = list(csv.reader(csv_path.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, row)) for row in rows[1:]]
    tries = [r for r in body if r["type"] != "written"]
    assert len(tries) == 2 * len(answered)
    assert {r["student"] for r in body} == {"Ada Lovelace"} and {r["keys_fingerprint"] for r in body} == {keys}
    assert [r["correct"] for r in tries if r["try"] == "1"] == ["false"] * len(answered)
    written = [r for r in body if r["type"] == "written"]
    assert [(w["question"], w["response"]) for w in written] == [(prompt.id, data.written[0].text)]
    assert all(json.loads(r["raw"]) is not None for r in tries)
    assert log.problems() == []
