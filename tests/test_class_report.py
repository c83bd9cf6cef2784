"""The class report on 30 simulated students with known answers.

The simulated class (``coursebook.report.simulate``, seeded) writes version-2 JSON and
CSV exports: four students hand in twice (the earlier file's name sorts last), one file
was graded in the page against older keys (its stored verdicts are flipped for the
changed questions), and one file is broken. Every expected figure below is worked out
here in plain Python from what the simulated students really did, never from the
report's pandas code; the report must agree, in its DataFrames and on its page.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from browserkit import new_context, open_offline, run_axe
from bs4 import BeautifulSoup
from classfigures import expected_completion, expected_mastery, expected_question, questions, same
from conftest import ROOT, serve

from coursebook import cli
from coursebook.report import completion, load_class, mastery, question_stats
from coursebook.report.simulate import simulate


@pytest.fixture(scope="module")
def simulated(book, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    return simulate(book, folder), folder


@pytest.fixture(scope="module")
def data(simulated, book):
    truth, _ = simulated
    return load_class(truth.files, book)


@pytest.fixture(scope="module")
def report_file(simulated, tmp_path_factory):
    truth, folder = simulated
    out = tmp_path_factory.mktemp("report") / "report.html"
    status = cli.main(["--root", str(ROOT), "report", str(folder), "--out", str(out)])
    assert status == 0
    return out


@pytest.fixture(scope="module")
def page(report_file):
    return BeautifulSoup(report_file.read_text(encoding="utf-8"), "html.parser")


# --- the DataFrames --------------------------------------------------------------------


def test_the_simulated_class_has_what_the_test_needs(simulated, data):
    truth, _ = simulated
    assert len(truth.records) == 30 and len(data.students) == 30
    assert len(truth.superseded) == 4 and truth.stale_file and truth.broken_file
    assert {f.suffix for f in truth.files} == {".json", ".csv"}


def test_completion_per_student_and_chapter(simulated, data, book):
    truth, _ = simulated
    table = completion(data)
    for (student, chapter), share in expected_completion(truth, book).items():
        assert same(table.at[student, chapter], share), (student, chapter)


def test_question_figures(simulated, data, book):
    truth, _ = simulated
    stats = question_stats(data)
    assert len(stats) == len(questions(book))
    defined = 0
    for qid, _, question in questions(book):
        want, got = expected_question(truth, qid, question), stats.loc[qid]
        assert got["tried"] == want["tried"], qid
        assert same(got["first_try_correct"], want["p"]), qid
        assert same(got["discrimination"], want["r"]), qid
        assert (got["most_chosen_wrong"], got["most_chosen_wrong_count"]) == want["wrong"], qid
        assert same(got["asked_share"], want["asked"]), qid
        defined += not math.isnan(want["r"])
    assert defined > len(stats) // 2  # the simulation gives most questions a defined discrimination


def test_mastery_per_objective(simulated, data, book):
    truth, _ = simulated
    table = mastery(data)
    want = expected_mastery(truth, book)
    assert set(table.index) == set(want)
    for objective, value in want.items():
        assert same(table.at[objective, "mastery"], value), objective


def test_stored_verdicts_are_never_trusted(simulated, data):
    truth, _ = simulated
    name = next(
        s
        for s, r in truth.records.items()
        if data.students.set_index("student").at[s, "source"] == str(truth.stale_file)
    )
    for qid in truth.stale_questions:
        record = data.records[(data.records["student"] == name) & (data.records["question"] == qid)].iloc[0]
        if truth.records[name][qid]["raws"]:
            assert bool(record["first_correct"]) == truth.records[name][qid]["correct"][0]


def test_latest_hand_in_wins_stale_keys_and_broken_files_are_named(simulated, data):
    truth, _ = simulated
    assert data.problems == [
        f"{truth.broken_file}:{truth.broken_line}: not valid JSON (Expecting ',' delimiter at column 3)."
    ]
    assert set(data.students["source"]) & {str(p) for p in truth.superseded} == set()
    for old in truth.superseded:
        assert any(str(old) in w and "handed in 2 times" in w for w in data.warnings)
    stale = [w for w in data.warnings if str(truth.stale_file) in w]
    assert len(stale) == 1 and all(q in stale[0] for q in truth.stale_questions)


# --- the page ----------------------------------------------------------------------------


def _pct(value):
    return "—" if math.isnan(value) else f"{value:.0%}"


def test_page_shows_the_same_figures(simulated, page, book):
    truth, _ = simulated
    shares = expected_completion(truth, book)
    chapters = [c for c in book.reading_order() if c in book.quizzes]
    rows = page.select("#completion tr[data-student]")
    assert sorted(r["data-student"] for r in rows) == sorted(truth.records)
    for row in rows:
        cells = [td.get_text() for td in row.find_all("td")]
        assert cells == [_pct(shares[(row["data-student"], c)]) for c in chapters]
    for qid, _, question in questions(book):
        want = expected_question(truth, qid, question)
        cells = [
            td.get_text(" ", strip=True)
            for td in page.select_one(f'#questions tr[data-question="{qid}"]').find_all("td")
        ]
        assert cells[2] == _pct(want["p"]) and cells[5] == _pct(want["asked"]), qid
        assert cells[3] == ("—" if math.isnan(want["r"]) else f"{want['r']:.2f}"), qid
        assert cells[4] == (f"{want['wrong'][0]} ({want['wrong'][1]}×)" if want["wrong"][1] else "—"), qid
    for objective, value in expected_mastery(truth, book).items():
        assert page.select_one(f'#mastery tr[data-objective="{objective}"]').find_all("td")[-1].get_text() == _pct(
            value
        )


def test_page_lists_written_answers_by_prompt(simulated, page):
    truth, _ = simulated
    by_prompt: dict[str, set[str]] = {}
    for answers in truth.written.values():
        for answer in answers:
            by_prompt.setdefault(answer["prompt"], set()).add(answer["text"])
    shown = {
        s["data-prompt"]: {b.get_text() for b in s.find_all("blockquote")}
        for s in page.select("#written section.prompt")
    }
    assert shown == by_prompt


def test_page_is_self_contained_and_escaped(simulated, page):
    for tag in page.find_all(src=True) + page.find_all(href=True):
        assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", tag.get("src") or tag.get("href")), tag
    assert not page.find_all(["script", "link", "iframe", "img"])
    assert "url(" not in page.style.get_text() and "@import" not in page.style.get_text()
    assert len(page.find_all("svg")) == 3
    for svg in page.find_all("svg"):
        assert svg.find_parent(class_="pair").find("table"), "every chart has a table beside it"
    odd = page.select_one('#completion tr[data-student="Aziz <b>&"]')
    assert odd is not None and not odd.find("b") and odd.th.get_text() == "Aziz <b>&"
    assert any("it depends <on> ¶2 &" in b.get_text() for b in page.find_all("blockquote"))
    assert "student-31-broken.json:5: not valid JSON" in page.select_one("#notes").get_text()


# --- bad files and bad arguments, in plain words --------------------------------------

HEADER = "student,book,title,edition,exported,keys_fingerprint,question,chapter,type,fingerprint,try,time,response,raw,correct,answer_shown\n"


def _row(book_id, **cells):
    base = {
        "student": "Ana",
        "book": book_id,
        "title": "T",
        "edition": "student",
        "exported": "2026-11-20T10:00:00Z",
        "keys_fingerprint": "k",
        "question": "hope-of-a-deal/hope-five-months",
        "chapter": "hope-of-a-deal",
        "type": "numeric",
        "fingerprint": "f",
        "try": "1",
        "time": "2026-11-20T09:00:00Z",
        "response": "5",
        "raw": "5",
        "correct": "true",
        "answer_shown": "false",
    }
    base.update(cells)
    return ",".join(base[c] for c in HEADER.strip().split(",")) + "\n"


def test_a_bad_csv_line_is_named_and_the_other_files_go_on(tmp_path, book):
    from coursebook.report.classdata import book_id

    ours = book_id(book)
    bad = tmp_path / "ana.csv"
    written = _row(
        ours, type="written", question="hope-of-a-deal-think-1", response='"two\nlines, quoted"', raw="", **{"try": ""}
    )
    bad.write_text(HEADER + written + _row(ours) + _row(ours, raw='"[1,"', **{"try": "2"}), encoding="utf-8")
    good = tmp_path / "ben.csv"
    good.write_text(HEADER + _row(ours, student="Ben"), encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text(HEADER + _row("another-book", student="Cai"), encoding="utf-8")
    data = load_class([bad, good, other], book)
    assert data.problems == [
        f"{bad}:5: the “raw” response '[1,' is not valid JSON.",
        f"{other}: answers for another book (“another-book”), not this one (“{ours}”).",
    ]
    assert list(data.students["student"]) == ["Ben"]
    bad.write_text(HEADER + written + _row(ours, raw="[1,2]"), encoding="utf-8")
    assert load_class([bad], book).problems == [
        f"{bad}:4: this line has 17 fields, the header 16 (a comma outside quotes?)."
    ]


def test_json_problems_name_the_json_path(tmp_path, book):
    from coursebook.report.reading import Unusable, read_file

    path = tmp_path / "a.json"
    path.write_text(
        '{"format": "coursebook-answers", "version": 2, "book": "b", "title": "t", "edition": "student",'
        ' "student": "A", "exported": "x", "keys_fingerprint": "k", "questions": [{"id": "c/q", "chapter": "c",'
        ' "type": "single", "fingerprint": "f", "tries": [{"raw": 0, "response": "x", "correct": true}]}]}'
    )
    with pytest.raises(Unusable, match=re.escape(f"{path}: at questions[0].tries[0].time: field required.")):
        read_file(path)
    path.write_text('{"format": "coursebook-answers", "version": 1}')
    with pytest.raises(Unusable, match="version 1; this report reads version 2: ask the student to download"):
        read_file(path)


def test_cli_errors_are_plain_words(tmp_path, capsys):
    status = cli.main(
        ["--root", str(ROOT), "report", str(tmp_path / "missing.json"), "--out", str(tmp_path / "r.html")]
    )
    err = capsys.readouterr().err
    assert status == 1 and f"{tmp_path / 'missing.json'}: no such file." in err and "Traceback" not in err
    assert "No usable answers file" in err and not (tmp_path / "r.html").exists()
    status = cli.main(["--root", str(ROOT), "report", str(tmp_path), "--out", str(tmp_path / "nowhere" / "r.html")])
    err = capsys.readouterr().err
    assert status == 2 and "the folder" in err and "does not exist" in err
    status = cli.main(["--root", str(ROOT), "report", str(tmp_path), "--out", str(tmp_path)])
    assert status == 2 and "is a folder" in capsys.readouterr().err


@pytest.mark.browser
def test_page_in_a_browser_loads_nothing_and_passes_axe(report_file, browser):
    server = serve(report_file.parent)
    base = next(server)
    try:
        context = new_context(browser, viewport={"width": 375, "height": 800})
        tab, log = open_offline(context, base)
        tab.goto(f"{base}/{report_file.name}", wait_until="networkidle")
        assert tab.get_by_role("img", name="Mastery per learning objective").is_visible()
        assert tab.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scrolling on a phone"
        assert log.problems() == [] and run_axe(tab) == []
        context.close()
    finally:
        next(server, None)


def test_a_try_that_no_longer_fits_is_left_out_with_its_json_path(tmp_path, book):
    from coursebook.report.classdata import book_id

    question = book.quizzes["hope-of-a-deal"][1]
    assert question.type == "single"
    export = {
        "format": "coursebook-answers", "version": 2, "book": book_id(book), "title": "t", "edition": "student",
        "student": "Ana", "exported": "not a date", "keys_fingerprint": "k",
        "questions": [{
            "id": f"hope-of-a-deal/{question.id}", "chapter": "hope-of-a-deal", "type": "single", "fingerprint": "f",
            "tries": [{"time": "t", "raw": 99, "response": "?", "correct": True},
                      {"time": "t", "raw": 0, "response": "?", "correct": False}],
        }],
    }  # fmt: skip
    path = tmp_path / "ana.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    data = load_class([path], book)
    assert f"{path}: at questions[0].tries[0].raw: this try does not fit the current question" in "\n".join(
        data.warnings
    )
    assert f"{path}: its export time 'not a date' is not a date." in data.warnings
    assert data.tries["try"].tolist() == [2] and data.tries["correct"].tolist() == [question.options[0].correct]
