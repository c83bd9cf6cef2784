"""The reading experience in the built book, as a student meets it (issue 9).

Notes beside the text on wide screens and in a sheet on phones (keyboard, touch, a note
at the bottom of the screen, no second copy on screen, tap targets), the whole article
on one page, the models' result in view while a slider moves, the timeline's axis,
address and empty state, no sideways scrolling at 375 px, and the book opened from disk.
"""

from __future__ import annotations

import pytest
from browserkit import new_context, open_offline
from conftest import ROOT
from quizdriver import answer, shown_result

from coursebook.grading import correct_response

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}


def open_page(context, server, rel):
    page, log = open_offline(context, server)
    page.goto(f"{server}/{rel}", wait_until="networkidle")
    return page, log


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"] + 0.5


def chapter_notes(book, chapter):
    return [n for p in book.chapter_paragraphs(chapter) for n in book.paragraph_annotations(p)]


def ref(page, note):
    return page.locator(f"a.cb-anno-ref[data-cb-note='note-{note.id}']")


# --- notes ---------------------------------------------------------------------------------


def test_wide_screens_show_notes_in_the_margin_beside_the_text(book, browser, server):
    context = new_context(browser, viewport=WIDE)
    page, log = open_page(context, server, "chapters/hope-of-a-deal.html")
    notes = chapter_notes(book, "hope-of-a-deal")
    article = page.locator("section.cb-article").bounding_box()
    for note in notes:
        side = page.locator(f"#side-note-{note.id}")
        assert side.is_visible()
        box = side.bounding_box()
        # In the margin: right of the article's box, never over it, and on the screen.
        assert box["x"] >= article["x"] + article["width"], note.id
        assert box["x"] + box["width"] <= WIDE["width"], note.id
    # Beside its paragraph: the first note starts level with its number.
    first = notes[0]
    assert abs(page.locator(f"#side-note-{first.id}").bounding_box()["y"] - ref(page, first).bounding_box()["y"]) < 40
    # No second copy on screen: the list after the article is for print and no-script.
    assert page.locator(".cb-notes").is_hidden()
    assert page.locator(".cb-notes li.cb-note").count() == len(notes)
    assert page.evaluate("getComputedStyle(document.querySelector('.cb-notes')).display") == "none"
    # Hovering the highlighted words marks their note; moving away lets go of it.
    side = page.locator(f"#side-note-{first.id}")
    page.locator(f"mark[data-cb-note='note-{first.id}']").hover()
    assert side.evaluate("e => e.classList.contains('cb-current')")
    assert side.locator(".cb-side-sources a").count() == len(first.cite)  # its sources show
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    assert not side.evaluate("e => e.classList.contains('cb-current')")
    # A click pins it, and a glossary link inside highlighted words still leads to its entry.
    page.locator(f"mark[data-cb-note='note-{first.id}']").click()
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    assert side.evaluate("e => e.classList.contains('cb-current')")
    assert log.problems() == []
    context.close()


def test_keyboard_moves_from_note_to_note_and_escape_returns(book, browser, server):
    for viewport in (WIDE, PHONE):
        context = new_context(browser, viewport=viewport)
        page, log = open_page(context, server, "chapters/hope-of-a-deal.html")
        first, second = chapter_notes(book, "hope-of-a-deal")[:2]
        page.locator(f"#{first.paragraph} a.cb-pnum").focus()
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.cbNote") == f"note-{first.id}":
                break
        assert page.evaluate("document.activeElement.dataset.cbNote") == f"note-{first.id}"
        shown = (
            page.locator(f"#side-note-{first.id}.cb-current") if viewport is WIDE else page.locator("#cb-note-sheet")
        )
        assert shown.is_visible()
        assert ref(page, first).get_attribute("aria-expanded") == "true"
        # On to the next note (through the first one's links on wide screens): it opens
        # and stays open — the old popover closed itself after 250 ms.
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.cbNote") == f"note-{second.id}":
                break
        assert page.evaluate("document.activeElement.dataset.cbNote") == f"note-{second.id}"
        page.wait_for_timeout(600)
        assert ref(page, second).get_attribute("aria-expanded") == "true"
        assert ref(page, first).get_attribute("aria-expanded") == "false"
        if viewport is WIDE:
            assert page.locator(f"#side-note-{second.id}").evaluate("e => e.classList.contains('cb-current')")
            assert in_view(page, page.locator(f"#side-note-{second.id}"))
        else:
            sheet = page.locator("#cb-note-sheet")
            assert sheet.is_visible() and second.note.split(".")[0][:40] in sheet.inner_text()
            assert in_view(page, ref(page, second))
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("Escape")
        assert ref(page, second).get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.dataset.cbNote") == f"note-{second.id}"
        if viewport is PHONE:
            assert page.locator("#cb-note-sheet").is_hidden()
        assert log.problems() == []
        context.close()


def test_tapping_the_highlighted_words_opens_the_note_on_a_phone(book, browser, server):
    context = new_context(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    page, log = open_page(context, server, "chapters/iran-bargaining-chip.html")
    note = chapter_notes(book, "iran-bargaining-chip")[0]
    sheet = page.locator("#cb-note-sheet")
    assert page.locator(".cb-notes").is_hidden()  # no list repeated under the article
    page.locator(f"mark[data-cb-note='note-{note.id}']").tap()
    assert sheet.is_visible()
    assert note.note[:40] in sheet.inner_text()
    assert sheet.locator(".cb-sources a").count() == len(note.cite)
    assert page.url.endswith("iran-bargaining-chip.html")  # the tap opened the note, it did not jump
    # Its close button, then the number itself, toggle it.
    sheet.get_by_role("button", name="Close note").tap()
    assert sheet.is_hidden()
    ref(page, note).tap()
    assert sheet.is_visible()
    ref(page, note).tap()
    assert sheet.is_hidden()
    assert log.problems() == []
    context.close()


def test_a_note_at_the_bottom_of_a_phone_screen_fits_above_the_theme_buttons(book, browser, server):
    context = new_context(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    page, log = open_page(context, server, "chapters/two-decades-of-distrust.html")
    note = chapter_notes(book, "two-decades-of-distrust")[-1]
    marker = ref(page, note)
    marker.scroll_into_view_if_needed()
    # Put the number 30 px above the bottom edge, scrolled far enough for "Back to top".
    page.evaluate("y => window.scrollBy(0, y)", marker.bounding_box()["y"] - (PHONE["height"] - 30))
    page.wait_for_timeout(300)
    assert marker.bounding_box()["y"] > PHONE["height"] - 60
    marker.tap()
    sheet = page.locator("#cb-note-sheet")
    assert sheet.is_visible()
    box = sheet.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] + 0.5  # all of it on screen
    assert box["height"] >= 120
    mark = marker.bounding_box()
    assert mark["y"] >= 0 and mark["y"] + mark["height"] <= box["y"]  # the number stays visible above it
    # Nothing of the theme's sits on top of it.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('#cb-note-sheet') !== null",
        [box["x"] + box["width"] - 20, box["y"] + box["height"] - 20],
    )
    assert on_top
    assert page.locator("#pst-back-to-top").is_hidden()
    assert log.problems() == []
    context.close()


def test_every_note_number_is_a_24px_target(browser, server):
    for viewport in (WIDE, PHONE):
        context = new_context(browser, viewport=viewport)
        page, log = open_page(context, server, "chapters/seeking-a-way-out.html")
        sizes = page.locator("a.cb-anno-ref").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
        )
        assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
        context.close()


def test_the_whole_article_reads_without_notes_until_switched_on(book, browser, server):
    context = new_context(browser, viewport=WIDE)
    page, log = open_page(context, server, "chapters/read-the-article.html")
    assert page.locator("section.cb-reading .cb-role-paragraph").count() == 17
    markers = page.locator("sup.cb-anno-sup")
    assert markers.count() == len(book.annotations)
    assert all(not m.is_visible() for m in markers.all()[:5])
    assert page.locator(".cb-side:visible").count() == 0
    box = page.get_by_role("checkbox", name="Fact-check")
    assert not box.is_checked()
    box.check()
    visible = page.locator("sup[data-cb-layer='fact-check']:visible")
    assert visible.count() == sum(1 for a in book.annotations.values() if a.layer == "fact-check")
    assert page.locator("sup[data-cb-layer='context']:visible").count() == 0
    # The choice is this page's own: chapters keep every layer on.
    page.reload(wait_until="networkidle")
    assert page.get_by_role("checkbox", name="Fact-check").is_checked()
    page.goto(f"{server}/chapters/hope-of-a-deal.html", wait_until="networkidle")
    assert page.get_by_role("checkbox", name="Context").is_checked()
    # Each paragraph number leads to the chapter that reads it closely.
    page.goto(f"{server}/chapters/read-the-article.html", wait_until="networkidle")
    page.locator("section.cb-reading #p13 a.cb-pnum").click()
    page.wait_for_url("**/iran-bargaining-chip.html#p13")
    assert log.problems() == []
    context.close()


def test_the_passage_starts_on_the_first_screen(book, browser, server):
    for viewport, limit in ((WIDE, 800), (PHONE, 1200)):
        context = new_context(browser, viewport=viewport)
        for chapter in book.article.chapters:
            page, log = open_page(context, server, f"chapters/{chapter.id}.html")
            top = page.locator("section.cb-article .cb-line").first.evaluate(
                "e => e.getBoundingClientRect().top + scrollY"
            )
            assert top <= limit, (chapter.id, viewport, top)
            # Reference material starts collapsed, with its count.
            sources = page.locator("details.cb-sources-details")
            assert sources.count() == 1 and not sources.evaluate("d => d.open")
            assert "sources" in sources.locator("summary").inner_text()
            page.close()
        context.close()


# --- models ---------------------------------------------------------------------------------


def test_the_verdict_and_chart_stay_in_view_while_the_lowest_slider_moves(browser, server):
    for chapter, widget, slider in (
        ("seeking-a-way-out", "#cb-model-deadend", "#cb-deadend-horizon"),
        ("iran-bargaining-chip", "#cb-model-iran", ".cb-iran .cb-param-range >> nth=-1"),
    ):
        for viewport in (WIDE, PHONE):
            context = new_context(browser, viewport=viewport)
            page, log = open_page(context, server, f"chapters/{chapter}.html")
            page.wait_for_selector(f"{widget}[data-cb-ready='true']")
            range_input = page.locator(slider)
            for block in ("end", "center"):
                range_input.evaluate(f"e => e.scrollIntoView({{block: '{block}'}})")
                range_input.focus()
                for _ in range(6):
                    page.keyboard.press("ArrowLeft")
                assert in_view(page, range_input)
                if viewport is WIDE:
                    assert in_view(page, page.locator(f"{widget} .cb-model-sentence")), (chapter, block)
                    assert in_view(page, page.locator(f"{widget} .cb-chart svg")), (chapter, block)
                else:
                    glance = page.locator(f"{widget} .cb-model-glance")
                    assert in_view(page, glance), (chapter, block)
                    assert glance.inner_text().strip()
                # Presets stay visible (not folded away).
                assert page.locator(f"{widget} .cb-preset").first.is_visible()
            if viewport is PHONE:
                sizes = page.locator(f"{widget} .cb-chart svg text").evaluate_all(
                    "els => els.map(t => parseFloat(getComputedStyle(t).fontSize)"
                    " * t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width)"
                )
                assert sizes and min(sizes) >= 12, (chapter, min(sizes))
            assert log.problems() == []
            context.close()


# --- the timeline ----------------------------------------------------------------------------


CLS = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({type: "layout-shift", buffered: true});
"""


def test_the_timeline_keeps_its_filters_in_the_address(book, browser, server):
    context = new_context(browser, viewport=WIDE)
    page, log = open_page(context, server, "chapters/timeline.html")
    page.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    events = sorted(book.events.values(), key=lambda e: e.date)
    page.get_by_label("Who").select_option("iran")
    page.locator("#cb-timeline-kind-diplomacy").check()
    assert "who=iran" in page.url and "kind=diplomacy" in page.url
    expected = [e.id for e in events if "iran" in e.actors and e.kind == "diplomacy"]
    shared = page.url
    # The shared address opens the same view.
    other = context.new_page()
    other.goto(shared, wait_until="networkidle")
    other.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    assert other.get_by_label("Who").input_value() == "iran"
    assert other.locator("#cb-timeline-kind-diplomacy").is_checked()
    assert other.locator(".cb-event").evaluate_all("els => els.map(e => e.dataset.event)") == expected
    other.close()
    # Nothing matches: say so, and offer the way out.
    page.get_by_label("When").select_option("1994-2000")
    page.locator("#cb-timeline-kind-sanctions").check()
    page.locator("#cb-timeline-kind-diplomacy").uncheck()
    if page.locator(".cb-event").count() == 0:
        empty = page.locator(".cb-timeline-empty")
        assert empty.is_visible() and "No events match" in empty.inner_text()
        empty.get_by_role("button", name="Clear the filters").click()
        assert page.locator(".cb-event").count() == len(events)
        assert "who=" not in page.url and "kind=" not in page.url
    assert log.problems() == []
    context.close()


def test_the_timeline_has_an_axis_eras_and_a_jump_to_a_year(book, browser, server):
    context = new_context(browser, viewport=PHONE)
    context.add_init_script(CLS)
    page, log = open_page(context, server, "chapters/timeline.html")
    page.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") <= 0.1
    events = sorted(book.events.values(), key=lambda e: e.date)
    dots = page.locator(".cb-axis-dot")
    assert dots.count() == len(events)
    # Proportional: the gap from 1994 to 2015 is wider than from 2015 to 2017.
    xs = {e.id: dots.nth(i).bounding_box()["x"] for i, e in enumerate(events)}
    first, last = events[0], events[-1]
    assert xs[first.id] < xs[last.id]
    assert [b.inner_text().split(" (")[0] for b in page.locator(".cb-era-button").all()] == [
        "Before the intervention",
        "The intervention, 2015–2016",
        "2017 and the article",
        "Afterwards",
    ]
    # Jump to a year: the first event of that year comes to the top, below the sticky bar.
    target = next(e for e in events if e.date.startswith("2010"))
    page.get_by_label("Jump to", exact=True).select_option("2010")
    page.wait_for_timeout(200)
    item = page.locator(f"#event-{target.id}")
    assert page.evaluate("document.activeElement.id") == f"event-{target.id}"
    assert in_view(page, item.locator(".cb-event-title"))
    # The filter bar stays reachable from deep in the list.
    bar = page.locator(".cb-timeline-bar")
    assert in_view(page, bar)
    bar.get_by_role("link", name="Filters").click()
    assert page.evaluate("document.activeElement.id") == "cb-timeline-actor"
    page.get_by_role("button", name="2017 and the article").click()
    article_year = next(e for e in events if e.date >= "2017")
    assert page.evaluate("document.activeElement.id") == f"event-{article_year.id}"
    assert log.problems() == []
    context.close()


# --- phones fit -----------------------------------------------------------------------------

BEYOND = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("pre, .highlight, .cb-sr-only, .visually-hidden, .bd-sidebar-primary, dialog:not([open])")) continue;
    const closed = el.closest("details:not([open])");
    if (closed && !el.closest("summary")) continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.height && box.right > limit && getComputedStyle(el).visibility !== "hidden")
      out.push(el.tagName.toLowerCase() + "." + [...el.classList].join("."));
  }
  return {wide: document.documentElement.scrollWidth - document.documentElement.clientWidth, beyond: out.slice(0, 5)};
}"""


def test_no_page_scrolls_sideways_or_cuts_text_on_a_phone(site, browser, server):
    from test_browser_smoke import all_pages

    context = new_context(browser, viewport=PHONE)
    failures = {}
    for rel in all_pages(site):
        if rel == "index.html":
            continue
        page, log = open_page(context, server, rel)
        page.wait_for_timeout(100)
        found = page.evaluate(BEYOND)
        if found["wide"] > 0 or found["beyond"]:
            failures[rel] = found
        page.close()
    context.close()
    assert failures == {}


# --- from disk ---------------------------------------------------------------------------------


def open_file(context, site, rel, query=""):
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto((site / rel).as_uri() + query, wait_until="load")
    return page, problems


def test_the_book_works_opened_from_disk(book, site, browser):
    context = new_context(browser, viewport=WIDE)
    # A chapter: its quiz answers, its slider moves, its notes open.
    page, problems = open_file(context, site, "chapters/iran-bargaining-chip.html")
    page.wait_for_selector("#cb-model-iran[data-cb-ready='true']")
    question = book.quizzes["iran-bargaining-chip"][0]
    page.wait_for_selector(f"#cb-q-{question.id}")
    answer(page, question, correct_response(question))
    assert shown_result(page, question)[0] == "correct"
    sentence = page.locator("#cb-model-iran .cb-model-sentence")
    before = sentence.inner_text()
    page.locator(".cb-iran .cb-param-range").first.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    assert sentence.inner_text() != before
    note = chapter_notes(book, "iran-bargaining-chip")[0]
    ref(page, note).click()
    assert page.locator(f"#side-note-{note.id}.cb-current").is_visible()
    # A term's preview, from the shared previews script (a classic script, so from disk too).
    term = page.locator("a.cb-term[data-cb-term='s-300']").first
    term.hover()
    entry = book.glossary["s-300"]
    page.get_by_role("tooltip").wait_for()
    assert page.get_by_role("tooltip").inner_text() == f"{entry.term}: {entry.definition}"
    assert problems == []
    # The timeline.
    page, problems = open_file(context, site, "chapters/timeline.html")
    page.wait_for_selector("#cb-timeline[data-cb-ready='true']")
    assert page.locator(".cb-event").count() == len(book.events)
    page.get_by_label("Who").select_option("iran")
    assert 0 < page.locator(".cb-event").count() < len(book.events)
    assert problems == []
    # The progress page grades the answer above, with the questions from its shared script.
    page, problems = open_file(context, site, "chapters/progress.html")
    page.wait_for_selector("#cb-progress[data-cb-ready='true']")
    row = page.locator("tr[data-chapter='iran-bargaining-chip'] .cb-progress-answered")
    assert row.inner_text().strip() == f"1 / {len(book.quizzes['iran-bargaining-chip'])}"
    assert problems == []
    # Search needs a server: it says so in one sentence, and nothing fails.
    page, problems = open_file(context, site, "search.html", "?q=iran")
    page.wait_for_timeout(300)
    note = page.locator("#search-results .cb-search-offline")
    assert note.is_visible() and "needs the book to be served by a web server" in note.inner_text()
    assert problems == []
    context.close()


def test_search_still_works_when_served(browser, server):
    context = new_context(browser, viewport=WIDE)
    page, log = open_page(context, server, "search.html?q=Gore-Chernomyrdin")
    page.wait_for_selector("#search-results li", timeout=15000)
    assert page.locator("#search-results li").count() >= 1
    assert page.locator(".cb-search-offline").count() == 0
    assert log.problems() == []
    context.close()


def test_pages_load_no_fontawesome_script_and_one_stylesheet(site):
    from test_browser_smoke import all_pages

    for rel in all_pages(site):
        if rel == "index.html":  # a one-line redirect to chapters/index.html
            continue
        text = (site / rel).read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, rel
        assert text.count('rel="stylesheet"') <= 2, rel  # the site's stylesheet (+ the maps' on one page)
        assert '<meta name="description" content="' in text, rel
        if rel != "search.html":
            assert "searchindex.js" not in text, rel
    assert not (site / "_static" / "scripts" / "fontawesome.js").exists()
    fonts = list((site / "_static" / "vendor" / "fontawesome" / "webfonts").glob("*.woff2"))
    assert fonts and all(f.stat().st_size < 20_000 for f in fonts)  # cut down to the glyphs used
    assert ROOT.joinpath("package.json").read_text().count('"lighthouse": "12.2.3"') == 1
