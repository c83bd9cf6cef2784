"""Notes, term previews and the timeline in the static book, with other hosts blocked."""

from __future__ import annotations

import pytest
from browserkit import new_context, open_offline

from coursebook.timeline import filter_events

pytestmark = pytest.mark.browser


def open_page(context, server, rel):
    page, log = open_offline(context, server)
    page.goto(f"{server}/chapters/{rel}", wait_until="networkidle")
    return page, log


def plain(text: str) -> str:
    """Commentary is typeset with curly quotes (Sphinx's smart quotes); data has straight ones."""
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")


def test_switching_off_a_layer_is_remembered_across_pages(book, context, server):
    page, log = open_page(context, server, "seeking-a-way-out.html")
    page.wait_for_selector(".cb-layer-bar")
    rhetoric = [a for a in book.annotations.values() if a.layer == "rhetoric"]
    refs = page.locator("sup[data-cb-layer='rhetoric']")
    assert refs.count() > 0 and refs.first.is_visible()
    box = page.get_by_role("checkbox", name="Rhetoric")
    box.focus()
    page.keyboard.press("Space")
    assert not box.is_checked()
    assert not refs.first.is_visible()
    background = page.locator("mark.cb-layer-rhetoric").first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".cb-note.cb-layer-rhetoric").first.is_hidden()
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".cb-layer-bar")
    assert not page.get_by_role("checkbox", name="Rhetoric").is_checked()
    assert not page.locator("sup[data-cb-layer='rhetoric']").first.is_visible()
    # Another chapter honours the same choice; the other layers stay on.
    page.goto(f"{server}/chapters/two-decades-of-distrust.html", wait_until="networkidle")
    page.wait_for_selector(".cb-layer-bar")
    assert not page.get_by_role("checkbox", name="Rhetoric").is_checked()
    assert page.get_by_role("checkbox", name="Fact-check").is_checked()
    assert page.locator("sup[data-cb-layer='fact-check']").first.is_visible()
    assert len(rhetoric) >= 8
    assert log.problems() == []


def test_a_term_previews_on_hover_and_focus(book, context, server):
    page, log = open_page(context, server, "iran-bargaining-chip.html")
    page.wait_for_selector(".cb-layer-bar")
    link = page.locator("a.cb-term[data-cb-term='s-300']").first
    entry = book.glossary["s-300"]
    # The previews are fetched when a reader first points at a term, not with the page.
    assert page.evaluate("typeof window.cbPreviews") == "undefined"
    link.hover()
    tip = page.get_by_role("tooltip")
    tip.wait_for()
    assert tip.inner_text() == f"{entry.term}: {entry.definition}"
    assert link.get_attribute("aria-describedby") == "cb-term-tip"
    # The text comes from the book's one previews script, not from a copy in the page.
    assert page.locator("[data-cb-preview]").count() == 0
    assert entry.definition not in page.content().split('<div class="cb-popover')[0]
    page.mouse.move(0, 0)
    assert tip.count() == 0
    link.focus()
    page.get_by_role("tooltip").wait_for()
    page.keyboard.press("Escape")
    assert page.get_by_role("tooltip").count() == 0
    # Following the link leads to the glossary entry.
    link.click()
    page.wait_for_url("**/glossary.html#term-s-300")
    assert page.locator("#term-s-300").is_visible()
    # A page without term links does not load the previews script.
    assert page.locator("script[src*='previews.js']").count() == 0
    assert log.problems() == []


def test_a_term_preview_on_a_phone_then_its_entry(book, browser, server):
    context = new_context(browser, viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    page, log = open_page(context, server, "iran-bargaining-chip.html")
    page.wait_for_selector(".cb-layer-bar")
    link = page.locator("a.cb-term[data-cb-term='s-300']").first
    entry = book.glossary["s-300"]
    # Keyboard focus shows the preview on a phone too; a tap follows the link to the entry.
    link.focus()
    assert page.get_by_role("tooltip").inner_text() == f"{entry.term}: {entry.definition}"
    link.tap()
    page.wait_for_url("**/glossary.html#term-s-300")
    assert page.locator("#term-s-300").is_visible()
    assert log.problems() == []
    context.close()


def test_the_timeline_filters_like_the_reference_rule(book, context, server):
    page, log = open_page(context, server, "timeline.html")
    page.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    events = list(book.events.values())
    assert page.locator(".cb-event").count() == len(events)
    combos = [
        {"actor": "iran", "period": "", "kinds": []},
        {"actor": "", "period": "2015-2017", "kinds": ["military"]},
        {"actor": "russia", "period": "after-2017", "kinds": ["diplomacy", "sanctions"]},
        {"actor": "", "period": "1994-2000", "kinds": []},
    ]
    for combo in combos:
        page.get_by_role("button", name="Show all events").click()
        if combo["actor"]:
            page.get_by_label("Who").select_option(combo["actor"])
        if combo["period"]:
            page.get_by_label("When").select_option(combo["period"])
        for kind in combo["kinds"]:
            page.locator(f"#cb-timeline-kind-{kind}").check()
        shown = page.locator(".cb-event").evaluate_all("els => els.map(e => e.dataset.event)")
        expected = [
            e.id for e in filter_events(events, combo["actor"], combo["period"], combo["kinds"], book.periods.values())
        ]
        assert shown == expected, combo
        assert expected, combo
        assert page.locator(".cb-timeline-count").inner_text() == f"Showing {len(expected)} of {len(events)} events."
    assert set(book.periods) <= set(
        page.get_by_label("When").locator("option").evaluate_all("os => os.map(o => o.value)")
    )
    assert log.problems() == []


def test_the_timeline_marks_events_that_are_disputed_or_rest_on_unnamed_sources(book, context, server):
    page, log = open_page(context, server, "timeline.html")
    page.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    marked = page.locator(".cb-event-sourcing").evaluate_all(
        "els => els.map(e => [e.closest('.cb-event').dataset.event, e.textContent])"
    )
    expected = {"disputed": "Disputed", "anonymous": "Unnamed sources"}
    assert sorted(marked) == sorted([e.id, expected[e.sourcing]] for e in book.events.values() if e.sourcing)
    assert page.locator("#event-iran-missiles-to-russia-2024 .cb-event-head").inner_text().endswith("Disputed")
    assert log.problems() == []


def test_an_event_leads_to_its_passage_and_back(book, context, server):
    event = next(e for e in sorted(book.events.values(), key=lambda e: e.date) if "p13" in e.paragraphs)
    page, log = open_page(context, server, "timeline.html")
    page.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    page.get_by_label("Who").select_option(event.actors[0])
    item = page.locator(f"#event-{event.id}")
    item.get_by_role("link", name="¶13", exact=False).click()
    page.wait_for_url("**/iran-bargaining-chip.html#p13")
    assert page.locator("#p13").evaluate("el => el.matches(':target')")
    # ... and from the paragraph back to the event, by keyboard.
    summary = page.locator("#p13 details.cb-para-events > summary")
    summary.focus()
    page.keyboard.press("Enter")
    link = page.locator(f"#p13 details.cb-para-events a[href='timeline.html#event-{event.id}']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/timeline.html#event-{event.id}")
    page.wait_for_selector(".cb-event-target")
    assert page.locator(".cb-event-target").get_attribute("id") == f"event-{event.id}"
    assert page.evaluate("document.activeElement.id") == f"event-{event.id}"
    assert log.problems() == []


def test_places_map_is_inline_svg_with_every_place(book, context, server):
    page, log = open_page(context, server, "places.html")
    drawn = set(page.locator(".cb-map [data-place]").evaluate_all("els => els.map(e => e.dataset.place)"))
    missing = set(book.places) - drawn
    if missing:  # a place outside both maps is named under them
        note = page.locator(".cb-map-elsewhere").inner_text()
        assert all(book.places[p].name in note for p in missing), missing
    assert len(drawn) >= len(book.places) - 3
    assert page.locator(".cb-map svg[role='img'] title").count() == 2
    assert log.problems() == []
