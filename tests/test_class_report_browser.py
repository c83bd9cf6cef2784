"""Three students answer in the built book, download their answers from the progress page,
and the class report reads their files: it exits 0, names all three and shows the
figures their clicks imply. The files are the page's own (JSON and CSV), not simulated.
"""

from __future__ import annotations

import pytest
from browserkit import new_context, open_offline, wait_for_widgets
from bs4 import BeautifulSoup
from conftest import ROOT
from quizdriver import answer, shown_result, try_again

from coursebook import cli
from coursebook.answers import qualified_id
from coursebook.grading import correct_response, wrong_responses

pytestmark = pytest.mark.browser
CHAPTER = "hope-of-a-deal"

# Per student: the responses tried in order, for the chapter's first three questions.
PLANS = {
    "Ada": ("json", ["right", "right", "right"]),
    "Bo <i>": ("csv", ["wrong right", "right", "wrong right"]),
    "Cyd": ("json", ["wrong right", "wrong", "right"]),
}


def _hand_in(browser, server, book, name, kind, plan, folder):
    context = new_context(browser)
    page, log = open_offline(context, server)
    page.goto(f"{server}/chapters/{CHAPTER}.html", wait_until="networkidle")
    wait_for_widgets(page)
    for question, tries in zip(book.quizzes[CHAPTER], plan):
        for n, kind_of_try in enumerate(tries.split()):
            if n:
                try_again(page, question)
            response = correct_response(question) if kind_of_try == "right" else wrong_responses(question)[0]
            answer(page, question, response)
            assert shown_result(page, question)[0] == ("correct" if kind_of_try == "right" else "wrong")
    box = page.locator("textarea.cb-think-text").first
    box.fill(f"{name} thinks ¶3 <is> loaded & one-sided.")
    box.press("Tab")
    page.goto(f"{server}/chapters/progress.html", wait_until="networkidle")
    page.get_by_label("Your name, to put in the file (optional)").fill(name)
    with page.expect_download() as info:
        page.get_by_role("button", name=f"Download my answers ({kind.upper()})").click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    assert log.problems() == []
    context.close()
    return path


def test_three_students_hand_in_and_the_report_names_them(book, browser, server, tmp_path):
    files = [_hand_in(browser, server, book, name, kind, plan, tmp_path) for name, (kind, plan) in PLANS.items()]
    assert sorted(p.suffix for p in files) == [".csv", ".json", ".json"]
    out = tmp_path / "report.html"
    assert cli.main(["--root", str(ROOT), "report", *map(str, files), "--out", str(out)]) == 0
    page = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert sorted(r["data-student"] for r in page.select("#completion tr[data-student]")) == sorted(PLANS)
    total = len(book.quizzes[CHAPTER])
    for row in page.select("#completion tr[data-student]"):
        assert row.find("td").get_text() == f"{3 / total:.0%}"
    for n, question in enumerate(book.quizzes[CHAPTER][:3]):
        first = [plan[n].split()[0] == "right" for _, plan in PLANS.values()]
        cells = page.select_one(f'#questions tr[data-question="{qualified_id(CHAPTER, question.id)}"]').find_all("td")
        assert cells[1].get_text() == "3" and cells[2].get_text() == f"{sum(first) / 3:.0%}", question.id
    written = page.select_one("#written").get_text()
    assert all(f"{name} thinks ¶3 <is> loaded & one-sided." in written for name in PLANS)
    for tag in page.find_all(src=True) + page.find_all(href=True):
        assert "://" not in (tag.get("src") or tag.get("href"))
