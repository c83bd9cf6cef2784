"""Editing one data file rebuilds only the pages that read it (env.note_dependency), and
runs again only the notebooks whose widgets show it (the execution cache)."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import MINI, edit

# Module-scoped builds: keep this file's tests in one xdist worker.
pytestmark = pytest.mark.xdist_group("dependencies")

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def sphinx_checksum(text: str) -> str:
    """The ?v= that Sphinx gives a static file: the CRC-32 of its bytes, in hex."""
    import zlib

    return f"{zlib.crc32(text.encode('utf-8')):08x}"


LAST_LOG = {"text": ""}


def build(source, out) -> tuple[set[str], set[str]]:
    """Build; return (pages Sphinx read, pages whose notebook ran). Its log: LAST_LOG."""
    from coursebook.building import command

    result = subprocess.run(command(source, out), cwd=source, capture_output=True, text=True, timeout=300)
    log = LAST_LOG["text"] = ANSI.sub("", result.stdout + result.stderr)
    assert result.returncode == 0, log[-3000:]
    read = set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", log))
    ran = {f"chapters/{name}" for name in re.findall(r"chapters/([\w-]+)\.md: Executing notebook", log)}
    return read, ran


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from coursebook.paths import copy_sources

    source = copy_sources(MINI, tmp_path_factory.mktemp("deps") / "book")
    out = source.parent / "out"
    read, ran = build(source, out)
    assert {"chapters/reading", "chapters/progress", "chapters/timeline"} <= ran
    return source, out


def site_css(out) -> str:
    return (out / "_build" / "html" / "_static" / "coursebook" / "site.css").read_text(encoding="utf-8")


def test_nothing_changed_nothing_is_read(built):
    before = site_css(built[1])
    assert build(*built) == (set(), set())
    assert "site.css stays as it is" in LAST_LOG["text"]
    assert site_css(built[1]) == before


def test_an_edit_with_no_new_word_takes_the_stylesheet_from_the_cache(built):
    source, out = built
    page = source / "chapters" / "glossary.md"
    edit(page, "# Glossary", "# Glossary\n\nGlossary.")
    build(source, out)  # its stylesheet is made again, or taken from the cache
    before = site_css(out)
    edit(page, "# Glossary\n\nGlossary.", "# Glossary")
    build(source, out)
    assert "site.css from the cache" in LAST_LOG["text"]
    assert site_css(out) == before


def test_the_stylesheet_follows_the_words_in_the_pages(built):
    """PurgeCSS keeps a rule only if its class is a word of some page; the cached
    stylesheet must not hide a rule that a new word now needs, nor keep one no longer used."""
    source, out = built
    page = source / "chapters" / "glossary.md"
    assert ".sd-text-success" not in site_css(out)
    edit(page, "# Glossary", "# Glossary\n\nA word no page had: sd-text-success.")
    build(source, out)
    assert "site.css from the cache" not in LAST_LOG["text"]
    assert ".sd-text-success" in site_css(out)
    edit(page, "\n\nA word no page had: sd-text-success.", "")
    build(source, out)
    assert ".sd-text-success" not in site_css(out)


def test_one_quiz_bank(built):
    source, out = built
    edit(
        source / "data" / "quizzes" / "reading.yaml",
        "Which option is the image tag?",
        "Which option is the image tag, then?",
    )
    read, ran = build(source, out)
    # The chapter that shows the quiz runs again. The progress page, which grades stored
    # tries against every question, reads them from the build's shared script: the page is
    # read again (to name the script's new checksum) but its notebook does not run.
    assert read == {"chapters/reading", "chapters/progress"}
    assert ran == {"chapters/reading"}
    site = out / "_build" / "html"
    shared = (site / "_static" / "coursebook" / "progress.js").read_text(encoding="utf-8")
    assert "Which option is the image tag, then?" in shared
    # Its links are resolved by the builder, from the site's root (the page makes them relative).
    assert "cb-link:" not in shared and '"cb-root:chapters/reading.html#cb-q-' in shared
    page = (site / "chapters" / "progress.html").read_text(encoding="utf-8")
    assert "image tag" not in page
    checksum = re.search(r'src="../_static/coursebook/progress\.js\?v=(\w+)"', page)
    assert checksum and checksum.group(1) == sphinx_checksum(shared)


def test_one_glossary_entry(built):
    source, out = built
    edit(source / "data" / "glossary.yaml", "stands for any paragraph", "stands for any one paragraph")
    read, ran = build(source, out)
    # Only the page that shows the entry in full is read again. The article's pages link
    # the term by its id; their previews come from one shared script, written again.
    assert read == {"chapters/glossary"}
    assert ran == set()
    previews = (out / "_build" / "html" / "_static" / "coursebook" / "previews.js").read_text(encoding="utf-8")
    assert "it stands for any one paragraph of a real article." in previews
    page = (out / "_build" / "html" / "chapters" / "reading.html").read_text(encoding="utf-8")
    assert 'data-cb-term="made-up-paragraph"' in page and "stands for any" not in page


def test_a_glossary_term_renamed(built):
    source, out = built
    edit(source / "data" / "glossary.yaml", "term: Made-up paragraph", "term: Invented paragraph")
    read, ran = build(source, out)
    # The term's name is shown where it is listed (the chapter's context list) and on
    # the pages of entries (See also), and the timeline's labels may name it: those are
    # read again; the progress page and the front page are not.
    assert {"chapters/glossary", "chapters/reading"} <= read
    assert "chapters/progress" not in read and "chapters/index" not in read
    assert "Invented paragraph" in (out / "_build" / "html" / "chapters" / "reading.html").read_text(encoding="utf-8")
    assert "chapters/progress" not in ran


def test_one_chapter(built):
    source, out = built
    edit(source / "chapters" / "glossary.md", "# Glossary", "# Glossary\n\nAn added sentence.")
    read, ran = build(source, out)
    assert read == {"chapters/glossary"}
    assert ran == set()


def test_a_chapter_with_a_quiz(built):
    source, out = built
    edit(source / "chapters" / "reading.md", "# The reading", "# The reading\n\nAn added sentence.")
    read, ran = build(source, out)
    # The progress page shows the chapter's title: read again, but its notebook is unchanged.
    assert read == {"chapters/reading", "chapters/progress"}
    assert ran == set()


def test_only_hashes_no_rule_can_match_are_left_out_of_the_stylesheet_key():
    """The checksums and fingerprints that change with every edit do not decide the
    stylesheet's cache key, unless a rule names them or matches part of them."""
    from coursebook.sphinxext.assets import _words_that_count

    css = '.cb-quiz{} .a1b2c3d4e5{} [class*="ef12"]{} a[href^="http"]{}'
    words = {"cb-quiz", "f5ac439c657513ef", "0fbd19ff", "a1b2c3d4e5", "abcdef12", "deadbeef", "col-md", "12345678"}
    assert _words_that_count(words, css) == {"cb-quiz", "a1b2c3d4e5", "abcdef12", "deadbeef", "col-md"}
