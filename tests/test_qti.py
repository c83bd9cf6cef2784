"""``python -m coursebook export-qti``: one QTI 1.2 package per chapter, with the right
items and the right keys, and a README naming what it cannot carry."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import ROOT

from coursebook import cli
from coursebook.lessons import think_prompts

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
KINDS = {
    "single": "multiple_choice_question",
    "true-false": "true_false_question",
    "multiple": "multiple_answers_question",
    "numeric": "numerical_question",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qti")
    assert cli.main(["--root", str(ROOT), "export-qti", "--out", str(folder)]) == 0
    return folder


def _prompts(book, chapter):
    """The chapter's "Think it through" prompts: data/prompts.yaml, or the chapter's list."""
    if getattr(book, "prompts", None):
        return [" ".join(p.text.split()) for p in book.prompts.values() if p.chapter == chapter]
    return think_prompts(book.chapters[chapter].path.read_text(encoding="utf-8"))


def _items(path):
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        assert "imsmanifest.xml" in names
        ET.fromstring(package.read("imsmanifest.xml"))
        (assessment,) = [n for n in names if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
        ET.fromstring(package.read(next(n for n in names if n.endswith("assessment_meta.xml"))))
        root = ET.fromstring(package.read(assessment))
    return {item.get("title"): item for item in root.iterfind(".//q:item", NS)}


def _kind(item):
    for field in item.iterfind(".//q:qtimetadatafield", NS):
        if field.findtext("q:fieldlabel", namespaces=NS) == "question_type":
            return field.findtext("q:fieldentry", namespaces=NS)


def _text(mattext: str) -> str:
    return html.unescape(re.sub(r"</?p>", "", mattext)).strip()


def _labels(item):
    return {
        label.get("ident"): _text(label.findtext(".//q:mattext", namespaces=NS))
        for label in item.iterfind(".//q:response_label", NS)
    }


def _scoring(item):
    for condition in item.iterfind(".//q:respcondition", NS):
        if condition.findtext("q:setvar", namespaces=NS) == "100":
            return condition.find("q:conditionvar", NS)
    raise AssertionError(f"{item.get('title')}: no condition gives full marks")


def _keyed(item, question):
    scoring = _scoring(item)
    if question.type == "numeric":
        low = float(scoring.findtext(".//q:vargte", namespaces=NS))
        high = float(scoring.findtext(".//q:varlte", namespaces=NS))
        return low, high
    labels = _labels(item)
    if question.type == "multiple":
        chosen = {labels[v.text] for v in scoring.iterfind("q:and/q:varequal", NS)}
        return sorted(chosen)
    return [labels[v.text] for v in scoring.iterfind(".//q:varequal", NS)]


def test_one_package_per_chapter_with_the_right_items_and_keys(out, book):
    for chapter, questions in book.ordered_quizzes():
        items = _items(out / f"{chapter}.zip")
        carried = [q for q in questions if q.type in KINDS]
        prompts = _prompts(book, chapter)
        assert len(items) == len(carried) + len(prompts), chapter
        for question in carried:
            item = items[question.id]
            assert _kind(item) == KINDS[question.type], question.id
            assert _text(item.findtext("q:presentation/q:material/q:mattext", namespaces=NS)).startswith(
                question.prompt
            )
            if question.type == "numeric":
                assert _keyed(item, question) == (
                    question.answer - question.tolerance,
                    question.answer + question.tolerance,
                )
            elif question.type == "multiple":
                assert _keyed(item, question) == sorted(o.text for o in question.options if o.correct), question.id
                assert sorted(_labels(item).values()) == sorted(o.text for o in question.options)
            else:
                assert _keyed(item, question) == [o.text for o in question.options if o.correct], question.id
                assert sorted(_labels(item).values()) == sorted(o.text for o in question.options)
        essays = [item for item in items.values() if _kind(item) == "essay_question"]
        assert [_text(e.findtext(".//q:mattext", namespaces=NS)) for e in essays] == prompts, chapter


def test_readme_lists_what_the_packages_cannot_carry(out, book):
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "`order` (ordering questions)" in readme and "`match` (matching questions)" in readme
    left_out = [q for q in book.questions() if q.type in ("order", "match")]
    assert left_out, "the book has order and match questions to leave out"
    for question in left_out:
        assert f"{question.id} ({question.type})" in readme


def test_text_is_carried_as_written(tmp_path, book):
    from text2qti.config import Config
    from text2qti.quiz import Quiz

    from coursebook.qti import plain

    tricky = "Costs of $4bn and $5bn *each*, <b>bold</b> & 'quoted' -- 1. a) [x] ... _done_"
    quiz = Quiz(f"Quiz title: t\n\n1. {plain(tricky)}\n*a) {plain('yes')}\nb) no\n", config=Config())
    markup = html.unescape(quiz.questions_and_delims[0].question_html_xml)  # XML text -> the HTML Canvas shows
    assert "<b>" not in markup and _text(markup) == tricky


def test_bad_out_is_said_in_plain_words(tmp_path, capsys):
    target = tmp_path / "a-file"
    target.write_text("x")
    assert cli.main(["--root", str(ROOT), "export-qti", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file; give a folder" in err and "Traceback" not in err


def test_a_question_text2qti_refuses_is_left_out_and_named(tmp_path, book):
    import copy

    from coursebook import qti

    chapter, questions = book.ordered_quizzes()[0]
    numeric = next(q for q in questions if q.type == "numeric")
    zero = numeric.model_copy(update={"answer": 0.0, "tolerance": 0.0})
    changed = copy.copy(book)
    changed.quizzes = {chapter: [zero if q is numeric else q for q in questions]}
    qti.export(changed, tmp_path)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert f"{numeric.id} (numeric: Invalid numerical response; all acceptable values must have a magnitude" in readme
    assert numeric.id not in _items(tmp_path / f"{chapter}.zip")
    assert len(_items(tmp_path / f"{chapter}.zip")) > 1
