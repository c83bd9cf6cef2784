"""Every page of the built book, opened in headless chromium with other hosts blocked.

For each page: no request leaves 127.0.0.1, nothing is logged as an error, no script
throws, no local file is missing, and axe-core finds no serious or critical violation.
The site is served under a sub-path, as it would be on ordinary hosting.
"""

from __future__ import annotations

import pytest
from browserkit import new_context, open_offline, run_axe

pytestmark = pytest.mark.browser


def all_pages(site):
    skip = {"_static", "_sources", "_images", "reports"}
    return sorted(
        str(p.relative_to(site)) for p in site.rglob("*.html") if not skip.intersection(p.relative_to(site).parts)
    )


def test_every_page_is_offline_clean_and_accessible(site, server, browser):
    pages = all_pages(site)
    assert len(pages) >= 14, pages
    context = new_context(browser)
    failures = {}
    for rel in pages:
        page, log = open_offline(context, server)
        page.goto(f"{server}/{rel}", wait_until="networkidle")
        problems = log.problems()
        if rel not in ("index.html", "genindex.html", "search.html"):
            problems += [f"axe {v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}" for v in run_axe(page)]
        if problems:
            failures[rel] = problems
        page.close()
    context.close()
    assert not failures, "\n".join(f"{page}:\n  " + "\n  ".join(p) for page, p in failures.items())


def test_every_page_is_accessible_in_dark_mode(site, server, browser):
    """The theme follows the reader's system setting; dark mode must keep contrast too."""
    context = new_context(browser, color_scheme="dark")
    failures = {}
    for rel in all_pages(site):
        page, log = open_offline(context, server)
        page.goto(f"{server}/{rel}", wait_until="networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        problems = log.problems() + [
            f"axe {v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}" for v in run_axe(page)
        ]
        if problems:
            failures[rel] = problems
        page.close()
    context.close()
    assert not failures, "\n".join(f"{page}:\n  " + "\n  ".join(p) for page, p in failures.items())


def test_axe_runs_on_search_and_index_pages_too(site, server, browser):
    context = new_context(browser)
    for rel in ("genindex.html", "search.html"):
        page, log = open_offline(context, server)
        page.goto(f"{server}/{rel}", wait_until="networkidle")
        assert run_axe(page) == [], rel
        assert log.problems() == [], rel
        page.close()
    context.close()


def test_root_redirects_to_front_page_under_a_sub_path(server, browser):
    context = new_context(browser)
    page, log = open_offline(context, server)
    page.goto(f"{server}/index.html")
    page.wait_for_url("**/chapters/index.html")
    assert page.get_by_role("heading", level=1).first.inner_text().startswith("A dead end in Syria?")
    assert log.problems() == []
    context.close()


def test_a_paragraph_link_lands_on_its_passage(server, browser):
    context = new_context(browser)
    page, log = open_offline(context, server)
    page.goto(f"{server}/chapters/iran-bargaining-chip.html#p13")
    target = page.locator("#p13")
    assert "Gore-Chernomyrdin Memorandum" in target.inner_text()
    assert target.evaluate("el => el.matches(':target')")
    assert log.problems() == []
    context.close()
