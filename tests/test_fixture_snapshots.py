"""The fixture book (tests/books/mini) uses every directive and every widget of the engine,
and the structure of what each one renders is pinned by an HTML snapshot.

The snapshots keep elements, their classes, roles, aria and ``data-cb-*`` attributes and
internal links, and the text of headings, labels and notes; they drop what changes with the
theme or the build (script bodies, asset hashes, Sphinx's generated ids). After a deliberate
change to the engine's markup, regenerate them with
``python -m pytest tests/test_fixture_snapshots.py --force-regen`` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import MINI

pytestmark = pytest.mark.xdist_group("mini")

KEEP = ("class", "role", "id", "href", "for", "type", "name", "hidden", "open", "lang")
KEEP_PREFIXES = ("aria-", "data-cb-")
VOLATILE_ID = re.compile(r"^(id\d+|[a-z-]*-\d+|mdb-.*)$")
TEXT_PARENTS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "summary",
    "label",
    "legend",
    "button",
    "th",
    "td",
    "dt",
    "dd",
    "figcaption",
    "li",
    "p",
    "a",
    "mark",
    "strong",
    "em",
    "span",
    "caption",
}


def _directives_used() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (MINI / "chapters").glob("*.md"))
    return set(re.findall(r"^(?:```|:::)\{([a-z-]+)\}", text, flags=re.M))


def _widgets_used() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (MINI / "chapters").glob("*.md"))
    return set(re.findall(r"^([a-z_]+)\(.*\)$", text, flags=re.M))


def test_the_fixture_book_uses_every_directive_and_widget():
    from unittest.mock import MagicMock

    import coursebook.sphinxext as ext
    import coursebook.widgets as widgets

    app = MagicMock()
    ext.setup(app)
    engine_directives = {call.args[0] for call in app.add_directive.call_args_list}
    assert {"article", "claims"} <= engine_directives, "the mock app no longer sees the engine's directives"
    missing = engine_directives - _directives_used()
    assert not missing, f"directives the fixture book never uses: {sorted(missing)}"
    shown = {name for name in widgets.__all__ if name[0].islower() and name not in ("embed_json", "run")}
    missing = shown - _widgets_used()
    assert not missing, f"widgets the fixture book never shows: {sorted(missing)}"


def _outline(node: Tag, depth: int = 0) -> list[str]:
    lines: list[str] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            text = " ".join(str(child).split())
            if text and node.name in TEXT_PARENTS:
                lines.append("  " * depth + f'"{text}"')
            continue
        if not isinstance(child, Tag) or child.name in ("script", "style", "template"):
            if isinstance(child, Tag):
                lines.append("  " * depth + f"<{child.name} {' '.join(_attributes(child))}>…")
            continue
        lines.append("  " * depth + f"<{child.name}{''.join(' ' + a for a in _attributes(child))}>")
        lines += _outline(child, depth + 1)
    return lines


def _attributes(tag: Tag) -> list[str]:
    out = []
    for name in sorted(tag.attrs):
        if name not in KEEP and not name.startswith(KEEP_PREFIXES):
            continue
        value = tag.attrs[name]
        value = " ".join(value) if isinstance(value, list) else str(value)
        if name == "id" and VOLATILE_ID.match(value):
            continue
        if name == "href" and (value.startswith(("http:", "https:")) or "_static" in value):
            value = "…"
        if name.startswith("data-cb-") and len(value) > 80:  # embedded state: its shape is tested elsewhere
            value = "…"
        out.append(f'{name}="{value}"')
    return out


def snapshot(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main")
    assert article is not None, f"{page.name} has no article"
    return "\n".join(_outline(article)) + "\n"


STUDENT_PAGES = [
    "index",
    "read-the-article",
    "reading",
    "glossary",
    "people",
    "places",
    "timeline",
    "claims",
    "progress",
]


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_student_page_structure(name, mini_site, file_regression):
    file_regression.check(
        snapshot(mini_site / "chapters" / f"{name}.html"), basename=f"student-{name}", extension=".txt"
    )


@pytest.mark.parametrize("name", ["reading", "course-outline"])
def test_instructor_page_structure(name, mini_instructor_site, file_regression):
    file_regression.check(
        snapshot(mini_instructor_site / "chapters" / f"{name}.html"), basename=f"instructor-{name}", extension=".txt"
    )
