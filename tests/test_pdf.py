"""The PDF handouts, read back as text with pdftotext (poppler-utils), as a reader's PDF
viewer would: the whole article in order, the questions without their answers, and a
chapter printed with the print stylesheet (no navigation, notes as endnotes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT

from coursebook import pdf


def flat(text: str) -> str:
    """NFKC (ligatures such as "ﬁ" back to letters) and every run of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# An A4 page in points (pdftotext's pixels at its default 72 dpi), and the top of its bottom
# margin (16 mm), where each page's footer is printed.
A4_WIDTH, A4_HEIGHT = 595, 842
MARGIN_TOP = A4_HEIGHT - 45


def _pdftotext(path: Path, *crop: str) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: install poppler-utils (`make browser` does, as root)")
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *crop, str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def pdf_text(path: Path) -> str:
    """The text of the pages above their footers, as one flat string."""
    return flat(_pdftotext(path, "-x", "0", "-y", "0", "-W", str(A4_WIDTH), "-H", str(MARGIN_TOP)))


def pdf_footers(path: Path) -> list[str]:
    """Each page's footer (its bottom margin), in page order."""
    crop = ("-x", "0", "-y", str(MARGIN_TOP), "-W", str(A4_WIDTH), "-H", str(A4_HEIGHT - MARGIN_TOP))
    return [flat(page) for page in _pdftotext(path, *crop).split("\f")[:-1]]


# Playwright's sync API will not start inside another one running in the same thread, and
# this worker may already hold the browser tests' session browser: print in a fresh
# process, as `make pdf` does.
PRINT = """
import sys
from pathlib import Path
from coursebook import Book, pdf
root, out = Path(sys.argv[1]), Path(sys.argv[2])
book = Book.load(root)
if len(sys.argv) == 3:
    pdf.print_html(pdf.handout_html(book), out)
else:
    pdf.print_site(book, Path(sys.argv[3]), out, pages=sys.argv[4:])
"""


def print_in_child(out: Path, *site_and_pages: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PRINT, str(ROOT), str(out), *site_and_pages], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def reading_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "reading.pdf"
    print_in_child(out)
    assert out.read_bytes().startswith(b"%PDF")
    return out


@pytest.fixture(scope="module")
def reading(reading_pdf) -> str:
    return pdf_text(reading_pdf)


def test_every_page_of_the_handout_says_its_number_and_the_handouts_title(book, reading_pdf):
    footers = pdf_footers(reading_pdf)
    assert len(footers) > 2
    for n, footer in enumerate(footers, start=1):
        assert footer.startswith(flat(book.article.info.title)), footer
        assert footer.endswith(f"page {n} of {len(footers)}"), footer


def seed_lines() -> list[str]:
    lines = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [flat(line) for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def test_reading_pdf_holds_every_line_of_the_article_in_order(reading):
    lines = seed_lines()
    assert len(lines) > 20
    at = 0
    for n, line in enumerate(lines, start=1):
        found = reading.find(line, at)
        assert found >= 0, f"seed line {n} is missing from reading.pdf, or out of order: {line[:80]}"
        at = found + len(line)


def test_reading_pdf_numbers_the_paragraphs(book, reading):
    for pid, line in book.article.paragraphs.items():
        assert f"¶{pid[1:]} {flat(line.text)[:40]}" in reading


def test_reading_pdf_asks_every_question_and_prompt_but_gives_no_answer(book, reading):
    chapters = [c.id for c in book.article.chapters]
    asked = 0
    for chapter in chapters:
        for q in book.quizzes.get(chapter, []):
            assert flat(q.prompt.replace("*", ""))[:50] in reading, f"{q.id} is not asked"
            assert flat(q.explanation)[:60] not in reading, f"{q.id}: its explanation is printed"
            for option in getattr(q, "options", []):
                assert flat(option.feedback)[:60] not in reading, f"{q.id}: feedback is printed"
            asked += 1
        for prompt in pdf.think_prompts(book, chapter):
            assert flat(prompt.replace("*", ""))[:40] in reading
    assert asked == sum(len(book.quizzes.get(c, [])) for c in chapters) > 0
    assert sum(len(pdf.think_prompts(book, c)) for c in chapters) > 0


def test_a_question_on_paper_does_not_list_its_options_in_key_order(book):
    shuffled = [q for q in book.questions() if q.type in ("single", "multiple", "order")]
    same = 0
    for q in shuffled:
        texts = [o.text for o in q.options] if q.type != "order" else [i.text for i in q.items]
        page = pdf.question_html(q, 1)
        same += [page.index(pdf._inline(t)) for t in texts] == sorted(page.index(pdf._inline(t)) for t in texts)
    assert same < len(shuffled) / 2


def test_a_printed_chapter_has_no_navigation_and_its_notes_as_endnotes(book, site, tmp_path):
    out = tmp_path / "chapter.pdf"
    print_in_child(out, str(site), "chapters/hope-of-a-deal.html")
    text = pdf_text(out)
    assert "The hope of a deal" in text
    footers = pdf_footers(out)
    assert footers and all("The hope of a deal — " in f for f in footers), footers
    assert [f.rsplit("page ", 1)[1] for f in footers] == [f"{n} of {len(footers)}" for n in range(1, len(footers) + 1)]
    # The theme already hides its navigation in print; buttons and the printed contents list
    # are ours to hide.
    for chrome in ("Skip to main content", "Back to top", "Contents", "Check answer", "Reset my answers"):
        assert chrome not in text, f"the printed page shows “{chrome}”"
    # Sphinx prints the notes with typographic quotes ("author's" as "author’s").
    plain = text.replace("’", "'").replace("“", '"').replace("”", '"')
    notes = book.paragraph_annotations("p2")
    assert notes
    for note in notes:
        assert flat(note.note)[:60] in plain, f"note {note.id} is not printed"
    assert "needs JavaScript" not in text


def test_prompts_come_from_the_books_prompt_records_when_it_has_them():
    """data/prompts.yaml (Book.chapter_prompts) wins over the list in the chapter's page."""

    class Prompt:
        def __init__(self, text):
            self.text = text

    class WithPrompts:
        def chapter_prompts(self, chapter):
            return [Prompt(f"{chapter}: first"), Prompt(f"{chapter}: second")]

    assert pdf.think_prompts(WithPrompts(), "hope-of-a-deal") == ["hope-of-a-deal: first", "hope-of-a-deal: second"]


def test_the_instructor_edition_prints_its_answer_key_teaching_notes_and_lesson_plan(mini_instructor_site, tmp_path):
    """What `make pdf EDITION=instructor` prints for a chapter: the page as the instructor
    edition shows it, with what the student edition leaves out."""
    out = tmp_path / "instructor.pdf"
    print_in_child(out, str(mini_instructor_site), "chapters/reading.html")
    text = pdf_text(out)
    for shown in (
        "Answer key (instructor edition only)",
        "Teaching note for the fixture: discuss the hostile option.",
        "Lesson plan: session 1 of 1, 50 minutes",
    ):
        assert shown in text, f"instructor.pdf does not show “{shown}”"
    assert pdf_footers(out)[0].endswith(f"page 1 of {len(pdf_footers(out))}")
