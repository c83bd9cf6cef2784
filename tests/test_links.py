"""Every internal link resolves, under both the html and the dirhtml builders.

The engine writes its links as book links (``cb-link:chapters/x#anchor``) that the
builder resolves (coursebook/sphinxext/linking.py). This builds the fixture book with
both builders and follows every ``href`` of every page, and every link in the widgets'
JSON state, to a file that exists and an anchor on it.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import MINI, build_in_process

# Module-scoped builds: keep this file's tests in one xdist worker.
pytestmark = pytest.mark.xdist_group("links")

HREF = re.compile(r'\bhref="([^"]*)"')
WIDGET_STATE = re.compile(r'data-cb-widget="[^"]*"[^>]*><script type="application/json">(.*?)</script>', re.S)


def widget_links(html: str) -> list[str]:
    """Every ``…href`` value in the widgets' JSON state on a page."""
    found: list[str] = []
    for state in WIDGET_STATE.findall(html):
        _hrefs(json.loads(state), found)
    return found


def _hrefs(value, found: list[str]) -> list[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("href") and isinstance(item, str):
                found.append(item)
            else:
                _hrefs(item, found)
    elif isinstance(value, list):
        for item in value:
            _hrefs(item, found)
    return found


def shared_links(site: Path, html: str) -> list[str]:
    """Every ``…href`` in the shared script a page names (the progress page's questions,
    coursebook/sphinxext/shared.py), made relative to the page as js/lib/shared.js does:
    ``cb-root:`` becomes the page's content root."""
    if 'id="cb-progress-data"' not in html:
        return []
    text = (site / "_static" / "coursebook" / "progress.js").read_text(encoding="utf-8")
    assert "cb-link:" not in text, "the shared progress script holds an unresolved book link"
    root = re.search(r'<html[^>]*\bdata-content_root="([^"]*)"', html).group(1)
    data = json.loads(text.split("window.cbProgressData = ", 1)[1].rstrip().rstrip(";"))
    hrefs = _hrefs(data, [])
    assert all(h.startswith("cb-root:") for h in hrefs), hrefs
    return [root + h.removeprefix("cb-root:") for h in hrefs]


def widget_ids(html: str) -> set[str]:
    """The ids the widgets' scripts give their items on the page (js/widgets/timeline.js
    gives each event ``event-<id>``; quiz.js each question ``cb-q-<id>``; prompts.js each
    prompt's text box ``cb-think-<chapter>-<id>``)."""
    ids: set[str] = set()
    for state in WIDGET_STATE.findall(html):
        value = json.loads(state)
        ids |= {f"event-{e['id']}" for e in value.get("events", [])}
        ids |= {f"cb-q-{q['id']}" for q in value.get("questions", [])}
        if "chapter" in value and isinstance(value.get("prompts"), list):
            ids |= {f"cb-think-{value['chapter']}-{p['id']}" for p in value["prompts"]}
    return ids


def page_ids(page: Path) -> set[str]:
    html = page.read_text(encoding="utf-8")
    return set(re.findall(r'\bid="([^"]+)"', html)) | widget_ids(html)


def target_of(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points at; None for an external link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    target = page if not path else (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    counts = {"cross-page": 0, "widget": 0}
    ids: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "cb-link:" not in html, f"{page}: an unresolved book link"
        links = [unescape(h) for h in HREF.findall(html)]
        from_widgets = widget_links(html) + shared_links(site, html)
        counts["widget"] += len(from_widgets)
        for href in links + from_widgets:
            found = target_of(site, page, href)
            if found is None:
                continue
            target, anchor = found
            where = f"{page.relative_to(site)}: {href}"
            if target != page and target.suffix == ".html":
                counts["cross-page"] += 1
            if not target.is_file():
                problems.append(f"{where} → no file {target}")
                continue
            if anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = page_ids(target)
                if anchor not in ids[target]:
                    problems.append(f"{where} → no #{anchor} in {target.relative_to(site)}")
    return problems, counts


@pytest.fixture(scope="module")
def dirhtml_site(tmp_path_factory):
    """The fixture book built with the dirhtml builder (a folder per page)."""
    return build_in_process(MINI, tmp_path_factory.mktemp("dirhtml") / "out", "student", builder="dirhtml")


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_every_internal_link_resolves(builder, request):
    site = request.getfixturevalue("mini_site" if builder == "html" else "dirhtml_site")
    problems, counts = broken_links(site)
    assert problems == []
    # Not vacuous: the fixture's pages link to each other, and its widgets carry links.
    assert counts["cross-page"] >= 20 and counts["widget"] >= 3, counts


def test_links_follow_the_builder(mini_site, dirhtml_site):
    """The same link, written once by the engine, in the form each builder needs."""
    flat = (mini_site / "chapters" / "glossary.html").read_text(encoding="utf-8")
    assert 'href="reading.html#p1"' in flat
    site = dirhtml_site
    nested = (site / "chapters" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'href="../reading/#p1"' in nested
    timeline = (site / "chapters" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '"href":"../reading/#p1"' in timeline
