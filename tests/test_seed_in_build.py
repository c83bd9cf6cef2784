"""The author's words, read back from the built HTML, are the seed: every line, in order.

The pages are parsed (not grepped): the article's lines are the ``.cb-text`` elements
inside ``section.cb-article``, taken page by page in the book's reading order.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup
from conftest import toc_pages


def seed_lines(book) -> list[str]:
    """The seed's non-empty lines, as read from the file (not from the manifest)."""
    text = book.article.seed_path.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


def article_blocks(site, reading: bool = False, root=None):
    """The lines of the chapters' passages, page by page in reading order; or, with
    ``reading``, the lines of the whole-article page. ``root``: the book's sources (by
    default this book's)."""
    for rel in toc_pages() if root is None else toc_pages(root=root):
        soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        for section in soup.select("section.cb-article"):
            if ("cb-reading" in section.get("class", [])) != reading:
                continue
            for line in section.select(".cb-line"):
                yield rel, line


def words_of(line) -> str:
    """The author's words in a rendered line: its text, minus the note numbers the book
    adds after highlighted quotes (set apart as superscript links to the notes) and the
    margin notes that follow each number."""
    text = line.select_one(".cb-text")
    markers = text.select("sup.cb-anno-sup")
    assert all(m.get_text().isdigit() for m in markers)
    sides = text.select("span.cb-side")
    assert len(sides) == len(markers)
    for side, marker in zip(sides, markers):
        assert side.find_previous_sibling() is marker, "a margin note must follow its number"
        assert side.select_one(".cb-side-num").get_text() == marker.get_text()
    for element in markers + sides:
        element.decompose()
    return text.get_text()


def test_every_seed_line_appears_verbatim_and_in_order(site, book):
    rendered = [words_of(line) for _, line in article_blocks(site)]
    assert rendered == seed_lines(book)


def test_one_page_holds_the_whole_article_in_order(site, book):
    blocks = list(article_blocks(site, reading=True))
    assert {rel for rel, _ in blocks} == {"chapters/read-the-article.html"}
    assert [words_of(line) for _, line in blocks] == seed_lines(book)
    # Every line in its role, every paragraph numbered and linked to its chapter.
    roles = [next(c for c in line["class"] if c.startswith("cb-role-")) for _, line in blocks]
    assert roles == [f"cb-role-{line.role}" for line in book.article.lines]
    paragraphs = [line for _, line in blocks if "cb-role-paragraph" in line["class"]]
    assert [p["id"] for p in paragraphs] == [f"p{n}" for n in range(1, 18)]
    for line in paragraphs:
        link = line.select_one("a.cb-pnum")
        assert link.get_text() == f"¶{line['id'][1:]}"
        assert link["href"] == f"{book.article.chapter_of(line['id'])}.html#{line['id']}"
    # The page is the first one a reader is sent to.
    assert toc_pages().index("chapters/read-the-article.html") == 1
    front = BeautifulSoup((site / "chapters/index.html").read_text(encoding="utf-8"), "html.parser")
    start = front.select_one("article .cb-start")
    assert start is not None and start.find_previous("h1") is not None
    assert "Read the whole article first" in start.get_text()
    assert start.select_one("a[href='read-the-article.html']") is not None


def test_highlights_cover_exactly_the_annotated_quotes(site, book):
    marks = {}
    for _rel, line in article_blocks(site):
        for mark in line.select("mark.cb-anno"):
            marks[mark["data-cb-note"].removeprefix("note-")] = (line.get("id"), mark.get_text())
    assert marks == {a.id: (a.paragraph, a.quote) for a in book.annotations.values()}


def test_article_text_is_set_apart_and_labelled(site, book):
    blocks = list(article_blocks(site))
    for rel, line in blocks:
        roles = [c for c in line["class"] if c.startswith("cb-role-")]
        assert len(roles) == 1, (rel, line)
        meta = line.select_one(".cb-meta").get_text(" ", strip=True)
        assert meta, f"{rel}: a line of the article has no label"
    sections = [
        s
        for rel in toc_pages()
        for s in BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select("section.cb-article")
        if "cb-reading" not in s.get("class", [])
    ]
    assert len(sections) == 6
    assert all(s.get("aria-label", "").startswith("The article, ¶") for s in sections)


def test_paragraphs_carry_number_and_stable_anchor(site, book):
    paragraphs = [(rel, line) for rel, line in article_blocks(site) if "cb-role-paragraph" in line["class"]]
    assert [line["id"] for _, line in paragraphs] == [f"p{n}" for n in range(1, 18)]
    for rel, line in paragraphs:
        link = line.select_one("a.cb-pnum")
        assert link["href"] == f"#{line['id']}"
        assert link.get_text() == f"¶{line['id'][1:]}"
        chapter = book.article.chapter_of(line["id"])
        assert rel == f"chapters/{chapter}.html"


def test_each_non_paragraph_role_says_what_it_is(site):
    expected = {
        "cb-role-title": "Headline",
        "cb-role-standfirst": "Standfirst",
        "cb-role-photo-caption": "Photo caption",
        "cb-role-photo-credit": "photo credit",
        "cb-role-pull-quote": "Pull quote",
        "cb-role-related-link": "Related link",
        "cb-role-author-bio": "About the author",
        "cb-role-disclaimer": "disclaimer",
        "cb-role-section-heading": "Section heading",
    }
    found = set()
    for _, line in article_blocks(site):
        for cls, label in expected.items():
            if cls in line["class"]:
                assert label.lower() in line.select_one(".cb-meta").get_text().lower()
                found.add(cls)
    assert found == set(expected)


def test_no_page_references_another_host_for_assets(site):
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]+)"')
    offenders = {}
    for page in site.rglob("*.html"):
        hits = pattern.findall(page.read_text(encoding="utf-8"))
        if hits:
            offenders[str(page.relative_to(site))] = sorted(set(hits))
    assert offenders == {}


def test_no_cdn_urls_in_scripts_or_styles(site):
    hosts = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "fonts.googleapis.com", "mathjax")
    offenders = []
    for page in site.rglob("*.html"):
        text = html.unescape(page.read_text(encoding="utf-8"))
        offenders += [f"{page.name}: {h}" for h in hosts if h in text]
    assert offenders == []
