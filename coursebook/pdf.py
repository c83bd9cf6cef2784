"""PDF handouts, printed by Debian's chromium (Playwright drives it; print-to-PDF).

``python -m coursebook pdf`` (``make pdf``) writes into ``_build/pdf/``:

``reading.pdf``
    The handout: the whole article as published, every line in its role and each
    paragraph with its ¶ number, then, chapter by chapter, its questions without their
    answers and its "Think it through" prompts with ruled space to write. It is made from
    the book's records (:class:`Book`), not from the site, so no answer can slip in.
``book.pdf``
    Every page of the built student book in reading order, printed as a reader's Ctrl-P
    prints it: the print stylesheet (``static/coursebook/print.css``) hides navigation
    and controls, notes come as a numbered list after the article, and the widgets print
    in their default state (the models' chart and table, the timeline as a list).

``--edition instructor`` (``make pdf EDITION=instructor``) prints the instructor edition,
with its answer keys, teaching notes and lesson plans, into ``instructor.pdf``.

The pages are merged with ``pdfunite`` (poppler-utils, which ``make setup`` installs with
chromium). Nothing is fetched from another host: such requests are refused.
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import random
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

from . import building, lessons
from .book import Book

PRINT_CSS = Path(__file__).resolve().parent / "static" / "coursebook" / "print.css"
HANDOUT_CSS = Path(__file__).resolve().parent / "handout.css"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAPER = {"format": "A4", "margin": {"top": "16mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}}
# Every printed page says where it is, in its bottom margin: the document's title (the
# handout's, or the chapter's page in the book) and "page N of M" (of that document, so a
# chapter's pages are numbered from 1 in book.pdf). Chromium fills in the spans' classes.
FOOTER = (
    '<div style="font: 8pt DejaVu Sans, Arial, sans-serif; color: #444; width: 100%; margin: 0 16mm;'
    ' display: flex; justify-content: space-between;"><span class="title"></span>'
    '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
)
PRINT = {
    **PAPER,
    "print_background": True,
    "display_header_footer": True,
    "header_template": "<div></div>",
    "footer_template": FOOTER,
}
LETTERS = "ABCDEFGH"


class PdfError(Exception):
    """Why a PDF cannot be made, in one sentence."""


# --- the reading handout, from the book's records ----------------------------------------


def _inline(text: str) -> str:
    """MyST prose to HTML, escaped: **strong**, *emphasis* and `code`; links keep their words."""
    out = html.escape(text, quote=False)
    out = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", out)
    out = re.sub(r"\{[a-z-]+\}`([^`<]+?)(?: &lt;[^`]*&gt;)?`", r"\1", out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", out)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", out)


def think_prompts(book: Book, chapter: str) -> list[str]:
    """A chapter's "Think it through" prompts: the book's prompt records when it has them
    (``data/prompts.yaml``, ``Book.chapter_prompts``), else the list in the chapter."""
    if hasattr(book, "chapter_prompts"):
        return [p.text for p in book.chapter_prompts(chapter)]
    page = book.chapters.get(chapter)
    return lessons.think_prompts(page.path.read_text(encoding="utf-8")) if page else []


def _shuffled(items: list, seed: str) -> list:
    """The same order at every build, and not the order of the answer key."""
    order = list(items)
    random.Random(seed).shuffle(order)
    return order


def _choices(texts: list[str], box: str) -> str:
    rows = "".join(f'<li><span class="cb-box" aria-hidden="true">{box}</span> {_inline(t)}</li>' for t in texts)
    return f'<ul class="cb-choices">{rows}</ul>'


def question_html(q, n: int) -> str:
    """One question as a reader meets it on paper: no mark shows which answer is right."""
    head = f'<p class="cb-q-prompt"><span class="cb-q-number">{n}.</span> {_inline(q.prompt)}</p>'
    if q.type == "true-false":
        body = _choices([o.text for o in q.options], "○")
    elif q.type in ("single", "multiple"):
        hint = "Choose one." if q.type == "single" else "Choose all that apply."
        body = f'<p class="cb-q-hint">{hint}</p>' + _choices(
            [o.text for o in _shuffled(q.options, q.id)], "○" if q.type == "single" else "□"
        )
    elif q.type == "numeric":
        body = f'<p class="cb-q-blank">Answer: <span class="cb-line"></span> {html.escape(q.unit)}</p>'
    elif q.type == "order":
        items = _shuffled([i.text for i in q.items], q.id)
        body = '<p class="cb-q-hint">Number them in order.</p>' + _choices(items, "___")
    else:
        rights = _shuffled([p.right for p in q.pairs], q.id)
        lefts = "".join(f"<li>{_inline(p.left)} → ___</li>" for p in q.pairs)
        options = "".join(f"<li><strong>{LETTERS[i]}</strong> {_inline(r)}</li>" for i, r in enumerate(rights))
        body = (
            f'<p class="cb-q-hint">Write the letter of the match.</p><div class="cb-match">'
            f'<ol class="cb-match-left">{lefts}</ol><ul class="cb-match-right">{options}</ul></div>'
        )
    return f'<div class="cb-q">{head}{body}</div>'


def _article_html(book: Book) -> str:
    out = []
    for line in book.article.lines:
        text = html.escape(line.text, quote=False)
        if line.role == "title":
            out.append(f'<h1 class="cb-h-title">{text}</h1>')
        elif line.role == "paragraph":
            # The number on its own line: inline, in another font, pdftotext reads it mid-paragraph.
            out.append(f'<p class="cb-pnum" id="{line.id}">{line.label}</p><p class="cb-h-para">{text}</p>')
        else:
            out.append(f'<p class="cb-h-{line.role}"><span class="cb-role">{html.escape(line.label)}</span> {text}</p>')
    return "\n".join(out)


def _chapter_html(book: Book, chapter: str, title: str) -> str:
    paragraphs = book.chapter_paragraphs(chapter)
    span = f"¶{paragraphs[0][1:]}–¶{paragraphs[-1][1:]}" if paragraphs else ""
    parts = [f'<section class="cb-h-chapter"><h2>{html.escape(title)} <span class="cb-span">{span}</span></h2>']
    questions = book.quizzes.get(chapter, [])
    if questions:
        parts.append("<h3>Check your reading</h3>")
        parts += [question_html(q, n) for n, q in enumerate(questions, start=1)]
    prompts = think_prompts(book, chapter)
    if prompts:
        parts.append("<h3>Think it through</h3>")
        parts += [
            f'<div class="cb-prompt"><p>{_inline(p)}</p><div class="cb-write" aria-hidden="true"></div></div>'
            for p in prompts
        ]
    parts.append("</section>")
    return "\n".join(parts)


def handout_html(book: Book) -> str:
    """The reading handout as one HTML document, styled by the print stylesheet."""
    info = book.article.info
    chapters = [c for c in book.article.chapters]
    body = "\n".join(_chapter_html(book, c.id, c.title) for c in chapters)
    css = PRINT_CSS.read_text(encoding="utf-8") + HANDOUT_CSS.read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(info.title)}: a reading handout</title>'
        f'<style>{css}</style></head><body class="cb-handout">'
        f'<p class="cb-h-meta">{html.escape(info.author)}, {html.escape(info.outlet)}, {html.escape(str(info.published))}. '
        "Read the whole article first; then work through it chapter by chapter.</p>"
        f'<article class="cb-h-article">{_article_html(book)}</article>'
        f'<h2 class="cb-h-part">Questions, chapter by chapter</h2>{body}</body></html>'
    )


# --- printing with chromium ---------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@functools.lru_cache(maxsize=1)
def _pdfunite() -> str:
    tool = shutil.which("pdfunite")
    if not tool:
        raise PdfError(
            "pdfunite is missing: install poppler-utils (`sudo apt-get install poppler-utils`, or `make browser` as root)."
        )
    return tool


def _browser(playwright):
    if not Path(CHROMIUM).exists():
        raise PdfError(f"chromium is not at {CHROMIUM}: install it (`make browser`) or set CHROMIUM=/path/to/chromium.")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])


def _offline(context, allowed: str) -> None:
    def route(route):
        parsed = urlparse(route.request.url)
        if parsed.scheme in ("data", "blob", "about") or parsed.netloc == allowed:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)


# Start every widget (the host starts them near the screen, or for print), then open each
# widget's collapsed table so the static version shows its numbers.
READY = """async () => {
  window.dispatchEvent(new Event('beforeprint'));
  const pending = () => [...document.querySelectorAll('[data-cb-widget]')].filter(el => !el.dataset.cbReady);
  for (let i = 0; i < 200 && pending().length; i++) await new Promise(r => setTimeout(r, 50));
  await document.fonts.ready;
  return pending().length;
}"""


def _print_page(page, url: str, out: Path) -> None:
    page.goto(url, wait_until="load")
    left = page.evaluate(READY)
    if left:
        raise PdfError(f"{url}: {left} widget(s) did not start, so the page cannot be printed whole.")
    page.emulate_media(media="print")
    page.pdf(path=str(out), **PRINT)


def site_pages(book: Book, site: Path) -> list[str]:
    """The built pages in reading order (pages an edition leaves out are skipped)."""
    return [f"{entry.file}.html" for entry in book.toc.entries if (site / f"{entry.file}.html").is_file()]


def print_site(book: Book, site: Path, out: Path, pages: list[str] | None = None) -> int:
    """Print every page of a built site (or the ``pages`` given), in reading order, into one
    PDF. Returns the number of pages printed."""
    from playwright.sync_api import sync_playwright

    pages = pages or site_pages(book, site)
    if not pages:
        raise PdfError(f"{site} has no pages of the book: build it first (make book).")
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            browser = _browser(p)
            context = browser.new_context(service_workers="block", viewport={"width": 1000, "height": 1400})
            _offline(context, urlparse(base).netloc)
            page = context.new_page()
            parts = []
            for n, rel in enumerate(pages):
                parts.append(Path(tmp) / f"{n:03}.pdf")
                _print_page(page, f"{base}/{rel}", parts[-1])
            browser.close()
            subprocess.run([_pdfunite(), *map(str, parts), str(out)], check=True, capture_output=True)
    finally:
        httpd.shutdown()
    return len(pages)


def print_html(document: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = _browser(p)
        context = browser.new_context(service_workers="block")
        _offline(context, "")
        page = context.new_page()
        page.set_content(document, wait_until="load")
        page.pdf(path=str(out), **PRINT)
        browser.close()


def write(root: Path, edition: str = "student") -> list[Path]:
    """Write an edition's PDFs into ``_build/pdf``; the paths written."""
    book = Book.load(root)
    site = building.published(root, edition)
    if not (site / "index.html").is_file():
        build = "make book" if edition == "student" else "make instructor"
        raise PdfError(f"the {edition} edition is not built ({site.relative_to(root)}): run `{build}` first.")
    folder = root / "_build" / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if edition == "student":
        print_html(handout_html(book), folder / "reading.pdf")
        written.append(folder / "reading.pdf")
    name = "book.pdf" if edition == "student" else "instructor.pdf"
    print_site(book, site, folder / name)
    written.append(folder / name)
    return written
