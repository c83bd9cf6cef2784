"""The fixture book (tests/books/mini): hostile text in data shows as text, never runs.

Its quiz puts ``<img src=x onerror=alert(1)>``, ``</script>``, an iframe, an SVG
with onload and a javascript: link into prompts, options, feedback and explanations.
"""

from __future__ import annotations

import pytest
from browserkit import new_context, open_offline, run_axe

pytestmark = pytest.mark.browser


def test_the_embedded_state_cannot_break_out_of_its_script_tag(mini_site):
    html = (mini_site / "chapters" / "reading.html").read_text(encoding="utf-8")
    start = html.index('data-cb-widget="quiz"')
    widget = html[start : html.index("</div>", start)]
    assert widget.count("</script>") == 1  # only the tag's own end
    for needle in ("<img", "<iframe", "<svg", "<b>", "<a href=javascript"):
        assert needle not in widget
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in widget


def test_hostile_text_shows_literally_and_runs_nothing(mini_server, browser):
    context = new_context(browser)
    page, log = open_offline(context, mini_server)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{mini_server}/chapters/reading.html", wait_until="networkidle")
    # Widgets far from the screen start a little after load (host.js): wait for all of them.
    page.wait_for_function("[...document.querySelectorAll('.cb-widget')].every((w) => w.dataset.cbReady === 'true')")

    card = page.locator("#cb-q-hostile-option")
    assert (
        card.locator("legend").inner_text()
        == "</script><script>window.__pwned = 1</script> Which option is the image tag?"
    )
    # (options are shuffled per student: each is found by its file index)
    first, second = (card.locator(f"label[for='cb-q-hostile-option-opt-{i}']") for i in (0, 1))
    assert first.inner_text() == "<img src=x onerror=alert(1)>"
    assert second.inner_text() == "</div><iframe src=javascript:alert(2)></iframe>"
    first.click()
    card.get_by_role("button", name="Check answer").click()
    assert card.locator(".cb-q-feedback-list li").all_inner_texts() == ["<b>bold?</b> shown as text"]
    assert (
        card.locator(".cb-q-explanation").inner_text()
        == "Why: <a href=javascript:alert(4)>not a link</a> & an ampersand"
    )
    card.get_by_role("button", name="Try again").click()
    second.click()
    card.get_by_role("button", name="Check answer").click()
    assert card.locator(".cb-q-feedback-list li").all_inner_texts() == ["<script>alert(3)</script>"]

    match = page.locator("#cb-q-hostile-match")
    assert match.locator("label").first.inner_text() == "<svg onload=alert(5)>"
    options = match.locator("select").first.locator("option").all_inner_texts()
    assert "&lt;entity&gt;" in options
    assert "\u2028line\u2029separators" in options

    assert page.evaluate("typeof window.__pwned") == "undefined"
    # Widgets start as they come near the screen: scroll to the prompts as a reader would.
    think = page.locator(".cb-widget[data-cb-widget='prompts']")
    think.scroll_into_view_if_needed()
    page.wait_for_selector(".cb-widget[data-cb-widget='prompts'][data-cb-ready='true']")
    prompt = page.get_by_label("<img src=x onerror=alert(6)> What would you write </textarea><b>here</b>?", exact=False)
    assert prompt.count() == 1
    prompt.fill("<script>window.__pwned = 2</script>")
    prompt.blur()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".cb-quiz img, .cb-quiz iframe, .cb-quiz svg, .cb-quiz b, .cb-quiz script").count() == 0
    assert page.locator(".cb-think-root img, .cb-think-root b, .cb-think-root script").count() == 0
    assert dialogs == []
    assert log.problems() == []
    context.close()


def test_fixture_book_renders_every_directive_and_widget(mini_server, browser, mini_site):
    context = new_context(browser)
    page, log = open_offline(context, mini_server)
    page.goto(f"{mini_server}/chapters/reading.html", wait_until="networkidle")
    page.locator(".cb-objectives > summary").click()  # the objectives start collapsed, one click away
    assert (
        page.locator(".cb-objectives li").inner_text()
        == "Read a paragraph that contains <em>markup</em> as plain text."
    )
    assert page.locator("#p1 .cb-text").inner_text().startswith("This made-up paragraph")
    assert page.locator(".cb-role-title .cb-text").inner_text() == "A test article"
    # Every widget on every page starts, with no console error, no request to another host and
    # no serious accessibility problem.
    started = {}
    for name in ("reading", "timeline", "progress", "read-the-article", "glossary", "people", "places", "claims"):
        page.goto(f"{mini_server}/chapters/{name}.html", wait_until="networkidle")
        widgets = page.locator(".cb-widget")
        for i in range(widgets.count()):
            widgets.nth(i).scroll_into_view_if_needed()
        page.wait_for_function("[...document.querySelectorAll('.cb-widget')].every(w => w.dataset.cbReady === 'true')")
        started[name] = sorted(widgets.nth(i).get_attribute("data-cb-widget") for i in range(widgets.count()))
        serious = [v["id"] for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{name}: {serious}"
    assert started["reading"] == ["deadend", "iran", "prompts", "quiz", "quiz"]  # one quiz placed in the reading
    assert started["timeline"] == ["timeline"] and started["progress"] == ["progress"]
    assert page.locator("text=It says nothing about Syria").count() >= 1  # the claims table quotes its claim
    page.goto(f"{mini_server}/chapters/progress.html", wait_until="networkidle")
    page.wait_for_selector(".cb-widget[data-cb-ready='true']")
    assert page.locator("tr[data-chapter='reading'] .cb-progress-answered").inner_text().strip() == "0 / 2"
    assert log.problems() == []
    context.close()


def test_the_student_edition_has_no_answer_key_or_teaching_notes(mini_site):
    html = (mini_site / "chapters" / "reading.html").read_text(encoding="utf-8")
    assert "cb-instructor" not in html
    assert "Teaching note for the fixture" not in html
    assert "Instructor edition" not in html


def test_the_instructor_edition_adds_them(mini_instructor_site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(
        (mini_instructor_site / "chapters" / "reading.html").read_text(encoding="utf-8"), "html.parser"
    )
    boxes = soup.select(".cb-instructor")
    assert [b.select_one(".cb-instructor-title").get_text() for b in boxes] == [
        "For instructors",
        "Answer key (instructor edition only)",
    ]
    assert "Teaching note for the fixture" in boxes[0].get_text()
    rows = boxes[1].select("tbody tr")
    assert len(rows) == 2
    # The answer is the hostile option's text, shown as text.
    # Every option in file order, the key marked.
    assert [li.get_text(strip=True) for li in rows[0].select("td")[1].select("li")] == [
        "✓ <img src=x onerror=alert(1)> (key)",
        "</div><iframe src=javascript:alert(2)></iframe>",
    ]
    assert not boxes[1].select("img")
    assert "Instructor edition" in soup.get_text()


def test_the_page_takes_its_note_layers_from_the_book(mini_server, browser, mini_site):
    """data/layers.yaml is the one list: the layer bar carries it, the notes script uses it
    (a layer no other book has included), and switching a layer off hides its notes."""
    html = (mini_site / "chapters" / "reading.html").read_text(encoding="utf-8")
    assert 'data-layers="context source-check"' in html
    context = new_context(browser)
    page, log = open_offline(context, mini_server)
    page.goto(f"{mini_server}/chapters/reading.html", wait_until="networkidle")
    mark = page.locator("mark.cb-anno").first
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.get_by_label("Context (1)").uncheck()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert page.locator("sup.cb-anno-sup").first.is_hidden()
    stored = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.endsWith('layers')).map(k => JSON.parse(localStorage[k]))"
    )
    assert stored == [{"context": False, "source-check": True}]
    assert log.problems() == []
    context.close()
