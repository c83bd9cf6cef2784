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


def build(source, out) -> tuple[set[str], set[str]]:
    """Build; return (pages Sphinx read, pages whose notebook ran)."""
    from coursebook.building import command

    result = subprocess.run(command(source, out), cwd=source, capture_output=True, text=True, timeout=300)
    log = ANSI.sub("", result.stdout + result.stderr)
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


def test_nothing_changed_nothing_is_read(built):
    assert build(*built) == (set(), set())


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
