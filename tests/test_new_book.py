"""``python -m coursebook new``: a complete book for an article the project has never seen.

The article is Lincoln's Second Inaugural Address (public domain; ``tests/books/lincoln/``,
where SOURCE.md says where the text comes from). The book is made and built with the two
commands an instructor runs, then read back: every line verbatim and in order, no request
to another host, no console error, no serious axe violation. The inference rules are tested
on small texts of their own, without building anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from browserkit import new_context, open_offline, run_axe
from bs4 import BeautifulSoup
from conftest import ROOT, built_once, serve, toc_pages
from test_seed_in_build import article_blocks, seed_lines, words_of

from coursebook import Book, scaffold

ARTICLE = ROOT / "tests" / "books" / "lincoln" / "lincoln-1865-second-inaugural.txt"
META = [
    "--title",
    "Second Inaugural Address",
    "--author",
    "Abraham Lincoln",
    "--published",
    "1865-03-04",
    "--publisher",
    "Washington, D.C. (delivered at the US Capitol)",
]


def coursebook(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coursebook", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def _make(folder: Path) -> Path:
    dest = folder / "lincoln"
    made = coursebook("new", str(ARTICLE), str(dest), *META)
    assert made.returncode == 0, made.stdout + made.stderr
    return dest


def _build(book: Path) -> Path:
    start = time.monotonic()
    built = coursebook("build", str(book), cwd=book)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(f"\nnew book: built in {time.monotonic() - start:.1f} s")
    return book / "_build" / "html"


@pytest.fixture(scope="session")
def new_book(tmp_path_factory) -> Path:
    """The book ``coursebook new`` makes (once per run, shared by xdist's workers)."""
    return built_once(tmp_path_factory, "new-book", _make)


@pytest.fixture(scope="session")
def new_site(tmp_path_factory, new_book) -> Path:
    """That book, built by ``coursebook build``."""
    return built_once(tmp_path_factory, "new-site", lambda _folder: _build(new_book))


# --- what `new` writes ------------------------------------------------------------------------


def test_the_seed_is_a_byte_identical_copy_and_the_roles_are_marked_inferred(new_book):
    book = Book.load(new_book)
    assert book.article.seed_path.read_bytes() == ARTICLE.read_bytes()
    raw = yaml.safe_load((new_book / "seeds" / "manifest.yaml").read_text(encoding="utf-8"))
    assert all(entry["inferred"] is True for entry in raw["lines"])
    assert [line.role for line in book.article.lines] == [
        "title",
        "section-heading",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert book.article.info.title == "Second Inaugural Address"
    assert book.article.info.cite in book.references  # the text's own entry


def test_the_book_has_its_own_pages_data_and_tooling(new_book):
    for rel in (
        "README.md",
        "_config.yml",
        "_toc.yml",
        "Makefile",
        ".ci/run",
        "data/references.bib",
        "chapters/index.md",
        "chapters/read-the-article.md",
        "chapters/progress.md",
        "chapters/instructors.md",
    ):
        assert (new_book / rel).is_file(), rel
    book = Book.load(new_book)
    assert set(book.quiz_files) == {c.id for c in book.article.chapters}  # one bank per chapter, empty
    assert book.questions() == []
    assert not (new_book / "data" / "model").exists()  # the slider models are not required
    assert (new_book / ".ci" / "run").stat().st_mode & 0o111


def example(path: Path) -> list:
    """The commented example at the top of a data file, uncommented and parsed."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if "For example:" in line) + 1
    body = [line[2:] if line.startswith("# ") else line[1:] for line in lines[start:] if line.startswith("#")]
    return yaml.safe_load("\n".join(body))


def test_every_data_file_starts_with_an_example_that_is_valid(new_book):
    from coursebook.sources import COLLECTIONS

    checked = []
    for collection in COLLECTIONS:
        path = new_book / "data" / collection.path
        files = sorted(path.glob("*.yaml")) if collection.key else [path]
        for file in files:
            if collection.name in ("eras", "layers") or not file.exists():
                continue  # eras: none (no example); layers: real records, not an example
            items = example(file)
            assert isinstance(items, list) and items, file
            for item in items:
                if collection.name == "quizzes":  # the example is a question of the file's list
                    item = {"chapter": "a-chapter", "questions": [item]}
                collection.model.model_validate(item)
            checked.append(collection.name)
    assert set(checked) >= {
        "objectives",
        "quizzes",
        "annotations",
        "glossary",
        "people",
        "organisations",
        "places",
        "events",
        "claims",
        "evidence",
        "prompts",
        "periods",
        "maps",
    }


def test_new_refuses_bad_input_in_one_sentence(new_book, tmp_path):
    cases = {
        "already exists and is not empty": [str(ARTICLE), str(new_book), *META],
        "must be a date written YYYY-MM-DD": [str(ARTICLE), str(tmp_path / "a"), *META[:5], "4 March 1865", *META[6:]],
        "must be a web address": [str(ARTICLE), str(tmp_path / "b"), *META, "--url", "capitol"],
        "cannot read": [str(tmp_path / "missing.txt"), str(tmp_path / "c"), *META],
    }
    for expected, args in cases.items():
        result = coursebook("new", *args)
        assert result.returncode == 2 and expected in result.stderr, (expected, result.stderr)
        assert "Traceback" not in result.stderr


# --- inference, on small texts ----------------------------------------------------------------


def test_roles_title_headings_pull_quotes_and_paragraphs():
    text = "The title\n\nA first paragraph.\n\nA heading: no full stop\n\nA second one.\n\nA first paragraph.\n\n“A quoted line.”\n"
    blocks = scaffold.infer_roles(text)
    assert [(b.line, b.role, b.id, b.repeats) for b in blocks] == [
        (1, "title", None, None),
        (3, "paragraph", "p1", None),
        (5, "section-heading", None, None),
        (7, "paragraph", "p2", None),
        (9, "pull-quote", None, "p1"),
        (11, "paragraph", "p3", None),
    ]


def test_hard_wrapped_blocks_are_pointed_out():
    assert scaffold.wrapped("Title\n\nOne line.\n\nA wrapped\nparagraph\ngoes on.\n\nAnother\none.\n") == [5, 9]
    assert scaffold.wrapped(ARTICLE.read_text(encoding="utf-8")) == []


def test_chapters_split_at_headings_or_every_three_to_four_paragraphs():
    plain = "Title\n\n" + "\n\n".join(f"Paragraph {n}." for n in range(1, 11)) + "\n"
    plans = scaffold.split_chapters(scaffold.infer_roles(plain))
    assert [p.paragraphs for p in plans] == [["p1", "p2", "p3", "p4"], ["p5", "p6", "p7"], ["p8", "p9", "p10"]]
    assert [p.id for p in plans] == ["part-1", "part-2", "part-3"]
    headed = "Title\n\nOne.\n\nFirst part\n\nTwo.\n\nThree.\n\nSecond part\n\nFour.\n"
    plans = scaffold.split_chapters(scaffold.infer_roles(headed))
    assert [(p.id, p.title, p.paragraphs) for p in plans] == [
        ("part-1", "Part 1 (¶1)", ["p1"]),
        ("first-part", "First part", ["p2", "p3"]),
        ("second-part", "Second part", ["p4"]),
    ]
    assert plans[0].blocks[0].role == "title"


# --- the built book ---------------------------------------------------------------------------


def test_every_line_of_the_article_is_verbatim_and_in_order(new_book, new_site):
    book = Book.load(new_book)
    chapters = [words_of(line) for _, line in article_blocks(new_site, root=new_book)]
    whole = [words_of(line) for _, line in article_blocks(new_site, reading=True, root=new_book)]
    assert chapters == seed_lines(book)
    assert whole == seed_lines(book)
    front = BeautifulSoup((new_site / "chapters" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert front.select_one("a[href='read-the-article.html']") is not None


@pytest.mark.browser
def test_every_page_works_offline_without_errors_or_serious_axe_violations(new_book, new_site, browser):
    problems = []
    context = new_context(browser)
    for base in serve(new_site):
        for rel in toc_pages(root=new_book):
            page, log = open_offline(context, base)
            page.goto(f"{base}/{rel}", wait_until="networkidle")
            for widget in page.locator(".cb-widget").all():
                widget.and_(page.locator("[data-cb-ready='true']")).wait_for(timeout=10_000)
            problems += [f"{rel}: {p}" for p in log.problems()]
            problems += [f"{rel}: axe {v['impact']}: {v['id']} at {v['nodes']}" for v in run_axe(page)]
            page.close()
    context.close()
    assert problems == []


@pytest.mark.browser
def test_a_new_book_says_plainly_that_it_has_no_questions_or_events_yet(new_book, new_site, browser):
    """Its quiz banks start empty: a chapter says so, and the progress page neither counts
    "0 of 0" nor marks a chapter with nothing to answer as done."""
    context = new_context(browser)
    chapter = f"chapters/{Book.load(new_book).article.chapters[0].id}.html"
    for base in serve(new_site):
        page, log = open_offline(context, base)
        page.goto(f"{base}/{chapter}", wait_until="networkidle")
        page.locator(".cb-quiz-score").wait_for()
        assert page.locator(".cb-quiz-score").inner_text() == "There are no questions for this chapter yet."
        page.goto(f"{base}/chapters/progress.html", wait_until="networkidle")
        page.locator(".cb-progress-summary").wait_for()
        assert page.locator(".cb-progress-summary").inner_text() == "This book has no questions yet."
        assert page.locator(".cb-progress-none").first.inner_text() == "No questions in this chapter yet"
        assert page.locator(".cb-done-mark").count() == 0
        # Its events file is empty too: the timeline says so, with no filters to try.
        page.goto(f"{base}/chapters/timeline.html", wait_until="networkidle")
        page.locator(".cb-timeline-none").wait_for()
        assert page.locator(".cb-timeline-none").inner_text() == "This book has no events yet."
        assert page.locator(".cb-timeline select").count() == 0
        assert log.problems() == []
    context.close()


def test_the_books_makefile_finds_the_engine_here_and_on_another_machine(new_book, tmp_path):
    """`make check` in the new book runs with the Python that made it, and, where that
    Python is not (the book moved to another machine), with the first python3 on PATH."""
    made_with = sys.executable
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    here = subprocess.run(["make", "-s", "check"], cwd=new_book, env=env, capture_output=True, text=True, timeout=120)
    assert here.returncode == 0, here.stdout + here.stderr
    moved = shutil.copytree(new_book, tmp_path / "moved", ignore=shutil.ignore_patterns("_build"))
    makefile = moved / "Makefile"
    assert made_with in makefile.read_text(encoding="utf-8")
    makefile.write_text(makefile.read_text(encoding="utf-8").replace(made_with, "/nowhere/bin/python"))
    shims = tmp_path / "bin"
    shims.mkdir()
    shim = shims / "python3"
    shim.write_text(f'#!/bin/sh\nexec "{made_with}" "$@"\n')
    shim.chmod(0o755)
    env["PATH"] = f"{shims}{os.pathsep}/usr/bin{os.pathsep}/bin"
    there = subprocess.run(["make", "-s", "check"], cwd=moved, env=env, capture_output=True, text=True, timeout=120)
    assert there.returncode == 0, there.stdout + there.stderr
    assert here.stdout == there.stdout.replace(str(moved), str(new_book))
